"""Offline OCR for image-only PDF pages and image files (rapidocr with its bundled PP-OCR models).

Public API (used by the loaders):

* :func:`available` — can OCR run here?
* :func:`ocr_image_file` — every page of a .png/.jpg/.jpeg/.tif/.tiff/.bmp file (multi-page TIFF too).
* :func:`ocr_pdf_pages` — chosen pages of a PDF, rendered with pypdfium2.

Each page comes back as a :class:`parsing.document.RawPage` with ``ocr=True``: lines in reading
order joined by ``\\n`` (a table row is one line with ``\\t`` between cells, a blank line marks a
paragraph boundary) and ``low_confidence`` spans (page-text offsets) where the engine was unsure.
Results are cached by file content in ``user_data_dir()/ocr-cache``.
"""

from __future__ import annotations

from pathlib import Path

from parsing.document import RawPage
from parsing.errors import LoadError
from parsing.ocr.engine import OcrUnavailable, available
from parsing.ocr.runner import ocr_pages
from parsing.ocr.sources import IMAGE_SUFFIXES, image_loaders, pdf_loaders
from parsing.progress import CancelCheck, ProgressCallback, never, noop

__all__ = ["IMAGE_SUFFIXES", "OcrUnavailable", "available", "ocr_image_file", "ocr_pdf_pages"]


def _require_engine() -> None:
    if not available():
        raise OcrUnavailable()


def ocr_image_file(
    path: str | Path,
    progress: ProgressCallback = noop,
    cancelled: CancelCheck = never,
) -> list[RawPage]:
    """OCR every page of an image file; pages numbered from 1 in file order."""
    path = Path(path)
    if not path.is_file():
        raise LoadError(path, "文件不存在")
    _require_engine()
    pages = ocr_pages(path, image_loaders(path), progress, cancelled)
    return [pages[number] for number in sorted(pages)]


def ocr_pdf_pages(
    path: str | Path,
    page_numbers: list[int],
    progress: ProgressCallback = noop,
    cancelled: CancelCheck = never,
) -> dict[int, RawPage]:
    """OCR the given 1-based pages of a PDF (those without a text layer)."""
    path = Path(path)
    if not path.is_file():
        raise LoadError(path, "文件不存在")
    if not page_numbers:
        return {}
    _require_engine()
    return ocr_pages(path, pdf_loaders(path, sorted(set(page_numbers))), progress, cancelled)
