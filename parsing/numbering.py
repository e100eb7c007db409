"""The numbering of 公文 headings: ``一、`` / ``（一）`` / ``1.`` ``1、`` / ``（1）`` / ``第一条``.

Shared by cleaning (a numbered heading always starts a paragraph) and by the outline.
Levels follow GB/T 9704-2012 practice: 一、 is 1, （一） is 2, 1. is 3, （1） is 4;
``第一章`` is 1 and ``第一条`` is 2 in documents organised as articles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parsing.cnnum import cn_to_int

_CN = "一二三四五六七八九十"
_PATTERNS: list[tuple[str, int, re.Pattern[str]]] = [
    ("chapter", 1, re.compile(rf"^\s*(第[{_CN}百零〇]+章)\s*")),
    ("article", 2, re.compile(rf"^\s*(第[{_CN}百零〇]+条)\s*")),
    ("cn", 1, re.compile(rf"^\s*([{_CN}]+)\s*[、．.]\s*")),
    ("paren_cn", 2, re.compile(rf"^\s*([（(]\s*[{_CN}]+\s*[）)])\s*[、.．]?\s*")),
    ("arabic", 3, re.compile(r"^\s*([0-9０-９]{1,2})\s*(?:[、．]|\.(?![0-9０-９]))\s*")),
    ("paren_arabic", 4, re.compile(r"^\s*([（(]\s*[0-9０-９]{1,2}\s*[）)])\s*[、.．]?\s*")),
    ("circled", 5, re.compile(r"^\s*([①-⑳])\s*")),
]


@dataclass(frozen=True)
class HeadingNumber:
    """A heading number found at the start of a line."""

    style: str  # chapter | article | cn | paren_cn | arabic | paren_arabic | circled
    level: int
    number: str  # as the contract writes it: 一, （一）, 1, （1）, 第一条
    value: int  # its numeric value (一 → 1, （三） → 3)
    end: int  # offset in the line where the heading text starts


def _normalise(style: str, raw: str) -> tuple[str, int]:
    inner = re.sub(r"[\s（）()]", "", raw)
    if style in ("chapter", "article"):
        value = cn_to_int(inner[1:-1]) or 0
        return inner, value
    if style == "circled":
        return raw, ord(raw) - ord("①") + 1
    value = cn_to_int(inner) or 0
    if style in ("paren_cn", "paren_arabic"):
        digits = str(value) if style == "paren_arabic" else inner
        return f"（{digits}）", value
    return (str(value) if style == "arabic" else inner), value


def match_heading_number(line: str) -> HeadingNumber | None:
    """The heading number at the start of ``line``, if it has one.

    A bare year or count (``2024年``, ``3个``) is not a number: ``1.`` must be followed by
    text, and Arabic numbers take at most two digits.
    """
    for style, level, pattern in _PATTERNS:
        m = pattern.match(line)
        if not m:
            continue
        rest = line[m.end():]
        if not rest.strip() and style not in ("chapter", "article"):
            return None
        number, value = _normalise(style, m.group(1))
        return HeadingNumber(style, level, number, value, m.end())
    return None
