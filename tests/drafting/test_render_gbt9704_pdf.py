"""Render generated 公文 to PDF with LibreOffice and measure the pages with pdfplumber: the body on a
28.95 pt pitch, at most 22 body lines a page, the 版头 and page numbers where GB/T 9704 puts them."""

from __future__ import annotations

import collections
import itertools
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest

from drafting.gbt9704 import write_docx
from drafting.gbt9704.sample import sample_notice, sample_report

pytestmark = pytest.mark.slow

MM = 72 / 25.4
PAGE_H = 297 * MM
TOP = 37 * MM  # top of the 版心
BOTTOM = PAGE_H - 35 * MM  # bottom of the 版心
LEFT, RIGHT = 28 * MM, (210 - 26) * MM


def render(docx_path: Path, tmp_path: Path) -> Path:
    """docx -> pdf with a private LibreOffice profile, so tests can run in parallel."""
    office = shutil.which("libreoffice") or shutil.which("soffice")
    assert office, "LibreOffice is required (make test installs libreoffice-writer)"
    profile = tmp_path / "lo-profile"
    subprocess.run([office, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(docx_path)], check=True, capture_output=True, timeout=180,
                   env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin:/usr/local/bin"})
    pdf = tmp_path / (docx_path.stem + ".pdf")
    assert pdf.is_file()
    return pdf


def text_lines(page) -> list[dict]:
    """Lines of text on a page: top, bottom, x0, x1, size, text (chars grouped by baseline)."""
    groups: dict[float, list] = collections.defaultdict(list)
    for ch in page.chars:
        groups[round(ch["bottom"], 0)].append(ch)
    lines = []
    for _, chars in sorted(groups.items()):
        chars.sort(key=lambda c: c["x0"])
        lines.append({"top": min(c["top"] for c in chars), "bottom": max(c["bottom"] for c in chars),
                      "x0": chars[0]["x0"], "x1": chars[-1]["x1"], "size": round(chars[0]["size"]),
                      "text": "".join(c["text"] for c in chars)})
    return lines


@pytest.fixture(scope="module")
def notice_pdf(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("render")
    return render(write_docx(sample_notice(), tmp / "notice.docx"), tmp)


def test_body_lines_on_the_grid_pitch_at_most_22_a_page(notice_pdf):
    with pdfplumber.open(notice_pdf) as pdf:
        portrait = [p for p in pdf.pages if p.height > p.width]
        assert len(portrait) >= 5
        gaps = []
        for page in portrait:
            body = [line for line in text_lines(page) if line["size"] == 16 and TOP - 2 < line["top"] < BOTTOM]
            assert len(body) <= 22
            gaps += [b["top"] - a["top"] for a, b in itertools.pairwise(body)]
            for line in body:  # every body line inside the 版心
                assert line["x0"] >= LEFT - 1 and line["x1"] <= RIGHT + 1, line["text"]
                assert line["bottom"] <= BOTTOM + 1, line["text"]
        single = [g for g in gaps if g < 40]  # consecutive lines (not across blank lines)
        assert len(single) > 40
        for gap in single:
            assert abs(gap - 28.95) < 0.2, gap
        # a full body line holds 28 characters
        widest = max(len(line["text"]) for page in portrait for line in text_lines(page)
                     if line["size"] == 16 and line["x0"] < LEFT + 2 and all("\u4e00" <= c <= "\u9fff" or c in "，。、；："
                                                                         for c in line["text"]))
        assert widest == 28


def test_header_block_positions(notice_pdf):
    with pdfplumber.open(notice_pdf) as pdf:
        lines = text_lines(pdf.pages[0])
        texts = [line["text"] for line in lines]
        assert texts[:3] == ["000018", "秘密★1年", "加急"]
        assert abs(lines[0]["top"] - TOP) < 10  # 份号 on line 1
        head = next(line for line in lines if line["text"] == "清河县卫生健康局文件")
        # red, centred, top edge 35 mm under the top of the 版心 (± 1.5 mm)
        assert abs(head["top"] - (TOP + 35 * MM)) < 1.5 * MM
        assert abs((head["x0"] + head["x1"]) / 2 - (LEFT + RIGHT) / 2) < 3
        red = [c for c in pdf.pages[0].chars if c["text"] == "清" and c["size"] > 30]
        assert red and red[0]["non_stroking_color"] in ((1, 0, 0), [1, 0, 0], (1.0, 0.0, 0.0))
        number = next(line for line in lines if line["text"] == "清卫健〔2024〕12号")
        rules = [r for r in pdf.pages[0].rects + pdf.pages[0].lines if abs(r["top"] - r["bottom"]) < 3]
        rule = min(rules, key=lambda r: abs(r["top"] - number["bottom"]))
        # red rule 4 mm under the 发文字号, as wide as the 版心
        assert 3 * MM < rule["top"] - number["bottom"] < 5 * MM
        assert abs(rule["x0"] - LEFT) < 2 and abs(rule["x1"] - RIGHT) < 2
        title = next(line for line in lines if line["text"].startswith("关于印发"))
        assert title["size"] == 22
        # two blank lines under the red line
        assert 2 * 28.95 < title["top"] - rule["top"] < 3 * 28.95 + 2


def test_page_numbers_at_the_foot_odd_right_even_left(notice_pdf):
    with pdfplumber.open(notice_pdf) as pdf:
        numbered = alone = 0
        for index, page in enumerate(pdf.pages, start=1):
            foot = [line for line in text_lines(page) if line["top"] > page.height - 35 * MM]
            numbers = [line for line in foot if line["text"].startswith("—")]
            if not numbers:  # a blank page, or the page holding only the 版记, is not numbered
                texts = [line["text"] for line in text_lines(page)]
                assert not texts or texts[-1].endswith("印发"), texts
                alone += 1
                continue
            numbered += 1
            (number,) = numbers
            assert number["text"] == f"— {index} —"
            assert number["size"] == 14
            bottom = page.height - (35 * MM if page.height > page.width else 26 * MM)
            # 7 mm under the bottom of the 版心 (± 1.5 mm)
            assert abs(number["top"] - (bottom + 7 * MM)) < 1.5 * MM
            left_edge = LEFT if page.height > page.width else 37 * MM
            right_edge = RIGHT if page.height > page.width else page.width - 35 * MM
            if index % 2:
                assert abs(right_edge - number["x1"] - 14) < 3  # odd: right, one character in
            else:
                assert abs(number["x0"] - left_edge - 14) < 3  # even: left, one character in
        assert numbered == len(pdf.pages) - alone and alone <= 2


def test_colophon_sits_on_the_bottom_edge_of_the_last_page(tmp_path):
    pdf_path = render(write_docx(sample_report(), tmp_path / "report.docx"), tmp_path)
    with pdfplumber.open(pdf_path) as pdf:
        last = pdf.pages[-1]
        rules = sorted((r for r in last.rects + last.lines if abs(r["top"] - r["bottom"]) < 3),
                       key=lambda r: r["top"])
        assert rules, "no 版记 rules"
        assert abs(rules[-1]["top"] - BOTTOM) < 1.5  # the last rule on the bottom edge of the 版心
        assert abs(rules[-1]["x0"] - LEFT) < 2 and abs(rules[-1]["x1"] - RIGHT) < 2
        printed = next(line for line in text_lines(last) if line["text"].endswith("印发"))
        assert rules[-2]["top"] < printed["top"] < rules[-1]["top"]
        # the signature is on the same page as text above it (never alone)
        texts = [line["text"] for line in text_lines(last)]
        signature = texts.index("清河县卫生健康局")
        assert signature >= 2 and texts[signature - 1] == "特此报告。"
