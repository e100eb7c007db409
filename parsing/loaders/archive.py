"""Safe reading of zip-based formats (.docx, .ofd): refuse bombs before inflating anything."""

from __future__ import annotations

import zipfile
from pathlib import Path

from parsing.errors import LoadError
from parsing.loaders import limits


def open_archive(path: Path, kind: str) -> zipfile.ZipFile:
    """Open ``path`` as a zip after checking its declared sizes; raise LoadError if it is not one
    or if it would inflate beyond the limits (a zip bomb)."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise LoadError(path, f"不是有效的 {kind} 文件（文件已损坏或格式不符）") from exc
    total = 0
    for info in archive.infolist():
        total += info.file_size
        # Only the XML parts are ever inflated; a blank 10 MB BMP compresses 1000:1 and is no bomb.
        parsed = info.filename.lower().endswith((".xml", ".rels"))
        ratio = info.file_size / max(info.compress_size, 1)
        if (total > limits.MAX_ARCHIVE_TOTAL_BYTES
                or (parsed and info.file_size > limits.MAX_ARCHIVE_MEMBER_BYTES)
                or (parsed and info.file_size > 1024 * 1024 and ratio > limits.MAX_COMPRESSION_RATIO)):
            archive.close()
            raise LoadError(path, f"{kind} 文件解压后异常巨大（可能是压缩炸弹），已拒绝打开")
    return archive


def read_member(archive: zipfile.ZipFile, name: str, path: Path, kind: str) -> bytes:
    """One member's bytes, read with a hard cap even if the header lied about its size."""
    try:
        with archive.open(name) as member:
            data = member.read(limits.MAX_ARCHIVE_MEMBER_BYTES + 1)
    except KeyError as exc:
        raise LoadError(path, f"{kind} 文件缺少 {name}（文件不完整或已损坏）") from exc
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise LoadError(path, f"{kind} 文件已损坏，无法读取 {name}") from exc
    if len(data) > limits.MAX_ARCHIVE_MEMBER_BYTES:
        raise LoadError(path, f"{kind} 文件解压后异常巨大（可能是压缩炸弹），已拒绝打开")
    return data
