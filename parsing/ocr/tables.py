"""Ruled tables (任务分工表, 台账): find their grid so the text comes out row by row.

Rules are found by morphology on the binarised, deskewed page: an opening with a long horizontal
kernel keeps only horizontal rules, one with a tall vertical kernel only vertical rules (both
longer than any character stroke). A connected set of at least two of each is a table; its
horizontal rules give the row bands and its vertical rules the column bands.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import cv2
import numpy as np

from parsing.ocr.engine import OcrBox


@dataclass
class TableGrid:
    """Row boundaries (``ys``) and column boundaries (``xs``) of one table, ascending."""

    xs: list[float]
    ys: list[float]

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]

    def contains(self, x: float, y: float) -> bool:
        x0, y0, x1, y1 = self.bounds
        return x0 <= x <= x1 and y0 <= y <= y1

    def cell_of(self, x: float, y: float) -> tuple[int, int]:
        """(row, column) of the cell holding the point."""
        row = int(np.clip(np.searchsorted(self.ys, y) - 1, 0, len(self.ys) - 2))
        column = int(np.clip(np.searchsorted(self.xs, x) - 1, 0, len(self.xs) - 2))
        return row, column


def _positions(mask: np.ndarray, axis: int, min_length: float) -> list[float]:
    """Centre positions of the rule segments in ``mask`` that are at least ``min_length`` long.

    ``axis`` 0: horizontal rules (returns their y); 1: vertical rules (returns their x).
    """
    count, _labels, stats, centroids = cv2.connectedComponentsWithStats(mask, connectivity=8)
    found = []
    for index in range(1, count):
        length = stats[index][cv2.CC_STAT_WIDTH] if axis == 0 else stats[index][cv2.CC_STAT_HEIGHT]
        if length >= min_length:
            found.append(float(centroids[index][1] if axis == 0 else centroids[index][0]))
    return _merge_close(sorted(found), 6.0)


def _merge_close(values: list[float], distance: float) -> list[float]:
    merged: list[list[float]] = []
    for value in values:
        if merged and value - merged[-1][-1] <= distance:
            merged[-1].append(value)
        else:
            merged.append([value])
    return [float(np.mean(group)) for group in merged]


def find_tables(image: np.ndarray, char_height: float) -> list[TableGrid]:
    """Ruled tables on a deskewed BGR page; ``char_height`` is the body text height in pixels."""
    gray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY) if image.ndim == 3 else image
    binary = cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 25, 15)
    width = binary.shape[1]
    char = max(8.0, char_height)
    h_len = int(max(width / 20, 3 * char))
    v_len = int(2.2 * char)
    horizontal = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (h_len, 1)))
    vertical = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, v_len)))
    # Rules of a slightly skewed scan break into pieces: close small gaps along their direction.
    horizontal = cv2.dilate(horizontal, cv2.getStructuringElement(cv2.MORPH_RECT, (int(char), 3)))
    vertical = cv2.dilate(vertical, cv2.getStructuringElement(cv2.MORPH_RECT, (3, int(char / 2))))
    grid = cv2.bitwise_or(horizontal, vertical)
    count, _labels, stats, _ = cv2.connectedComponentsWithStats(grid, connectivity=8)
    tables = []
    for index in range(1, count):
        x, y, w, h, _area = stats[index]
        if w < 4 * char or h < 2 * char:
            continue
        region_h = horizontal[y:y + h, x:x + w]
        region_v = vertical[y:y + h, x:x + w]
        ys = _positions(region_h, 0, 0.5 * w)
        xs = _positions(region_v, 1, min(0.3 * h, 3 * char))
        if len(ys) < 2 or len(xs) < 2:
            continue
        tables.append(TableGrid([x + value for value in xs], [y + value for value in ys]))
    return tables


def split_at_rules(boxes: list[OcrBox], tables: list[TableGrid]) -> list[OcrBox]:
    """Cut boxes that run across a table's vertical rule into one box per cell."""
    result = []
    for box in boxes:
        centre_y = (box.y0 + box.y1) / 2
        cuts: list[float] = []
        for table in tables:
            _x0, y0, _x1, y1 = table.bounds
            if y0 <= centre_y <= y1:
                cuts = [x for x in table.xs[1:-1] if box.x0 + 4 < x < box.x1 - 4]
                break
        if not cuts:
            result.append(box)
            continue
        edges = [box.x0, *cuts, box.x1]
        for left, right in itertools.pairwise(edges):
            if right - left < 4:
                continue
            quad = np.array([[left, box.y0], [right, box.y0], [right, box.y1], [left, box.y1]], dtype=np.float32)
            result.append(OcrBox(quad))
    return result
