"""Red seals (公章) over the signature: fade them before recognition.

A seal is a roughly round patch of red ink a few centimetres across; the red 版头 is wide and
flat, so it is left alone. Inside a seal, each pixel is replaced by its red channel: red ink
turns almost white while black text printed under it stays black.
"""

from __future__ import annotations

import cv2
import numpy as np


def red_mask(image: np.ndarray) -> np.ndarray:
    """Pixels of red ink in a BGR image (uint8 0/255)."""
    blue, green, red = (image[:, :, k].astype(np.int16) for k in range(3))
    return (((red - np.maximum(green, blue)) > 40) & (red > 100)).astype(np.uint8) * 255


def seal_regions(image: np.ndarray) -> list[tuple[int, int, int, int]]:
    """Bounding boxes (x0, y0, x1, y1) of seal-like red patches."""
    height, width = image.shape[:2]
    mask = red_mask(image)
    if not mask.any():
        return []
    # A thin ring breaks where it crosses black text or fades in a copy: grow the red ink by a
    # margin so that its pieces join (the 版头's characters join too, into a wide band).
    size = max(3, width // 30)
    grown = cv2.dilate(mask, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (size, size)))
    count, _labels, stats, _ = cv2.connectedComponentsWithStats(grown, connectivity=8)
    regions = []
    for index in range(1, count):
        x, y, w, h, _area = stats[index]
        x, y, w, h = x + size // 2, y + size // 2, w - 2 * (size // 2), h - 2 * (size // 2)
        if not (0.07 * width <= max(w, h) <= 0.45 * width):
            continue
        if not (0.7 <= w / max(1, h) <= 1.4):
            continue
        # Ink where the seal crosses black text is not red, so the ring may fall apart into
        # pieces: fade a margin of half a seal all round. Only red pixels change much there.
        pad = max(w, h) // 2 + size // 2
        regions.append((max(0, x - pad), max(0, y - pad), min(width, x + w + pad), min(height, y + h + pad)))
    return regions


def fade_seals(image: np.ndarray) -> tuple[np.ndarray, int]:
    """A copy of the BGR image with seals faded, and how many seals were found."""
    regions = seal_regions(image)
    if not regions:
        return image, 0
    result = image.copy()
    for x0, y0, x1, y1 in regions:
        patch = result[y0:y1, x0:x1]
        red = patch[:, :, 2].astype(np.float32)
        # Stretch so that light red ink (and pink anti-aliasing) becomes paper white.
        faded = np.clip((red - 40.0) * 255.0 / 150.0, 0, 255).astype(np.uint8)
        patch[:, :, 0] = faded
        patch[:, :, 1] = faded
        patch[:, :, 2] = faded
    return result, len(regions)
