"""Scanner-app watermarks (扫描全能王 创建, CamScanner…) and word-processor artefacts."""

from __future__ import annotations

import itertools
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


# A handling stamp printed across a page (内部资料 注意保存), alone on its line.
_STAMP_LINE = re.compile(r"^(?=.*(?:资料|文件|材料|保存|外传|内部))[\s【\[（(]*(?:内部资料|内部文件|内部材料)?[\s，,、]*"
                         r"(?:注意保存|妥善保存|请勿外传|严禁外传|不得外传|仅供内部使用|仅供内部参考)?[\s】\]）)]*$")


def is_stamp_line(text: str) -> bool:
    """True when the whole line is a handling stamp such as ``内部资料 注意保存``."""
    return bool(text.strip()) and bool(_STAMP_LINE.match(text))


def is_watermark_line(text: str) -> bool:
    """True when the whole line is a scanner app's watermark or a handling stamp."""
    if is_stamp_line(text):
        return True
    if not WATERMARK.search(text):
        return False
    return bool(_RESIDUE.match(WATERMARK.sub("", text)))


def remove_watermarks(line: Line) -> None:
    """Drop a watermark line, or cut a watermark that OCR ran into a line of text."""
    text = line.s
    if is_stamp_line(text):
        line.removed = "watermark"
        return
    if not WATERMARK.search(text):
        return
    if is_watermark_line(text):
        line.removed = "watermark"
        return
    spans = [m.span() for m in WATERMARK.finditer(text)]
    line.text = line.text.delete(spans).strip(EDGE_SPACE)
    if not line.s:
        line.removed = "watermark"


_SPLIT_WINDOW = 14  # characters looked at on each side of a line break


def cut_split_watermarks(lines: list[Line]) -> None:
    """Cut a watermark that OCR broke over two lines (``…排查整扫描全`` / ``能王创建``).

    Runs before the per-line pass, which would otherwise remove the app name and leave the
    stray half (``创``, ``建``) in the text.
    """
    for a, b in itertools.pairwise(lines):
        if a.removed is not None or b.removed is not None:
            continue
        tail, head = a.s[-_SPLIT_WINDOW:], b.s[:_SPLIT_WINDOW]
        joined = tail + head
        for m in WATERMARK.finditer(joined):
            if m.start() < len(tail) < m.end():
                cut_a = len(tail) - m.start()
                cut_b = m.end() - len(tail)
                a.text = a.text.slice(0, len(a.s) - cut_a).strip(EDGE_SPACE)
                b.text = b.text.slice(cut_b, len(b.s)).strip(EDGE_SPACE)
                for line in (a, b):
                    if not line.s:
                        line.removed = "watermark"
                break


def remove_artefacts(line: Line) -> None:
    """Delete bookmark and field-code artefacts and invisible characters."""
    text = line.s
    if not ARTEFACTS.search(text):
        return
    line.text = line.text.delete([m.span() for m in ARTEFACTS.finditer(text)]).strip(EDGE_SPACE)
    if not line.s.strip():
        line.removed = "artefact"
