"""Progress reporting and cancellation for long work, without Qt.

Core functions take ``progress(fraction, status)`` and ``cancelled()`` callbacks
(Orange3's shape); the app adapts them to signals, the CLI to stderr.
"""

from __future__ import annotations

from collections.abc import Callable

ProgressCallback = Callable[[float, str], None]
CancelCheck = Callable[[], bool]


class Cancelled(Exception):
    """Raised when the user cancelled a long job."""


def noop(fraction: float, status: str = "") -> None:
    """A progress callback that ignores every report."""


def never() -> bool:
    """A cancel check that never cancels."""
    return False


def wrap_callback(progress: ProgressCallback, start: float, end: float) -> ProgressCallback:
    """A callback for a sub-step that maps its 0..1 onto ``start..end`` of ``progress``."""

    def sub(fraction: float, status: str = "") -> None:
        progress(start + (end - start) * max(0.0, min(1.0, fraction)), status)

    return sub


def check_cancelled(cancelled: CancelCheck) -> None:
    """Raise :class:`Cancelled` when ``cancelled()`` says so."""
    if cancelled():
        raise Cancelled("操作已取消")
