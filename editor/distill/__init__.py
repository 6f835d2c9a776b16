"""Distillation: teacher data to the shipped student model (build-time; needs the train extra)."""
