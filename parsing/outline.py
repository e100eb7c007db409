"""The outline: numbered headings nested by their numbering, plus short unnumbered heading lines.

Nesting follows the styles met on the way down (``一、`` → ``（一）`` → ``1.`` → ``（1）``, or
``第一章`` → ``第一条``): a style already open closes everything below it, a new style opens a
level under the current heading. Two glitches of real files are repaired:

* an Arabic number among Chinese ones (``一、`` ``二、`` ``3、`` ``四、``) is read as the Chinese
  number it stands for, when no Arabic list is open that it could continue;
* an Arabic number right after ``（一）（二）`` with no list of its own (``3、``) is read as ``（三）``;
* a ``1.`` list that runs on across sections (``一、 1. 2. 二、 3. 4.``) stays as written, each item
  under the section it stands in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parsing.cnnum import cn_to_int
from parsing.document import CleanText
from parsing.model import Section
from parsing.numbering import HeadingNumber, match_heading_number

_CN_DIGITS = "零一二三四五六七八九"
# Arabic style → the Chinese style it may stand in for, by mistake.
_GLITCH_OF = {"arabic": "cn", "paren_arabic": "paren_cn"}
_HEADING_END = re.compile(r"[。：:]")
_OPENS_LIST = re.compile(r"(?:其中|包括|如下|以下|主要有|分别为|分别是)$")
_WS = re.compile(r"\s+")
_PUNCT = re.compile(r"[，,。；;：:！？!?“”\"、《》（）()\d]")
_TWO_PHRASES = re.compile(r"^[\u4e00-\u9fa5]{2,8}[ \u3000]+[\u4e00-\u9fa5]{2,8}$")


def int_to_cn(value: int) -> str:
    """1 → 一, 12 → 十二, 21 → 二十一 (up to 99)."""
    if value < 10:
        return _CN_DIGITS[value]
    tens, ones = divmod(value, 10)
    return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[ones] if ones else "")


@dataclass
class HeadingLine:
    """A heading found in one paragraph."""

    para: int  # paragraph index
    style: str
    level: int
    number: str
    value: int
    start: int  # text offset of the number
    heading_start: int  # text offset where the heading words begin
    heading_end: int  # text offset just after the heading words (before 。/：)
    text_start: int  # text offset where the item's own text begins (after 。/：), = para end if none
    numbered: bool = True
    repaired_from: str | None = None  # the number as printed, when a glitch was repaired


# 第一部分 总体要求: a part of a long 方案, above its 一、 sections
_PART = re.compile(r"^\s*(第([一二三四五六七八九十]+)部分)\s*[：:、.．]?\s*")


def _part_number(line: str) -> HeadingNumber | None:
    m = _PART.match(line)
    if not m or not line[m.end():].strip():
        return None
    return HeadingNumber("part", 1, _WS.sub("", m.group(1)), cn_to_int(m.group(2)) or 0, m.end())


def _heading_stop(body: str) -> int | None:
    """Index of the first 。 or ： outside brackets and quotes, which ends a heading.

    A ``：`` ends it only when it closes the heading phrase (``1.时间：…``), not when it opens a
    list inside a first sentence (``…全覆盖，其中：…``)."""
    depth, comma = 0, False
    for k, ch in enumerate(body):
        if ch in "（(《“":
            depth += 1
        elif ch in "）)》”":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in "，,":
            comma = True
        elif depth == 0 and _HEADING_END.match(ch):
            if ch in "：:" and 0 < k < len(body) - 1 and body[k - 1].isdigit() and body[k + 1].isdigit():
                continue  # 12:00, a clock time
            if ch in "：:" and (comma or _OPENS_LIST.search(body[:k])) and "。" in body[k:]:
                continue
            return k
    m = _HEADING_END.search(body)  # an unclosed bracket (OCR): the first 。/： after all
    return m.start() if m and depth else None


def _heading_in(text: str, start: int, end: int, num: HeadingNumber) -> HeadingLine:
    body = text[start + num.end:end]
    k = _heading_stop(body)
    if k is not None:
        h_end, t_start = start + num.end + k, start + num.end + k + 1
    else:
        h_end = t_start = end
    return HeadingLine(0, num.style, num.level, num.number, num.value, start, start + num.end, h_end, t_start)


def heading_words(text: str, line: HeadingLine) -> str:
    """The heading as the contract writes it: whitespace removed."""
    return _WS.sub("", text[line.heading_start:line.heading_end]).rstrip("。；;，,")


def _is_unnumbered_heading(para_text: str, next_text: str | None) -> bool:
    """A short heading line without number (``加强领导 精心部署``)."""
    stripped = para_text.strip()
    if _TWO_PHRASES.match(stripped):
        return True
    compacted = _WS.sub("", stripped)
    return (4 <= len(compacted) <= 12 and not _PUNCT.search(compacted)
            and next_text is not None and len(next_text) >= 60)


def find_headings(clean: CleanText, paragraphs: list[int]) -> list[HeadingLine]:
    """Heading lines among the given paragraph indexes, with numbering glitches repaired."""
    text = clean.text
    lines: list[HeadingLine] = []
    for pos, index in enumerate(paragraphs):
        para = clean.paragraphs[index]
        if para.kind == "table_row" or "\t" in text[para.start:para.end]:
            continue
        raw = text[para.start:para.end]
        num = match_heading_number(raw) or _part_number(raw)
        if num is not None:
            line = _heading_in(text, para.start, para.end, num)
            line.para = index
            lines.append(line)
            continue
        nxt = paragraphs[pos + 1] if pos + 1 < len(paragraphs) else None
        next_text = text[clean.paragraphs[nxt].start:clean.paragraphs[nxt].end] if nxt is not None else None
        if _is_unnumbered_heading(raw, next_text):
            lines.append(HeadingLine(index, "plain", 0, "", 0, para.start, para.start, para.end, para.end,
                                     numbered=False))
    _repair_glitches(lines, text)
    return lines


def _repair_glitches(lines: list[HeadingLine], text: str) -> None:
    """Turn a stray ``3、`` among ``一、二、`` into ``三``."""
    last_value: dict[str, int] = {}
    for line in lines:
        if not line.numbered:
            continue
        target = _GLITCH_OF.get(line.style)
        # ``3、`` under ``二、`` may open a real list (1. 2. 3. run on across sections) unless it stands
        # alone like a section heading; ``（3）`` right after ``（二）`` with no ``（1）（2）`` cannot
        standalone = line.heading_end == line.text_start or line.style == "paren_arabic"
        if target and standalone and last_value.get(target) == line.value - 1 \
                and last_value.get(line.style, 0) != line.value - 1:
            cn = int_to_cn(line.value)
            line.repaired_from = _WS.sub("", text[line.start:line.heading_start])
            line.style = target
            line.level = 1 if target == "cn" else 2
            line.number = cn if target == "cn" else f"（{cn}）"
        elif line.style == "arabic" and line.value >= 2 and last_value.get("paren_cn") == line.value - 1 \
                and last_value.get("arabic", 0) != line.value - 1:
            # ``3、`` after ``（一）（二）`` with no ``1、2、`` before it in this section: it means ``（三）``
            line.repaired_from = _WS.sub("", text[line.start:line.heading_start])
            line.style, line.level = "paren_cn", 2
            line.number = f"（{int_to_cn(line.value)}）"
        last_value[line.style] = line.value
        # a new higher-level heading restarts the lower lists
        if line.style == "cn":
            last_value.pop("paren_cn", None)
        if line.style in ("cn", "paren_cn", "chapter", "article", "part"):
            last_value.pop("paren_arabic", None)
            last_value.pop("close_arabic", None)


def build_outline(clean: CleanText, lines: list[HeadingLine], region_end: int) -> tuple[list[Section], list[Section]]:
    """(tree, flat list) of sections for the heading lines; ``region_end`` closes the last body."""
    text = clean.text
    roots: list[Section] = []
    flat: list[Section] = []
    stack: list[tuple[str, Section]] = []  # (style, section)
    for i, line in enumerate(lines):
        nxt = lines[i + 1].start if i + 1 < len(lines) else region_end
        nxt = max(nxt, line.heading_end)
        heading = heading_words(text, line) if line.numbered else _WS.sub("", text[line.start:line.heading_end])
        section = Section(number=line.number, level=max(1, min(6, line.level or 1)), heading=heading,
                          numbered=line.numbered, span=(line.start, line.heading_end),
                          body_span=(line.heading_end, nxt))
        if line.numbered:
            # numbered headings never hang under an unnumbered one: the outline JSON lists numbered
            # sections only, and every one of them must be in it
            while stack and stack[-1][0] == "plain":
                stack.pop()
            styles = [s for s, _ in stack]
            if line.style in styles:
                del stack[styles.index(line.style):]
            else:
                # a style of a higher level than an open one closes it (（一） after 1. under 一、)
                while stack and stack[-1][0] != "plain" and _rank(stack[-1][0]) > _rank(line.style):
                    stack.pop()
        else:
            # an unnumbered heading sits beside the numbered ones at the current top level
            while stack and stack[-1][0] != "plain" and len(stack) > 1:
                stack.pop()
            if stack and stack[-1][0] == "plain":
                stack.pop()
        if stack:
            stack[-1][1].children.append(section)
        else:
            roots.append(section)
        stack.append((line.style, section))
        flat.append(section)
    return roots, flat


_RANKS = {"part": 0, "chapter": 0, "cn": 1, "article": 2, "paren_cn": 2, "arabic": 3, "paren_arabic": 4,
          "close_arabic": 4.5, "circled": 5, "plain": 9}


def _rank(style: str) -> float:
    return _RANKS.get(style, 9)
