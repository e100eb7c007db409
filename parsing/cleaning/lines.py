"""Raw pages cut into lines that keep their source positions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from parsing.cleaning.mapped import Mapped
from parsing.cleaning.shapes import closes_paragraph, opens_paragraph
from parsing.document import RawPage

# Whitespace that is layout, never content: every character Python counts as a space except the
# tab (it separates table cells) and the newline, plus the invisible BOM and zero-width space.
EDGE_SPACE = (" \x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
              "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\u200b")


_HALF_WIDTH = re.compile(r"[\x00-\u1fff]")


def display_width(text: str) -> float:
    """Width of ``text`` in em: CJK and full-width forms count 1, Latin letters and digits ½."""
    _, half = _HALF_WIDTH.subn("", text)
    return len(text) - half / 2


@dataclass
class Line:
    """One non-blank line of a page, without its surrounding spaces."""

    text: Mapped
    page_index: int  # index into RawDocument.pages
    gap: int = 0  # blank or removed lines between this line and the previous kept one
    page_start: bool = False  # first kept line of its page
    indent: float = 0.0  # width of the leading whitespace in the source
    whole_paragraph: bool = False  # the page marks paragraphs itself (.docx): never join
    removed: str | None = None  # why cleaning dropped the line (watermark, page number…)

    @property
    def s(self) -> str:
        return self.text.text

    @cached_property
    def width(self) -> float:
        """Display width of the line (read once the line's text is final)."""
        return display_width(self.text.text)

    @cached_property
    def opens_paragraph(self) -> bool:
        """A heading number, a date, a document number or a label (联系人：) opens the line."""
        return opens_paragraph(self.text.text)

    @cached_property
    def closes_paragraph(self) -> bool:
        """A date, a document number or a closing colon ends the line's paragraph."""
        return closes_paragraph(self.text.text)

    @property
    def table(self) -> bool:
        return "\t" in self.text.text


FORM_FEED = "\f"
_INDENT_WIDTH = {"\u3000": 1.0, "\t": 2.0}


def split_page(page: RawPage, page_index: int) -> list[Line | str | None]:
    """The lines of ``page``: a blank line is ``None`` (its position matters for gaps), and
    ``FORM_FEED`` stands before a line where a plain-text export marked a new page."""
    out: list[Line | str | None] = []
    start = 0
    for raw in page.text.split("\n"):
        if FORM_FEED in raw:
            out.append(FORM_FEED)
        # Tabs separate table cells; on a line with no tab inside its text, a leading tab is an
        # indent typed by hand.
        edge = EDGE_SPACE if "\t" in raw.strip(EDGE_SPACE + "\t") else EDGE_SPACE + "\t"
        content = raw.strip(edge)
        if not content.strip(EDGE_SPACE + "\t"):
            out.append(None)
        else:
            lead = len(raw) - len(raw.lstrip(edge))
            indent = sum(_INDENT_WIDTH.get(ch, 0.5) for ch in raw[:lead] if ch != FORM_FEED)
            out.append(Line(
                Mapped.from_source(content, page.number, start + lead),
                page_index,
                indent=indent,
                whole_paragraph=page.lines_are_paragraphs,
            ))
        start += len(raw) + 1
    return out
