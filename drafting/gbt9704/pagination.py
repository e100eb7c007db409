"""Where the pages of a written document break, estimated from its OOXML.

Everything the writer lays out sits on exact line heights, and body text is condensed to the
character grid, so a paragraph's height is its line count times its line height. The estimate
follows how LibreOffice and Word place blocks: a paragraph may split across pages (two lines at
least on each side) unless it keeps its lines together; a run of keep-with-next paragraphs moves
to a new page as a whole when it does not fit; a table row that may split breaks between its
lines and the header row repeats; a section break or ``pageBreakBefore`` starts a page.

Used to break keep-with-next chains longer than their page (the cover title must stay on page 1)
and to place the 版记 on an even last page.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator
from dataclasses import dataclass, field

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from lxml import etree

TWIP = 1 / 20
MIN_LINES = 2  # widow and orphan control
ROW_SAFETY_PT = 3.0  # a table row that would end this close to the foot goes on (rules and padding)
SLIVER_PT = 2.0  # a paragraph this low (the writer's closing 1 pt one) never opens a page
CELL_MARGIN_PT = 5.4  # left and right, as tables.py sets them
TABLE_TOP_PT = 4.3  # a table starts this much lower than the line above it ends (LibreOffice)
AUTO_LINE = 1.175  # single line spacing, as a share of the font size (measured on LibreOffice renders)
AUTOSPACE = 0.21  # LibreOffice spaces digits and Latin letters off Chinese this much of the font size
NARROW = 0.62  # digits and Latin letters, as a share of the font size (the fallback fonts are wider than half)


@dataclass
class Frame:
    """A section's text block, in pt."""

    width: float
    height: float


@dataclass
class Block:
    """One paragraph or table row in reading order, measured."""

    element: etree._Element
    lines: list[float]  # the height of each line, top to bottom
    keep_next: bool = False
    keep_lines: bool = False
    page_break: bool = False  # starts a new page (pageBreakBefore, or the first block of a section)
    frame: Frame | None = None  # set on the first block of a section
    header: float = 0.0  # for a table row: the height of the header rows repeated above it
    is_row: bool = False

    @property
    def height(self) -> float:
        return sum(self.lines)


@dataclass
class Placement:
    """Where a block landed: its first and last page (1-based) and the height used on the last."""

    first_page: int
    last_page: int
    bottom: float


@dataclass
class Layout:
    blocks: list[Block] = field(default_factory=list)
    placements: list[Placement] = field(default_factory=list)
    frames: list[Frame] = field(default_factory=list)  # the frame of each page

    @property
    def pages(self) -> int:
        return self.placements[-1].last_page if self.placements else 1

    @property
    def last_used(self) -> float:
        return self.placements[-1].bottom if self.placements else 0.0


def char_advance(char: str, size: float, spacing: float) -> float:
    """The advance of one character: CJK and full-width forms are one em, the rest about half."""
    wide = ord(char) >= 0x2E80 or char in "—…“”‘’·"
    return (size if wide else size * NARROW) + spacing


def _script_changes(text: str) -> int:
    """How often the text passes between Chinese and digits or Latin letters."""
    kinds = ["n" if c.isascii() and c.isalnum() else "w" if ord(c) >= 0x2E80 else "" for c in text]
    kinds = [k for k in kinds if k]
    return sum(1 for a, b in itertools.pairwise(kinds) if a != b)


def _val(el: etree._Element | None, attr: str, default: float = 0.0) -> float:
    if el is None:
        return default
    value = el.get(qn(f"w:{attr}"))
    try:
        return float(value) if value is not None else default
    except ValueError:
        return default


def _on(ppr: etree._Element | None, tag: str) -> bool:
    if ppr is None:
        return False
    el = ppr.find(qn(f"w:{tag}"))
    return el is not None and el.get(qn("w:val")) not in ("0", "false")


