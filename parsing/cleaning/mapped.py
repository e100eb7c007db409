"""Text that remembers where each of its characters came from.

Cleaning only ever deletes characters from the raw page text and inserts joiners (a space
between Latin words, the ``\\n`` between paragraphs), so a :class:`Mapped` carries, for every
character, the page number and the offset in that page's raw text.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable


class Mapped:
    """A string with a (page, offset) pair for each character."""

    __slots__ = ("offsets", "pages", "text")

    def __init__(self, text: str, pages: array, offsets: array):
        self.text = text
        self.pages = pages
        self.offsets = offsets

    @classmethod
    def from_source(cls, text: str, page: int, start: int) -> Mapped:
        """``text`` taken verbatim from ``page`` at offset ``start``."""
        n = len(text)
        return cls(text, array("i", [page]) * n, array("i", range(start, start + n)))

    @classmethod
    def empty(cls) -> Mapped:
        return cls("", array("i"), array("i"))

    def __len__(self) -> int:
        return len(self.text)

    def __repr__(self) -> str:
        return f"Mapped({self.text!r})"

    def slice(self, start: int, end: int) -> Mapped:
        return Mapped(self.text[start:end], self.pages[start:end], self.offsets[start:end])

    def keep(self, spans: Iterable[tuple[int, int]]) -> Mapped:
        """Only the characters inside ``spans`` (sorted, non-overlapping)."""
        parts: list[str] = []
        pages = array("i")
        offsets = array("i")
        for a, b in spans:
            if b <= a:
                continue
            parts.append(self.text[a:b])
            pages.extend(self.pages[a:b])
            offsets.extend(self.offsets[a:b])
        return Mapped("".join(parts), pages, offsets)

    def delete(self, spans: Iterable[tuple[int, int]]) -> Mapped:
        """Everything except the characters inside ``spans`` (sorted, non-overlapping)."""
        kept: list[tuple[int, int]] = []
        pos = 0
        for a, b in spans:
            if a > pos:
                kept.append((pos, a))
            pos = max(pos, b)
        if pos == 0 and not kept:
            return self
        kept.append((pos, len(self.text)))
        return self.keep(kept)

    def strip(self, chars: str | None = None) -> Mapped:
        stripped = self.text.lstrip(chars)
        start = len(self.text) - len(stripped)
        end = start + len(stripped.rstrip(chars))
        if start == 0 and end == len(self.text):
            return self
        return self.slice(start, end)

    def joiner(self, char: str) -> Mapped:
        """``char`` mapped just past this text's last character (a joined line break)."""
        page = self.pages[-1] if self.pages else 1
        offset = self.offsets[-1] + 1 if self.offsets else 0
        return Mapped(char, array("i", [page]), array("i", [offset]))


def concat(parts: Iterable[Mapped]) -> Mapped:
    """One Mapped made of ``parts`` in order."""
    texts: list[str] = []
    pages = array("i")
    offsets = array("i")
    for part in parts:
        texts.append(part.text)
        pages.extend(part.pages)
        offsets.extend(part.offsets)
    return Mapped("".join(texts), pages, offsets)
