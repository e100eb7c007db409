"""Loaders: one per incoming format, each returning a :class:`parsing.document.RawDocument`.

``load_document`` picks the loader from the file's content where it can tell (a PDF named
.docx is still read as a PDF) and otherwise from its suffix, and turns every failure into a
:class:`LoadError` with a message a user can act on.
"""

from __future__ import annotations

from pathlib import Path

from parsing.document import RawDocument
from parsing.errors import LoadError, PolicyDeskError
from parsing.loaders import limits
from parsing.loaders.docx import load_docx
from parsing.loaders.images import IMAGE_SUFFIXES, load_image
from parsing.loaders.ofd import load_ofd
from parsing.loaders.office import load_legacy_office
from parsing.loaders.pdf import load_pdf
from parsing.loaders.txt import load_txt
from parsing.progress import CancelCheck, Cancelled, ProgressCallback, never, noop
from parsing.text_safety import clean_input

SUPPORTED_SUFFIXES = (".txt", ".docx", ".pdf", ".ofd", ".doc", ".wps", *IMAGE_SUFFIXES)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _sniff(path: Path, head: bytes) -> str:
    """The loader to use: by magic bytes when they are decisive, else by suffix."""
    suffix = path.suffix.lower()
    if head.startswith(b"%PDF"):
        return ".pdf"
    if head.startswith(b"PK\x03\x04"):
        return suffix if suffix in (".docx", ".ofd") else ".docx"
    if head.startswith(_OLE_MAGIC):
        return suffix if suffix in (".doc", ".wps") else ".doc"
    return suffix


def load_document(path: str | Path, progress: ProgressCallback = noop, cancelled: CancelCheck = never,
                  ocr: bool = True) -> RawDocument:
    """Read any supported file into raw pages; raise LoadError with a clear message on failure.

    Page text is normalised by :func:`parsing.text_safety.clean_input` (``\\x0b`` → line break,
    control characters, U+FFFE/U+FFFF and lone surrogates dropped), whatever the format."""
    document = _load(path, progress, cancelled, ocr)
    chars = sum(len(page.text) for page in document.pages)
    if chars > limits.MAX_TEXT_CHARS:
        raise LoadError(Path(path), f"文件有 {chars // 10000} 万字，超过 {limits.MAX_TEXT_CHARS // 10000} 万字的上限，不像是一份公文")
    for page in document.pages:
        if not page.ocr:  # OCR text is the engine's own, and its low-confidence spans index it
            page.text = clean_input(page.text)
    return document


def _load(path: str | Path, progress: ProgressCallback, cancelled: CancelCheck, ocr: bool) -> RawDocument:
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise LoadError(path, "文件不存在") from exc
    except OSError as exc:
        raise LoadError(path, f"无法访问文件（{exc.strerror or exc}）") from exc
    if path.is_dir():
        raise LoadError(path, "这是一个文件夹，不是文件")
    if size == 0:
        raise LoadError(path, "文件是空的（0 字节）")
    if size > limits.MAX_FILE_BYTES:
        raise LoadError(path, f"文件过大（{size // (1024 * 1024)} MB），超过 {limits.MAX_FILE_BYTES // (1024 * 1024)} MB 的上限")
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise LoadError(path, f"无法读取文件（{exc.strerror or exc}）") from exc
    kind = _sniff(path, head)
    try:
        if kind == ".txt":
            return load_txt(path, progress, cancelled)
        if kind == ".docx":
            return load_docx(path, progress, cancelled)
        if kind == ".pdf":
            return load_pdf(path, progress, cancelled, ocr=ocr)
        if kind == ".ofd":
            return load_ofd(path, progress, cancelled)
        if kind in (".doc", ".wps"):
            return load_legacy_office(path, progress, cancelled)
        if kind in IMAGE_SUFFIXES:
            return load_image(path, progress, cancelled)
    except (PolicyDeskError, Cancelled):
        raise
    except MemoryError as exc:
        raise LoadError(path, "文件过大，内存不足以读取") from exc
    except Exception as exc:  # a loader bug or an unforeseen corruption: still one clear line
        raise LoadError(path, f"文件无法读取，可能已损坏（{type(exc).__name__}）") from exc
    supported = "、".join(SUPPORTED_SUFFIXES)
    raise LoadError(path, f"不支持的文件类型“{path.suffix or '无扩展名'}”，支持：{supported}")
