"""From cleaned paragraphs to :class:`CleanText`: the text, its offset map and span translation."""

from __future__ import annotations

from array import array

from parsing.cleaning.mapped import Mapped
from parsing.document import CleanText, Paragraph, RawDocument


def assemble(paragraphs: list[tuple[Mapped, str]], warnings: list[str]) -> CleanText:
    """Join ``(text, kind)`` paragraphs with ``\\n``; the ``\\n`` maps just past the character before."""
    texts: list[str] = []
    pages = array("i")
    offsets = array("i")
    spans: list[Paragraph] = []
    pos = 0
    for index, (para, kind) in enumerate(paragraphs):
        if index:
            texts.append("\n")
            pages.append(pages[-1])
            offsets.append(offsets[-1] + 1)
            pos += 1
        texts.append(para.text)
        pages.extend(para.pages)
        offsets.extend(para.offsets)
        spans.append(Paragraph(pos, pos + len(para.text), kind))
        pos += len(para.text)
    return CleanText("".join(texts), spans, pages, offsets, warnings)


def map_low_confidence(raw: RawDocument, clean: CleanText) -> list[tuple[int, int]]:
    """Clean-text spans covering the characters that fall in a page's ``low_confidence`` spans."""
    marked: dict[int, bytearray] = {}
    for page in raw.pages:
        if not page.low_confidence:
            continue
        flags = marked.setdefault(page.number, bytearray(len(page.text) + 1))
        for start, end in page.low_confidence:
            start = max(0, start)
            end = min(len(page.text), end)
            if end > start:
                flags[start:end] = b"\x01" * (end - start)
    if not marked:
        return []
    spans: list[tuple[int, int]] = []
    run_start = -1
    text = clean.text
    for i, (page, offset) in enumerate(zip(clean.pages, clean.offsets, strict=True)):
        flags = marked.get(page)
        low = (flags is not None and 0 <= offset < len(flags) and flags[offset] == 1
               and text[i] != "\n")
        if low and run_start < 0:
            run_start = i
        elif not low and run_start >= 0:
            spans.append((run_start, i))
            run_start = -1
    if run_start >= 0:
        spans.append((run_start, len(text)))
    return spans
