"""Text PDFs via pdfplumber, page by page, with pages that have no text layer marked for OCR.

Lines come out in reading order, and the page geometry settles what plain text cannot: a line
that runs to the right margin is wrapped and continues on the next (joined here), and a line
indented from the left margin starts a paragraph (prefixed with two ideographic spaces, the
2-character indent of 公文). A paragraph running over a page break is left for cleaning to join. Tables found by pdfplumber come out one row per line, cells separated
by tabs, at their place on the page. Each page's cache is released after reading, so memory
stays flat on a long document.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from pathlib import Path

import pdfplumber

from parsing.document import RawDocument, RawPage
from parsing.errors import LoadError
from parsing.loaders import limits
from parsing.numbering import match_heading_number
from parsing.progress import CancelCheck, ProgressCallback, check_cancelled, never, noop

INDENT = "\u3000\u3000"
_MIN_CHARS_FOR_TEXT = 5
_SENTENCE_END = ("。", "！", "？", "；", "：", "”", "）")
_CLAUSE_PUNCT = re.compile(r"[。，；：！？,;]")  # fewer characters than this and a page with images is a scan


def _open(path: Path):
    try:
        return pdfplumber.open(path)
    except Exception as exc:  # pdfminer raises many unrelated types for broken files
        causes = [exc, *exc.args, exc.__cause__, exc.__context__]
        name = " ".join(f"{type(c).__name__} {c}" for c in causes if c is not None)
        if "password" in name.lower() or "encrypt" in name.lower():
            raise LoadError(path, "PDF 文件已加密，需要密码才能打开；请先在 PDF 阅读器中解除密码后另存") from exc
        raise LoadError(path, "不是有效的 PDF 文件（文件已损坏或格式不符）") from exc


def _inside(obj: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


@dataclass
class TextLine:
    """One printed line: its baseline, horizontal extent, font size and text."""

    bottom: float
    x0: float
    x1: float
    size: float
    text: str


def _unique_chars(chars: list[dict]) -> list[dict]:
    """Characters with the copies a "fake bold" prints over each other dropped.

    pdfplumber's ``dedupe_chars`` does the same through a derived page at a quarter of the
    page's whole reading cost; a key on text and rounded position is enough here."""
    seen: set[tuple[str, int, int]] = set()
    out = []
    for char in chars:
        key = (char["text"], round(char["x0"]), round(char["top"]))
        if key not in seen:
            seen.add(key)
            out.append(char)
    return out


def text_lines(chars: list[dict]) -> list[TextLine]:
    """Group characters into lines by their baseline, top to bottom.

    Characters of one line share a baseline even when their sizes differ (a numbering label in
    another size), so lines are clustered on ``bottom``, not ``top``. A gap wider than a third of
    the font size becomes a space; cleaning later removes layout spaces between CJK characters.
    """
    groups: list[list[dict]] = []
    for char in sorted(chars, key=lambda c: (round(c["bottom"], 1), c["x0"])):
        size = char.get("size") or 12
        if groups and abs(char["bottom"] - groups[-1][0]["bottom"]) <= 0.3 * size:
            groups[-1].append(char)
        else:
            groups.append([char])
    out = []
    for group in groups:
        group.sort(key=lambda c: c["x0"])
        size = max(c.get("size") or 12 for c in group)
        parts = [group[0]["text"]]
        for before, char in itertools.pairwise(group):
            if char["x0"] - before["x1"] > (char.get("size") or size) / 3:
                parts.append(" ")
            parts.append(char["text"])
        out.append(TextLine(group[0]["bottom"], group[0]["x0"], group[-1]["x1"], size, "".join(parts)))
    return out


def _join(lines: list[TextLine], left: float, right: float) -> list[tuple[float, str]]:
    """Rows of text with wrapped lines joined.

    A line that ends within four characters of the right margin (ragged-right text breaks early
    before punctuation that may not start a line) continues on the next line, unless that one is
    indented (a new paragraph), starts with a heading number, is set in another size (a title), or
    is a short unpunctuated line after a finished sentence (an unnumbered heading).
    Indented lines are prefixed with two ideographic spaces, the 2-character indent of 公文."""
    rows: list[tuple[float, str]] = []
    running = False
    previous_size = 0.0
    for line in lines:
        indented = line.x0 - left >= 1.5 * line.size
        same_size = abs(line.size - previous_size) <= 0.5
        heading_like = (match_heading_number(line.text) is not None
                        or (rows and rows[-1][1].endswith(_SENTENCE_END) and right - line.x1 >= 3 * line.size
                            and not _CLAUSE_PUNCT.search(line.text) and not line.text.startswith(("（", "("))))
        if running and same_size and not indented and not heading_like:
            glue = " " if rows[-1][1][-1:].isascii() and line.text[:1].isascii() and line.text[:1].isalnum() else ""
            rows[-1] = (rows[-1][0], rows[-1][1] + glue + line.text)
        else:
            rows.append((line.bottom, (INDENT if indented else "") + line.text))
        running = right - line.x1 < 4 * line.size
        previous_size = line.size
    return rows


