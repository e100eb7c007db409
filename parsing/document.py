"""What loaders produce (raw pages) and what cleaning produces (clean text with an offset map).

Conventions every stage relies on:

* A loader returns a :class:`RawDocument`: one :class:`RawPage` per page (a format without
  pages gives one page). Page text uses ``\\n`` between lines. A table row is one line whose
  cells are separated by ``\\t`` (a newline inside a cell becomes nothing); cleaning never joins
  such a line with its neighbours.
* ``RawPage.lines_are_paragraphs`` is True where the format marks paragraphs itself (.docx):
  cleaning must then not join lines, only tidy them.
* Cleaning returns a :class:`CleanText`: paragraphs joined with ``\\n`` and, for every character
  of ``text``, the page and the offset in that page's raw text it came from, so a value found
  at ``text[a:b]`` can be shown where it stands in the source.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from pathlib import Path

FORMATS = ("txt", "docx", "pdf", "ofd", "image", "doc", "wps")


@dataclass
class RawPage:
    """The text of one source page, as the loader found it."""

    number: int  # 1-based page number; 1 for formats without pages
    text: str
    needs_ocr: bool = False  # no text layer: OCR must supply the text
    ocr: bool = False  # the text came from OCR
    lines_are_paragraphs: bool = False
    low_confidence: list[tuple[int, int]] = field(default_factory=list)  # OCR spans, page offsets


@dataclass
class RawDocument:
    """A loaded file before cleaning."""

    path: Path
    format: str  # one of FORMATS
    pages: list[RawPage]
    page_count: int | None  # None where the format has no pages (txt, docx)
    warnings: list[str] = field(default_factory=list)
    encoding: str | None = None  # for text files: the detected encoding

    @property
    def ocr(self) -> bool:
        return any(page.ocr for page in self.pages)


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the clean text: ``text[start:end]``."""

    start: int
    end: int
    kind: str = "body"  # body | heading | table_row


@dataclass
class CleanText:
    """Clean paragraphs joined by ``\\n`` with a map back to the source.

    ``pages[i]`` and ``offsets[i]`` give the page number and the offset in that page's raw text of
    ``text[i]``; the ``\\n`` between paragraphs map to the end of the preceding character.
    """

    text: str
    paragraphs: list[Paragraph]
    pages: array = field(default_factory=lambda: array("i"))
    offsets: array = field(default_factory=lambda: array("i"))
    warnings: list[str] = field(default_factory=list)
    low_confidence: list[tuple[int, int]] = field(default_factory=list)  # clean-text spans

    def paragraph_texts(self) -> list[str]:
        return [self.text[p.start:p.end] for p in self.paragraphs]

    def source_position(self, index: int) -> tuple[int, int]:
        """(page, offset in the page's raw text) of ``text[index]``."""
        return self.pages[index], self.offsets[index]

    def page_of_span(self, start: int, end: int) -> int | None:
        """The page where ``text[start:end]`` begins, or None for an empty text."""
        if not self.text:
            return None
        return self.pages[min(start, len(self.text) - 1)]
