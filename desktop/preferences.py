"""The app's few choices kept with the user data (not QSettings): the layout profile."""

from __future__ import annotations

import json
from typing import Any

from parsing.locations import user_data_dir

PREFERENCES_FILE = "desktop.json"


def load_preferences() -> dict[str, Any]:
    path = user_data_dir() / PREFERENCES_FILE
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def save_preferences(data: dict[str, Any]) -> None:
    """Write atomically (temp file beside, then os.replace)."""
    from drafting.atomic import atomic_write_text

    atomic_write_text(user_data_dir() / PREFERENCES_FILE, json.dumps(data, ensure_ascii=False, indent=2))
