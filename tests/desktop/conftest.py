"""Fixtures of the desktop tests: a main window with throw-away settings, and waiting for jobs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from desktop.settings import AppSettings

# The root conftest's helpers, repeated: this file shadows the module name ``conftest`` here.
SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEEDS_DIR = SHARED / "corpus" / "seeds"
GOLD_DIR = SHARED / "gold"


def seed(prefix: str) -> Path:
    """The seed whose name starts with ``prefix`` (``"002"``)."""
    (path,) = [p for p in sorted(SEEDS_DIR.glob("*.txt")) if p.name.startswith(prefix)]
    return path


@pytest.fixture
def window(qtbot, tmp_path):
    from desktop.app import create_application
    from desktop.main_window import MainWindow

    create_application()
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    yield win
    win.runner.cancel_all()
    win.runner.wait(10000)
    win.session.close()


def wait_done(qtbot, state, timeout=60000):
    """Wait for a TaskState to finish and return it (its .state tells how)."""
    assert state is not None
    if state.running:
        with qtbot.waitSignal(state.done, timeout=timeout):
            pass
    return state


def pytest_collection_modifyitems(config, items):
    """The offscreen platform warns that it cannot size windows from hints; that is not a failure."""
    for item in items:
        if "tests/desktop/" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore("propagateSizeHints"))
