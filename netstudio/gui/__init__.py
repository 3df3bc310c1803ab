"""The desktop editor (everything Qt lives under this package).

Nothing heavy is imported here: the window appears before PyTorch loads.
"""
