"""OCR quality on 公文 scans made from the seeds and from notices written for these tests.

A small sample only (the full measurement is ``bench/ocr_accuracy.py``): character error rate
against the rendered text, turned pages, a newsletter in two columns and a ruled task table.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))  # the scan makers
import numpy as np
import pytest
from conftest import seed
from make_scans import degrade, render_seed, render_table, render_two_columns, turned
from ocr_accuracy import cer

from parsing.ocr import available
from parsing.ocr.page_reader import read_page

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not available(), reason="OCR engine not installed")]


def to_bgr(image) -> np.ndarray:
    return np.ascontiguousarray(np.asarray(image.convert("RGB"))[:, :, ::-1])


def lines_of(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


def test_clean_150_dpi_page_with_red_header_reads_within_two_percent():
    page = render_seed(seed("000"), 150, red_header="县卫生健康局文件")[0]
    text = read_page(to_bgr(page.image)).text
    assert cer(page.reference, text) <= 0.02
    assert lines_of(text)[0] == "县卫生健康局文件"


def test_degraded_300_dpi_page_with_seal_over_signature_reads_within_five_percent():
    pages = render_seed(seed("004"), 300)
    page = next(p for p in pages if p.signature_box)
    scan = degrade(page, seed=11, dpi=300, angle=1.2)
    text = read_page(to_bgr(scan)).text
    assert cer(page.reference, text) <= 0.05
    # The 落款 under the seal survives, on lines of its own, date after the unit.
    lines = lines_of(text)
    assert "始兴县卫生健康局" in lines
    assert lines.index("始兴县卫生健康局") + 1 == lines.index("2022年8月10日")


@pytest.mark.parametrize("degrees", [90, 180, 270])
def test_turned_scan_is_read_upright(degrees):
    page = render_seed(seed("003"), 150)[0]
    top = page.image.crop((0, 0, page.image.width, page.image.height * 2 // 5))
    reference = "\n".join(page.lines[:7])
    text = read_page(to_bgr(turned(top, degrees))).text
    assert cer(reference, "\n".join(lines_of(text)[:7])) <= 0.02


def test_newsletter_columns_are_read_left_then_right():
    left = (
        "县疾控中心组织开展夏季食品安全宣传活动。活动中，工作人员向群众发放宣传资料，"
        "讲解食物中毒的预防知识。\n本次活动共发放资料一千二百余份，接受群众咨询三百余人次。"
    )
    right = (
        "县人民医院完成消防设施改造工程。改造后，医院各楼层均配备了自动喷淋和烟感报警装置，"
        "疏散通道全部畅通。\n医院还组织职工开展了两次消防疏散演练，提升了应急处置能力。"
    )
    page = render_two_columns("卫生健康工作动态", left, right)
    text = read_page(to_bgr(page.image)).text
    assert cer(page.reference, text) <= 0.02
    lines = lines_of(text)
    assert lines[0] == "卫生健康工作动态"
    joined = "".join(lines)
    assert joined.index("接受群众咨询") < joined.index("县人民医院完成")


def test_task_table_comes_out_row_by_row():
    rows = [
        ["序号", "工作任务", "牵头单位", "完成时限"],
        ["1", "开展医疗机构消防安全隐患排查整治，建立问题和整改清单", "县卫生健康局", "2024年3月31日前"],
        ["2", "组织开展应急疏散演练", "各医疗卫生单位", "2024年6月底前"],
        ["3", "报送专项行动工作总结", "局办公室", "2024年12月10日前"],
    ]
    page = render_table("任务分工表", rows, [14, 70, 36, 36],
                        before="现将任务分工表印发给你们，请认真抓好落实。", after="各单位要按时报送进展情况。")
    scan = degrade(page, seed=5, stamp=False, angle=0.8)
    text = read_page(to_bgr(scan)).text
    table_lines = [line for line in text.split("\n") if "\t" in line]
    assert len(table_lines) == len(rows)
    for line, row in zip(table_lines, rows, strict=True):
        cells = line.split("\t")
        assert len(cells) == len(row)
        assert cer("".join(row), "".join(cells)) <= 0.05
    assert lines_of(text)[-1] == "各单位要按时报送进展情况。"
