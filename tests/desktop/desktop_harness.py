"""Shared pieces of the desktop tests: a main-window fixture with throw-away settings, waiting for jobs.

Not a conftest.py on purpose: a second ``conftest`` module would shadow the root one that other
test folders import from (``from corpus import seed``). Test modules import from here instead.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from desktop.settings import AppSettings

# The offscreen platform warns that it cannot size windows from hints; that is not a failure.
QT_LOG_IGNORE = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture(name="window")
def window_fixture(qtbot, tmp_path):
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

