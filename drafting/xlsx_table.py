"""The 任务分工表 / 台账 as an .xlsx workbook (openpyxl).

Each sheet: a title row merged across the columns, an optional subtitle (制表单位、日期), the
header row in 黑体 frozen under the title and repeated on every printed page, cells in 仿宋 with
wrapping and thin borders, dates as real date cells shown as ``2024年3月7日``, column widths from
the content (a short column as wide as its longest cell, the long text columns sharing the rest by
their weights), row heights fitted to the wrapped text and never above Excel's 409 pt, printed on
A4 landscape fitted to the page width. Written atomically.

:func:`write_task_table_xlsx` is the one 任务分工表 workbook, for a drafted plan and the sample alike.
"""

from __future__ import annotations

import datetime
import math
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from drafting.atomic import atomic_write_path
from drafting.gbt9704.model import TASK_TABLE_COLUMNS, CellValue, TableColumn
from drafting.gbt9704.title_lines import display_width
from parsing.errors import PolicyDeskError
from parsing.os_errors import os_reason
from parsing.text_safety import xml_safe

DATE_FORMAT = 'yyyy"年"m"月"d"日"'
DATETIME_FORMAT = 'yyyy"年"m"月"d"日" hh:mm'
TITLE_FONT = Font(name="方正小标宋简体", size=18)
SUBTITLE_FONT = Font(name="仿宋_GB2312", size=12)
HEADER_FONT = Font(name="黑体", size=12)
CELL_FONT = Font(name="仿宋_GB2312", size=11)
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
TOTAL_WIDTH = 150.0  # Excel character units across the sheet; fits A4 landscape when fitted to width
LINE_HEIGHT_PT = 15.0  # one wrapped line of an 11 pt CJK cell
TITLE_LINE_PT = 24.0  # one line of the 18 pt title
MAX_ROW_HEIGHT_PT = 409.0  # Excel's limit: a taller row is refused or cut
CELL_PADDING = 2.0  # Excel units beside the text of a cell fitted to its content


class XlsxWriteError(PolicyDeskError):
    """The .xlsx could not be written."""


@dataclass
class XlsxSheet:
    """One sheet of a workbook: its title, columns and rows."""

    title: str
    columns: Sequence[str | TableColumn]
    rows: Sequence[Sequence[CellValue]]
    name: str = "Sheet1"
    subtitle: str | None = None  # e.g. 填报单位：…    填报日期：…
    widths: Sequence[float] | None = None  # Excel character units; None: from the columns' weights
    fills: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, column) of rows -> RGB hex
    column_objects: list[TableColumn] = field(init=False)

    def __post_init__(self) -> None:
        self.column_objects = [c if isinstance(c, TableColumn) else TableColumn(str(c)) for c in self.columns]
        for index, row in enumerate(self.rows):
            if len(row) != len(self.column_objects):
                raise ValueError(f"第{index + 1}行有{len(row)}格，表头有{len(self.column_objects)}列")


def write_table_xlsx(title: str, columns: Sequence[str | TableColumn], rows: Sequence[Sequence[CellValue]],
                     path: str | os.PathLike[str], *, sheet_name: str = "任务分工表", subtitle: str | None = None,
                     widths: Sequence[float] | None = None) -> Path:
    """Write one table as a one-sheet workbook; return the path."""
    sheet = XlsxSheet(title, columns, rows, name=sheet_name, subtitle=subtitle, widths=widths)
    return write_tables_xlsx([sheet], path)


def write_tables_xlsx(sheets: Sequence[XlsxSheet], path: str | os.PathLike[str]) -> Path:
    """Write several tables, one sheet each, atomically; return the path."""
    target = Path(path)
    if not target.parent.is_dir():
        raise XlsxWriteError(f"{target.name}：保存位置不存在：{target.parent}")
    if not sheets:
        raise ValueError("至少需要一张表")
    workbook = Workbook()
    workbook.remove(workbook.active)
    used: set[str] = set()
    styles = _cell_styles(workbook)
    for sheet in sheets:
        _fill_sheet(workbook.create_sheet(_sheet_name(sheet.name, used)), sheet, styles)
    try:
        with atomic_write_path(target) as tmp:
            workbook.save(tmp)
    except OSError as exc:
        raise XlsxWriteError(f"{target.name}：无法写入（{os_reason(exc)}）") from exc
    return target


def write_task_table_xlsx(title: str, rows: Sequence[Sequence[CellValue]], path: str | os.PathLike[str], *,
                          unit: str | None = None) -> Path:
    """The 任务分工表 workbook: 序号 · 重点任务 · 具体措施 · 牵头单位 · 配合单位 · 完成时限, under the title
    and a 制表单位 line."""
    subtitle = f"制表单位：{unit}" if unit and unit.strip() else None
    return write_table_xlsx(title, list(TASK_TABLE_COLUMNS), rows, path, sheet_name="任务分工表", subtitle=subtitle)


def _sheet_name(name: str, used: set[str]) -> str:
    """A valid, unique sheet name (≤ 31 characters, none of []:*?/\\)."""
    clean = "".join("_" if ch in "[]:*?/\\" else ch for ch in xml_safe(name).replace("\n", " ")).strip() or "Sheet"
    clean = clean[:31]
    candidate, n = clean, 2
    while candidate in used:
        suffix = f"({n})"
        candidate, n = clean[: 31 - len(suffix)] + suffix, n + 1
    used.add(candidate)
    return candidate


