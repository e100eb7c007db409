"""Text PDFs page by page: characters through pdfium, lines built from the page geometry
(pdf_lines.py), pages with vector paths that may rule a table through pdfplumber (pdf_tables.py),
and pages that have no text layer marked for OCR.

pdfium reads a 100-page notice in a fraction of the time pdfminer takes to build its character
objects, and gives the same lines (tests/parsing/test_pdf_same_parse.py compares the two readers on
every PDF the tests make). A file pdfium cannot open goes to pdfplumber, which words the error
(or reads it, if it can). Each page is released after reading, so memory stays flat.
"""

from __future__ import annotations

from pathlib import Path

from parsing.document import RawDocument, RawPage
from parsing.errors import LoadError
from parsing.loaders import limits
from parsing.loaders.pdf_lines import INDENT, MIN_CHARS_FOR_TEXT, TextLine, page_rows_text, text_lines
from parsing.loaders.pdf_lines import unique_chars as _unique_chars
from parsing.progress import CancelCheck, ProgressCallback, check_cancelled, never, noop

__all__ = ["INDENT", "TextLine", "_unique_chars", "load_pdf", "text_lines"]

_XREF_NOTE = "PDF 文件的交叉引用表已损坏，已按修复后的内容读取"


def _pdfium_lock():
    try:
        from parsing.ocr.sources import _PDFIUM_LOCK  # pdfium is not thread-safe
    except ImportError:
        import threading

        _PDFIUM_LOCK = threading.Lock()
    return _PDFIUM_LOCK


def load_pdf(path: Path, progress: ProgressCallback = noop, cancelled: CancelCheck = never,
             ocr: bool = True, reader: str = "pdfium") -> RawDocument:
    """Read a PDF page by page; scanned pages are OCR'd when ``ocr`` and an engine is present.

    ``reader="pdfplumber"`` reads every page through pdfplumber, as before pdfium (the reference
    for the identity test)."""
    text_share = 0.8 if ocr else 1.0
    document = None
    if reader == "pdfium":
        with _pdfium_lock():
            document = _read_with_pdfium_pages(path, progress, cancelled, text_share)
    if document is None:
        return _load_with_pdfplumber(path, progress, cancelled, ocr)
    return _finish(path, document, ocr, progress, cancelled, text_share)


def _finish(path: Path, document: RawDocument, ocr: bool, progress: ProgressCallback, cancelled: CancelCheck,
            text_share: float) -> RawDocument:
    """OCR the scanned pages, refuse a file without any text, report the end."""
    pages = document.pages
    scanned = [page.number for page in pages if page.needs_ocr]
    if scanned:
        _ocr_pages(path, pages, scanned, ocr, document.warnings, progress, cancelled, text_share)
    if not any(page.text.strip() for page in pages) and not scanned:
        raise LoadError(path, "PDF 文件没有可读取的文字")
    progress(1.0, "已读取 PDF")
    return document


def _read_with_pdfium_pages(path: Path, progress: ProgressCallback, cancelled: CancelCheck,
                            text_share: float) -> RawDocument | None:
    """Every page through pdfium (pages that may hold a ruled table through pdfplumber); None
    when pdfium cannot open the file or sees no pages, so pdfplumber words the refusal."""
    try:
        from parsing.loaders import pdf_pdfium
    except ImportError:  # pypdfium2 not installed
        return None
    try:
        document = pdf_pdfium.open_document(path)
    except Exception as exc:
        if pdf_pdfium.password_refused(exc):
            raise LoadError(path, "PDF 文件已加密，需要密码才能打开；请先在 PDF 阅读器中解除密码后另存") from exc
        return None
    plumber = None
    try:
        count = len(document)
        if count == 0:
            return None
        if count > limits.MAX_PDF_PAGES:
            raise LoadError(path, f"PDF 共 {count} 页，超过可处理的上限 {limits.MAX_PDF_PAGES} 页")
        warnings = [] if pdf_pdfium.valid_xref(document) else [_XREF_NOTE]
        pages: list[RawPage] = []
        right_margin = 0.0
        for index in range(count):
            check_cancelled(cancelled)
            progress(text_share * index / count, f"正在读取第 {index + 1}/{count} 页")
            needs_ocr = False
            try:
                page = document[index]
                try:
                    read = pdf_pdfium.read_page(page)
                    if read.needs_pdfplumber:
                        plumber = plumber or _open_plumber(path)
                        text, needs_ocr, right_margin = _plumber_page(plumber, index, right_margin, page)
                    elif len(read.chars) < MIN_CHARS_FOR_TEXT and read.has_images:
                        text, needs_ocr = "", True
                    else:
                        text, right_margin = page_rows_text(read.chars, [], [], right_margin)
                finally:
                    page.close()
            except Exception as exc:  # one broken page must not lose the others
                text = ""
                warnings.append(f"第 {index + 1} 页无法读取（{type(exc).__name__}），已跳过")
            pages.append(RawPage(index + 1, text, needs_ocr=needs_ocr))
    finally:
        if plumber is not None:
            plumber.close()
        document.close()
    return RawDocument(path=path, format="pdf", pages=pages, page_count=count, warnings=warnings)


def _open_plumber(path: Path):
    from parsing.loaders.pdf_tables import open_pdf

    return open_pdf(path)


def _plumber_page(plumber, index: int, right_margin: float, pdfium_page) -> tuple[str, bool, float]:
    """A page through pdfplumber; pdfium's plain text if pdfminer cannot read it (a repaired file)."""
    from parsing.loaders.pdf_tables import page_text

    try:
        page = plumber.pages[index]
    except Exception:
        text = pdfium_page.get_textpage().get_text_range().replace("\r\n", "\n")
        return text, not text.strip(), right_margin
    try:
        return page_text(page, right_margin)
    finally:
        page.close()


def _load_with_pdfplumber(path: Path, progress: ProgressCallback, cancelled: CancelCheck, ocr: bool) -> RawDocument:
    """Every page through pdfplumber: the reader before pdfium, and for a file pdfium refuses."""
    from parsing.loaders.pdf_tables import open_pdf, read_document

    text_share = 0.8 if ocr else 1.0
    try:
        opened = open_pdf(path)
    except LoadError as exc:
        if "加密" in str(exc):
            raise
        return _load_with_pdfium(path, progress, cancelled, ocr, exc)
    with opened as pdf:
        document = read_document(path, pdf, progress, cancelled, text_share)
    if document is None:  # a damaged cross-reference table hides the pages from pdfminer
        return _load_with_pdfium(path, progress, cancelled, ocr, LoadError(path, "PDF 文件没有页面"))
    return _finish(path, document, ocr, progress, cancelled, text_share)


def _load_with_pdfium(path: Path, progress: ProgressCallback, cancelled: CancelCheck, ocr: bool,
                      refused: LoadError) -> RawDocument:
    """The fallback for a PDF pdfminer cannot read (a damaged cross-reference table): pdfium
    rebuilds it and gives each page's text; ``refused`` is raised when pdfium cannot either."""
    with _pdfium_lock():
        document = _read_with_pdfium(path, progress, cancelled, ocr, refused)
    return _finish(path, document, ocr, progress, cancelled, 0.8 if ocr else 1.0)


def _read_with_pdfium(path: Path, progress: ProgressCallback, cancelled: CancelCheck, ocr: bool,
                      refused: LoadError) -> RawDocument:
    try:
        import pypdfium2 as pdfium

        document = pdfium.PdfDocument(str(path))
    except Exception as exc:  # not installed, or not a PDF pdfium can repair
        raise refused from exc
    pages: list[RawPage] = []
    warnings = [_XREF_NOTE]
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
