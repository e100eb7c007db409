"""Chinese and full-width numerals, and full written dates (成文日期 and the like)."""

from __future__ import annotations

import re
from datetime import date

_DIGITS = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "О": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
           "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
CN_DIGIT_CHARS = "〇○零Ｏ一二两三四五六七八九十百千"


def to_halfwidth_digits(text: str) -> str:
    return text.translate(FULLWIDTH_DIGITS)


def cn_to_int(text: str) -> int | None:
    """Value of a numeral written in Arabic, full-width or Chinese digits; None if it is not one.

    Handles both positional (``二〇二四`` → 2024) and unit forms (``二十三`` → 23, ``十二`` → 12).
    """
    text = to_halfwidth_digits(text.strip())
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if any(ch not in _DIGITS and ch not in _UNITS for ch in text):
        return None
    if not any(ch in _UNITS for ch in text):
        value = 0
        for ch in text:
            value = value * 10 + _DIGITS[ch]
        return value
    total, current = 0, 0
    for ch in text:
        if ch in _DIGITS:
            current = _DIGITS[ch]
        else:
            total += (current or 1) * _UNITS[ch]
            current = 0
    return total + current


_NUM = rf"[0-9０-９{CN_DIGIT_CHARS}]"
FULL_DATE = re.compile(rf"({_NUM}{{4}})\s*年\s*({_NUM}{{1,3}})\s*月\s*({_NUM}{{1,3}})\s*日")


def parse_full_date(text: str) -> date | None:
    """The first complete ``YYYY年M月D日`` date in ``text`` (any numerals), or None."""
    for m in FULL_DATE.finditer(text):
        year, month, day = (cn_to_int(g) for g in m.groups())
        try:
            return date(year, month, day)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            continue
    return None
