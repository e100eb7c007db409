"""版记: 抄送 and 印发机关/印发日期 between rules as wide as the 版心 — first and last thick,
middle thin — with the last rule on the bottom edge of the 版心 of the last page.

Written as framed paragraphs (w:framePr) anchored to the bottom of the margin box, the rules as
paragraph borders: Word, WPS and LibreOffice all place such a frame at the foot of the page.
"""

from __future__ import annotations

from docx.text.paragraph import Paragraph as DocxParagraph

from drafting.gbt9704 import ooxml
from drafting.gbt9704.context import WriteContext
from drafting.gbt9704.model import Colophon, format_cn_date
from drafting.gbt9704.title_lines import display_width


def colophon_lines(colophon: Colophon) -> list[tuple[str, str]]:
    """The rows of the 版记 as (left text, right text)."""
    rows: list[tuple[str, str]] = []
    cc = [c.strip().rstrip("，,。") for c in colophon.cc if c.strip()]
    if cc:
        rows.append(("抄送：" + "，".join(cc) + "。", ""))
    rows.append((colophon.printer, format_cn_date(colophon.print_date) + "印发"))
    return rows


def _frame(paragraph: DocxParagraph, width_pt: float) -> None:
    ooxml.set_child(paragraph._p.get_or_add_pPr(), "w:framePr", ooxml.PPR_ORDER,
                    w=str(ooxml.pt_twips(width_pt)), wrap="around", vAnchor="margin", hAnchor="margin",
                    xAlign="center", yAlign="bottom", hSpace="0", vSpace="0")


def colophon_height_pt(ctx: WriteContext, colophon: Colophon) -> float:
    """Height of the 版记: its lines on the grid pitch plus the rules."""
    profile = ctx.profile
    size = profile.colophon_size_pt
    lines = 0
    for left, right in colophon_lines(colophon):
        if right:
            lines += 1
        else:
            label = display_width("抄送：")
            per_line = int((ctx.text_width_pt / size) - 2 - label)
            lines += max(1, -(-int(display_width(left) - label) // per_line))
    rules_mm = 2 * profile.colophon_thick_mm + (len(colophon_lines(colophon)) - 1) * profile.colophon_thin_mm
    return lines * ctx.pitch_pt + ooxml.mm_pt(rules_mm)


def write_colophon(ctx: WriteContext, colophon: Colophon, *, alone: bool = False) -> list[DocxParagraph]:
    """The 版记 paragraphs, framed at the bottom of the 版心 of the page they land on.

    ``alone``: the 版记 starts a page of its own; a spacer pushes it down instead of a frame (a
    frame at the top of a section is not placed reliably by every reader)."""
    profile = ctx.profile
    if alone:
        spacer = ooxml.mm_pt(profile.text_height_mm) - colophon_height_pt(ctx, colophon) - 3.0
        ctx.paragraph(line_pt=max(1.0, spacer))
    size = profile.colophon_size_pt
    rows = colophon_lines(colophon)
    char = size  # one character of the 4号 font
    written = []
    for index, (left, right) in enumerate(rows):
        paragraph = ctx.document.add_paragraph()
        if right:
            ctx.format(paragraph, align="left", left=1, right=1, char_pt=char)
            ooxml.set_tabs(paragraph, [("right", ctx.text_width_pt - char)])  # tabs count from the margin
            ooxml.add_run(paragraph, f"{left}\t{right}", profile.font("body"), size)
        else:
            label = display_width("抄送：")
            ctx.format(paragraph, align="justify", left=1 + label, first_line=-label, right=1, char_pt=char)
            ooxml.add_run(paragraph, left, profile.font("body"), size)
        if not alone:
            _frame(paragraph, ctx.text_width_pt)
        if index == 0:
            ooxml.paragraph_border(paragraph, "top", profile.colophon_thick_mm, "000000", 0)
        last = index == len(rows) - 1
        ooxml.paragraph_border(paragraph, "bottom", profile.colophon_thick_mm if last else profile.colophon_thin_mm,
                               "000000", 0)
        if not last:
            ooxml.set_flag(paragraph, "w:keepNext")
        written.append(paragraph)
    return written
