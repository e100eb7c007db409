"""The 任务分工表 as a file of its own, from plans drafted from real-style superior notices: the .xlsx
(reopened with openpyxl) and the standalone .docx (python-docx, and LibreOffice for the pages)."""

from __future__ import annotations

import copy
import re
import shutil
import subprocess

import docx
import openpyxl
import pdfplumber
import pytest
from corpus import FIXTURES
from docx.enum.section import WD_ORIENT

from desktop.cli import main
from drafting.plan_builder import build_plan, load_notice
from drafting.plan_export import TABLE_TITLE, write_task_table_docx, write_task_table_xlsx
from drafting.profile import load_sample_profile

SUPERIORS = ["adapt_national_safety_three_year_plan", "province_plan_infection_control", "fresh_county_gas_plan"]
HEADER = ["序号", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时限"]
EXCEL_MAX_ROW_PT = 409


@pytest.fixture(scope="module")
def plans():
    profile = load_sample_profile()
    return {name: build_plan(load_notice(FIXTURES / "superior" / f"{name}.txt"), profile) for name in SUPERIORS}


def _sheet(plan, path):
    return openpyxl.load_workbook(write_task_table_xlsx(plan, path)).active


def _widths(sheet) -> dict[str, float]:
    return {col: sheet.column_dimensions[col].width for col in "ABCDEF"}


@pytest.mark.parametrize("name", SUPERIORS)
def test_plan_workbook_widths_follow_the_content(plans, name, tmp_path):
    plan = plans[name]
    assert plan.tasks
    widths = _widths(_sheet(plan, tmp_path / "分工表.xlsx"))
    assert len(set(widths.values())) > 3, widths  # not one width for every column
    assert widths["A"] <= 8  # 序号: a number under a two-character header
    assert widths["C"] == max(widths.values()) and widths["C"] > 5 * widths["A"]  # 具体措施 gets the room
    longest_lead = max(len("、".join(t.lead)) for t in plan.tasks)
    if 2 * longest_lead + 2 < widths["C"] / 2:  # a short 牵头单位 sits on one line
        assert widths["D"] >= 2 * longest_lead
    assert sum(widths.values()) <= 155  # fits A4 landscape once fitted to the page width


@pytest.mark.parametrize("name", SUPERIORS)
def test_plan_workbook_heads_wraps_and_freezes_like_the_sample(plans, name, tmp_path):
    plan = plans[name]
    sheet = _sheet(plan, tmp_path / "分工表.xlsx")
    assert sheet.title == TABLE_TITLE
    assert sheet["A1"].value == f"{plan.title}{TABLE_TITLE}"
    assert sheet["A2"].value == f"制表单位：{plan.issuer}"
    assert [c.value for c in sheet[3]] == HEADER
    assert sheet.freeze_panes == "A4" and sheet.print_title_rows == "$3:$3"
    assert sheet.page_setup.orientation == "landscape"
    body = list(sheet.iter_rows(min_row=4))
    assert len(body) == len(plan.tasks)
    assert [row[0].value for row in body] == list(range(1, len(plan.tasks) + 1))  # 序号 as numbers, not text
    for row in body:
        assert all(cell.alignment.wrap_text for cell in row)
        assert all(cell.border.left.style == "thin" for cell in row)
    heights = [sheet.row_dimensions[r].height for r in range(1, sheet.max_row + 1)]
    assert all(h and h <= EXCEL_MAX_ROW_PT for h in heights), heights
    longest = max(range(len(plan.tasks)), key=lambda i: len(plan.tasks[i].measures))
    shortest = min(range(len(plan.tasks)), key=lambda i: len(plan.tasks[i].measures))
    if len(plan.tasks[longest].measures) > 2 * len(plan.tasks[shortest].measures):
        assert sheet.row_dimensions[4 + longest].height > sheet.row_dimensions[4 + shortest].height

    sample = tmp_path / "示例分工.xlsx"
    assert main(["export-sample", str(tmp_path / "示例.docx"), "--xlsx", str(sample)]) == 0
    reference = openpyxl.load_workbook(sample).active
    for cell, ref in ((sheet["A2"], reference["A2"]), (sheet["A3"], reference["A3"]), (sheet["C4"], reference["C4"])):
        assert (cell.font.name, cell.font.sz) == (ref.font.name, ref.font.sz)
    assert reference["A2"].value.startswith("制表单位：") and reference.freeze_panes == sheet.freeze_panes


def test_a_measure_run_together_stays_within_the_row_limit(plans, tmp_path):
    plan = copy.deepcopy(plans["adapt_national_safety_three_year_plan"])
    plan.tasks[0].measures = "".join(t.measures for t in plan.tasks) * 3  # a clerk pasted a whole section in
    sheet = _sheet(plan, tmp_path / "分工表.xlsx")
    assert len(plan.tasks[0].measures) > 2000
    assert 300 < sheet.row_dimensions[4].height <= EXCEL_MAX_ROW_PT
    assert sheet["C4"].value == plan.tasks[0].measures  # cut on screen at most, never in the file


def test_standalone_table_docx_is_the_table_alone_on_landscape_pages(plans, tmp_path):
    plan = plans["adapt_national_safety_three_year_plan"]
    document = docx.Document(str(write_task_table_docx(plan, tmp_path / "分工表.docx")))
    assert all(s.orientation == WD_ORIENT.LANDSCAPE and s.page_width > s.page_height for s in document.sections)
    texts = [p.text for p in document.paragraphs if p.text.strip()]
    assert "".join(texts).replace("\n", "") == f"{plan.title}{TABLE_TITLE}"  # the title, broken into lines; no 附件, no date
    assert len(document.tables) == 1
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == HEADER
    assert len(table.rows) == len(plan.tasks) + 1


@pytest.mark.slow
def test_standalone_table_docx_opens_on_its_title_and_table(plans, tmp_path):
    office = shutil.which("libreoffice") or shutil.which("soffice")
    assert office, "LibreOffice is required (make test installs libreoffice-writer)"
    plan = plans["adapt_national_safety_three_year_plan"]
    path = write_task_table_docx(plan, tmp_path / "分工表.docx")
    subprocess.run([office, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(path)], check=True, capture_output=True, timeout=180,
                   env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin:/usr/local/bin"})
    with pdfplumber.open(path.with_suffix(".pdf")) as pdf:
        assert all(page.width > page.height for page in pdf.pages)
        first = re.sub(r"\s", "", pdf.pages[0].extract_text() or "")
        assert first.startswith(re.sub(r"\s", "", plan.title)[:10])
        assert re.sub(r"\s", "", f"{plan.title}{TABLE_TITLE}") in first
        assert "序号重点任务具体措施" in first and re.sub(r"\s", "", plan.tasks[0].measures)[:12] in first
        assert "附件" not in first and not re.search(r"\d{4}年\d{1,2}月\d{1,2}日$", first)
        text = "".join(re.sub(r"\s", "", page.extract_text() or "") for page in pdf.pages)
        assert text.count("序号重点任务") == len(pdf.pages)  # the header repeats on every page
