"""Atomic writes of user files: write beside the target, then ``os.replace``.

A crash or an exception while writing never leaves a half-written .docx/.xlsx, and the
previous file at the target stays intact. The temporary file is made by ``tempfile.mkstemp``
in the target's folder (``O_EXCL``, a random name: a planted symlink is never followed), and
only a regular file or a new path is ever replaced — never a device, a pipe or a folder.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from parsing.os_errors import NO_FOLDER, WriteError, write_error


def check_target(path: str | os.PathLike[str]) -> Path:
    """``path`` as a Path when it may be written: a new path in an existing folder, or a
    regular file (also through a symlink). Else a :class:`WriteError` saying why."""
    target = Path(path)
    if not target.name or target.name in (".", ".."):
        raise WriteError(f"{target}：不是文件名")
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise write_error(exc, target) from exc
    if mode is not None and not stat.S_ISREG(mode):
        kind = "文件夹" if stat.S_ISDIR(mode) else "设备或特殊文件"
        raise WriteError(f"{target.name}：这是一个{kind}，不是普通文件，不能覆盖")
    if not target.parent.is_dir():
        raise WriteError(f"{target.name}：{NO_FOLDER}：{target.parent}")
    return target


@contextlib.contextmanager
def atomic_write_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success it replaces ``path``.

    On any exception the temporary file is removed and the exception propagates, leaving
    whatever was at ``path`` untouched. The parent folder must exist; a target that is not a
    regular file, a missing folder, a full disk or a read-only folder raise :class:`WriteError`
    (Chinese) before or instead of touching the target.
    """
    target = check_target(path)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise write_error(exc, target) from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        # mkstemp makes the file private (0600); give it the target's mode, or a document's usual one.
        os.chmod(tmp, target.stat().st_mode & 0o777 if target.exists() else 0o644)
        yield tmp
        try:
            with open(tmp, "rb") as handle:
                os.fsync(handle.fileno())
            os.replace(tmp, target)
        except OSError as exc:
            raise write_error(exc, target) from exc
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically; a disk problem is a :class:`WriteError`."""
    with atomic_write_path(path) as tmp:
        try:
            tmp.write_bytes(data)
        except OSError as exc:
            raise write_error(exc, path) from exc
    return Path(path)


def atomic_write_text(path: str | os.PathLike[str], text: str) -> Path:
    """Write ``text`` (UTF-8) to ``path`` atomically."""
    return atomic_write_bytes(path, text.encode("utf-8", "replace"))