def page_text(page, right_margin: float = 0.0) -> tuple[str, bool, float]:
    """(text, needs_ocr, right margin) of one pdfplumber page.

    ``right_margin`` is the furthest right edge of text seen on earlier pages: a page whose
    lines are all short (the last page of a notice) must not take its longest line as full width.
    """
    chars = page.chars
    if len(chars) < _MIN_CHARS_FOR_TEXT and page.images:
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
    chars = [c for c in _unique_chars(chars) if c.get("upright", True) and not _inside(c, boxes)]
    lines = text_lines(chars)
    if lines:
        right_margin = max(right_margin, *(line.x1 for line in lines))
        rows += _join(lines, min(line.x0 for line in lines), right_margin)
    rows.sort(key=lambda row: row[0])
    return "\n".join(text for _, text in rows), False, right_margin


def load_pdf(path: Path, progress: ProgressCallback = noop, cancelled: CancelCheck = never,
             ocr: bool = True) -> RawDocument:
    """Read a PDF page by page; scanned pages are OCR'd when ``ocr`` and an engine is present."""
    pages: list[RawPage] = []
    warnings: list[str] = []
    try:
        opened = _open(path)
    except LoadError as exc:
        if "加密" in str(exc):
            raise
        return _load_with_pdfium(path, progress, cancelled, ocr, exc)
    with opened as pdf:
        try:
            count = len(pdf.pages)
        except Exception:
            return _load_with_pdfium(path, progress, cancelled, ocr,
                                     LoadError(path, "PDF 文件已损坏，无法读取页面"))
        if count == 0:  # a damaged cross-reference table hides the pages from pdfminer
            return _load_with_pdfium(path, progress, cancelled, ocr, LoadError(path, "PDF 文件没有页面"))
        if count > limits.MAX_PDF_PAGES:
            raise LoadError(path, f"PDF 共 {count} 页，超过可处理的上限 {limits.MAX_PDF_PAGES} 页")
        text_share = 0.8 if ocr else 1.0
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
    scanned = [page.number for page in pages if page.needs_ocr]
    if scanned:
        _ocr_pages(path, pages, scanned, ocr, warnings, progress, cancelled, text_share)
    if not any(page.text.strip() for page in pages) and not scanned:
        raise LoadError(path, "PDF 文件没有可读取的文字")
    progress(1.0, "已读取 PDF")
    return RawDocument(path=path, format="pdf", pages=pages, page_count=count, warnings=warnings)


def _load_with_pdfium(path: Path, progress: ProgressCallback, cancelled: CancelCheck, ocr: bool,
                      refused: LoadError) -> RawDocument:
    """The fallback for a PDF pdfminer cannot read (a damaged cross-reference table): pdfium
    rebuilds it and gives each page's text; ``refused`` is raised when pdfium cannot either."""
    try:
        from parsing.ocr.sources import _PDFIUM_LOCK  # pdfium is not thread-safe
    except ImportError:
        import threading

        _PDFIUM_LOCK = threading.Lock()
    with _PDFIUM_LOCK:
        document = _read_with_pdfium(path, progress, cancelled, ocr, refused)
    pages = document.pages
    scanned = [page.number for page in pages if page.needs_ocr]
    if scanned:
        _ocr_pages(path, pages, scanned, ocr, document.warnings, progress, cancelled, 0.8 if ocr else 1.0)
    if not any(page.text.strip() for page in pages) and not scanned:
        raise LoadError(path, "PDF 文件没有可读取的文字")
    progress(1.0, "已读取 PDF")
    return document


def _read_with_pdfium(path: Path, progress: ProgressCallback, cancelled: CancelCheck, ocr: bool,
                      refused: LoadError) -> RawDocument:
    try:
        import pypdfium2 as pdfium

        document = pdfium.PdfDocument(str(path))
    except Exception as exc:  # not installed, or not a PDF pdfium can repair
        raise refused from exc
    pages: list[RawPage] = []
    warnings = ["PDF 文件的交叉引用表已损坏，已按修复后的内容读取"]
    try:
        count = len(document)
        if count == 0:
            raise refused
        if count > limits.MAX_PDF_PAGES:
            raise LoadError(path, f"PDF 共 {count} 页，超过可处理的上限 {limits.MAX_PDF_PAGES} 页")
        text_share = 0.8 if ocr else 1.0
        for index in range(count):
            check_cancelled(cancelled)
            progress(text_share * index / count, f"正在读取第 {index + 1}/{count} 页")
            try:
                page = document[index]
                text = page.get_textpage().get_text_range().replace("\r\n", "\n")
            except Exception as exc:  # one broken page must not lose the others
                text = ""
                warnings.append(f"第 {index + 1} 页无法读取（{type(exc).__name__}），已跳过")
            pages.append(RawPage(index + 1, text, needs_ocr=not text.strip()))
    finally:
        document.close()
    return RawDocument(path=path, format="pdf", pages=pages, page_count=count, warnings=warnings)


def _ocr_pages(path: Path, pages: list[RawPage], scanned: list[int], ocr: bool, warnings: list[str],
               progress: ProgressCallback, cancelled: CancelCheck, start: float) -> None:
    listed = "、".join(str(n) for n in scanned[:10]) + ("等" if len(scanned) > 10 else "")
    if not ocr:
        warnings.append(f"第 {listed} 页没有文字层，需要文字识别（OCR）")
        return
    from parsing.loaders.images import ocr_engine

    engine = ocr_engine()
    if engine is None:
        warnings.append(f"第 {listed} 页没有文字层，且文字识别（OCR）组件不可用，这些页面的内容未能读取")
        return
    from parsing.progress import wrap_callback

    results = engine.ocr_pdf_pages(path, scanned, wrap_callback(progress, start, 1.0), cancelled)
    for number, result in results.items():
        pages[number - 1] = result
