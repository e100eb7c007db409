"""One page image -> text: seals faded, orientation fixed, deskewed, tables found, lines read."""

from __future__ import annotations

import math
import statistics

import cv2
import numpy as np

from parsing.ocr.engine import OcrBox, borrowed_engine, crop, recognize
from parsing.ocr.layout import PageText, char_height, page_text
from parsing.ocr.orientation import orient_page
from parsing.ocr.seals import fade_seals
from parsing.ocr.tables import find_tables, split_at_rules

MAX_SIDE = 2400  # larger photos are scaled down first: text stays well above the detector's needs
MIN_SKEW_DEGREES = 0.2
PAD_SHARE = 0.3


def skew_degrees(boxes: list[OcrBox]) -> float:
    """The page's skew from the slope of its long text lines (positive: lines fall to the right)."""
    angles = []
    for box in boxes:
        if box.width < 4 * box.height:
            continue
        dx, dy = box.quad[1] - box.quad[0]
        angles.append(math.degrees(math.atan2(float(dy), float(dx))))
    return statistics.median(angles) if len(angles) >= 3 else 0.0


def deskew(image: np.ndarray, boxes: list[OcrBox], degrees: float) -> tuple[np.ndarray, list[OcrBox]]:
    """Image and boxes rotated by ``degrees`` about the image centre, so text lines run level."""
    height, width = image.shape[:2]
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), degrees, 1.0)
    level = cv2.warpAffine(image, matrix, (width, height), flags=cv2.INTER_LINEAR,
                           borderMode=cv2.BORDER_CONSTANT, borderValue=(255, 255, 255))
    moved = []
    for box in boxes:
        points = np.hstack([box.quad, np.ones((4, 1), dtype=np.float32)]) @ matrix.T
        moved.append(OcrBox(points.astype(np.float32), box.text, box.score))
    return level, moved


def widened(box: OcrBox, share: float | None = None) -> OcrBox:
    """The box stretched along its text line by ``share`` of its height at each end.

    The detector's box can stop short of a faint glyph at a line end (〈 、 。 ）), which the
    recogniser then never sees; a little blank paper on each side costs nothing.
    """
    share = PAD_SHARE if share is None else share
    quad = box.quad.astype(np.float32)
    direction = ((quad[1] - quad[0]) + (quad[2] - quad[3])) / 2
    length = float(np.linalg.norm(direction))
    if length < 1:
        return box
    step = direction / length * share * box.height
    moved = quad.copy()
    moved[[0, 3]] -= step
    moved[[1, 2]] += step
    return OcrBox(moved, box.text, box.score)


def limit_size(image: np.ndarray) -> np.ndarray:
    height, width = image.shape[:2]
    scale = MAX_SIDE / max(height, width)
    if scale >= 1:
        return image
    return cv2.resize(image, (round(width * scale), round(height * scale)), interpolation=cv2.INTER_AREA)


def read_page(image: np.ndarray, threads: int | None = None) -> PageText:
    """OCR one page (BGR ``uint8``), returning its text in reading order.

    ``threads``: onnxruntime threads to use (default: one worker's share of the cores).
    """
    image = limit_size(image)
    image, _seals = fade_seals(image)
    with borrowed_engine(threads) as engine:
        image, boxes, _turn = orient_page(engine, image)
        if not boxes:
            return PageText().finish()
        degrees = skew_degrees(boxes)
        if abs(degrees) >= MIN_SKEW_DEGREES:
            image, boxes = deskew(image, boxes, degrees)
        tables = find_tables(image, char_height(boxes))
        if tables:
            boxes = split_at_rules(boxes, tables)
        results = recognize(engine, [crop(image, widened(box)) for box in boxes])
    for box, (text, score) in zip(boxes, results, strict=True):
        box.text, box.score = text, score
    return page_text(boxes, tables)
