"""PySide6 6.12 on Python 3.11 drops a reference to True on every Signal.emit() and to None on every
void call; the app guards against it (desktop/qt_refcounts.py) so a long session never aborts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import desktop.ui
from PySide6.QtWidgets import QApplication, QLineEdit
app = QApplication([])
edit = QLineEdit()
for _ in range(100_000):  # True and None start with a few thousand references
    edit.editingFinished.emit()
    edit.setText("收文")
print("alive")
"""


@pytest.mark.gui
def test_more_signals_than_references_do_not_abort_the_app():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "alive"
