"""版记: 抄送 and 印发机关/印发日期 between rules as wide as the 版心 — first and last thick,
middle thin — with the last rule on the bottom edge of the 版心 of the last page.

Written as a one-column table whose row borders are the rules (so they span the 版心 whatever the
text indents), floated to the bottom of the margin box of the page it lands on. When the 版记 has
a page to itself, the table is inline and a spacer pushes it down (LibreOffice does not float a
table that opens a section).
"""

from __future__ import annotations

from docx.enum.text import WD_BREAK

from drafting.gbt9704 import ooxml
from drafting.gbt9704.context import WriteContext
from drafting.gbt9704.model import Colophon, format_cn_date
from drafting.gbt9704.title_lines import display_width

SPACER_SLACK_PT = 3.0  # keeps a slightly long estimate from pushing the 版记 onto another page


def colophon_lines(colophon: Colophon) -> list[tuple[str, str]]:
    """The rows of the 版记 as (left text, right text)."""
    rows: list[tuple[str, str]] = []
    cc = [c.strip().rstrip("，,。") for c in colophon.cc if c.strip()]
    if cc:
        rows.append(("抄送：" + "，".join(cc) + "。", ""))
    rows.append((colophon.printer, format_cn_date(colophon.print_date) + "印发"))
    return rows


def colophon_height_pt(ctx: WriteContext, colophon: Colophon) -> float:
    """Height of the 版记: its lines on the grid pitch plus the rules."""
    profile = ctx.profile
    size = profile.colophon_size_pt
    rows = colophon_lines(colophon)
    label = display_width("抄送：")
    lines = 0
    for left, right in rows:
        if right:
            lines += 1
        else:
            per_line = int(ctx.text_width_pt / size - 2 - label)
            lines += max(1, -(-int(display_width(left) - label) // per_line))
    rules_mm = 2 * profile.colophon_thick_mm + (len(rows) - 1) * profile.colophon_thin_mm
    return lines * ctx.pitch_pt + ooxml.mm_pt(rules_mm)


def write_blank_page(ctx: WriteContext) -> None:
    """An empty page: a paragraph that ends with a page break (the page before an even 版记 page)."""
    paragraph = ctx.paragraph()
    run = ooxml.add_run(paragraph, "", ctx.profile.font("body"), ctx.profile.body_size_pt)
    run.add_break(WD_BREAK.PAGE)


def write_colophon(ctx: WriteContext, colophon: Colophon, *, alone: bool = False) -> None:
    """The 版记 at the end of the document; ``alone``: it starts a page of its own."""
    profile = ctx.profile
    size = profile.colophon_size_pt
    rows = colophon_lines(colophon)
    if alone:
        spacer = ooxml.mm_pt(profile.text_height_mm) - colophon_height_pt(ctx, colophon) - SPACER_SLACK_PT
        ctx.paragraph(line_pt=max(1.0, spacer))
        position = None
    else:
        # Positioned from the page edge (at the left margin): LibreOffice lays a full-width floating
        # table inline unless it is anchored to the page.
        position = {"leftFromText": "0", "rightFromText": "0", "topFromText": "0", "bottomFromText": "0",
                    "vertAnchor": "margin", "horzAnchor": "page", "tblpX": str(ooxml.pt_twips(ooxml.mm_pt(ctx.left_margin_mm))),
                    "tblpYSpec": "bottom"}
    table = ctx.document.add_table(rows=len(rows), cols=1)
    thick = ("single", profile.colophon_thick_mm, "000000")
    thin = ("single", profile.colophon_thin_mm, "000000")
    borders = {"top": thick, "left": None, "bottom": thick, "right": None, "insideH": thin, "insideV": None}
    width = ctx.text_width_pt
    ooxml.setup_table(table, [width], borders=borders, cell_margin_pt=0, floating=position)
    char = size  # one character of the 4号 font
    for row, (left, right) in zip(table.rows, rows, strict=True):
        ooxml.row_flags(row)
        paragraph = row.cells[0].paragraphs[0]
        if right:
            ctx.format(paragraph, align="left", left=1, right=1, char_pt=char)
            ooxml.set_tabs(paragraph, [("right", width - char)])  # tabs count from the margin
            ooxml.add_run(paragraph, f"{left}\t{right}", profile.font("body"), size)
        else:
            label = display_width("抄送：")
            ctx.format(paragraph, align="justify", left=1 + label, first_line=-label, right=1, char_pt=char)
            ooxml.add_run(paragraph, left, profile.font("body"), size)
