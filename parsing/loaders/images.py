"""Image files (photos and scans) go through OCR; the engine is looked up lazily."""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

from parsing.document import RawDocument
from parsing.errors import LoadError
from parsing.progress import CancelCheck, ProgressCallback, never, noop

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp")


def ocr_engine() -> ModuleType | None:
    """The OCR module when it is installed and usable, else None."""
    try:
        module = importlib.import_module("parsing.ocr")
    except ImportError:
        return None
    return module if module.available() else None


def load_image(path: Path, progress: ProgressCallback = noop, cancelled: CancelCheck = never) -> RawDocument:
    """OCR an image file (every frame of a multi-page TIFF)."""
    engine = ocr_engine()
    if engine is None:
        raise LoadError(path, "这是图片文件，需要文字识别（OCR）组件，但该组件不可用")
    pages = engine.ocr_image_file(path, progress, cancelled)
    if not any(page.text.strip() for page in pages):
        raise LoadError(path, "图片中没有识别出文字")
    return RawDocument(path=path, format="image", pages=pages, page_count=len(pages))
