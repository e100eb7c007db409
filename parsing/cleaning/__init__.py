"""Cleaning: from the raw pages a loader found to clean paragraphs with a map back to the source.

``clean(raw)`` runs, in order: artefacts and scanner watermarks out (watermarks.py), page numbers
and running headers out (furniture.py), the furniture of a web page the notice was copied from out
(web_page.py), a block repeated across a page break kept once
(repeats.py), hard-wrapped lines rejoined into paragraphs (wraps.py), layout spaces removed
(spacing.py), then each paragraph is given a kind and the offset map is assembled (offsets.py).
Cleaning only deletes characters and inserts joiners, so every character of the result maps to
the page and offset it came from.
"""

from __future__ import annotations

import re

from parsing.cleaning.furniture import is_page_number, remove_running_headers
from parsing.cleaning.lines import FORM_FEED, Line, split_page
from parsing.cleaning.mapped import Mapped, concat
from parsing.cleaning.offsets import assemble, map_low_confidence
from parsing.cleaning.repeats import drop_repeated_blocks
from parsing.cleaning.shapes import (
    ends_with_genre,
    has_sentence_punct,
    is_date_line,
    is_doc_number,
    is_heading_text,
    is_label_line,
    is_paired_heading,
)
from parsing.cleaning.spacing import tidy_spacing
from parsing.cleaning.watermarks import cut_split_watermarks, remove_artefacts, remove_watermarks
from parsing.cleaning.web_page import remove_web_furniture
from parsing.cleaning.wraps import estimate_layout, join_lines
from parsing.document import CleanText, RawDocument
from parsing.progress import CancelCheck, ProgressCallback, check_cancelled, never, noop

__all__ = ["clean"]

_HEADING_MAX_CHARS = 40
_ADDRESS_TAIL = re.compile(r"(?:https?://|www\.|@)[^\s\u4e00-\u9fff]*$", re.IGNORECASE)
_ADDRESS_HEAD = re.compile(r"^[A-Za-z0-9._%+\-]*@[A-Za-z0-9\-]")


def _sheets(raw: RawDocument, cancelled: CancelCheck) -> list[list[Line]]:
    """The non-blank lines of each printed page (a RawPage, or a form feed inside a text file),
    with artefacts, watermarks and page numbers marked removed."""
    sheets: list[list[Line]] = []
    for index, page in enumerate(raw.pages):
        check_cancelled(cancelled)
        lines: list[Line] = []
        sheets.append(lines)
        gap = 0
        for line in split_page(page, index):
            if line is None:
                gap += 1
                continue
            if line == FORM_FEED:
                if lines:
                    lines = []
                    sheets.append(lines)
                continue
            assert isinstance(line, Line)
            remove_artefacts(line)
            line.gap = gap
            gap = 0
            lines.append(line)
    sheets = [lines for lines in sheets if lines]
    cut_split_watermarks([line for lines in sheets for line in lines])
    for lines in sheets:
        for line in lines:
            if line.removed is None:
                remove_watermarks(line)
            if line.removed is None and not line.whole_paragraph and is_page_number(line.s):
                line.removed = "page number"  # a .docx body has no page numbers: "3" there is text
    return sheets


def _kept_lines(pages: list[list[Line]]) -> list[Line]:
    """The lines that survive, each with the number of blank or removed lines before it."""
    kept: list[Line] = []
    for lines in pages:
        gap = 0
        first = True
        for line in lines:
            gap += line.gap
            if line.removed is not None:
                gap += 1
                continue
            line.gap = gap
            line.page_start = first
            first = False
            gap = 0
            kept.append(line)
    return kept


def _latin_words_meet(before: str, after: str) -> bool:
    """True when a line ends inside Latin text and the next goes on with another Latin word
    (not a web or mail address broken at the margin)."""
    last, first = before[-1:], after[:1]
    if not (last.isascii() and last.isalpha() and first.isascii() and first.isalpha()):
        return False
    # hywjwyz | k@126.com: the next line finishes a mail address
    return not (_ADDRESS_TAIL.search(before) or _ADDRESS_HEAD.match(after))


def _join(group: list[Line]) -> Mapped:
    """The lines of one paragraph as one text; a space only between two Latin words."""
    parts: list[Mapped] = []
    previous = ""
    for line in group:
        if parts and _latin_words_meet(previous, line.s):
            parts.append(parts[-1].joiner(" "))
        parts.append(line.text)
        previous = line.s
    return concat(parts)


_DATE_INSIDE = re.compile(r"[0-9０-９〇○零一二三四五六七八九]{4}年[0-9０-９一二三四五六七八九十]{1,3}月")
_NAME_AND_TITLE = re.compile(r"^[\u4e00-\u9fff]{2,3}[ \u3000]+\S*(?:长|主任|书记|员|主席|同志|负责人)$")


def _stands_as_heading(text: str, following: str) -> bool:
    """An unnumbered paragraph that is a heading or title, not a list item or a signature."""
    if is_paired_heading(text):
        return True
    if has_sentence_punct(text) or is_doc_number(text) or _DATE_INSIDE.search(text):
        return False
    if is_date_line(following) or _NAME_AND_TITLE.match(text):
        return False  # the organ above a date signs; 鲁建伟 市卫健委副主任 is a list entry
    return len(text) <= _HEADING_MAX_CHARS or (len(text) <= 90 and ends_with_genre(text))


def _kinds(texts: list[str]) -> list[str]:
    """body | heading | table_row for each paragraph."""
    kinds: list[str] = []
    in_attachment_list = False  # numbered lines after 附件： are attachment names, not headings
    for index, text in enumerate(texts):
        following = texts[index + 1] if index + 1 < len(texts) else ""
        kind = "body"
        if "\t" in text:
            kind = "table_row"
            in_attachment_list = False
        elif is_label_line(text):
            in_attachment_list = text.startswith("附")
        elif is_heading_text(text):
            kind = "body" if in_attachment_list else "heading"
        else:
            in_attachment_list = False
            previous = texts[index - 1] if index else ""
            if _stands_as_heading(text, following) and not _NAME_AND_TITLE.match(previous):
                kind = "heading"
        kinds.append(kind)
    return kinds


def clean(raw: RawDocument, progress: ProgressCallback = noop, cancelled: CancelCheck = never) -> CleanText:
    """Clean paragraphs of ``raw`` with, for every character, its page and raw offset."""
    progress(0.0, "正在清理文本…")
    sheets = _sheets(raw, cancelled)
    remove_running_headers(sheets)
    remove_web_furniture([line for lines in sheets for line in lines])
    lines = _kept_lines(sheets)
    progress(0.3, "正在检查重复的扫描内容…")
    check_cancelled(cancelled)
    paged = raw.page_count is not None and raw.page_count > 1
    lines, warnings = drop_repeated_blocks(lines, paged=paged)
    progress(0.5, "正在合并断行…")
    check_cancelled(cancelled)
    groups = join_lines(lines, estimate_layout(lines))
    progress(0.7, "正在整理空格…")
    paragraphs: list[Mapped] = []
    for n, group in enumerate(groups):
        if n % 2000 == 0:
            check_cancelled(cancelled)
        text = tidy_spacing(_join(group))
        if text.text:
            paragraphs.append(text)
    kinds = _kinds([p.text for p in paragraphs])
    result = assemble(list(zip(paragraphs, kinds, strict=True)), list(warnings))
    result.low_confidence = map_low_confidence(raw, result)
    progress(1.0, "文本清理完成")
    return result