def column_widths(sheet: XlsxSheet) -> list[float]:
    """Excel widths: given, or from the content within TOTAL_WIDTH.

    A column whose longest line fits in its weight's share of the sheet is made just that wide
    (序号, 牵头单位, dates); the columns of long text share what is left by their weights. No column is
    narrower than its header on one line."""
    if sheet.widths is not None:
        return [float(w) for w in sheet.widths]
    columns = sheet.column_objects
    minimum = [2 * display_width(c.title) + 3 for c in columns]
    natural = [minimum[i] for i in range(len(columns))]
    for values in sheet.rows:
        for i, value in enumerate(values):
            text = _cell_format(value)[1]
            if text:
                longest = max(display_width(line) for line in text.split("\n"))
                natural[i] = max(natural[i], 2 * longest + CELL_PADDING)
    weights = [max(0.1, c.width) for c in columns]
    fitted: dict[int, float] = {}
    while True:
        free = TOTAL_WIDTH - sum(fitted.values())
        free_weight = sum(w for i, w in enumerate(weights) if i not in fitted) or 1.0
        share = {i: free * w / free_weight for i, w in enumerate(weights) if i not in fitted}
        fits = {i: natural[i] for i, width in share.items() if natural[i] <= width}
        if not fits:
            break
        fitted.update(fits)
    return [round(fitted[i] if i in fitted else max(minimum[i], share[i]), 1) for i in range(len(columns))]


def _cell_format(value: CellValue) -> tuple[str, str]:
    """The number format of a cell and its text as shown."""
    if isinstance(value, datetime.datetime):
        return DATETIME_FORMAT, value.strftime("%Y年%m月%d日 %H:%M")
    if isinstance(value, datetime.date):
        return DATE_FORMAT, f"{value.year}年{value.month}月{value.day}日"
    return "General", "" if value is None else str(value)


def _row_height(lines: int, line_pt: float, padding: float) -> float:
    """A row height for ``lines`` wrapped lines, within Excel's limit."""
    return min(MAX_ROW_HEIGHT_PT, line_pt * lines + padding)


def _cell_lines(text: str, width: float) -> int:
    """How many lines ``text`` wraps to in a column ``width`` Excel units wide (a CJK character ≈ 2)."""
    usable = max(1.0, width - 1.5)
    return sum(max(1, math.ceil(display_width(part) * 2 / usable)) for part in text.split("\n"))


def _cell_styles(workbook: Workbook) -> dict[tuple[str, str], str]:
    """One named style per (alignment, number format) for body cells, registered once.

    Setting font, border and alignment on each cell costs openpyxl a style lookup per attribute;
    a named style is one lookup, which makes a 10,000-row 台账 several times faster."""
    names: dict[tuple[str, str], str] = {}
    for align in set(_ALIGN.values()):
        for fmt in ("General", DATE_FORMAT, DATETIME_FORMAT):
            style = NamedStyle(name=f"policydesk-{align}-{len(names)}", font=CELL_FONT, border=BORDER,
                               alignment=Alignment(horizontal=align, vertical="center", wrap_text=True),
                               number_format=fmt)
            if style.name not in workbook.named_styles:
                workbook.add_named_style(style)
            names[(align, fmt)] = style.name
    return names


def _fill_sheet(ws: Worksheet, sheet: XlsxSheet, styles: dict[tuple[str, str], str]) -> None:
    columns = sheet.column_objects
    count = len(columns)
    last_col = get_column_letter(count)
    widths = column_widths(sheet)
    row = 1
    ws.cell(row=1, column=1, value=xml_safe(sheet.title)).font = TITLE_FONT
    ws.cell(row=1, column=1).alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.merge_cells(f"A1:{last_col}1")
    title_lines = _cell_lines(sheet.title, sum(widths) * CELL_FONT.sz / TITLE_FONT.sz)
    ws.row_dimensions[1].height = _row_height(title_lines, TITLE_LINE_PT, 12)
    if sheet.subtitle:
        row += 1
        cell = _text_cell(ws, row, 1, sheet.subtitle)
        cell.font = SUBTITLE_FONT
        cell.alignment = Alignment(horizontal="left", vertical="center")
        ws.merge_cells(f"A{row}:{last_col}{row}")
        ws.row_dimensions[row].height = 22
    row += 1
    header_row = row
    for col, column in enumerate(columns, start=1):
        cell = _text_cell(ws, row, col, column.title)
        cell.font = HEADER_FONT
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = BORDER
    ws.row_dimensions[row].height = _row_height(max(
        _cell_lines(c.title, w) for c, w in zip(columns, widths, strict=True)), LINE_HEIGHT_PT, 8)
    for index, values in enumerate(sheet.rows):
        row += 1
        lines = 1
        for col, (column, value, width) in enumerate(zip(columns, values, widths, strict=True), start=1):
            cell = _text_cell(ws, row, col, value)
            fmt, text = _cell_format(value)
            cell.style = styles[(_ALIGN[column.align], fmt)]
            fill = sheet.fills.get((index, col - 1))
            if fill:
                cell.fill = PatternFill("solid", start_color=fill, end_color=fill)
            lines = max(lines, _cell_lines(text, width))
        ws.row_dimensions[row].height = _row_height(lines, LINE_HEIGHT_PT, 6)
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.6
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    ws.oddFooter.center.font = "仿宋_GB2312"
    ws.oddFooter.center.size = 10


def _text_cell(ws: Worksheet, row: int, column: int, value: CellValue):
    """A cell holding ``value``; text is made XML-safe and never read as a formula (``=…``)."""
    if isinstance(value, str):
        value = xml_safe(value)
    cell = ws.cell(row=row, column=column, value=value)
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"  # a feedback "=HYPERLINK(…)" stays text
    return cell


_ALIGN = {"left": "left", "justify": "left", "center": "center", "right": "right"}
