"""主体: the title, 主送机关, body blocks, 附件说明, 署名 and 成文日期 (sealed or not), 附注, and the
attachment pages."""

from __future__ import annotations

from docx.text.paragraph import Paragraph as DocxParagraph

from drafting.gbt9704 import ooxml
from drafting.gbt9704.context import WriteContext
from drafting.gbt9704.model import Attachment, Block, Heading, OfficialDocument, Paragraph, Table
from drafting.gbt9704.tables import write_table
from drafting.gbt9704.title_lines import break_title, display_width

SENTENCE_END = "。；;."


def write_title(ctx: WriteContext, title: str, lines: list[str] | None = None,
                blank_before: int = 0) -> DocxParagraph:
    """The title in 2号小标宋, centred, broken by meaning into lines (one paragraph, line breaks)."""
    profile = ctx.profile
    ctx.blank(blank_before, keep_next=True)
    # A title line never fills the 版心 to the last point: one character is left as margin.
    max_chars = int(ctx.text_width_pt / profile.title_size_pt) - 1
    lines = lines or break_title(title, max_chars)
    paragraph = ctx.paragraph(align="center", keep_next=True)
    ooxml.set_flag(paragraph, "w:keepLines")
    for index, line in enumerate(lines):
        run = ctx.run(paragraph, line, "title", profile.title_size_pt)
        if index < len(lines) - 1:
            run.add_break()
    return paragraph


def write_recipients(ctx: WriteContext, recipients: list[str]) -> None:
    """主送机关: one blank line under the title, flush left, ending with a full-width colon. Without
    主送 the blank line still separates the title from the text."""
    ctx.blank(1, keep_next=True)
    text = "，".join(r.strip().rstrip("：:，,") for r in recipients if r.strip())
    if not text:
        return
    paragraph = ctx.paragraph(align="justify", keep_next=True)
    ctx.run(paragraph, text + "：")


def write_blocks(ctx: WriteContext, blocks: list[Block]) -> list[DocxParagraph]:
    """Body paragraphs, headings and tables in order; returns the paragraphs written."""
    written: list[DocxParagraph] = []
    for block in blocks:
        if isinstance(block, Heading):
            written.append(_heading(ctx, block))
        elif isinstance(block, Paragraph):
            for text in block.text.split("\n"):
                if text.strip():  # keep leading U+3000: drafts use it to align continuation lines
                    written.append(_paragraph(ctx, block, text.strip(" \t\r\n")))
        elif isinstance(block, Table):
            write_table(ctx, block)
        else:  # pragma: no cover - the model has three block types
            raise TypeError(f"unknown block {block!r}")
    return written


def _paragraph(ctx: WriteContext, block: Paragraph, text: str) -> DocxParagraph:
    paragraph = ctx.paragraph(align=block.align, first_line=2 if block.indent else 0)
    ctx.run(paragraph, text)
    return paragraph


def _heading(ctx: WriteContext, heading: Heading) -> DocxParagraph:
    profile = ctx.profile
    level = heading.level - 1
    paragraph = ctx.paragraph(first_line=2, keep_next=not heading.run_in)
    # Outline level: Word's navigation pane lists the headings; the look is unchanged.
    ooxml.set_child(paragraph._p.get_or_add_pPr(), "w:outlineLvl", ooxml.PPR_ORDER, val=str(level))
    ctx.run(paragraph, heading.text, profile.heading_fonts[level], bold=profile.heading_bold[level])
    if heading.run_in:
        ctx.run(paragraph, heading.run_in)
    return paragraph


def write_attachment_note(ctx: WriteContext, names: list[str]) -> None:
    """附件说明: a blank line, then ``附件：1. 名称`` indented 2 characters, names aligned."""
    names = [n.strip().rstrip("。.") for n in names if n.strip()]
    if not names:
        return
    ctx.blank(1, keep_next=True)
    label = "附件："
    label_width = display_width(label)
    if len(names) == 1:
        paragraph = ctx.paragraph(left=2 + label_width, first_line=-label_width, keep_next=True)
        ctx.run(paragraph, label + names[0])
        return
    # Half a character after the widest number, so "10." never reaches the tab stop.
    number_width = max(display_width(f"{i}.") for i in range(1, len(names) + 1)) + 0.5
    name_start = 2 + label_width + number_width  # in characters, from the left margin
    for index, name in enumerate(names, start=1):
        first = index == 1
        start = 2 if first else 2 + label_width
        paragraph = ctx.paragraph(left=name_start, first_line=start - name_start, keep_next=True)
        ooxml.set_tabs(paragraph, [("left", name_start * ctx.char_pt)])
        ctx.run(paragraph, f"{label if first else ''}{index}.\t{name}")


