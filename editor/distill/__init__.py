"""Distillation: the intent corpus, teacher labels, behavioral filtering, data splits,
student training, conversion and augmentation.

Build-time code, with one exception: ``editor.distill.prompts`` is shared with the
runtime (``editor.model``) so that training and inference build prompts the same way.
This ``__init__`` therefore imports nothing, so the runtime does not pay for torch.
"""
