"""版头: 份号, 密级和保密期限, 紧急程度, the red 发文机关标志, 发文字号 / 签发人 and the red separator."""

from __future__ import annotations

from drafting.gbt9704 import ooxml
from drafting.gbt9704.context import WriteContext
from drafting.gbt9704.model import Letterhead, OfficialDocument, normalize_doc_number
from drafting.gbt9704.title_lines import display_width

# The 标志's exact line height as a multiple of its size, and how far its glyphs' top stands above
# the point where half the leading would put it (measured on LibreOffice renders).
LETTERHEAD_LINE_FACTOR = 1.15
LETTERHEAD_NUDGE_PT = 4.5


def has_header_block(doc: OfficialDocument) -> bool:
    return bool(doc.letterhead or doc.doc_number or doc.copy_number or doc.secrecy or doc.urgency)


def write_header_block(ctx: WriteContext, doc: OfficialDocument) -> None:
    """The 版头, ending with the red separator under the 发文字号 (nothing when the document has none)."""
    if not has_header_block(doc):
        return
    profile = ctx.profile
    top_lines = 0
    for text, role in ((doc.copy_number_text, "body"), (doc.secrecy, "hei"), (doc.urgency, "hei")):
        if text:
            paragraph = ctx.paragraph(align="left")
            ctx.run(paragraph, text, role)
            top_lines += 1
    if not (doc.letterhead or profile.preprinted_letterhead):
        if doc.doc_number:
            _doc_number_line(ctx, doc, separator=False)
        return
    used_pt = top_lines * ctx.pitch_pt
    top_pt = max(0.0, ooxml.mm_pt(profile.letterhead_top_mm) - used_pt)
    letterhead = doc.letterhead or Letterhead([" "], suffix="")
    _letterhead(ctx, letterhead, top_pt, blank=profile.preprinted_letterhead)
    ctx.blank(profile.letterhead_blank_lines)
    _doc_number_line(ctx, doc, separator=True)


def _letterhead_size(ctx: WriteContext, widest: float) -> tuple[float, int]:
    """Font size and horizontal scale (%) that fit a 标志 ``widest`` characters wide into the 版心."""
    profile = ctx.profile
    size = profile.letterhead_size_pt
    natural = widest * size
    if natural <= ctx.text_width_pt:
        return size, 100
    scale = ctx.text_width_pt / natural * 100
    if scale >= profile.letterhead_min_scale:
        return size, int(scale)
    scale = profile.letterhead_min_scale
    return ctx.text_width_pt / (widest * scale / 100), int(scale)


def _letterhead(ctx: WriteContext, letterhead: Letterhead, top_pt: float, *, blank: bool) -> None:
    """The red 标志, its top edge ``top_pt`` below the current position (``blank``: its room only)."""
    organs = letterhead.organs
    suffix = letterhead.suffix
    red = ctx.profile.red
    if len(organs) == 1 or not suffix:
        lines = [organ + suffix for organ in organs] if len(organs) == 1 else list(organs)
        size, scale = _letterhead_size(ctx, max(display_width(t) for t in lines))
        line_pt = size * LETTERHEAD_LINE_FACTOR
        before = max(0.0, top_pt - (line_pt - size) * 0.5 + LETTERHEAD_NUDGE_PT)
        for index, text in enumerate(lines):
            paragraph = ctx.paragraph(align="center", line_pt=line_pt,
                                      before_pt=before if index == 0 else 0.0)
            ctx.run(paragraph, "" if blank else text, "title", size, color=red, scale=scale)
        return
    # Joint issuers in the 文件 form: organs stacked on the left, 文件 centred beside them.
    widest = max(display_width(o) for o in organs) + display_width(suffix)
    size, scale = _letterhead_size(ctx, widest + 1)
    line_pt = size * LETTERHEAD_LINE_FACTOR
    ctx.paragraph(line_pt=max(1.0, top_pt - (line_pt - size) * 0.5 + LETTERHEAD_NUDGE_PT))  # room above
    organ_width = (widest - display_width(suffix)) * size * scale / 100
    suffix_width = (display_width(suffix) + 1) * size * scale / 100
    table = ctx.document.add_table(rows=len(organs), cols=2)
    no_border = dict.fromkeys(("top", "left", "bottom", "right", "insideH", "insideV"))
    ooxml.setup_table(table, [organ_width, suffix_width], borders=no_border, cell_margin_pt=0)
    for row_index, organ in enumerate(organs):
        cell = table.cell(row_index, 0)
        paragraph = cell.paragraphs[0]
        ctx.format(paragraph, align="distribute", line_pt=line_pt)
        ctx.run(paragraph, "" if blank else organ, "title", size, color=red, scale=scale)
    merged = table.cell(0, 1).merge(table.cell(len(organs) - 1, 1))
    for extra in merged.paragraphs[1:]:
        extra._p.getparent().remove(extra._p)
    paragraph = merged.paragraphs[0]
    ctx.format(paragraph, align="right", line_pt=line_pt)
    ctx.run(paragraph, "" if blank else suffix, "title", size, color=red, scale=scale)
    ooxml.cell_valign(merged)


# The glyphs of an exact-height line stand this share of the leading above the line box's bottom
# (measured on LibreOffice renders): the red rule's border space is the 4 mm gap less that.
LEADING_BELOW_SHARE = 0.5


def _doc_number_line(ctx: WriteContext, doc: OfficialDocument, *, separator: bool) -> None:
    """发文字号 centred, or flush left with the 签发人 on the right (上行文); then the red rule."""
    profile = ctx.profile
    signers = doc.signer
    number = normalize_doc_number(doc.doc_number or "")
    lines: list[tuple[str, str]] = []  # (left text, right text) per line
    if signers:
        pairs = ["\u3000".join(signers[i:i + 2]) for i in range(0, len(signers), 2)]
        for names in pairs:
            lines.append(("", names))
        lines[-1] = (number, lines[-1][1])
    else:
        lines.append((number, ""))
    label_width = display_width("签发人：")
    for index, (left, right) in enumerate(lines):
        last = index == len(lines) - 1
        if signers:
            # No indents, so the red rule under the last line spans the 版心; the one-character
            # spaces at both ends are tab stops.
            paragraph = ctx.paragraph(align="left", keep_next=not last)
            ooxml.set_tabs(paragraph, [("left", ctx.char_pt), ("right", ctx.text_width_pt - ctx.char_pt)])
            ctx.run(paragraph, f"\t{left}\t")
            ctx.run(paragraph, "签发人：" if index == 0 else "\u3000" * int(label_width))
            ctx.run(paragraph, right, "kai")
        else:
            paragraph = ctx.paragraph(align="center")
            ctx.run(paragraph, left)
        if last and separator:
            gap_pt = max(0.0, ooxml.mm_pt(profile.separator_gap_mm)
                         - LEADING_BELOW_SHARE * (ctx.pitch_pt - profile.body_size_pt))
            if profile.preprinted_letterhead:
                ooxml.set_spacing(paragraph, line_pt=ctx.pitch_pt, after_pt=gap_pt + ooxml.mm_pt(
                    profile.separator_width_mm))
            else:
                ooxml.paragraph_border(paragraph, "bottom", profile.separator_width_mm, profile.red, gap_pt)
