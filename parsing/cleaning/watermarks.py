"""Scanner-app watermarks (扫描全能王 创建, CamScanner…) and word-processor artefacts."""

from __future__ import annotations

import re

from parsing.cleaning.lines import EDGE_SPACE, Line

_APP = r"(?:扫描全能王|全能扫描王|夸克扫描王|布丁扫描|CamScanner|Cam\s?Scanner)"
WATERMARK = re.compile(
    rf"(?:由\s*)?{_APP}\s*(?:扫描)?\s*(?:创建|生成)?"
    r"|(?:Scanned|Created)\s+(?:by|with)\s+CamScanner"
    r"|\d\s*亿(?:人|用户)都在用的扫描\s*App",
    re.IGNORECASE,
)
# What is left of a watermark line once the app name is gone: the logo OCR'd as "CS", dashes.
_RESIDUE = re.compile(r"^[\sCcSs\-—_|·•.。,，:：]*$")
ARTEFACTS = re.compile(
    r"\[bookmark:\s*[^\]\n]*\]"
    r"|\{\s*(?:PAGE|NUMPAGES|MERGEFORMAT|HYPERLINK|TOC)\b[^}\n]*\}"
    r"|[\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0e-\x1b\x7f]"
)


def is_watermark_line(text: str) -> bool:
    """True when the whole line is a scanner app's watermark."""
    if not WATERMARK.search(text):
        return False
    return bool(_RESIDUE.match(WATERMARK.sub("", text)))


def remove_watermarks(line: Line) -> None:
    """Drop a watermark line, or cut a watermark that OCR ran into a line of text."""
    text = line.s
    if not WATERMARK.search(text):
        return
    if is_watermark_line(text):
        line.removed = "watermark"
        return
    spans = [m.span() for m in WATERMARK.finditer(text)]
    line.text = line.text.delete(spans).strip(EDGE_SPACE)
    if not line.s:
        line.removed = "watermark"


def remove_artefacts(line: Line) -> None:
    """Delete bookmark and field-code artefacts and invisible characters."""
    text = line.s
    if not ARTEFACTS.search(text):
        return
    line.text = line.text.delete([m.span() for m in ARTEFACTS.finditer(text)]).strip(EDGE_SPACE)
    if not line.s.strip():
        line.removed = "artefact"
