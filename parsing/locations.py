"""Where things live: bundled resources and templates, and the user's data folder.

The one module that decides paths (qutebrowser's ``standarddir``): user data goes to the
platform's data folder, or to ``$POLICYDESK_HOME`` when it is set.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

PROJECT_ROOT = Path(__file__).resolve().parent.parent
RESOURCES_DIR = PROJECT_ROOT / "resources"
TEMPLATES_DIR = PROJECT_ROOT / "templates"


def resource(name: str) -> Path:
    """Path of a bundled resource file (``resources/<name>``)."""
    return RESOURCES_DIR / name


def user_data_dir() -> Path:
    """The user's PolicyDesk data folder, created on first use."""
    override = os.environ.get("POLICYDESK_HOME")
    path = Path(override) if override else Path(platformdirs.user_data_dir("PolicyDesk", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path