def paragraph_lines(p: etree._Element, width: float, default_size: float, default_line: float) -> list[float]:
    """The heights of the lines of paragraph ``p`` in a text block ``width`` pt wide."""
    ppr = p.find(qn("w:pPr"))
    spacing = ppr.find(qn("w:spacing")) if ppr is not None else None
    rule = spacing.get(qn("w:lineRule")) if spacing is not None else None
    ind = ppr.find(qn("w:ind")) if ppr is not None else None
    left, right = _val(ind, "left") * TWIP, _val(ind, "right") * TWIP
    first = _val(ind, "firstLine") * TWIP - _val(ind, "hanging") * TWIP
    avail = max(1.0, width - left - right)
    segments: list[float] = [0.0]  # advance of each hard line (w:br)
    biggest = 0.0
    for run in p.iter(qn("w:r")):
        rpr = run.find(qn("w:rPr"))
        size = _val(rpr.find(qn("w:sz")) if rpr is not None else None, "val", default_size * 2) / 2
        space = _val(rpr.find(qn("w:spacing")) if rpr is not None else None, "val") * TWIP
        scale = _val(rpr.find(qn("w:w")) if rpr is not None else None, "val", 100) / 100
        for child in run:
            if child.tag == qn("w:t") and child.text:
                if child.text.strip():
                    biggest = max(biggest, size)
                segments[-1] += sum(char_advance(c, size, space) * scale for c in child.text)
                segments[-1] += _script_changes(child.text) * AUTOSPACE * size
            elif child.tag == qn("w:br"):
                segments.append(0.0)
            elif child.tag == qn("w:tab"):
                segments[-1] += size * 2
    count = 0
    for index, advance in enumerate(segments):
        first_width = avail - (first if index == 0 else 0.0)
        rest = max(0.0, advance - first_width)
        count += 1 + (math.ceil(rest / avail - 1e-6) if rest > 0 else 0)
    if rule == "exact" and spacing is not None:
        line = _val(spacing, "line") * TWIP
    elif rule == "atLeast" and spacing is not None:
        line = max(_val(spacing, "line") * TWIP, (biggest or default_size) * AUTO_LINE)
    else:
        line = (biggest or default_size) * AUTO_LINE if rule == "auto" else default_line
    heights = [line] * count
    before = _val(spacing, "before") * TWIP if spacing is not None else 0.0
    after = _val(spacing, "after") * TWIP if spacing is not None else 0.0
    border = ppr.find(f"{qn('w:pBdr')}/{qn('w:bottom')}") if ppr is not None else None
    if border is not None:
        after += _val(border, "space") + _val(border, "sz") / 8
    heights[0] += before
    heights[-1] += after
    return heights


def _frame(sect: etree._Element | None, fallback: Frame) -> Frame:
    if sect is None:
        return fallback
    size, margins = sect.find(qn("w:pgSz")), sect.find(qn("w:pgMar"))
    width = (_val(size, "w") - _val(margins, "left") - _val(margins, "right")) * TWIP
    height = (_val(size, "h") - _val(margins, "top") - _val(margins, "bottom")) * TWIP
    return Frame(width, height)


def _sections(body: etree._Element, fallback: Frame) -> Iterator[tuple[Frame, list[etree._Element]]]:
    """(frame, body elements) per section, in order."""
    items: list[etree._Element] = []
    for el in body:
        if el.tag == qn("w:sectPr"):
            continue
        items.append(el)
        sect = el.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") if el.tag == qn("w:p") else None
        if sect is not None:
            yield _frame(sect, fallback), items
            items = []
    yield _frame(body.find(qn("w:sectPr")), fallback), items


def _row_height(tr: etree._Element, widths: list[float], size: float, line: float) -> list[float]:
    """A table row as lines: the tallest cell, at least the row's set height."""
    tallest: list[float] = []
    for index, tc in enumerate(tr.findall(qn("w:tc"))):
        width = widths[index] if index < len(widths) else widths[-1]
        lines: list[float] = []
        for p in tc.findall(qn("w:p")):
            inner = width - 2 * CELL_MARGIN_PT
            one = paragraph_lines(p, inner, size, line)
            # Text that wraps loses a little of each line to line-breaking rules in a cell.
            lines += one if len(one) == 1 else paragraph_lines(p, inner - size / 4, size, line)
        if sum(lines) > sum(tallest):
            tallest = lines
    tr_pr = tr.find(qn("w:trPr"))
    minimum = _val(tr_pr.find(qn("w:trHeight")) if tr_pr is not None else None, "val") * TWIP
    tallest = tallest or [line]
    if sum(tallest) < minimum:
        tallest[-1] += minimum - sum(tallest)
    tallest[0] += 0.5  # the rule between rows
    return tallest


