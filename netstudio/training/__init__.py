"""Datasets, the training loop, metrics and checkpoints. No Qt.

Importing this package loads nothing heavy: torch is imported by the modules that need it, when
they are used.
"""
