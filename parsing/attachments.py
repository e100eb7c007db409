"""The attachment list (附件说明): ``附件：1. 名称`` inline or one numbered line per attachment."""

from __future__ import annotations

import re

from parsing.document import CleanText
from parsing.units import compact

_HEAD = re.compile(r"^[\s\-—·•*]*附\s*件\s*[:：]\s*(.*)$")
_ITEM = re.compile(r"^\s*(?:[0-9０-９]{1,2}\s*[.．、]|[（(][0-9０-９]{1,2}[）)])\s*(.+)$")

Span = tuple[int, int]


def find_attachments(clean: CleanText) -> tuple[list[str], list[Span], list[int]]:
    """(names, spans, paragraph indexes of the list) of the first attachment list."""
    text = clean.text
    paras = clean.paragraphs
    for i, para in enumerate(paras):
        line = text[para.start:para.end]
        m = _HEAD.match(line)
        if not m:
            continue
        names: list[str] = []
        spans: list[Span] = []
        used = [i]
        inline = m.group(1)
        if compact(inline):
            item = _ITEM.match(inline)
            value = item.group(1) if item else inline
            offset = para.start + m.start(1) + (item.start(1) if item else 0)
            for name, span in _inline_items(value, offset, first=_item_number(inline) if item else None):
                names.append(_tidy(name))
                spans.append(span)
        for k in range(i + 1, min(len(paras), i + 30)):
            nxt = paras[k]
            line = text[nxt.start:nxt.end]
            if not compact(line):
                continue
            item = _ITEM.match(line)
            if not item or len(compact(line)) > 80 or "。" in line.rstrip("。")[:-1]:
                break
            names.append(_tidy(item.group(1)))
            spans.append((nxt.start + item.start(1), nxt.end))
            used.append(k)
        names = [n for n in names if n]
        if names:
            return names, spans, used
    return _numbered_heads(clean)


_NUMBERED_HEAD = re.compile(r"^[\s\-—·•*]*附\s*件\s*([0-9０-９]{1,2})\s*[:：.．、]\s*(\S.*)$")


def _numbered_heads(clean: CleanText) -> tuple[list[str], list[Span], list[int]]:
    """``附件1：名称`` lines, when the list is written that way."""
    names: list[str] = []
    spans: list[Span] = []
    used: list[int] = []
    for i, para in enumerate(clean.paragraphs):
        m = _NUMBERED_HEAD.match(clean.text[para.start:para.end])
        if m and _tidy(m.group(2)) and _tidy(m.group(2)) not in names:
            names.append(_tidy(m.group(2)))
            spans.append((para.start + m.start(2), para.end))
            used.append(i)
    return names, spans, used


def _item_number(item: str) -> int | None:
    m = re.match(r"\s*[（(]?([0-9０-９]{1,2})", item)
    return int(m.group(1).translate(_FULL_DIGITS)) if m else None


_FULL_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _inline_items(value: str, offset: int, first: int | None) -> list[tuple[str, Span]]:
    """``统计表  2.回执`` (after ``附件：1.``) → both names: the list runs on at 2., 3. … on one line
    (cleaning may have removed the spaces: ``统计表2.回执``)."""
    if first is None:
        return [(value, (offset, offset + len(value)))]
    out: list[tuple[str, Span]] = []
    start, n = 0, first + 1
    while m := re.compile(rf"(?<![0-9０-９.．])[（(]?{n}\s*[.．、）)]\s*(?![0-9０-９])").search(value, start + 1):
        out.append((value[start:m.start()], (offset + start, offset + m.start())))
        start, n = m.end(), n + 1
    out.append((value[start:], (offset + start, offset + len(value))))
    return out


def _tidy(value: str) -> str:
    """The name as written, without trailing punctuation or book-title marks around all of it."""
    name = compact(value).rstrip("。；;，,")
    if name.startswith("《") and name.endswith("》") and name.count("《") == 1:
        name = name[1:-1]  # 《医疗机构自查表》 → 医疗机构自查表 (as basis and enclosed titles are given)
    return name
