"""Tables such as the 任务分工表: fixed column widths across the text block, the header row in 黑体
repeated on every page, cells in 仿宋 with single spacing (never the 28 pt body pitch). A long row
may break across pages, so a page is never left half empty before it."""

from __future__ import annotations

import datetime

from drafting.gbt9704 import ooxml
from drafting.gbt9704.context import WriteContext
from drafting.gbt9704.model import CellValue, Table, format_cn_date
from drafting.gbt9704.title_lines import display_width

TABLE_RULE_MM = 0.18  # ½ pt
CELL_MARGIN_PT = 5.4  # 0.19 cm, Word's default


def cell_text(value: CellValue) -> str:
    """How a cell value is printed: dates as 2024年3月7日, whole floats without .0."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return format_cn_date(value.date())
    if isinstance(value, datetime.date):
        return format_cn_date(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def column_widths_pt(table: Table, total_pt: float, header_size_pt: float) -> list[float]:
    """Column widths from the relative weights, each at least wide enough for its header on one line."""
    weights = [max(0.1, c.width) for c in table.columns]
    minimum = [display_width(c.title) * header_size_pt + 2 * CELL_MARGIN_PT + 2 for c in table.columns]
    fixed: set[int] = set()
    while True:
        free = total_pt - sum(minimum[i] for i in fixed)
        free_weight = sum(w for i, w in enumerate(weights) if i not in fixed) or 1.0
        widths = [minimum[i] if i in fixed else free * w / free_weight for i, w in enumerate(weights)]
        narrow = {i for i, w in enumerate(widths) if i not in fixed and w < minimum[i]}
        if not narrow or len(fixed | narrow) == len(widths):
            return widths
        fixed |= narrow


def write_table(ctx: WriteContext, table: Table) -> None:
    """The table (and its caption) at the end of the document, as wide as the text block."""
    profile = ctx.profile
    if table.caption:
        caption = ctx.paragraph(align="center", keep_next=True)
        ctx.run(caption, table.caption, "title", profile.title_size_pt)
        ctx.blank(1, keep_next=True)
    widths = column_widths_pt(table, ctx.text_width_pt, profile.table_header_size_pt)
    rule = ("single", TABLE_RULE_MM, "000000")
    docx_table = ctx.document.add_table(rows=1 + len(table.rows), cols=len(table.columns))
    ooxml.setup_table(docx_table, widths, borders=dict.fromkeys(
        ("top", "left", "bottom", "right", "insideH", "insideV"), rule), cell_margin_pt=CELL_MARGIN_PT)
    header = docx_table.rows[0]
    ooxml.row_flags(header, header=True, height_pt=profile.table_header_size_pt * 2.2)
    for cell, column in zip(header.cells, table.columns, strict=True):
        _fill(ctx, cell, column.title, "center", "hei", profile.table_header_size_pt)
    for row, values in zip(docx_table.rows[1:], table.rows, strict=True):
        ooxml.row_flags(row, cant_split=False, height_pt=profile.table_size_pt * 2.2)  # breaks, header repeats
        for cell, column, value in zip(row.cells, table.columns, values, strict=True):
            _fill(ctx, cell, cell_text(value), column.align, "body", profile.table_size_pt)


def _fill(ctx: WriteContext, cell, text: str, align: str, role: str, size_pt: float) -> None:
    """Cell text, one paragraph per line, single spaced and off the grid."""
    ooxml.cell_valign(cell, "center")
    line_pt = ctx.profile.table_line_pt
    for index, line in enumerate(text.split("\n") or [""]):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        ctx.format(paragraph, align=align, line_pt=line_pt,
                   rule="exact" if line_pt else "auto")
        ctx.run(paragraph, line, role, size_pt)