def measure(document: DocxDocument, default_size: float, default_line: float) -> list[Block]:
    """Every paragraph and table row of ``document``'s body, measured. Floating tables (the 版记)
    take no room in the flow and are left out."""
    body = document.element.body
    blocks: list[Block] = []
    fallback = Frame(156 * 72 / 25.4, 225 * 72 / 25.4)
    for frame, items in _sections(body, fallback):
        first = True
        for el in items:
            if el.tag == qn("w:p"):
                ppr = el.find(qn("w:pPr"))
                block = Block(el, paragraph_lines(el, frame.width, default_size, default_line),
                              keep_next=_on(ppr, "keepNext"), keep_lines=_on(ppr, "keepLines"),
                              page_break=_on(ppr, "pageBreakBefore") or first, frame=frame)
                if ppr is not None and ppr.find(qn("w:sectPr")) is not None and not "".join(el.itertext()).strip():
                    block.lines = [0.0]  # a section-break mark takes no line of its own
                blocks.append(block)
            elif el.tag == qn("w:tbl"):
                tbl_pr = el.find(qn("w:tblPr"))
                if tbl_pr is not None and tbl_pr.find(qn("w:tblpPr")) is not None:
                    continue
                widths = [_val(c, "w") * TWIP for c in el.iter(qn("w:gridCol"))] or [frame.width]
                header = 0.0
                for row_index, tr in enumerate(el.findall(qn("w:tr"))):
                    tr_pr = tr.find(qn("w:trPr"))
                    lines = _row_height(tr, widths, default_size, default_line)
                    if row_index == 0:
                        lines[0] += TABLE_TOP_PT
                    is_header = tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None
                    block = Block(tr, lines, keep_lines=tr_pr is not None and tr_pr.find(qn("w:cantSplit")) is not None,
                                  keep_next=is_header, page_break=first, frame=frame, header=header, is_row=True)
                    blocks.append(block)
                    if is_header:
                        header += sum(lines)
                    first = False
                continue
            else:
                continue
            first = False
    return blocks


def paginate(blocks: list[Block]) -> Layout:
    """Lay the blocks out on pages, as a word processor does (see the module docstring)."""
    layout = Layout(blocks)
    page, used = 0, 0.0
    frame = blocks[0].frame if blocks else None
    index = 0
    while index < len(blocks):
        block = blocks[index]
        assert block.frame is not None
        if page == 0 or block.page_break:
            page, used, frame = page + 1, 0.0, block.frame
            layout.frames.append(frame)
        assert frame is not None
        # A keep-with-next run moves whole when it does not fit on what is left of the page.
        if block.keep_next and used > 0:
            chain = _chain_height(blocks, index)
            if used + chain > frame.height + 0.5:
                page, used = page + 1, 0.0
                layout.frames.append(frame)
        first_page = page
        lines = list(block.lines)
        limit = frame.height - ROW_SAFETY_PT if block.is_row else frame.height + 0.5
        if used + sum(lines) > limit and used > 0 and sum(lines) > SLIVER_PT:
            fit = 0
            while fit < len(lines) and used + sum(lines[:fit + 1]) <= limit:
                fit += 1
            widow = 1 if block.is_row else MIN_LINES  # a table row may leave a single line over
            splittable = not block.keep_lines and len(lines) >= MIN_LINES + widow
            if not splittable or fit < MIN_LINES or len(lines) - fit < widow:
                fit = 0 if (not splittable or fit < MIN_LINES) else len(lines) - widow
            lines = lines[fit:]
            page, used = page + 1, block.header if block.is_row else 0.0
            layout.frames.append(frame)
            if fit == 0:
                first_page = page
            while used + sum(lines) > limit:  # longer than a page
                fit = max(1, int((frame.height - used) // (lines[0] or 1)))
                lines = lines[fit:]
                page, used = page + 1, block.header if block.is_row else 0.0
                layout.frames.append(frame)
        used += sum(lines)
        layout.placements.append(Placement(first_page, page, used))
        index += 1
    return layout


def _chain_height(blocks: list[Block], start: int) -> float:
    """The room a keep-with-next run from ``start`` needs: its blocks, then the first lines of the
    block it keeps with."""
    total = 0.0
    index = start
    while index < len(blocks) and blocks[index].keep_next and not (index > start and blocks[index].page_break):
        total += blocks[index].height
        index += 1
    if index < len(blocks) and not blocks[index].page_break:
        total += first_part(blocks[index])
    return total


def first_part(block: Block) -> float:
    """The least of ``block`` that must stand on a page: all of it, unless it may split there."""
    widow = 1 if block.is_row else MIN_LINES
    if block.keep_lines or len(block.lines) < MIN_LINES + widow:
        return block.height
    return sum(block.lines[:MIN_LINES])


def chains(blocks: list[Block]) -> Iterator[list[int]]:
    """Runs of keep-with-next blocks, each with the block it keeps with: index lists."""
    run: list[int] = []
    for index, block in enumerate(blocks):
        if run and block.page_break:
            run = []
        run.append(index)
        if not block.keep_next:
            if len(run) > 1:
                yield run
            run = []
