"""The panels in the main window's docks: summary, problems, and those training fills."""
