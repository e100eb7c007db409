"""Widgets, Qt models over the core objects, and dialogs."""

import desktop.qt_refcounts  # noqa: F401  (PySide6 6.12 on Python 3.11: see there)
