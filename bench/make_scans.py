"""Make test scans: 公文 text rendered as A4 page images, clean and degraded.

Used by ``bench/ocr_accuracy.py`` and by the OCR tests (``tests/ocr/``). Each rendered page keeps
the exact text it shows (``ScanPage.reference``) so the OCR can be scored against it.

Page geometry follows GB/T 9704: A4, top margin 37 mm, left 28 mm, body 156 x 225 mm,
22 lines of 3号 (16 pt) characters. The font is WenQuanYi Micro Hei.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_PATH = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
A4_MM = (210.0, 297.0)
MARGIN_TOP_MM = 37.0
MARGIN_LEFT_MM = 28.0
BODY_MM = (156.0, 225.0)
LINES_PER_PAGE = 22
FONT_PT = 16.0
RED = (220, 30, 30)

_DATE_LINE = re.compile(r"^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$")
_PARAGRAPH_END = "。：:；！？）"
_SENTENCE_END = "。：:；！？"
# Lines that start a new item, or end a title: a hard wrap never joins across them.
_NEW_ITEM = re.compile(r"^(\d+[.、．]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|各|附件)")
_TITLE_END = re.compile(r"(通知|方案|意见|要点|办法|规定|报告|决定|函)$")


@dataclass
class ScanPage:
    """One rendered page and the text it shows."""

    image: Image.Image
    reference: str  # the page's text, lines joined by "\n"
    signature_box: tuple[int, int, int, int] | None = None  # where the 落款 stands (pixels)
    lines: list[str] = field(default_factory=list)


def mm_to_px(mm: float, dpi: int) -> int:
    return round(mm / 25.4 * dpi)


def font_for(dpi: int, points: float = FONT_PT) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(FONT_PATH, round(points / 72 * dpi))


@dataclass
class _Line:
    text: str
    indent: bool = False
    align: str = "left"  # left | right | center
    color: tuple[int, int, int] = (0, 0, 0)
    scale: float = 1.0


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int, first_indent: int) -> list[str]:
    """Split ``text`` into lines that fit ``width`` pixels (the first one indented)."""
    lines: list[str] = []
    current = ""
    limit = width - first_indent
    for char in text:
        if current and font.getlength(current + char) > limit:
            lines.append(current)
            current = ""
            limit = width
        current += char
    if current:
        lines.append(current)
    return lines


def _paragraphs(text: str) -> list[str]:
    """Source lines with hard wraps undone: a long line not ending a sentence runs on."""
    paragraphs: list[str] = []
    joining = False
    for line in (line.strip() for line in text.splitlines()):
        if not line:
            continue
        if joining and paragraphs and not _NEW_ITEM.match(line):
            paragraphs[-1] += line
        else:
            paragraphs.append(line)
        joining = (len(line) >= 24 and line[-1] not in _SENTENCE_END + "）)" and not _DATE_LINE.match(line)
                   and not _TITLE_END.search(line))
    return paragraphs


def layout_text(text: str, dpi: int, *, signature_right: bool = True) -> list[_Line]:
    """Lay ``text`` out as body lines (pages are cut by :func:`render_pages`)."""
    font = font_for(dpi)
    width = mm_to_px(BODY_MM[0], dpi)
    char = round(FONT_PT / 72 * dpi)
    source = _paragraphs(text)
    lines: list[_Line] = []
    previous = ""
    for index, line in enumerate(source):
        following = source[index + 1] if index + 1 < len(source) else ""
        is_date = bool(_DATE_LINE.match(line))
        is_signer = signature_right and bool(_DATE_LINE.match(following)) and len(line) <= 20
        if is_date or is_signer:
            lines.append(_Line(line, align="right"))
            previous = line
            continue
        if _TITLE_END.search(line) and (line.startswith("关于") or index < 4):
            # A title: centred, wrapped before it runs into the margins.
            lines.extend(_Line(part, align="center") for part in _wrap(line, font, width - 4 * char, 0))
            previous = line
            continue
        indent = not previous or previous[-1] in _PARAGRAPH_END
        for number, part in enumerate(_wrap(line, font, width, 2 * char if indent else 0)):
            lines.append(_Line(part, indent=indent and number == 0))
        previous = line
    return lines


def _draw_lines(page: Image.Image, lines: Iterable[_Line], dpi: int, top_px: int) -> list[tuple]:
    """Draw body lines from ``top_px``; returns the bounding box of each line."""
    draw = ImageDraw.Draw(page)
    left = mm_to_px(MARGIN_LEFT_MM, dpi)
    width = mm_to_px(BODY_MM[0], dpi)
    pitch = mm_to_px(BODY_MM[1], dpi) / LINES_PER_PAGE
    char = round(FONT_PT / 72 * dpi)
    boxes = []
    y = float(top_px)
    for line in lines:
        font = font_for(dpi, FONT_PT * line.scale)
        length = font.getlength(line.text)
        if line.align == "right":
            x = left + width - 4 * char - length
        elif line.align == "center":
            x = left + (width - length) / 2
        else:
            x = left + (2 * char if line.indent else 0)
        draw.text((x, y), line.text, font=font, fill=line.color)
        boxes.append((int(x), int(y), int(x + length), int(y + char * line.scale)))
        y += pitch * line.scale if line.scale > 1 else pitch
    return boxes


def render_pages(text: str, dpi: int, *, red_header: str | None = None) -> list[ScanPage]:
    """Render ``text`` as 公文 pages; ``red_header`` adds a red 版头 and rule on page 1."""
    size = (mm_to_px(A4_MM[0], dpi), mm_to_px(A4_MM[1], dpi))
    pages = []
    remaining = layout_text(text, dpi)
    header_rows = 6  # the 版头 and its rule take the room of about six body lines
    number = 0
    while remaining:
        room = LINES_PER_PAGE - (header_rows if red_header and number == 0 else 0)
        lines, remaining = remaining[:room], remaining[room:]
        page = Image.new("RGB", size, "white")
        top = mm_to_px(MARGIN_TOP_MM, dpi)
        header_lines: list[str] = []
        if red_header and number == 0:
            header = _Line(red_header, align="center", color=RED, scale=2.2)
            (_x0, _y0, _x1, hy1), = _draw_lines(page, [header], dpi, top)
            rule_y = hy1 + mm_to_px(8, dpi)
            ImageDraw.Draw(page).line(
                (mm_to_px(MARGIN_LEFT_MM, dpi), rule_y,
                 mm_to_px(MARGIN_LEFT_MM + BODY_MM[0], dpi), rule_y),
                fill=RED, width=max(2, dpi // 75))
            top = rule_y + mm_to_px(8, dpi)
            header_lines = [red_header]
        boxes = _draw_lines(page, lines, dpi, top)
        signature = None
        right = [box for line, box in zip(lines, boxes, strict=True) if line.align == "right"]
        if right:
            signature = (min(b[0] for b in right), min(b[1] for b in right),
                         max(b[2] for b in right), max(b[3] for b in right))
        texts = header_lines + [line.text for line in lines]
        pages.append(ScanPage(page, "\n".join(texts), signature, texts))
        number += 1
    return pages


def render_seed(path: Path, dpi: int, **kwargs) -> list[ScanPage]:
    return render_pages(path.read_text(encoding="utf-8"), dpi, **kwargs)


def add_stamp(image: Image.Image, center: tuple[int, int], dpi: int, name: str = "县卫生健康局") -> Image.Image:
    """A red round seal (ring, star and the unit's name along the top) centred on ``center``."""
    radius = mm_to_px(21, dpi)
    layer = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    cx, cy = center
    ink = (*RED, 200)
    draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), outline=ink,
                 width=max(3, dpi // 40))
    star = []
    for k in range(10):
        r = radius * (0.28 if k % 2 == 0 else 0.11)
        angle = -math.pi / 2 + k * math.pi / 5
        star.append((cx + r * math.cos(angle), cy + r * math.sin(angle)))
    draw.polygon(star, fill=ink)
    font = font_for(dpi, 12)
    count = len(name)
    for k, char in enumerate(name):
        angle = math.radians(-150 + 120 * (k + 0.5) / count)
        r = radius * 0.72
        glyph = Image.new("RGBA", (font.size * 2, font.size * 2), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((font.size // 2, font.size // 2), char, font=font, fill=ink)
        glyph = glyph.rotate(-math.degrees(angle) - 90, resample=Image.BICUBIC)
        x = int(cx + r * math.cos(angle) - glyph.width / 2)
        y = int(cy + r * math.sin(angle) - glyph.height / 2)
        layer.alpha_composite(glyph, (max(0, x), max(0, y)))
    # Stamp ink darkens the paper it lands on (multiply), it does not paint over black text.
    base = image.convert("RGB")
    red = Image.new("RGB", image.size, RED)
    mask = layer.getchannel("A")
    tinted = Image.composite(red, Image.new("RGB", image.size, "white"), mask)
    from PIL import ImageChops

    return ImageChops.multiply(base, tinted)


def degrade(page: ScanPage, seed: int, *, stamp: bool = True, dpi: int = 150,
            angle: float | None = None) -> Image.Image:
    """A scanner/phone copy of ``page``: seal over the 落款, slight rotation, blur, noise, JPEG."""
    import io

    import numpy as np

    rng = random.Random(seed)
    image = page.image
    if stamp and page.signature_box:
        x0, y0, x1, y1 = page.signature_box
        image = add_stamp(image, ((x0 + x1) // 2, (y0 + y1) // 2), dpi)
    rotation = angle if angle is not None else rng.uniform(-1.5, 1.5)
    image = image.rotate(rotation, resample=Image.BICUBIC, expand=False, fillcolor="white")
    image = image.filter(ImageFilter.GaussianBlur(radius=0.6 * dpi / 150))
    pixels = np.asarray(image, dtype=np.int16)
    noise = np.random.default_rng(seed).normal(0, 10, pixels.shape[:2])[..., None]
    pixels = np.clip(pixels + noise, 0, 255).astype(np.uint8)
    image = Image.fromarray(pixels)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=45)
    buffer.seek(0)
    return Image.open(buffer).convert("RGB")


def _wrap_lines(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    for paragraph in text.splitlines():
        lines.extend(_wrap(paragraph.strip(), font, width, 0) or [""])
    return lines


def render_two_columns(title: str, left: str, right: str, dpi: int = 150) -> ScanPage:
    """A newsletter page: a centred title over two columns of running text.

    The reference reads the title, then the whole left column, then the right one.
    """
    size = (mm_to_px(A4_MM[0], dpi), mm_to_px(A4_MM[1], dpi))
    page = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(page)
    font = font_for(dpi, 12)
    title_font = font_for(dpi, 20)
    char = font.size
    pitch = round(char * 1.7)
    x0 = mm_to_px(MARGIN_LEFT_MM, dpi)
    body = mm_to_px(BODY_MM[0], dpi)
    gutter = mm_to_px(10, dpi)
    column = (body - gutter) // 2
    y = mm_to_px(MARGIN_TOP_MM, dpi)
    draw.text((x0 + (body - title_font.getlength(title)) / 2, y), title, font=title_font, fill="black")
    y += round(title_font.size * 2.2)
    columns = []
    for index, text in enumerate((left, right)):
        lines = _wrap_lines(text, font, column)
        for number, line in enumerate(lines):
            draw.text((x0 + index * (column + gutter), y + number * pitch), line, font=font, fill="black")
        columns.append(lines)
    texts = [title, *columns[0], *columns[1]]
    return ScanPage(page, "\n".join(texts), None, texts)


def render_table(caption: str, rows: list[list[str]], widths_mm: list[float], dpi: int = 150,
                 before: str = "", after: str = "") -> ScanPage:
    """A ruled table (cells wrap inside their column) between two short paragraphs.

    The reference has one line per table row, cells joined by a tab, as the OCR should give.
    """
    size = (mm_to_px(A4_MM[0], dpi), mm_to_px(A4_MM[1], dpi))
    page = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(page)
    font = font_for(dpi, 12)
    char = font.size
    pitch = round(char * 1.45)
    pad = round(char * 0.4)
    x0 = mm_to_px(MARGIN_LEFT_MM, dpi)
    body = mm_to_px(BODY_MM[0], dpi)
    y = mm_to_px(MARGIN_TOP_MM, dpi)
    texts: list[str] = []
    for line in _wrap_lines(before, font_for(dpi), body):
        draw.text((x0, y), line, font=font_for(dpi), fill="black")
        y += round(font_for(dpi).size * 1.6)
        texts.append(line)
    caption_font = font_for(dpi, 16)
    draw.text((x0 + (body - caption_font.getlength(caption)) / 2, y), caption, font=caption_font, fill="black")
    texts.append(caption)
    y += round(caption_font.size * 1.8)
    widths = [mm_to_px(w, dpi) for w in widths_mm]
    edges = [x0]
    for width in widths:
        edges.append(edges[-1] + width)
    line_width = max(1, dpi // 100)
    top = y
    for row in rows:
        cells = [_wrap_lines(cell, font, width - 2 * pad) for cell, width in zip(row, widths, strict=True)]
        height = max(len(lines) for lines in cells) * pitch + 2 * pad
        for cell_lines, left in zip(cells, edges, strict=False):
            for number, line in enumerate(cell_lines):
                draw.text((left + pad, y + pad + number * pitch), line, font=font, fill="black")
        draw.line((edges[0], y, edges[-1], y), fill="black", width=line_width)
        y += height
        texts.append("\t".join(row))
    draw.line((edges[0], y, edges[-1], y), fill="black", width=line_width)
    for x in edges:
        draw.line((x, top, x, y), fill="black", width=line_width)
    y += round(char * 1.5)
    for line in _wrap_lines(after, font_for(dpi), body):
        draw.text((x0, y), line, font=font_for(dpi), fill="black")
        y += round(font_for(dpi).size * 1.6)
        texts.append(line)
    return ScanPage(page, "\n".join(texts), None, texts)


def turned(image: Image.Image, degrees: int) -> Image.Image:
    """The page as scanned turned clockwise by 90, 180 or 270 degrees."""
    return image.rotate(-degrees, expand=True, fillcolor="white")
