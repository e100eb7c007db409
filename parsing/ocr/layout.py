"""Reading order: recognised boxes -> page text.

Boxes on the same baseline form a row; a run of rows that all keep a common vertical gutter
free, with text filling both sides, is a two-column block and is read left column first; boxes
inside a ruled table are gathered per cell and each table row becomes one line with ``\\t``
between cells. Within a block, a blank line marks a paragraph boundary: a wider gap, a first
line indented by about two characters, or a line that stops short of the right margin before it.
"""

from __future__ import annotations

import itertools
import statistics
from dataclasses import dataclass, field

from parsing.ocr.engine import OcrBox
from parsing.ocr.tables import TableGrid

LOW_CONFIDENCE = 0.8  # boxes scored below this are flagged for the reader to check
MIN_SCORE = 0.45  # below this a box is noise (seal ring text, speckles), not text


@dataclass
class Row:
    """Boxes sharing a baseline, left to right."""

    boxes: list[OcrBox]

    @property
    def y0(self) -> float:
        return min(box.y0 for box in self.boxes)

    @property
    def y1(self) -> float:
        return max(box.y1 for box in self.boxes)

    @property
    def x0(self) -> float:
        return min(box.x0 for box in self.boxes)

    @property
    def x1(self) -> float:
        return max(box.x1 for box in self.boxes)


@dataclass
class PageText:
    """The page text and the spans of low-confidence boxes in it."""

    text: str = ""
    low_confidence: list[tuple[int, int]] = field(default_factory=list)
    _lines: list[str] = field(default_factory=list)

    def add_line(self, pieces: list[tuple[str, OcrBox | None]]) -> None:
        """Append one line made of text pieces; a piece with a low-scored box is flagged."""
        offset = sum(len(line) + 1 for line in self._lines)
        line = ""
        for text, box in pieces:
            if box is not None and box.score < LOW_CONFIDENCE and text:
                self.low_confidence.append((offset + len(line), offset + len(line) + len(text)))
            line += text
        self._lines.append(line)

    def add_break(self) -> None:
        """A blank line between paragraphs (never two in a row, never at the start)."""
        if self._lines and self._lines[-1] != "":
            self._lines.append("")

    def finish(self) -> PageText:
        while self._lines and self._lines[-1] == "":
            self._lines.pop()
        self.text = "\n".join(self._lines)
        return self


def char_height(boxes: list[OcrBox]) -> float:
    """Typical text height on the page (median of the line boxes)."""
    heights = [box.height for box in boxes if box.width >= 2 * box.height] or [box.height for box in boxes]
    return statistics.median(heights) if heights else 20.0


def group_rows(boxes: list[OcrBox]) -> list[Row]:
    """Boxes grouped by vertical overlap into rows, top to bottom."""
    rows: list[Row] = []
    for box in sorted(boxes, key=lambda b: (b.y0 + b.y1) / 2):
        if rows:
            row = rows[-1]
            overlap = min(row.y1, box.y1) - max(row.y0, box.y0)
            row_height = statistics.median(b.y1 - b.y0 for b in row.boxes)
            if overlap >= 0.5 * min(row_height, box.y1 - box.y0):
                row.boxes.append(box)
                continue
        rows.append(Row([box]))
    for row in rows:
        row.boxes.sort(key=lambda b: b.x0)
    return rows


def _gaps(row: Row, min_gap: float) -> list[tuple[float, float]]:
    return [
        (left.x1, right.x0)
        for left, right in itertools.pairwise(row.boxes)
        if right.x0 - left.x1 >= min_gap
    ]


def _crosses(row: Row, gutter: tuple[float, float]) -> bool:
    return any(box.x0 < gutter[1] and box.x1 > gutter[0] for box in row.boxes)


def _column_run(rows: list[Row], start: int, h: float) -> tuple[int, tuple[float, float]] | None:
    """The end (exclusive) and gutter of a two-column block starting at ``rows[start]``."""
    best: tuple[int, tuple[float, float]] | None = None
    page_x0 = min(row.x0 for row in rows)
    page_x1 = max(row.x1 for row in rows)
    for gap in _gaps(rows[start], 1.2 * h):
        gutter = gap
        two_sided = [start]
        end = start + 1
        while end < len(rows):
            row = rows[end]
            if rows[end].y0 - rows[end - 1].y1 > 3 * h:
                break
            overlapping = [g for g in _gaps(row, 0.5 * h) if g[0] < gutter[1] and g[1] > gutter[0]]
            if overlapping:
                g = overlapping[0]
                narrowed = (max(gutter[0], g[0]), min(gutter[1], g[1]))
                if narrowed[1] - narrowed[0] < 0.5 * h:
                    break
                gutter = narrowed
                two_sided.append(end)
            elif _crosses(row, gutter):
                break
            end += 1
        if len(two_sided) < 3:
            continue
        if not (page_x0 + 0.2 * (page_x1 - page_x0) < gutter[0] < page_x0 + 0.8 * (page_x1 - page_x0)):
            continue
        left_fill, right_fill = [], []
        for index in two_sided:
            row = rows[index]
            left = [b for b in row.boxes if b.x1 <= gutter[0] + 1]
            right = [b for b in row.boxes if b.x0 >= gutter[1] - 1]
            left_fill.append(sum(b.x1 - b.x0 for b in left) / max(1.0, gutter[0] - page_x0))
            right_fill.append(sum(b.x1 - b.x0 for b in right) / max(1.0, page_x1 - gutter[1]))
        if statistics.median(left_fill) < 0.5 or statistics.median(right_fill) < 0.5:
            continue  # cells of a table without rules, not columns of running text
        if best is None or end > best[0]:
            best = (end, gutter)
    return best


