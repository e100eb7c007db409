"""Start the app offscreen and exit at its main window's first paint; prints seconds since start.

Run as a separate process by the ``app_start`` stage, whose wall time includes the interpreter's
own start-up: what a user waits for after a double click.
"""

from __future__ import annotations

import os
import time

START = time.perf_counter()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject  # noqa: E402

from desktop.app import create_application  # noqa: E402


class _FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print(f"{time.perf_counter() - START:.4f}", flush=True)
            os._exit(0)
        return False


def main() -> None:
    app = create_application(["policydesk"])
    from desktop.main_window import MainWindow

    window = MainWindow()
    spy = _FirstPaint()
    window.installEventFilter(spy)
    window.show()
    window.load_received()
    app.exec()


if __name__ == "__main__":
    main()
