"""Reading order, seals and table grids without the OCR engine: boxes placed as on real pages."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))  # the scan makers
import numpy as np
from make_scans import add_stamp, render_pages, render_table

from parsing.ocr.engine import OcrBox
from parsing.ocr.layout import page_text
from parsing.ocr.page_reader import deskew, skew_degrees
from parsing.ocr.seals import fade_seals, red_mask
from parsing.ocr.tables import find_tables, split_at_rules

H = 30  # text height in pixels, as 3号 text at 150 dpi
CHAR = 32  # advance of one character


def box(text: str, x: float, y: float, score: float = 0.99, width: float | None = None) -> OcrBox:
    """A level box for ``text`` whose top-left corner is at (x, y)."""
    w = width if width is not None else len(text) * CHAR
    quad = np.array([[x, y], [x + w, y], [x + w, y + H], [x, y + H]], dtype=np.float32)
    return OcrBox(quad, text, score)


def body_lines(lines: list[tuple[str, bool]], top: float = 200, left: float = 160) -> list[OcrBox]:
    """One box per line; True marks a first line indented by two characters."""
    return [
        box(text, left + (2 * CHAR if indented else 0), top + index * 55)
        for index, (text, indented) in enumerate(lines)
    ]


def to_bgr(image) -> np.ndarray:
    return np.ascontiguousarray(np.asarray(image.convert("RGB"))[:, :, ::-1])


def test_paragraphs_split_at_indents_and_short_lines_not_inside():
    # A paragraph's first line is indented by two characters and its last line stops short;
    # every other line runs to the right margin (justified text).
    lines = [
        ("为进一步做好汛期安全生产工作，切实保障人民群众", True),
        ("生命财产安全，现就有关事项通知如下，请各单位认真抓好", False),
        ("贯彻落实。", False),
        ("一、高度重视汛期安全生产。各单位要充分认识做", True),
        ("好当前安全生产工作的重要性和紧迫性，坚决克服麻痹思想", False),
    ]
    boxes = body_lines(lines)
    right = 160 + 26 * CHAR
    for item in boxes:
        if len(item.text) > 10:
            item.quad[[1, 2], 0] = right
    text = page_text(boxes).text
    assert text.split("\n\n") == [
        "\n".join(line for line, _ in lines[:3]),
        "\n".join(line for line, _ in lines[3:]),
    ]


def test_boxes_on_one_baseline_form_one_line_in_x_order():
    boxes = [box("联系电话：0731-5551234", 700, 300), box("联系人：李明", 160, 302)]
    assert page_text(boxes).text == "联系人：李明  联系电话：0731-5551234"


def test_two_columns_are_read_left_column_first():
    title = box("工作简报", 480, 100)
    left = [box(f"左栏第{k}行内容文字左栏第{k}行内容", 160, 200 + 50 * k) for k in range(5)]
    right = [box(f"右栏第{k}行内容文字右栏第{k}行内容", 730, 200 + 50 * k) for k in range(5)]
    text = page_text([title, *right, *left]).text
    order = [line for line in text.split("\n") if line]
    assert order == ["工作简报"] + [b.text for b in left] + [b.text for b in right]


def test_rows_of_a_table_without_rules_keep_their_cells_on_one_line():
    rows = [("序号", "任务", "牵头单位"), ("1", "排查隐患", "县卫健局"), ("2", "组织演练", "各医院")]
    boxes = []
    for k, (a, b, c) in enumerate(rows):
        boxes += [box(a, 160, 200 + 50 * k), box(b, 400, 200 + 50 * k), box(c, 800, 200 + 50 * k)]
    lines = [line for line in page_text(boxes).text.split("\n") if line]
    assert lines == ["序号\t任务\t牵头单位", "1\t排查隐患\t县卫健局", "2\t组织演练\t各医院"]


def test_low_confidence_spans_point_at_the_unsure_box_text():
    boxes = [box("关于开展安全检查的通知", 300, 100), box("各乡镇卫生院：", 160, 200, score=0.62)]
    page = page_text(boxes)
    (start, end), = page.low_confidence
    assert page.text[start:end] == "各乡镇卫生院："


def test_noise_boxes_below_the_score_floor_are_dropped():
    boxes = [box("县卫生健康局", 160, 100), box("卫健", 700, 400, score=0.2)]
    assert page_text(boxes).text == "县卫生健康局"


def test_skew_is_measured_and_removed():
    image = np.full((800, 1000, 3), 255, np.uint8)
    angle = np.radians(1.5)
    boxes = []
    for k in range(5):
        x, y, w = 100.0, 150.0 + 80 * k, 700.0
        dx, dy = w * np.cos(angle), w * np.sin(angle)
        quad = np.array([[x, y], [x + dx, y + dy], [x + dx, y + dy + H], [x, y + H]], dtype=np.float32)
        boxes.append(OcrBox(quad, "文字", 0.99))
    degrees = skew_degrees(boxes)
    assert abs(degrees - 1.5) < 0.05
    _level, moved = deskew(image, boxes, degrees)
    for item in moved:
        assert abs(float(item.quad[1][1] - item.quad[0][1])) < 1.0


def test_seal_is_faded_but_black_text_under_it_and_the_red_header_stay():
    body = "各乡镇卫生院，县直各医疗卫生单位：\n" + "请于5月20日前报送安全生产检查情况。\n" * 5
    page = render_pages(body + "县卫生健康局\n2024年5月6日", 150, red_header="县卫生健康局文件")[0]
    x0, y0, x1, y1 = page.signature_box
    stamped = to_bgr(add_stamp(page.image, ((x0 + x1) // 2, (y0 + y1) // 2), 150))
    faded, count = fade_seals(stamped)
    assert count == 1
    seal_area = (slice(y0 - 120, y1 + 120), slice(x0 - 60, x1 + 60))
    assert red_mask(stamped)[seal_area].sum() > 0
    assert red_mask(faded)[seal_area].sum() == 0
    # The 落款 text under the seal is still black.
    assert (faded[y0:y1, x0:x1].max(axis=2) < 80).sum() > 0.5 * (stamped[y0:y1, x0:x1].max(axis=2) < 80).sum()
    # The red 版头 at the top of the page is left as it was.
    header = slice(0, y0 - 300)
    assert red_mask(faded)[header].sum() == red_mask(stamped)[header].sum() > 0


def test_ruled_table_grid_is_found_and_boxes_are_cut_at_its_rules():
    rows = [["序号", "工作任务", "责任单位"], ["1", "开展消防安全检查", "县卫生健康局"], ["2", "组织应急演练", "各医疗卫生单位"]]
    page = render_table("任务分工表", rows, [15, 80, 50], before="现印发你们。", after="请认真落实。")
    image = to_bgr(page.image)
    (grid,) = find_tables(image, 25)
    assert len(grid.ys) == 4 and len(grid.xs) == 4
    # A box that runs over the rule between two cells is cut in two.
    y = (grid.ys[1] + grid.ys[2]) / 2 - 10
    straddling = OcrBox(np.array([[grid.xs[0] + 5, y], [grid.xs[2] - 5, y], [grid.xs[2] - 5, y + 20],
                                  [grid.xs[0] + 5, y + 20]], dtype=np.float32))
    pieces = split_at_rules([straddling], [grid])
    assert len(pieces) == 2
    assert pieces[0].x1 <= grid.xs[1] + 1 <= pieces[1].x0 + 2


def test_seal_broken_into_pieces_is_still_found_whole():
    body = "请各单位认真贯彻落实。\n" * 8
    page = render_pages(body + "县卫生健康局\n2024年5月6日", 150)[0]
    x0, y0, x1, y1 = page.signature_box
    cx, cy = (x0 + x1) // 2, (y0 + y1) // 2
    stamped = to_bgr(add_stamp(page.image, (cx, cy), 150))
    # A faint copy: the ring breaks into arcs (white bands cut it at several places).
    for offset in (-90, -30, 30, 90):
        stamped[:, cx + offset - 6:cx + offset + 6] = np.maximum(stamped[:, cx + offset - 6:cx + offset + 6], 235)
        stamped[cy + offset - 6:cy + offset + 6, :] = np.maximum(stamped[cy + offset - 6:cy + offset + 6, :], 235)
    faded, count = fade_seals(stamped)
    assert count == 1
    assert red_mask(stamped).sum() > 0
    assert red_mask(faded).sum() == 0