def split_columns(rows: list[Row], h: float) -> list[tuple[list[Row], bool]]:
    """Blocks of rows in reading order, each with whether it is one column of a two-column run."""
    blocks: list[tuple[list[Row], bool]] = []
    flow: list[Row] = []
    index = 0
    while index < len(rows):
        run = _column_run(rows, index, h)
        if run is None:
            flow.append(rows[index])
            index += 1
            continue
        end, gutter = run
        if flow:
            blocks.append((flow, False))
            flow = []
        left = [Row([b for b in row.boxes if b.x1 <= gutter[0] + 1]) for row in rows[index:end]]
        right = [Row([b for b in row.boxes if b.x0 >= gutter[1] - 1]) for row in rows[index:end]]
        blocks.append(([row for row in left if row.boxes], True))
        blocks.append(([row for row in right if row.boxes], True))
        index = end
    if flow:
        blocks.append((flow, False))
    return blocks


def margins(rows: list[Row]) -> tuple[float, float]:
    """Left and right text margins of a set of rows (robust to a few odd lines)."""
    starts = sorted(row.x0 for row in rows)
    ends = sorted(row.x1 for row in rows)
    return starts[len(starts) // 10], ends[(len(ends) * 9) // 10]


def _line_pieces(row: Row, h: float) -> list[tuple[str, OcrBox | None]]:
    """A row's text: close boxes joined directly, far ones by spaces, table-like rows by tabs."""
    wide_gaps = len(_gaps(row, 2 * h))
    pieces: list[tuple[str, OcrBox | None]] = []
    for index, box in enumerate(row.boxes):
        if index:
            gap = box.x0 - row.boxes[index - 1].x1
            if gap >= 2 * h and wide_gaps >= 2:
                pieces.append(("\t", None))
            elif gap >= h:
                pieces.append(("  ", None))
        pieces.append((box.text, box))
    return pieces


def _centred(row: Row, left: float, right: float, h: float) -> bool:
    return row.x0 - left > h and abs((row.x0 - left) - (right - row.x1)) < 2 * h


def write_block(page: PageText, rows: list[Row], h: float, bounds: tuple[float, float]) -> None:
    """Append a block's rows as lines, with blank lines at paragraph boundaries.

    ``bounds`` are the left and right margins the block's lines run between.
    """
    if not rows:
        return
    left, right = bounds
    spacings = [b.y0 - a.y1 for a, b in itertools.pairwise(rows)]
    usual = statistics.median(spacings) if spacings else h
    page.add_break()
    for index, row in enumerate(rows):
        if index:
            previous = rows[index - 1]
            wide_gap = row.y0 - previous.y1 > max(1.0 * h, usual + 0.6 * h)
            indented = 1.2 * h <= row.x0 - left <= 3.5 * h
            short_before = previous.x1 < right - 2 * h
            title = _centred(previous, left, right, h) and _centred(row, left, right, h)
            if wide_gap or (indented and not title) or (short_before and not title):
                page.add_break()
        page.add_line(_line_pieces(row, h))


def write_table(page: PageText, table: TableGrid, boxes: list[OcrBox]) -> None:
    """Append a ruled table: one line per row, cells separated by ``\\t``."""
    cells: dict[tuple[int, int], list[OcrBox]] = {}
    for box in boxes:
        cell = table.cell_of((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2)
        cells.setdefault(cell, []).append(box)
    page.add_break()
    for row in range(len(table.ys) - 1):
        pieces: list[tuple[str, OcrBox | None]] = []
        for column in range(len(table.xs) - 1):
            if column:
                pieces.append(("\t", None))
            for line in group_rows(cells.get((row, column), [])):
                for box in line.boxes:
                    pieces.append((box.text, box))
        if any(box is not None for _text, box in pieces):
            page.add_line(pieces)
    page.add_break()


def page_text(boxes: list[OcrBox], tables: list[TableGrid] | None = None) -> PageText:
    """The page's text in reading order from recognised boxes (deskewed coordinates)."""
    boxes = [box for box in boxes if box.text.strip() and box.score >= MIN_SCORE]
    for box in boxes:
        box.text = box.text.strip()
    page = PageText()
    if not boxes:
        return page.finish()
    h = char_height(boxes)
    tables = sorted(tables or [], key=lambda t: t.ys[0])
    in_table: dict[int, list[OcrBox]] = {index: [] for index in range(len(tables))}
    flow_boxes = []
    for box in boxes:
        centre = ((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2)
        for index, table in enumerate(tables):
            if table.contains(*centre):
                in_table[index].append(box)
                break
        else:
            flow_boxes.append(box)
    rows = group_rows(flow_boxes)
    page_bounds = margins(rows) if rows else (0.0, 0.0)

    def write_flow(segment: list[Row]) -> None:
        for block, is_column in split_columns(segment, h):
            if block:
                write_block(page, block, h, margins(block) if is_column else page_bounds)

    # Interleave flow segments and tables by their vertical position.
    segment: list[Row] = []
    pending = [(table.ys[0], index) for index, table in enumerate(tables) if in_table[index]]
    for row in rows:
        while pending and pending[0][0] <= row.y0:
            _top, index = pending.pop(0)
            write_flow(segment)
            segment = []
            write_table(page, tables[index], in_table[index])
        segment.append(row)
    write_flow(segment)
    for _top, index in pending:
        write_table(page, tables[index], in_table[index])
    return page.finish()
