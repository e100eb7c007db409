"""Plain-text notices: the encoding is detected from the bytes, never assumed.

Order: a BOM (UTF-8, UTF-16), strict UTF-8, UTF-16 without BOM when it reads as Chinese,
strict GB18030 (a superset of GBK and GB2312) when the result reads as Chinese, then
charset-normalizer's guess; anything else is refused with a clear message.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import charset_normalizer

from parsing.document import RawDocument, RawPage
from parsing.errors import LoadError
from parsing.loaders import limits
from parsing.progress import CancelCheck, ProgressCallback, check_cancelled, never, noop

_CJK = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]")
# Controls that betray bytes forced through a codec; Word's line break (\x0b), a form feed and
# a pasted terminal escape (\x1b) occur in real text and are cleaned later, not counted here.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")


def _reads_as_text(text: str, limit: float = 0.01) -> bool:
    """True when decoded text looks like real text, not bytes forced through a codec."""
    if not text:
        return True
    controls = len(_CONTROL.findall(text))
    return controls / len(text) < limit


def _reads_as_chinese(text: str) -> bool:
    visible = [ch for ch in text if not ch.isspace()]
    if not visible:
        return True
    cjk = sum(1 for ch in visible if _CJK.match(ch))
    ascii_ = sum(1 for ch in visible if ord(ch) < 128)
    return (cjk + ascii_) / len(visible) > 0.9 and _reads_as_text(text)


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding name) of ``data``; raises ValueError when no encoding fits."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding), encoding
    try:
        text = data.decode("utf-8")
        if _reads_as_text(text, 0.05):  # strict UTF-8 is itself strong evidence: a few stray controls pass
            return text, "utf-8"
    except UnicodeDecodeError:
        pass
    if len(data) % 2 == 0:  # UTF-16 without a BOM: whichever byte order reads as Chinese
        for encoding in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _reads_as_chinese(text):
                return text, encoding
    try:
        text = data.decode("gb18030")
        if _reads_as_chinese(text):
            return text, "gb18030"
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is not None:
        text = str(best)
        if _reads_as_chinese(text):
            return text, best.encoding
    raise ValueError("unknown encoding")


def load_txt(path: Path, progress: ProgressCallback = noop, cancelled: CancelCheck = never) -> RawDocument:
    """Read a .txt notice in whatever encoding it was saved."""
    size = path.stat().st_size
    if size > limits.MAX_TEXT_BYTES:
        raise LoadError(path, f"文本文件过大（{size // (1024 * 1024)} MB），不像是一份公文")
    data = path.read_bytes()
    check_cancelled(cancelled)
    if len(data) > limits.MAX_TEXT_CHARS * 4:  # more than any encoding of the character limit
        raise LoadError(path, f"文本文件过大（{len(data) // (1024 * 1024)} MB），不像是一份公文")
    try:
        text, encoding = decode_text(data)
    except ValueError as exc:
        raise LoadError(path, "无法识别文本编码（不是 UTF-8、UTF-16 或 GBK/GB18030），请另存为 UTF-8 后再打开") from exc
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if not text.strip():
        raise LoadError(path, "文件没有文字内容")
    progress(1.0, "已读取文本")
    return RawDocument(path=path, format="txt", pages=[RawPage(1, text)], page_count=None, encoding=encoding)
