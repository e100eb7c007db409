"""Low-level WordprocessingML helpers the GB/T 9704 writer needs and python-docx does not offer:
East-Asian font slots, exact spacing in twips, character-based indents, borders, fields.

Units: 1 pt = 20 twips; 1 mm = 72/25.4 pt; border widths in eighths of a point.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run

from parsing.text_safety import xml_safe

MM_PT = 72 / 25.4
THEME_FONT_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
ALIGN_VALUES = {"justify": "both", "left": "left", "center": "center", "right": "right",
                "distribute": "distribute"}

# Elements of w:pPr / w:rPr must appear in schema order or Word refuses the file.
PPR_ORDER = ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl",
             "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens",
             "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE",
             "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
             "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
             "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
             "w:sectPr", "w:pPrChange")
RPR_ORDER = ("w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike",
             "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid",
             "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz",
             "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign",
             "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath")


def pt_twips(points: float) -> int:
    return round(points * 20)


def mm_pt(mm: float) -> float:
    return mm * MM_PT


def mm_twips(mm: float) -> int:
    return pt_twips(mm_pt(mm))


def border_eighths(mm: float) -> int:
    """A border width in eighths of a point (w:sz)."""
    return max(2, round(mm_pt(mm) * 8))


def set_child(parent: BaseOxmlElement, tag: str, order: tuple[str, ...], **attrs: str) -> BaseOxmlElement:
    """Replace (or create) the child ``tag`` of ``parent`` in schema order and set its attributes."""
    for old in parent.findall(qn(tag)):
        parent.remove(old)
    element = OxmlElement(tag)
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), str(value))
    rank = order.index(tag) if tag in order else len(order)
    for index, child in enumerate(parent):
        child_tag = child.tag
        later = [t for t in order[rank + 1:] if qn(t) == child_tag]
        if later:
            parent.insert(index, element)
            return element
    parent.append(element)
    return element


def set_fonts(rpr: BaseOxmlElement, font: str, latin: str | None = None) -> None:
    """Put ``font`` in every slot (East-Asian included) and clear the theme fonts that would win."""
    latin = latin or font
    set_child(rpr, "w:rFonts", RPR_ORDER, ascii=latin, hAnsi=latin, eastAsia=font, cs=latin, hint="eastAsia")


def style_run(run: Run, font: str, size_pt: float, *, bold: bool = False, color: str | None = None,
              latin: str | None = None, scale: int | None = None, spacing_pt: float | None = None) -> Run:
    """Font (East-Asian slot), size, weight, colour, horizontal scale and letter spacing of a run."""
    rpr = run._r.get_or_add_rPr()
    set_fonts(rpr, font, latin)
    if bold:
        set_child(rpr, "w:b", RPR_ORDER)
        set_child(rpr, "w:bCs", RPR_ORDER)
    else:
        set_child(rpr, "w:b", RPR_ORDER, val="0")
        set_child(rpr, "w:bCs", RPR_ORDER, val="0")
    set_child(rpr, "w:color", RPR_ORDER, val=color or "000000")
    for old in rpr.findall(qn("w:spacing")):
        rpr.remove(old)
    if spacing_pt:
        set_child(rpr, "w:spacing", RPR_ORDER, val=str(pt_twips(spacing_pt)))
    if scale and scale != 100:
        set_child(rpr, "w:w", RPR_ORDER, val=str(scale))
    half_points = str(round(size_pt * 2))
    set_child(rpr, "w:sz", RPR_ORDER, val=half_points)
    set_child(rpr, "w:szCs", RPR_ORDER, val=half_points)
    return run


def add_run(paragraph: DocxParagraph, text: str, font: str, size_pt: float, **kwargs) -> Run:
    return style_run(paragraph.add_run(xml_safe(text)), font, size_pt, **kwargs)


def set_spacing(paragraph: DocxParagraph, *, line_pt: float | None, rule: str = "exact",
                before_pt: float = 0.0, after_pt: float = 0.0) -> None:
    """Line spacing (``exact``, ``atLeast`` or ``auto`` for single) and space before/after in points."""
    ppr = paragraph._p.get_or_add_pPr()
    attrs = {"before": str(pt_twips(before_pt)), "after": str(pt_twips(after_pt)),
             "beforeLines": "0", "afterLines": "0"}
    if rule == "auto":
        attrs.update(line="240", lineRule="auto")
    elif line_pt is not None:
        attrs.update(line=str(pt_twips(line_pt)), lineRule=rule)
    set_child(ppr, "w:spacing", PPR_ORDER, **attrs)


def set_indent(paragraph: DocxParagraph, char_pt: float, *, left: float = 0, right: float = 0,
               first_line: float = 0) -> None:
    """Indents in characters of ``char_pt`` (negative ``first_line`` hangs), written as exact lengths:
    ``*Chars`` units are left out because readers measure them against different character widths."""
    ppr = paragraph._p.get_or_add_pPr()
    attrs = {"left": str(pt_twips(left * char_pt)), "right": str(pt_twips(right * char_pt))}
    if first_line >= 0:
        attrs["firstLine"] = str(pt_twips(first_line * char_pt))
    else:
        attrs["hanging"] = str(pt_twips(-first_line * char_pt))
    set_child(ppr, "w:ind", PPR_ORDER, **attrs)


def set_align(paragraph: DocxParagraph, align: str) -> None:
    set_child(paragraph._p.get_or_add_pPr(), "w:jc", PPR_ORDER, val=ALIGN_VALUES[align])


def set_flag(paragraph: DocxParagraph, tag: str, on: bool = True) -> None:
    """A boolean paragraph property such as ``w:keepNext``, ``w:pageBreakBefore``, ``w:snapToGrid``."""
    ppr = paragraph._p.get_or_add_pPr()
    if on:
        set_child(ppr, tag, PPR_ORDER)
    else:
        set_child(ppr, tag, PPR_ORDER, val="0")


def set_tabs(paragraph: DocxParagraph, stops: list[tuple[str, float]]) -> None:
    """Tab stops as (alignment, position in pt from the left indent origin)."""
    ppr = paragraph._p.get_or_add_pPr()
    tabs = set_child(ppr, "w:tabs", PPR_ORDER)
    for align, pos in stops:
        tab = OxmlElement("w:tab")
        tab.set(qn("w:val"), align)
        tab.set(qn("w:pos"), str(pt_twips(pos)))
        tabs.append(tab)


def paragraph_border(paragraph: DocxParagraph, side: str, width_mm: float, color: str, space_pt: float) -> None:
    """A single rule on one side of the paragraph, as wide as the paragraph (the 版心 when unindented)."""
    ppr = paragraph._p.get_or_add_pPr()
    pbdr = ppr.find(qn("w:pBdr"))
    if pbdr is None:
        pbdr = set_child(ppr, "w:pBdr", PPR_ORDER)
    edge = OxmlElement(f"w:{side}")
    edge.set(qn("w:val"), "single")
    edge.set(qn("w:sz"), str(border_eighths(width_mm)))
    edge.set(qn("w:space"), str(round(space_pt)))
    edge.set(qn("w:color"), color)
    pbdr.append(edge)


def add_field(paragraph: DocxParagraph, instruction: str, placeholder: str, font: str, size_pt: float,
              latin: str | None = None) -> None:
    """A complex field (``PAGE``…) with a cached result, so readers that do not update fields show something."""
    def piece(kind: str | None = None, text: str | None = None, instr: str | None = None) -> None:
        run = add_run(paragraph, "", font, size_pt, latin=latin)
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
        if instr:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = instr
            run._r.append(el)
        if text:
            run.text = text

    piece("begin")
    piece(instr=f" {instruction} ")
    piece("separate")
    piece(text=placeholder)
    piece("end")


def clear_theme_fonts(root: BaseOxmlElement) -> None:
    """Remove theme-font attributes from every w:rFonts under ``root`` (styles, defaults, runs)."""
    for fonts in root.iter(qn("w:rFonts")):
        for attr in THEME_FONT_ATTRS:
            fonts.attrib.pop(qn(attr), None)


TBLPR_ORDER = ("w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
               "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders",
               "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook")
TCPR_ORDER = ("w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders", "w:shd", "w:noWrap",
              "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark")
Edge = tuple[str, float, str]  # (w:val, width mm, colour)


def _edges(parent: BaseOxmlElement, edges: dict[str, Edge | None]) -> None:
    for side, edge in edges.items():
        element = OxmlElement(f"w:{side}")
        if edge is None:
            element.set(qn("w:val"), "nil")
        else:
            val, width_mm, color = edge
            element.set(qn("w:val"), val)
            element.set(qn("w:sz"), str(border_eighths(width_mm)))
            element.set(qn("w:space"), "0")
            element.set(qn("w:color"), color)
        parent.append(element)


def setup_table(table: Table, widths_pt: list[float], *, borders: dict[str, Edge | None],
                align: str = "center", cell_margin_pt: float | None = None,
                floating: dict[str, str] | None = None) -> None:
    """Fixed layout, column widths (pt), borders by side (top/left/bottom/right/insideH/insideV),
    left/right cell margins, and optionally floating position attributes (w:tblpPr)."""
    tbl = table._tbl
    tbl_pr = tbl.tblPr
    for style in tbl_pr.findall(qn("w:tblStyle")):
        tbl_pr.remove(style)
    if floating:
        set_child(tbl_pr, "w:tblpPr", TBLPR_ORDER, **floating)
        set_child(tbl_pr, "w:tblOverlap", TBLPR_ORDER, val="never")
    set_child(tbl_pr, "w:tblW", TBLPR_ORDER, w=str(pt_twips(sum(widths_pt))), type="dxa")
    set_child(tbl_pr, "w:jc", TBLPR_ORDER, val=align)
    _edges(set_child(tbl_pr, "w:tblBorders", TBLPR_ORDER), borders)
    set_child(tbl_pr, "w:tblLayout", TBLPR_ORDER, type="fixed")
    if cell_margin_pt is not None:
        margins = set_child(tbl_pr, "w:tblCellMar", TBLPR_ORDER)
        for side in ("left", "right"):
            edge = OxmlElement(f"w:{side}")
            edge.set(qn("w:w"), str(pt_twips(cell_margin_pt)))
            edge.set(qn("w:type"), "dxa")
            margins.append(edge)
    set_child(tbl_pr, "w:tblLook", TBLPR_ORDER, val="0000", firstRow="0", lastRow="0", firstColumn="0",
              lastColumn="0", noHBand="1", noVBand="1")
    for col, width in zip(tbl.tblGrid.findall(qn("w:gridCol")), widths_pt, strict=True):
        col.set(qn("w:w"), str(pt_twips(width)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths_pt, strict=False):
            set_child(cell._tc.get_or_add_tcPr(), "w:tcW", TCPR_ORDER, w=str(pt_twips(width)), type="dxa")


def cell_valign(cell: _Cell, value: str = "center") -> None:
    set_child(cell._tc.get_or_add_tcPr(), "w:vAlign", TCPR_ORDER, val=value)


def row_flags(row: _Row, *, header: bool = False, cant_split: bool = True,
              height_pt: float | None = None) -> None:
    """Row properties: repeat as header row on each page, never split across pages, minimum height."""
    tr_pr = row._tr.get_or_add_trPr()
    if cant_split:
        tr_pr.append(OxmlElement("w:cantSplit"))
    if height_pt:
        height = OxmlElement("w:trHeight")
        height.set(qn("w:val"), str(pt_twips(height_pt)))
        height.set(qn("w:hRule"), "atLeast")
        tr_pr.append(height)
    if header:
        tr_pr.append(OxmlElement("w:tblHeader"))
