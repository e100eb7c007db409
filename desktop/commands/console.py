"""Progress on the terminal for long CLI commands: one self-overwriting line on stderr, only on a tty."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from parsing.progress import ProgressCallback


@contextmanager
def progress_line(name: str) -> Iterator[ProgressCallback]:
    """A progress callback printing ``name：NN% status``; the line is erased when the block ends."""
    last = [-1]

    def report(fraction: float, status: str = "") -> None:
        percent = int(fraction * 100)
        if percent != last[0]:
            last[0] = percent
            print(f"\r{name}：{percent:3d}% {status}", end="", file=sys.stderr, flush=True)

    if not sys.stderr.isatty():
        yield lambda fraction, status="": None
        return
    try:
        yield report
    finally:
        print("\r\033[K", end="", file=sys.stderr, flush=True)
