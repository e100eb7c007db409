"""查找 (Ctrl+F): find a word in what the page shows — the notice text, the draft, a table's rows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

Target = QPlainTextEdit | QAbstractItemView | None


def find_in_text(edit: QPlainTextEdit, word: str, backward: bool = False) -> bool:
    """Select the next (or previous) ``word`` in ``edit``, wrapping round at the end."""
    flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
    if edit.find(word, flags):
        return True
    cursor = edit.textCursor()
    cursor.movePosition(cursor.MoveOperation.End if backward else cursor.MoveOperation.Start)
    edit.setTextCursor(cursor)
    return edit.find(word, flags)


def find_in_view(view: QAbstractItemView, word: str, backward: bool = False) -> bool:
    """Select the next (or previous) cell whose text contains ``word``, row by row, wrapping round."""
    model = view.model()
    rows, cols = model.rowCount(), model.columnCount()
    if not rows or not cols:
        return False
    current = view.currentIndex()
    start = current.row() * cols + current.column() if current.isValid() else (-1 if not backward else rows * cols)
    step = -1 if backward else 1
    for offset in range(1, rows * cols + 1):
        cell = (start + step * offset) % (rows * cols)
        index = model.index(*divmod(cell, cols))
        if word in str(index.data() or ""):
            view.setCurrentIndex(index)
            view.scrollTo(index)
            return True
    return False


class FindBar(QWidget):
    """A one-line bar: the word, 上一个 / 下一个, and whether it was found. ``target()`` names where
    to look on the page shown now."""

    def __init__(self, target: Callable[[], Target], parent: QWidget | None = None):
        super().__init__(parent)
        self.target = target
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("查找当前页中的文字"))
        self.edit.returnPressed.connect(lambda: self.find())
        previous = QPushButton(self.tr("上一个"))
        previous.clicked.connect(lambda: self.find(backward=True))
        following = QPushButton(self.tr("下一个"))
        following.clicked.connect(lambda: self.find())
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.hide)
        self.result = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.addWidget(QLabel(self.tr("查找")))
        layout.addWidget(self.edit, 1)
        for widget in (previous, following, self.result, close):
            layout.addWidget(widget)
        self.hide()

    def open(self) -> None:
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def find(self, word: str | None = None, backward: bool = False) -> bool:
        word = (word if word is not None else self.edit.text()).strip()
        if not word:
            return False
        target = self.target()
        if isinstance(target, QPlainTextEdit):
            found = find_in_text(target, word, backward)
        elif isinstance(target, QAbstractItemView):
            found = find_in_view(target, word, backward)
        else:
            self.result.setText("本页没有可查找的内容")
            return False
        self.result.setText("" if found else f"未找到“{word}”")
        return found
