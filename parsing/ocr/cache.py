"""OCR results cached by file content, so reopening a scan is instant.

One JSON file per source file in ``user_data_dir()/ocr-cache``, named by the SHA-256 of the
file's bytes; it holds the pages read so far. :data:`CACHE_VERSION` changes whenever the OCR
output would change, which makes old entries misses.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from pathlib import Path

from parsing.locations import user_data_dir

CACHE_VERSION = "ocr-4/rapidocr-3.10.0/PP-OCRv6-small"
_CHUNK = 1 << 20


def file_digest(path: Path) -> str:
    """SHA-256 of the file's bytes (hex)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def cache_dir() -> Path:
    path = user_data_dir() / "ocr-cache"
    path.mkdir(parents=True, exist_ok=True)
    return path


class PageCache:
    """Cached pages of one file: ``{page number: (text, low-confidence spans)}``."""

    def __init__(self, path: Path):
        self.digest = file_digest(path)
        self.file = cache_dir() / f"{self.digest}.json"
        self.pages: dict[int, tuple[str, list[tuple[int, int]]]] = {}
        self._load()

    def _load(self) -> None:
        try:
            with open(self.file, encoding="utf-8") as handle:
                data = json.load(handle)
        except (OSError, ValueError):
            return
        if not isinstance(data, dict) or data.get("version") != CACHE_VERSION:
            return
        try:
            for number, page in data.get("pages", {}).items():
                spans = [(int(a), int(b)) for a, b in page["low_confidence"]]
                self.pages[int(number)] = (str(page["text"]), spans)
        except (KeyError, TypeError, ValueError):
            self.pages = {}

    def save(self) -> None:
        """Write the cache file atomically (temp file beside it, then replace)."""
        data = {
            "version": CACHE_VERSION,
            "pages": {
                str(number): {"text": text, "low_confidence": [list(span) for span in spans]}
                for number, (text, spans) in sorted(self.pages.items())
            },
        }
        handle, temp = tempfile.mkstemp(prefix=".ocr-", suffix=".tmp", dir=self.file.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(data, out, ensure_ascii=False)
            os.replace(temp, self.file)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            # A cache that cannot be written only costs time the next time round.
