"""Distillation: the intent corpus, teacher labels, behavioral filtering, data splits,
student training, conversion and augmentation.

Build-time code only: the prompt format training shares with the runtime lives in
``editor.prompts`` (``editor.distill.prompts`` re-exports it). This ``__init__`` imports
nothing, so importing one of these modules does not pay for torch.
"""
