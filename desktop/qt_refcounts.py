"""A guard against a reference-count bug of PySide6 6.12 on Python 3.11.

PySide6 6.12 hands back ``None`` from every void call and ``True`` from every ``Signal.emit()``
without taking a reference, as if they were immortal objects — which they are only from Python
3.12 on. On 3.11 each call takes one reference away; after enough page changes, edits and
progress reports the count reaches zero and the interpreter aborts (``none_dealloc`` /
``bool_dealloc: deallocating True or False``), losing the clerk's session. Giving the three
singletons a huge reserve of references makes them as good as immortal, as on 3.12.
Imported for its effect by every module of the app that uses Qt.
"""

from __future__ import annotations

import ctypes
import sys

RESERVE = 1 << 40  # more references than any session could ever lose


def make_singletons_immortal() -> bool:
    """Add the reserve once (CPython before 3.12 only); True when it was added now."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    if getattr(sys, "_policydesk_refcount_reserve", False):
        return False
    for singleton in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(singleton))  # ob_refcnt is the first field
        count.value += RESERVE
    sys._policydesk_refcount_reserve = True  # type: ignore[attr-defined]
    return True


make_singletons_immortal()
