"""The PolicyDesk application: the CLI, the main window and background workers (PySide6)."""
