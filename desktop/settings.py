"""QSettings for window geometry, splitter layout and recent files only (user data is in the store)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 10


class AppSettings:
    """Typed access to the few things QSettings keeps."""

    def __init__(self, settings: QSettings | None = None):
        self.qs = settings or QSettings("PolicyDesk", "PolicyDesk")

    def recent_files(self) -> list[str]:
        value = self.qs.value("recent_files", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def add_recent(self, path: str | Path) -> list[str]:
        path = str(Path(path).resolve())
        files = [path] + [p for p in self.recent_files() if p != path]
        files = files[:MAX_RECENT]
        self.qs.setValue("recent_files", files)
        return files

    def geometry(self, key: str) -> QByteArray | None:
        value = self.qs.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_geometry(self, key: str, value: QByteArray) -> None:
        self.qs.setValue(key, value)

    def page(self) -> int:
        try:
            return int(self.qs.value("page", 0))
        except (TypeError, ValueError):
            return 0

    def set_page(self, index: int) -> None:
        self.qs.setValue("page", index)

    def sync(self) -> None:
        self.qs.sync()
