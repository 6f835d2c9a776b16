"""Distillation: the intent corpus, teacher labels, behavioral filtering and data splits.

Build-time only; the app never imports this package.
"""
