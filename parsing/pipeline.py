"""From a file (or a string) to clean text: load, then clean. The first stage of every parse."""

from __future__ import annotations

from pathlib import Path

from parsing.cleaning import clean
from parsing.document import CleanText, RawDocument, RawPage
from parsing.loaders import load_document
from parsing.progress import CancelCheck, ProgressCallback, never, noop, wrap_callback


def read_text(path: str | Path, progress: ProgressCallback = noop, cancelled: CancelCheck = never,
              ocr: bool = True) -> tuple[RawDocument, CleanText]:
    """Load ``path`` and clean it; the loader's warnings come first in the clean text's."""
    raw = load_document(path, wrap_callback(progress, 0.0, 0.9), cancelled, ocr=ocr)
    text = clean(raw, wrap_callback(progress, 0.9, 1.0), cancelled)
    text.warnings[:0] = [w for w in raw.warnings if w not in text.warnings]
    progress(1.0, "文本已就绪")
    return raw, text


def text_from_string(text: str, name: str = "input.txt") -> tuple[RawDocument, CleanText]:
    """Clean ``text`` exactly as a .txt file holding it would be cleaned (for tests and pasting)."""
    raw = RawDocument(path=Path(name), format="txt", pages=[RawPage(1, text)], page_count=None)
    return raw, clean(raw)
