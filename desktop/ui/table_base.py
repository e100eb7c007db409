"""The shared shape of the app's table models: a header tuple over a list of row objects."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

AnyIndex = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the invisible root, as a default argument
DISPLAY = Qt.ItemDataRole.DisplayRole


class HeaderedTableModel(QAbstractTableModel):
    """A flat table: one row per item of :meth:`row_items`, one column per entry of ``HEADERS``."""

    HEADERS: tuple[str, ...] = ()

    def row_items(self) -> Sequence[Any]:
        raise NotImplementedError

    def rowCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self.row_items())

    def columnCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS):
            return self.HEADERS[section]
        return None
