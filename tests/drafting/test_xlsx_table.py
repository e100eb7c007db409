"""The 任务分工表 / 台账 .xlsx reopened with openpyxl."""

from __future__ import annotations

import datetime

import openpyxl
import pytest

from drafting.gbt9704 import TableColumn
from drafting.gbt9704.sample import TASK_COLUMNS, TASK_ROWS
from drafting.xlsx_table import XlsxSheet, write_table_xlsx, write_tables_xlsx


@pytest.fixture
def sheet(tmp_path):
    path = write_table_xlsx("清河县2024年爱国卫生月活动任务分工表", TASK_COLUMNS, TASK_ROWS, tmp_path / "分工.xlsx",
                            subtitle="制表单位：清河县卫生健康局")
    return openpyxl.load_workbook(path).active


def test_title_subtitle_and_header(sheet):
    assert sheet.title == "任务分工表"
    assert sheet["A1"].value == "清河县2024年爱国卫生月活动任务分工表"
    assert "A1:F1" in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet["A2"].value == "制表单位：清河县卫生健康局"
    assert [c.value for c in sheet[3]] == ["序号", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时限"]
    assert sheet["A3"].font.name == "黑体"
    assert sheet["C4"].font.name == "仿宋_GB2312"


def test_frozen_header_and_print_setup(sheet):
    assert sheet.freeze_panes == "A4"  # title, subtitle and header stay in view
    assert sheet.print_title_rows == "$3:$3"  # the header row repeats on every printed page
    assert sheet.page_setup.orientation == "landscape"
    assert int(sheet.page_setup.paperSize) == 9  # A4
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth == 1
    assert sheet.page_setup.fitToHeight == 0


def test_real_date_cells_wrapping_borders_and_widths(sheet):
    due = sheet["F4"]
    assert due.is_date and due.value.date() == datetime.date(2024, 4, 15)
    assert due.number_format == 'yyyy"年"m"月"d"日"'
    for cell in sheet[5]:
        assert cell.alignment.wrap_text
        assert cell.border.left.style == "thin" and cell.border.bottom.style == "thin"
    assert sheet["A4"].value == 1 and sheet["A4"].alignment.horizontal == "center"
    widths = {col: sheet.column_dimensions[col].width for col in "ABCDEF"}
    assert widths["C"] > widths["B"] > widths["A"]  # 具体措施 widest, 序号 narrowest
    assert widths["A"] >= 2 * 2 + 3  # never narrower than its header
    # the long 具体措施 rows are tall enough for their wrapped lines
    assert sheet.row_dimensions[4].height > sheet.row_dimensions[3].height


def test_several_sheets_with_safe_unique_names(tmp_path):
    columns = [TableColumn("任务"), TableColumn("状态", 0.5, "center")]
    path = write_tables_xlsx([XlsxSheet("台账", columns, [["甲", "已完成"]], name="总表/全部"),
                              XlsxSheet("逾期", columns, [], name="总表/全部")], tmp_path / "台账.xlsx")
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["总表_全部", "总表_全部(2)"]
    assert workbook["总表_全部"]["A3"].value == "甲"


def test_ragged_rows_are_rejected(tmp_path):
    with pytest.raises(ValueError, match="表头有2列"):
        write_table_xlsx("表", ["a", "b"], [["1"]], tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()
