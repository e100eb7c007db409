"""The layout facts deadline reading needs: headings, sentences, and text that holds no deadline.

Headings come from the outline when the caller has one (``parsing.model.Section`` with spans),
else from the numbered paragraphs of the clean text (``parsing.numbering``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from parsing.document import CleanText
from parsing.model import Section
from parsing.numbering import match_heading_number

Span = tuple[int, int]


@dataclass
class Heading:
    """A numbered heading: ``text[start:head_end]`` is its heading part, ``body_end`` its section end."""

    level: int
    number: str
    start: int  # where the number begins
    text_start: int  # where the heading words begin (after the number)
    head_end: int  # end of the heading part (run-in headings end at the first 。 or ：)
    body_end: int
    parent: int | None = None  # index of the enclosing heading

    def heading_text(self, text: str) -> str:
        return text[self.text_start:self.head_end]


_RUN_IN_END = re.compile(r"[。：:]")


def _head_end(text: str, start: int, end: int) -> int:
    """End of a run-in heading: the first 。 / ： outside brackets, else the line end."""
    depth = 0
    for i in range(start, end):
        ch = text[i]
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
        elif depth == 0 and _RUN_IN_END.match(ch):
            return i
    return end


def headings_from_paragraphs(clean: CleanText) -> list[Heading]:
    """Numbered headings found at paragraph starts."""
    found: list[Heading] = []
    text = clean.text
    for para in clean.paragraphs:
        line = text[para.start:para.end]
        number = match_heading_number(line)
        if number is None or para.kind == "table_row":
            continue
        text_start = para.start + number.end
        found.append(Heading(number.level, number.number, para.start, text_start,
                             _head_end(text, text_start, para.end), para.end))
    _link(found, len(text))
    return found


def headings_from_sections(clean: CleanText, sections: Sequence[Section]) -> list[Heading]:
    """Headings from the caller's flattened outline (sections without spans are skipped)."""
    found: list[Heading] = []
    text = clean.text
    for section in sections:
        if not section.span:
            continue
        start, end = section.span
        line_end = text.find("\n", start)
        line_end = len(text) if line_end < 0 else line_end
        number = match_heading_number(text[start:line_end])
        text_start = start + (number.end if number else 0)
        head_end = _head_end(text, text_start, max(end, text_start))
        found.append(Heading(section.level, section.number, start, text_start, head_end,
                             section.body_span[1] if section.body_span else line_end))
    found.sort(key=lambda h: h.start)
    _link(found, len(text))
    return found


def _link(headings: list[Heading], text_end: int) -> None:
    """Set each heading's parent and, where missing, its section end (the next heading at its level)."""
    stack: list[int] = []
    for i, heading in enumerate(headings):
        while stack and headings[stack[-1]].level >= heading.level:
            stack.pop()
        heading.parent = stack[-1] if stack else None
        stack.append(i)
    for i, heading in enumerate(headings):
        end = text_end
        for later in headings[i + 1:]:
            if later.level <= heading.level:
                end = later.start
                break
        heading.body_end = max(heading.body_end, min(end, text_end))


_SENTENCE_END = re.compile(r"[。！？；;!?\n]")


def sentences(text: str, start: int, end: int) -> list[Span]:
    """Sentence spans of ``text[start:end]`` (split after 。！？； and at line ends)."""
    spans: list[Span] = []
    begin = start
    for m in _SENTENCE_END.finditer(text, start, end):
        if m.end() - begin > 1:
            spans.append((begin, m.end()))
        begin = m.end()
    if end - begin > 0 and text[begin:end].strip():
        spans.append((begin, end))
    return spans


_SIGNATURE_TAIL = re.compile(r"(印发|印制|发布|制发)\s*$")
_TITLE = re.compile(r"关于.{2,80}的(?:紧急)?(?:通知|通报|函|意见|方案|报告|批复|决定|请示|公告)\s*$|"
                    r"(?:方案|要点|意见|办法|计划|规划)(?:[（(][^）)]*[）)])?\s*$")
_CLAUSE_PUNCT = re.compile(r"[，。；：:,;]")
_FULL_DATE = re.compile(r"[0-9０-９〇○零一二三四五六七八九]{4}\s*年\s*[0-9０-９一二三四五六七八九十]{1,3}\s*月"
                        r"\s*[0-9０-９一二三四五六七八九十]{1,3}\s*日")


def quiet_spans(clean: CleanText) -> list[Span]:
    """Spans that hold no deadline: 成文日期 / signature lines, ``…印发`` lines, 《titles》."""
    text = clean.text
    quiet: list[Span] = []
    for para in clean.paragraphs:
        line = text[para.start:para.end]
        date = _FULL_DATE.search(line)
        if date and "\t" not in line and para.kind != "table_row":
            rest = (line[:date.start()] + line[date.end():]).strip()
            no_clause = not _CLAUSE_PUNCT.search(line) and not re.search(r"前|起|至|截止", line[date.end():])
            if _SIGNATURE_TAIL.search(line) or (no_clause and len(rest) <= 30):
                quiet.append((para.start, para.end))
    for para in clean.paragraphs[:12]:
        line = text[para.start:para.end]
        title = _TITLE.search(line)
        if title and not re.search(r"[。；]", line) and (
                title.group(0).startswith("关于") or not re.search(r"前|请|报送|上报", line)):
            quiet.append((para.start, para.end))  # the title: 关于召开国庆节前…会议的通知
    for m in re.finditer(r"《[^《》\n]{1,120}》", text):
        quiet.append((m.start(), m.end()))
    return quiet


def inside(span: Span, zones: Sequence[Span]) -> bool:
    return any(a <= span[0] and span[1] <= b for a, b in zones)


def overlaps(span: Span, zones: Sequence[Span]) -> bool:
    return any(span[0] < b and a < span[1] for a, b in zones)


def in_quotes(text: str, start: int, pos: int) -> bool:
    """True when ``text[pos]`` sits inside “…” opened after ``start`` (a slogan, a name)."""
    segment = text[start:pos]
    return segment.count("“") > segment.count("”")
