"""The numbering of 公文 headings: ``一、`` / ``（一）`` / ``1.`` ``1、`` / ``（1）`` / ``第一条``.

Enclosed forms mean the same numbers: ``㈠`` is ``（一）``, ``⑴`` is ``（1）``, ``⒈`` is ``1``; ASCII
brackets (``(一)``) count as full-width ones. ``1)`` / ``1）`` with no opening bracket is a style of its
own (number ``1）``), a level below ``1.``; ``①`` stays as printed.

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
    ("close_arabic", 4, re.compile(r"^\s*([0-9０-９]{1,2}\s*[）)])\s*")),
    ("circled", 5, re.compile(r"^\s*([①-⑳])\s*")),
]
# Enclosed numerals as one character: ㈠…㈩ (U+3220), ⑴…⒇ (U+2474), ⒈…⒛ (U+2488).
_ENCLOSED: list[tuple[str, int, re.Pattern[str], int]] = [
    ("paren_cn", 2, re.compile(r"^\s*([㈠-㈩])\s*[、.．]?\s*"), 0x3220),
    ("paren_arabic", 4, re.compile(r"^\s*([⑴-⒇])\s*[、.．]?\s*"), 0x2474),
    ("arabic", 3, re.compile(r"^\s*([⒈-⒛])\s*"), 0x2488),
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
    if style == "close_arabic":
        value = cn_to_int(inner) or 0
        return f"{value}）", value
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
    for style, level, pattern, first in _ENCLOSED:
        m = pattern.match(line)
        if m and line[m.end():].strip():
            value = ord(m.group(1)) - first + 1
            if style == "paren_cn":
                number = f"（{_CN[value - 1]}）" if value <= 10 else f"（{value}）"
            else:
                number = f"（{value}）" if style == "paren_arabic" else str(value)
            return HeadingNumber(style, level, number, value, m.end())
    return None
