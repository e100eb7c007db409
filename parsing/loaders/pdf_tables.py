"""pdfplumber, kept for what it does best: pages whose vector paths may rule a table.

pdfplumber builds an object for every character through pdfminer, ten times slower than pdfium,
but its ``find_tables`` turns ruled cells into rows. :func:`page_text` reads one such page (tables
one row per line, cells separated by tabs, at their place on the page); :func:`read_document` reads
a whole file this way, as every page was read before pdfium — the reference the identity test
compares the pdfium reader with, and the reader of a file pdfium cannot open.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber

from parsing.document import RawDocument, RawPage
from parsing.errors import LoadError
from parsing.loaders import limits
from parsing.loaders.pdf_lines import MIN_CHARS_FOR_TEXT, page_rows_text
from parsing.progress import CancelCheck, ProgressCallback, check_cancelled


def open_pdf(path: Path):
    """The pdfplumber document; a file it cannot open is a LoadError worded for the user."""
    try:
        return pdfplumber.open(path)
    except Exception as exc:  # pdfminer raises many unrelated types for broken files
        causes = [exc, *exc.args, exc.__cause__, exc.__context__]
        name = " ".join(f"{type(c).__name__} {c}" for c in causes if c is not None)
        if "password" in name.lower() or "encrypt" in name.lower():
            raise LoadError(path, "PDF 文件已加密，需要密码才能打开；请先在 PDF 阅读器中解除密码后另存") from exc
        raise LoadError(path, "不是有效的 PDF 文件（文件已损坏或格式不符）") from exc


def page_text(page, right_margin: float = 0.0) -> tuple[str, bool, float]:
    """(text, needs_ocr, right margin) of one pdfplumber page."""
    chars = page.chars
    if len(chars) < MIN_CHARS_FOR_TEXT and page.images:
        return "", True, right_margin
    rows: list[tuple[float, str]] = []
    boxes: list[tuple[float, float, float, float]] = []
    if page.rects or page.lines:
        for table in page.find_tables():
            boxes.append(table.bbox)
            for row, cells in zip(table.rows, table.extract(), strict=False):
                texts = [(cell or "").replace("\n", "") for cell in cells]
                if any(texts):
                    rows.append((row.bbox[1], "\t".join(texts)))
    text, right_margin = page_rows_text(chars, rows, boxes, right_margin)
    return text, False, right_margin


def read_document(path: Path, pdf, progress: ProgressCallback, cancelled: CancelCheck,
                  text_share: float) -> RawDocument | None:
    """Every page of the open pdfplumber ``pdf``; None when pdfminer sees no pages (a damaged
    cross-reference table hides them)."""
    try:
        count = len(pdf.pages)
    except Exception:
        return None
    if count == 0:
        return None
    if count > limits.MAX_PDF_PAGES:
        raise LoadError(path, f"PDF 共 {count} 页，超过可处理的上限 {limits.MAX_PDF_PAGES} 页")
    pages: list[RawPage] = []
    warnings: list[str] = []
    right_margin = 0.0
    for index, page in enumerate(pdf.pages):
        check_cancelled(cancelled)
        progress(text_share * index / count, f"正在读取第 {index + 1}/{count} 页")
        try:
            text, needs_ocr, right_margin = page_text(page, right_margin)
        except Exception as exc:  # one broken page must not lose the others
            text, needs_ocr = "", False
            warnings.append(f"第 {index + 1} 页无法读取（{type(exc).__name__}），已跳过")
        finally:
            page.close()
        pages.append(RawPage(index + 1, text, needs_ocr=needs_ocr))
    return RawDocument(path=path, format="pdf", pages=pages, page_count=count, warnings=warnings)
