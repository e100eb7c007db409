"""Page orientation, decided once per page: 0, 90, 180 or 270 degrees.

Sideways pages show up in detection: their text lines are tall, narrow boxes. Upside-down pages
look like upright ones to the detector, so the 0/180 line classifier votes on a sample of the
page's longest lines; a vote over many lines is reliable where the classifier alone on each
line is not (it flips some lines of clean pages). Pages found upright are then read without any
per-line classification.
"""

from __future__ import annotations

import cv2
import numpy as np

from parsing.ocr.engine import OcrBox, classify_upside_down, crop, detect

SAMPLE_LINES = 12
MIN_VOTE_SCORE = 0.6


def _is_line(box: OcrBox) -> bool:
    """A box long enough to show which way its text runs."""
    width = box.x1 - box.x0
    height = box.y1 - box.y0
    return max(width, height) >= 2.5 * max(1.0, min(width, height))


def is_sideways(boxes: list[OcrBox]) -> bool:
    """True when most line-shaped boxes stand upright (text running top to bottom)."""
    lines = [box for box in boxes if _is_line(box)]
    tall = sum(1 for box in lines if (box.y1 - box.y0) > (box.x1 - box.x0))
    return tall * 2 > len(lines) and tall >= 2


def rotate_image(image: np.ndarray, degrees: int) -> np.ndarray:
    """``image`` turned clockwise by 0, 90, 180 or 270 degrees."""
    codes = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180, 270: cv2.ROTATE_90_COUNTERCLOCKWISE}
    degrees %= 360
    return image if degrees == 0 else np.ascontiguousarray(cv2.rotate(image, codes[degrees]))


def rotate_boxes_180(boxes: list[OcrBox], width: int, height: int) -> list[OcrBox]:
    """The same boxes on the page turned by 180 degrees (corners kept clockwise from top left)."""
    turned = []
    for box in boxes:
        quad = np.empty_like(box.quad)
        quad[:, 0] = width - 1 - box.quad[:, 0]
        quad[:, 1] = height - 1 - box.quad[:, 1]
        turned.append(OcrBox(quad[[2, 3, 0, 1]], box.text, box.score))
    return turned


def rotate_boxes_90(boxes: list[OcrBox], height: int) -> list[OcrBox]:
    """The same boxes on the page turned 90 degrees clockwise (``height``: the page before)."""
    turned = []
    for box in boxes:
        points = np.empty_like(box.quad)
        points[:, 0] = height - 1 - box.quad[:, 1]
        points[:, 1] = box.quad[:, 0]
        total = points.sum(axis=1)
        diff = points[:, 1] - points[:, 0]
        order = [int(np.argmin(total)), int(np.argmin(diff)), int(np.argmax(total)), int(np.argmax(diff))]
        if len(set(order)) < 4:  # a box at 45 degrees: keep the turned corner order
            order = [3, 0, 1, 2]
        turned.append(OcrBox(points[order], box.text, box.score))
    return turned


def upside_down_vote(engine, image: np.ndarray, boxes: list[OcrBox]) -> float:
    """Share of the sampled lines' classifier confidence that says "upside down" (0..1)."""
    lines = sorted((box for box in boxes if _is_line(box)), key=lambda box: box.width, reverse=True)
    sample = lines[:SAMPLE_LINES]
    if not sample:
        return 0.0
    votes = classify_upside_down(engine, [crop(image, box) for box in sample])
    flipped = sum(score for down, score in votes if down and score >= MIN_VOTE_SCORE)
    upright = sum(score for down, score in votes if not down and score >= MIN_VOTE_SCORE)
    total = flipped + upright
    return flipped / total if total else 0.0


def orient_page(engine, image: np.ndarray) -> tuple[np.ndarray, list[OcrBox], int]:
    """The page turned upright, its detected boxes, and the clockwise turn applied."""
    boxes = detect(engine, image)
    turn = 0
    if is_sideways(boxes):
        turn = 90
        boxes = rotate_boxes_90(boxes, image.shape[0])
        image = rotate_image(image, 90)
    if upside_down_vote(engine, image, boxes) > 0.5:
        turn = (turn + 180) % 360
        height, width = image.shape[:2]
        image = rotate_image(image, 180)
        boxes = rotate_boxes_180(boxes, width, height)
    return image, boxes, turn
