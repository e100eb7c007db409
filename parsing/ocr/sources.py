"""Page images to OCR: frames of an image file (multi-page TIFF too) and rendered PDF pages."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import numpy as np

from parsing.errors import LoadError

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp")
PDF_DPI = 200  # scans are usually 150–300 dpi; 200 keeps 五号 table text legible
PDF_MAX_SIDE = 2400

# pdfium is not thread-safe: one page renders at a time in this process.
_PDFIUM_LOCK = threading.Lock()

PageLoader = Callable[[], np.ndarray]


def _to_bgr(image) -> np.ndarray:
    rgb = np.asarray(image.convert("RGB"))
    return np.ascontiguousarray(rgb[:, :, ::-1])


def image_frame_count(path: Path) -> int:
    """Frames in an image file; raises LoadError when it cannot be read as an image."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            return max(1, getattr(image, "n_frames", 1))
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise LoadError(path, "无法读取图片，文件可能已损坏或不是图片") from exc


def image_frame(path: Path, index: int) -> np.ndarray:
    """Frame ``index`` (0-based) of an image file as BGR, turned as its EXIF tag says."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            image.seek(index)
            frame = ImageOps.exif_transpose(image.copy())
            return _to_bgr(frame)
    except (UnidentifiedImageError, OSError, ValueError, EOFError) as exc:
        raise LoadError(path, f"无法读取图片第 {index + 1} 页") from exc


def image_loaders(path: Path) -> dict[int, PageLoader]:
    """A loader per page (1-based) of an image file."""
    count = image_frame_count(path)
    return {number: (lambda index=number - 1: image_frame(path, index)) for number in range(1, count + 1)}


def pdf_page_count(path: Path) -> int:
    import pypdfium2 as pdfium

    with _PDFIUM_LOCK:
        try:
            document = pdfium.PdfDocument(str(path))
        except pdfium.PdfiumError as exc:
            raise LoadError(path, "无法打开 PDF 文件，文件可能已损坏或已加密") from exc
        try:
            return len(document)
        finally:
            document.close()


def render_pdf_page(path: Path, number: int) -> np.ndarray:
    """PDF page ``number`` (1-based) rendered as a BGR image at about :data:`PDF_DPI`."""
    import pypdfium2 as pdfium

    with _PDFIUM_LOCK:
        try:
            document = pdfium.PdfDocument(str(path))
        except pdfium.PdfiumError as exc:
            raise LoadError(path, "无法打开 PDF 文件，文件可能已损坏或已加密") from exc
        try:
            if not 1 <= number <= len(document):
                raise LoadError(path, f"PDF 没有第 {number} 页")
            page = document[number - 1]
            width, height = page.get_size()
            scale = min(PDF_DPI / 72, PDF_MAX_SIDE / max(width, height, 1.0))
            bitmap = page.render(scale=scale)
            image = bitmap.to_pil()
            return _to_bgr(image)
        finally:
            document.close()


def pdf_loaders(path: Path, numbers: list[int]) -> dict[int, PageLoader]:
    """A loader per requested PDF page (1-based)."""
    count = pdf_page_count(path)
    for number in numbers:
        if not 1 <= number <= count:
            raise LoadError(path, f"PDF 没有第 {number} 页（共 {count} 页）")
    return {number: (lambda n=number: render_pdf_page(path, n)) for number in numbers}
