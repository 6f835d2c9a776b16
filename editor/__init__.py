"""Offline text-to-color-grade editor: look schema, color pipeline, export, student model."""

__version__ = "0.1.0"
