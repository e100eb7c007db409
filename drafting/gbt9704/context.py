"""The state the writer's parts share: the python-docx document, the layout profile, the width of
the current section's text block, and paragraph factories that apply the profile."""

from __future__ import annotations

import math
from dataclasses import dataclass

from docx.document import Document as DocxDocument
from docx.text.paragraph import Paragraph as DocxParagraph

from drafting.gbt9704 import ooxml
from drafting.gbt9704.profiles import LayoutProfile


def grid_spacing_pt(char_pt: float, size_pt: float) -> float | None:
    """Letter spacing (whole twips, rounded down) that makes characters of ``size_pt`` advance at most
    ``char_pt``; None when they already fit."""
    twips = math.floor((char_pt - size_pt) * 20)
    return twips / 20 if twips < 0 else None


@dataclass
class WriteContext:
    document: DocxDocument
    profile: LayoutProfile
    text_width_pt: float
    left_margin_mm: float

    @property
    def char_pt(self) -> float:
        return self.profile.char_pt

    @property
    def pitch_pt(self) -> float:
        return self.profile.pitch_pt

    def paragraph(self, *, align: str = "justify", first_line: float = 0, left: float = 0, right: float = 0,
                  line_pt: float | None = None, rule: str = "exact", snap: bool = False,
                  before_pt: float = 0.0, after_pt: float = 0.0, keep_next: bool = False) -> DocxParagraph:
        """A new body paragraph at the end of the document: exact line pitch, indents in characters."""
        paragraph = self.document.add_paragraph()
        self.format(paragraph, align=align, first_line=first_line, left=left, right=right, line_pt=line_pt,
                    rule=rule, snap=snap, before_pt=before_pt, after_pt=after_pt, keep_next=keep_next)
        return paragraph

    def format(self, paragraph: DocxParagraph, *, align: str = "justify", first_line: float = 0,
               left: float = 0, right: float = 0, line_pt: float | None = None, rule: str = "exact",
               snap: bool = False, before_pt: float = 0.0, after_pt: float = 0.0, keep_next: bool = False,
               char_pt: float | None = None) -> None:
        if keep_next:
            ooxml.set_flag(paragraph, "w:keepNext")
        # Off the character grid: renderers disagree on how a 16 pt character fits a 15.8 pt cell
        # (LibreOffice gives it two), so body runs are condensed to the grid pitch instead (run()).
        ooxml.set_flag(paragraph, "w:snapToGrid", on=snap)
        # Word's default (punctuation may hang only when it would not fit), written out because
        # LibreOffice 7 reads this flag inverted and would otherwise hang every line-end mark.
        ooxml.set_flag(paragraph, "w:overflowPunct", on=True)
        ooxml.set_flag(paragraph, "w:autoSpaceDE", on=False)
        ooxml.set_flag(paragraph, "w:autoSpaceDN", on=False)
        ooxml.set_spacing(paragraph, line_pt=line_pt or self.pitch_pt, rule=rule, before_pt=before_pt,
                          after_pt=after_pt)
        ooxml.set_indent(paragraph, char_pt or self.char_pt, left=left, right=right, first_line=first_line)
        ooxml.set_align(paragraph, align)

    def run(self, paragraph: DocxParagraph, text: str, role: str = "body", size_pt: float | None = None,
            *, bold: bool = False, color: str | None = None, scale: int | None = None):
        """Append ``text`` in the font the profile gives ``role`` (East-Asian slot and the others).

        Text at the body size is condensed so that ``chars_per_line`` characters fill a line."""
        size = size_pt or self.profile.body_size_pt
        spacing = None
        if size == self.profile.body_size_pt:
            spacing = grid_spacing_pt(self.profile.char_pt, size)
        return ooxml.add_run(paragraph, text, self.profile.font(role), size, bold=bold, color=color,
                             scale=scale, spacing_pt=spacing)

    def blank(self, count: int = 1, *, keep_next: bool = False) -> list[DocxParagraph]:
        """``count`` empty lines of the grid."""
        lines = []
        for _ in range(count):
            paragraph = self.paragraph(keep_next=keep_next)
            ooxml.style_run(paragraph.add_run(""), self.profile.font("body"), self.profile.body_size_pt)
            lines.append(paragraph)
        return lines
