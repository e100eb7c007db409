"""Widgets, Qt models over the core objects, and dialogs."""