def write_signature(ctx: WriteContext, doc: OfficialDocument) -> list[DocxParagraph]:
    """署名 and 成文日期 (GB/T 9704-2012 7.3.5), then the 附注. Every line keeps with the next so the
    signature block never stands alone on a page."""
    profile = ctx.profile
    names = [n for n in doc.signature if n.strip()]
    date = doc.date_text
    written: list[DocxParagraph] = []
    if not names and not date:
        return written
    date_width = display_width(date) if date else 0.0
    sign_width = max((display_width(n) for n in names), default=0.0)
    if doc.sealed:
        blank = profile.signature_blank_lines_sealed
        date_right = profile.sealed_date_right_chars
        # 署名 centred over the date
        sign_right = max(0.0, date_right + (date_width - sign_width) / 2) if date else date_right
    else:
        blank = profile.signature_blank_lines_unsealed
        sign_right = profile.unsealed_signature_right_chars
        # The date starts two characters right of the 署名's first character; when the date is
        # the longer one it is right-indented 2 and the 署名 moves left to keep that offset.
        date_right = sign_right + sign_width - date_width - 2 if names else 4.0
        if date_right < profile.unsealed_signature_right_chars:
            date_right = profile.unsealed_signature_right_chars
            sign_right = date_right + date_width + 2 - sign_width
    written += ctx.blank(blank, keep_next=True)
    if doc.sealed and len(names) > 1 and date:
        written += _joint_sealed_names(ctx, names, date_right + date_width / 2)
    else:
        for name in names:
            paragraph = ctx.paragraph(align="right", right=sign_right, keep_next=True)
            ctx.run(paragraph, name)
            written.append(paragraph)
    if date:
        paragraph = ctx.paragraph(align="right", right=date_right, keep_next=bool(doc.note))
        ctx.run(paragraph, date)
        written.append(paragraph)
    return written


def _joint_sealed_names(ctx: WriteContext, names: list[str], date_centre_right: float) -> list[DocxParagraph]:
    """Sealed joint issuers (7.3.5.1): the 署名 side by side in issuing order, two a line, the right-hand
    one centred over the date, each to be pressed by its own seal."""
    char = ctx.char_pt
    widest = max(display_width(n) for n in names)
    right_centre = ctx.text_width_pt - date_centre_right * char
    left_centre = max(widest / 2 * char, right_centre - (widest + 4) * char)
    written = []
    for start in range(0, len(names), 2):
        pair = names[start:start + 2]
        paragraph = ctx.paragraph(align="left", keep_next=True)
        ooxml.set_tabs(paragraph, [("center", left_centre), ("center", right_centre)])
        ctx.run(paragraph, f"\t{pair[0]}\t{pair[1]}" if len(pair) == 2 else f"\t\t{pair[0]}")
        written.append(paragraph)
    return written


def write_note(ctx: WriteContext, note: str | None) -> None:
    """附注: the line after the date, indented 2 characters, in full-width parentheses."""
    if not note or not note.strip():
        return
    text = note.strip()
    if not (text.startswith("（") and text.endswith("）")):
        text = f"（{text.strip('()（）')}）"
    paragraph = ctx.paragraph(first_line=2)
    ctx.run(paragraph, text)


def keep_with_signature(paragraphs: list[DocxParagraph], count: int = 1) -> None:
    """Tie the last body paragraphs to what follows, so 署名 never opens a page alone."""
    for paragraph in paragraphs[-count:]:
        ooxml.set_flag(paragraph, "w:keepNext")


def write_attachment(ctx: WriteContext, number: int | None, attachment: Attachment,
                     page_break: bool) -> None:
    """An attachment: ``附件N`` in 3号黑体 on line 1, its title centred on line 3, then its blocks."""
    head = ctx.paragraph(align="left", keep_next=True)
    if page_break:
        ooxml.set_flag(head, "w:pageBreakBefore")
    ctx.run(head, "附件" if number is None else f"附件{number}", "hei")
    write_title(ctx, attachment.title, blank_before=1)
    ctx.blank(1, keep_next=True)
    write_blocks(ctx, attachment.blocks)
