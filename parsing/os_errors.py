"""What a disk or folder problem means, in one Chinese phrase: 磁盘已满, 没有写入权限, 文件夹不存在.

Used wherever a file is written (documents, tables, calendars, the 督办 store), so a full disk
or a read-only folder is said as such — never as a traceback, and never as a damaged file.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

from parsing.errors import PolicyDeskError

DISK_FULL = "磁盘已满"
NO_PERMISSION = "没有写入权限"
NO_FOLDER = "文件夹不存在"

_BY_ERRNO = {
    errno.ENOSPC: DISK_FULL,
    errno.EDQUOT: "磁盘已满（超出磁盘配额）",
    errno.EACCES: NO_PERMISSION,
    errno.EPERM: NO_PERMISSION,
    errno.EROFS: "没有写入权限（磁盘或文件夹为只读）",
    errno.ENOENT: NO_FOLDER,
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.EISDIR: "这是一个文件夹，不是文件",
    errno.ENAMETOOLONG: "文件名过长",
    errno.EMFILE: "打开的文件过多",
    errno.EIO: "磁盘读写出错",
}


class WriteError(PolicyDeskError):
    """A file could not be written (the message names the file and the reason)."""


def os_reason(exc: OSError) -> str:
    """磁盘已满 / 没有写入权限 / 文件夹不存在 … for ``exc``."""
    return _BY_ERRNO.get(exc.errno or 0) or f"无法读写（{exc.strerror or type(exc).__name__}）"


def describe_os_error(exc: OSError, path: str | os.PathLike[str] | None = None) -> str:
    """``文件名：磁盘已满`` and the like for ``exc`` (the file from ``exc.filename`` unless given)."""
    reason = os_reason(exc)
    where = path if path is not None else exc.filename
    return f"{Path(where).name or where}：{reason}" if where else reason


def write_error(exc: OSError, path: str | os.PathLike[str]) -> WriteError:
    """A :class:`WriteError` for writing ``path`` (a missing folder is named as such)."""
    target = Path(path)
    if exc.errno == errno.ENOENT and not target.parent.is_dir():
        return WriteError(f"{target.name}：{NO_FOLDER}：{target.parent}")
    return WriteError(describe_os_error(exc, target))


def folder_state(folder: str | os.PathLike[str]) -> str | None:
    """What the disk says about writing into ``folder``: 文件夹不存在, read-only, 磁盘已满,
    没有写入权限 — or None when nothing is wrong that can be seen."""
    folder = Path(folder)
    if not folder.is_dir():
        return NO_FOLDER
    try:
        info = os.statvfs(folder)
    except OSError:
        return None
    if info.f_flag & os.ST_RDONLY:
        return "没有写入权限（磁盘或文件夹为只读）"
    if info.f_bavail * info.f_frsize < 256 * 1024:
        return DISK_FULL
    if not os.access(folder, os.W_OK):
        return NO_PERMISSION
    return None


def sqlite_reason(exc: sqlite3.Error, folder: str | os.PathLike[str] | None = None) -> str | None:
    """The disk problem behind a SQLite error (full disk, read-only, missing folder), or None
    when the error is not about the disk — then it may really be about the file's content.
    With ``folder`` (the database's), a vague I/O error is made precise from the disk's state."""
    text = str(exc).lower()
    if folder is not None and ("disk i/o" in text or "unable to open" in text or "readonly" in text):
        state = folder_state(folder)
        if state:
            return state
    if "disk is full" in text or "database or disk is full" in text:
        return DISK_FULL
    if "readonly" in text or "read-only" in text or "permission" in text:
        return NO_PERMISSION
    if "unable to open" in text:
        return "无法打开（文件夹不存在或没有写入权限）"
    if "disk i/o error" in text:
        return "磁盘读写出错（磁盘可能已满或为只读）"
    if "locked" in text or "busy" in text:
        return "正被其他程序占用，请稍后重试"
    return None
