"""Word's automatic numbering, rendered as Word shows it.

The ``一、`` / ``（一）`` / ``1.`` of a .docx often live in numbering.xml, not in the paragraph
text; a loader that drops them loses the outline. This module reads the definitions and keeps
the counters as paragraphs are visited in order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"

_CN_DIGITS = "〇一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"


def _chinese(value: int, digits: str = _CN_DIGITS, ten: str = "十") -> str:
    if value < 10:
        return digits[value]
    if value < 20:
        return ten + (digits[value % 10] if value % 10 else "")
    if value < 100:
        return digits[value // 10] + ten + (digits[value % 10] if value % 10 else "")
    return str(value)


def _letters(value: int, upper: bool) -> str:
    letter = chr(ord("A" if upper else "a") + (value - 1) % 26)
    return letter * ((value - 1) // 26 + 1)


def _roman(value: int) -> str:
    out = ""
    for number, symbol in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while value >= number:
            out += symbol
            value -= number
    return out


def format_number(value: int, fmt: str) -> str:
    """``value`` in Word's number format ``fmt`` (w:numFmt)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
               "taiwaneseCountingThousand", "koreanCounting"):
        return _chinese(value)
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join(_CN_DIGITS[int(d)] for d in str(value))
    if fmt in ("chineseLegalSimplified", "ideographLegalTraditional", "japaneseLegal"):
        return _chinese(value, _CN_LEGAL, "拾")
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return str(value).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return chr(0x2460 + value - 1) if 1 <= value <= 20 else str(value)
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "upperLetter":
        return _letters(value, True)
    if fmt == "lowerLetter":
        return _letters(value, False)
    if fmt == "upperRoman":
        return _roman(value)
    if fmt == "lowerRoman":
        return _roman(value).lower()
    if fmt in ("none", "bullet"):
        return ""
    return str(value)


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    restart: int | None = None  # w:lvlRestart: restart after this (1-based) level; 0 = never
    legal: bool = False


@dataclass
class _Num:
    abstract_id: str
    start_overrides: dict[int, int] = field(default_factory=dict)


def _val(element, tag: str) -> str | None:
    child = element.find(f"{_W}{tag}")
    return None if child is None else child.get(f"{_W}val")


class Numbering:
    """Numbering definitions of one document and the running counters."""

    def __init__(self, xml: bytes | None):
        self.abstracts: dict[str, dict[int, _Level]] = {}
        self.nums: dict[str, _Num] = {}
        self.counters: dict[str, dict[int, int]] = {}
        if xml:
            self._read(etree.fromstring(xml, parser=etree.XMLParser(resolve_entities=False, huge_tree=False)))

    def _read(self, root) -> None:
        for abstract in root.iter(f"{_W}abstractNum"):
            levels: dict[int, _Level] = {}
            for lvl in abstract.iter(f"{_W}lvl"):
                restart = _val(lvl, "lvlRestart")
                levels[int(lvl.get(f"{_W}ilvl", "0"))] = _Level(
                    fmt=_val(lvl, "numFmt") or "decimal",
                    text=_val(lvl, "lvlText") or "",
                    start=int(_val(lvl, "start") or 1),
                    restart=int(restart) if restart is not None else None,
                    legal=lvl.find(f"{_W}isLgl") is not None,
                )
            self.abstracts[abstract.get(f"{_W}abstractNumId")] = levels
        for num in root.iter(f"{_W}num"):
            abstract_id = _val(num, "abstractNumId")
            overrides = {}
            for override in num.iter(f"{_W}lvlOverride"):
                start = override.find(f"{_W}startOverride")
                if start is not None:
                    overrides[int(override.get(f"{_W}ilvl", "0"))] = int(start.get(f"{_W}val"))
            self.nums[num.get(f"{_W}numId")] = _Num(abstract_id or "", overrides)

    def label(self, num_id: str, ilvl: int) -> str:
        """Advance the counter of (num_id, ilvl) and return the label Word shows, e.g. ``（三）``."""
        num = self.nums.get(num_id)
        if num is None or num_id == "0":
            return ""
        levels = self.abstracts.get(num.abstract_id, {})
        level = levels.get(ilvl)
        if level is None:
            return ""
        # Instances with start overrides count on their own; others share the abstract list.
        key = f"num:{num_id}" if num.start_overrides else f"abs:{num.abstract_id}"
        counters = self.counters.setdefault(key, {})
        start = num.start_overrides.get(ilvl, level.start)
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            deeper_level = levels.get(deeper)
            restart = None if deeper_level is None else deeper_level.restart
            if restart is None or (restart != 0 and ilvl < restart):
                del counters[deeper]
        text = level.text
        for k in range(9):
            token = f"%{k + 1}"
            if token not in text:
                continue
            lvl = levels.get(k, _Level())
            value = counters.get(k, num.start_overrides.get(k, lvl.start))
            fmt = "decimal" if (level.legal and k != ilvl) else lvl.fmt
            text = text.replace(token, format_number(value, fmt))
        return text
