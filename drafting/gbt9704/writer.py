"""Writes an :class:`OfficialDocument` to .docx following GB/T 9704-2012 and a layout profile.

The page: A4, margins 37/35/28/26 mm, a 22-line × 28-character document grid, every paragraph
on an exact line pitch, fonts set in the East-Asian slot with theme fonts cleared, odd/even
footers with PAGE fields. The parts are written by header_block, body, tables, colophon and
page_numbers; this module sets up the document and sections and saves atomically.
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Mm
from lxml import etree

from drafting.atomic import atomic_write_path
from drafting.gbt9704 import ooxml
from drafting.gbt9704.body import (
    keep_with_signature,
    write_attachment,
    write_attachment_note,
    write_blocks,
    write_note,
    write_recipients,
    write_signature,
    write_title,
)
from drafting.gbt9704.colophon import colophon_height_pt, write_blank_page, write_colophon
from drafting.gbt9704.context import WriteContext
from drafting.gbt9704.header_block import has_header_block, write_header_block
from drafting.gbt9704.model import OfficialDocument
from drafting.gbt9704.page_flow import colophon_place, limit_keep_chains
from drafting.gbt9704.page_numbers import footer_distance_mm, setup_page_numbers
from drafting.gbt9704.profiles import LayoutProfile, resolve_profile
from parsing.errors import PolicyDeskError
from parsing.text_safety import xml_safe


class DocxWriteError(PolicyDeskError):
    """The .docx could not be written."""


def write_docx(doc: OfficialDocument, path: str | os.PathLike[str],
               profile: LayoutProfile | str | None = None) -> Path:
    """Write ``doc`` to ``path`` atomically (the previous file survives a failure); return the path.

    ``profile``: a :class:`LayoutProfile`, a profile name, or None for ``doc.profile``.
    """
    target = Path(path)
    if not target.parent.is_dir():
        raise DocxWriteError(f"{target.name}：保存位置不存在：{target.parent}")
    document = build_document(doc, resolve_profile(profile, doc.profile))
    try:
        with atomic_write_path(target) as tmp:
            document.save(str(tmp))
    except OSError as exc:
        raise DocxWriteError(f"{target.name}：无法写入（{exc.strerror or exc}）") from exc
    return target


def build_document(doc: OfficialDocument, profile: LayoutProfile) -> DocxDocument:
    """The python-docx document of ``doc`` laid out by ``profile``."""
    document = docx.Document()
    _setup_styles(document, profile)
    _setup_settings(document, profile)
    _setup_font_table(document, profile)
    _setup_properties(document, doc)
    section = document.sections[0]
    page_setup(section, profile, landscape=doc.landscape)
    setup_page_numbers(section, profile)
    ctx = WriteContext(document, profile, _text_width_pt(section), section.left_margin.mm)

    write_header_block(ctx, doc)
    header = has_header_block(doc)
    write_title(ctx, doc.title, doc.title_lines or None,
                blank_before=profile.title_blank_lines if header else profile.title_blank_lines_plain)
    write_recipients(ctx, doc.recipients)
    body = write_blocks(ctx, doc.body)
    keep_with_signature(body)
    write_attachment_note(ctx, doc.attachment_names)
    write_signature(ctx, doc)
    write_note(ctx, doc.note)

    landscape = doc.landscape
    count = len(doc.attachments)
    for index, attachment in enumerate(doc.attachments, start=1):
        # Entering, leaving or staying in landscape takes a section break, which starts the new page.
        new_section = attachment.landscape or landscape
        if new_section:
            section = _new_section(document, profile, landscape=attachment.landscape)
            ctx.text_width_pt, ctx.left_margin_mm = _text_width_pt(section), section.left_margin.mm
            landscape = attachment.landscape
        write_attachment(ctx, index if count > 1 else None, attachment, page_break=not new_section)
    limit_keep_chains(document, profile)
    if doc.colophon:
        # At the foot of the last page when that page is even and has room; else on a portrait
        # page of its own (after a blank page when needed), not numbered.
        place = colophon_place(document, profile, colophon_height_pt(ctx, doc.colophon))
        if place != "share":
            section = _new_section(document, profile, landscape=False, numbered=False)
            ctx.text_width_pt, ctx.left_margin_mm = _text_width_pt(section), section.left_margin.mm
            if place == "after_blank":
                write_blank_page(ctx)
        write_colophon(ctx, doc.colophon, alone=place != "share")
    _end_paragraph(ctx)
    return document


def _end_paragraph(ctx: WriteContext) -> None:
    """A last, 1 pt high paragraph: Word needs one after a table and it must never spill onto a new page."""
    paragraph = ctx.paragraph(snap=False, line_pt=1)
    ooxml.add_run(paragraph, "", ctx.profile.font("body"), 1)


def _text_width_pt(section: Section) -> float:
    return (section.page_width - section.left_margin - section.right_margin) / 12700


def page_setup(section: Section, profile: LayoutProfile, *, landscape: bool) -> None:
    """A4 page, margins, footer distance and the document grid of a section."""
    width, height = Mm(profile.page_width_mm), Mm(profile.page_height_mm)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = height, width
        top, bottom, left, right = profile.landscape_margins_mm
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = width, height
        top, bottom = profile.margin_top_mm, profile.margin_bottom_mm
        left, right = profile.margin_left_mm, profile.margin_right_mm
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    section.gutter = Mm(0)
    section.header_distance = Mm(15)
    section.footer_distance = Mm(footer_distance_mm(profile, bottom))
    sect_pr = section._sectPr
    for grid in sect_pr.findall(qn("w:docGrid")):
        sect_pr.remove(grid)
    grid = OxmlElement("w:docGrid")
    # A line grid of 22 lines; the 28 characters a line come from condensing body text to the
    # character pitch (context.grid_spacing_pt), because a character grid is laid out differently
    # by each reader (LibreOffice narrows every line to 27 characters). charSpace records the
    # pitch for readers that switch the character grid on.
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(ooxml.pt_twips(profile.pitch_pt)))
    if not landscape:
        # Character pitch = default font size + charSpace/4096 pt.
        grid.set(qn("w:charSpace"), str(round((profile.char_pt - profile.body_size_pt) * 4096)))
    sect_pr.append(grid)


def _new_section(document: DocxDocument, profile: LayoutProfile, *, landscape: bool,
                 numbered: bool = True) -> Section:
    section = document.add_section(WD_SECTION.NEW_PAGE)
    page_setup(section, profile, landscape=landscape)
    if numbered:
        for part in (section.footer, section.even_page_footer, section.header, section.even_page_header):
            part.is_linked_to_previous = True
    else:
        setup_page_numbers(section, profile, numbered=False)
    return section


def _setup_styles(document: DocxDocument, profile: LayoutProfile) -> None:
    """Defaults: body font in every slot (no theme fonts), 3号, Chinese language, exact line pitch."""
    styles = document.styles.element
    ooxml.clear_theme_fonts(styles)
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    ooxml.set_fonts(rpr, profile.font("body"))
    size = str(round(profile.body_size_pt * 2))
    ooxml.set_child(rpr, "w:sz", ooxml.RPR_ORDER, val=size)
    ooxml.set_child(rpr, "w:szCs", ooxml.RPR_ORDER, val=size)
    ooxml.set_child(rpr, "w:lang", ooxml.RPR_ORDER, val="en-US", eastAsia="zh-CN", bidi="ar-SA")
    ppr = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}")
    ooxml.set_child(ppr, "w:spacing", ooxml.PPR_ORDER, before="0", after="0",
                    line=str(ooxml.pt_twips(profile.pitch_pt)), lineRule="exact")
    ooxml.set_child(ppr, "w:jc", ooxml.PPR_ORDER, val="both")
    normal = document.styles["Normal"].element
    normal_rpr = normal.get_or_add_rPr()
    ooxml.set_fonts(normal_rpr, profile.font("body"))
    ooxml.set_child(normal_rpr, "w:sz", ooxml.RPR_ORDER, val=size)
    ooxml.set_child(normal_rpr, "w:szCs", ooxml.RPR_ORDER, val=size)


def _setup_settings(document: DocxDocument, profile: LayoutProfile) -> None:
    document.settings.odd_and_even_pages_header_footer = True
    settings = document.settings.element
    lang = settings.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), "zh-CN")
    tab = settings.find(qn("w:defaultTabStop"))
    if tab is not None:
        tab.set(qn("w:val"), str(ooxml.pt_twips(2 * profile.char_pt)))


def _setup_font_table(document: DocxDocument, profile: LayoutProfile) -> None:
    """Declare the fonts with GB2312 charset and an alternate name a machine is likely to have."""
    part = next((p for p in document.part.package.iter_parts() if p.partname == "/word/fontTable.xml"), None)
    if part is None:  # pragma: no cover - python-docx's template has one
        return
    root = parse_xml(part.blob)
    existing = {f.get(qn("w:name")) for f in root.findall(qn("w:font"))}
    for role in ("title", "body", "hei", "kai", "song"):
        name = profile.font(role)
        if name in existing:
            continue
        existing.add(name)
        font = OxmlElement("w:font")
        font.set(qn("w:name"), name)
        alternate = profile.font_alternates.get(name)
        if alternate:
            alt = OxmlElement("w:altName")
            alt.set(qn("w:val"), alternate)
            font.append(alt)
        for tag, value in (("w:charset", "86"), ("w:family", "modern" if role == "body" else "auto"),
                           ("w:pitch", "variable")):
            element = OxmlElement(tag)
            element.set(qn("w:val"), value)
            font.append(element)
        root.append(font)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _setup_properties(document: DocxDocument, doc: OfficialDocument) -> None:
    # python-docx's template carries a thumbnail of a blank page (file browsers would show it) and
    # a Word 2010 copy of the styles that still names theme fonts.
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype.endswith("/metadata/thumbnail"):
            del package.rels[rel_id]
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            del document.part.rels[rel_id]
    props = document.core_properties
    now = datetime.datetime.now(datetime.UTC).replace(microsecond=0, tzinfo=None)
    props.title = xml_safe(doc.title)
    props.author = doc.signature[0] if doc.signature else (doc.letterhead.organs[0] if doc.letterhead else "")
    props.last_modified_by = props.author
    props.created = props.modified = now
    props.revision = 1
    props.subject = doc.doc_number or ""
    props.comments = "PolicyDesk 按 GB/T 9704-2012 生成"
    props.keywords = ""
