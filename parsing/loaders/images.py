"""Image files (photos and scans) go through OCR; the engine is looked up lazily."""

from __future__ import annotations

import importlib
import warnings
from pathlib import Path
from types import ModuleType

from parsing.document import RawDocument
from parsing.errors import LoadError
from parsing.loaders import limits
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
    check_pixels(path)
    engine = ocr_engine()
    if engine is None:
        raise LoadError(path, "这是图片文件，需要文字识别（OCR）组件，但该组件不可用")
    pages = engine.ocr_image_file(path, progress, cancelled)
    if not any(page.text.strip() for page in pages):
        raise LoadError(path, "图片中没有识别出文字")
    return RawDocument(path=path, format="image", pages=pages, page_count=len(pages))


def check_pixels(path: Path) -> None:
    """Refuse an image larger than :data:`limits.MAX_IMAGE_PIXELS` from its header alone (a
    194 KB PNG can declare 13000×13000 pixels and inflate to gigabytes)."""
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # the size is judged below
            with Image.open(path) as image:
                width, height = image.size
    except Image.DecompressionBombError as exc:
        raise LoadError(path, f"图片尺寸超过 {limits.MAX_IMAGE_PIXELS // 1_000_000} 百万像素的上限") from exc
    except (OSError, ValueError, SyntaxError) as exc:
        raise LoadError(path, "图片文件已损坏或格式不符，无法读取") from exc
    if width * height > limits.MAX_IMAGE_PIXELS:
        raise LoadError(path, f"图片为 {width}×{height} 像素，超过 {limits.MAX_IMAGE_PIXELS // 1_000_000} 百万像素的上限")
