"""Drive the main window without a person: open, draft, export, delegate, take screenshots.

Used by ``policydesk gui --screenshot`` and by :mod:`desktop.demo`. Waiting uses a local event
loop that quits when the job's ``done`` signal arrives — no ``processEvents`` busy-wait.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer

from desktop.app import create_application
from desktop.main_window import MainWindow
from desktop.settings import AppSettings
from desktop.worker import TaskState


def wait_for(state: TaskState | None, timeout_ms: int = 180_000) -> bool:
    """Run the event loop until ``state`` is done; True when it finished successfully."""
    if state is None:
        return False
    if state.running:
        loop = QEventLoop()
        state.done.connect(loop.quit)
        QTimer.singleShot(timeout_ms, loop.quit)
        loop.exec()
    return state.state == "finished"


def settle(ms: int = 150) -> None:
    """Let pending paints and layouts happen."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def make_window(size: tuple[int, int] = (1360, 860)) -> MainWindow:
    """A main window with throw-away QSettings (the user's layout is neither read nor changed)."""
    create_application()
    ini = Path(tempfile.mkdtemp(prefix="pd-settings-")) / "settings.ini"
    window = MainWindow(AppSettings(QSettings(str(ini), QSettings.Format.IniFormat)))
    window.resize(*size)
    window.show()
    settle()
    return window


def grab(window: MainWindow, page: str, out: Path) -> Path:
    """Show ``page`` and save a picture of the whole window to ``out``."""
    window.show_page(page)
    settle(250)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(out)):
        raise OSError(f"截图未能保存：{out}")
    return out


def screenshot(out: Path, page: str, open_files: Sequence[Path] = (),
               size: tuple[int, int] = (1360, 860)) -> Path:
    """``policydesk gui --screenshot``: open the files, wait for parsing, show ``page``, save.

    The last file opened is the current notice; for 起草/分工/督办 it is drafted (and delegated)."""
    window = make_window(size)
    wait_for(window.load_received())
    if open_files:
        for state in window.open_files([Path(p) for p in open_files]):
            wait_for(state)
        last = next((o for o in window.session.notices if o.path == Path(open_files[-1])), None)
        if last is not None:
            window.session.set_current(last)
        if page in ("起草", "分工", "督办") and window.session.current is not None:
            wait_for(window.draft_page.draft())
        if page == "督办" and window.session.plan is not None:
            wait_for(window.table_page.delegate_all())
    path = grab(window, page, out)
    window.close()
    return path
