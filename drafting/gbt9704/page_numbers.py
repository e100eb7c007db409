"""页码: ``— N —`` in 4号 half-width 宋体 with PAGE fields, 7 mm under the 版心; odd pages right and
even pages left, one character in from the edge (odd/even footers)."""

from __future__ import annotations

from docx.section import Section

from drafting.gbt9704 import ooxml
from drafting.gbt9704.profiles import LayoutProfile

GLYPH_RISE_MM = 0.8
DASHES = {"dash": ("— ", " —"), "dash-tight": ("—", "—"), "plain": ("", "")}


def footer_distance_mm(profile: LayoutProfile, bottom_margin_mm: float) -> float:
    """Footer distance from the page edge that puts the number's top ``page_number_offset_mm`` under
    the 版心: the footer line is exactly one font size high, and its glyphs' top stands
    ``GLYPH_RISE_MM`` above the line's top."""
    size_mm = profile.page_number_size_pt * 25.4 / 72
    return max(5.0, bottom_margin_mm - profile.page_number_offset_mm - size_mm - GLYPH_RISE_MM)


def setup_page_numbers(section: Section, profile: LayoutProfile, *, numbered: bool = True) -> None:
    """Odd and even footers of ``section`` (empty ones when ``numbered`` is False)."""
    for footer in (section.footer, section.even_page_footer):
        footer.is_linked_to_previous = False
    for header in (section.header, section.even_page_header):
        header.is_linked_to_previous = False
    outside = profile.page_number_position == "outside"
    for footer, side in ((section.footer, "right"), (section.even_page_footer, "left")):
        paragraph = footer.paragraphs[0]
        for run in list(paragraph.runs):
            run._r.getparent().remove(run._r)
        align = side if outside else "center"
        indent = profile.page_number_side_chars if outside else 0
        line = profile.page_number_size_pt
        ooxml.set_flag(paragraph, "w:snapToGrid", on=False)
        ooxml.set_spacing(paragraph, line_pt=line, rule="exact")
        ooxml.set_indent(paragraph, profile.page_number_size_pt, left=indent if side == "left" else 0,
                         right=indent if side == "right" else 0)
        ooxml.set_align(paragraph, align)
        if not numbered:
            continue
        before, after = DASHES[profile.page_number_style]
        font, size = profile.font("song"), profile.page_number_size_pt
        if before:
            ooxml.add_run(paragraph, before, font, size)
        ooxml.add_field(paragraph, "PAGE", "1", font, size)
        if after:
            ooxml.add_run(paragraph, after, font, size)
    for header in (section.header, section.even_page_header):
        paragraph = header.paragraphs[0]
        ooxml.set_spacing(paragraph, line_pt=None, rule="auto")
