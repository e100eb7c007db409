"""The GB/T 9704-2012 writer: generated .docx files reopened with python-docx and checked against the
numbers of the standard (spec/gbt9704.md of the shared material)."""

from __future__ import annotations

import datetime
import itertools
import zipfile

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn

from drafting.gbt9704 import (
    Attachment,
    Colophon,
    Heading,
    Letterhead,
    OfficialDocument,
    Paragraph,
    Table,
    TableColumn,
    write_docx,
)
from drafting.gbt9704.profiles import ProfileError, load_profile
from drafting.gbt9704.sample import sample_joint_notice, sample_notice, sample_report

PITCH = 28.95  # 225 mm / 22 lines, in whole twips
CHAR = 156 / 28 * 72 / 25.4  # one character cell of the 28-character line (pt)
EAST_ASIA = qn("w:eastAsia")


# -- reading helpers --------------------------------------------------------------------------
def east_asian_font(run) -> str | None:
    fonts = run._r.rPr.find(qn("w:rFonts")) if run._r.rPr is not None else None
    return fonts.get(EAST_ASIA) if fonts is not None else None


def text_runs(paragraph):
    return [r for r in paragraph.runs if r.text.strip()]


def find(document, start: str):
    matches = [p for p in document.paragraphs if p.text.startswith(start)]
    assert matches, f"no paragraph starts with {start!r}"
    return matches[0]


def pt(length) -> float:
    return 0.0 if length is None else length.pt


def border(paragraph, side: str):
    pbdr = paragraph._p.pPr.find(qn("w:pBdr"))
    return None if pbdr is None else pbdr.find(qn(f"w:{side}"))


def chars(length) -> float:
    return pt(length) / CHAR


@pytest.fixture(scope="module")
def notice_path(tmp_path_factory):
    return write_docx(sample_notice(), tmp_path_factory.mktemp("docx") / "通知.docx")


@pytest.fixture(scope="module")
def notice(notice_path):
    return docx.Document(str(notice_path))


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return docx.Document(str(write_docx(sample_report(), tmp_path_factory.mktemp("docx") / "报告.docx")))


# -- page -------------------------------------------------------------------------------------
def test_page_is_a4_with_the_standard_margins_and_grid(notice):
    section = notice.sections[0]
    assert section.orientation == WD_ORIENT.PORTRAIT
    assert abs(section.page_width.mm - 210) < 0.1 and abs(section.page_height.mm - 297) < 0.1
    assert abs(section.top_margin.mm - 37) < 0.1
    assert abs(section.bottom_margin.mm - 35) < 0.1
    assert abs(section.left_margin.mm - 28) < 0.1
    assert abs(section.right_margin.mm - 26) < 0.1
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "lines"
    assert int(grid.get(qn("w:linePitch"))) == 579  # 28.95 pt: 22 lines fill 225 mm
    # character pitch = 16 pt + charSpace/4096 = 156 mm / 28
    assert abs(16 + int(grid.get(qn("w:charSpace"))) / 4096 - CHAR) < 0.01
    # body text is condensed so 28 characters fill a line: 28 advances fit, 29 do not
    body = find(notice, "为深入贯彻落实").runs[0]
    advance = 16 + int(body._r.rPr.find(qn("w:spacing")).get(qn("w:val"))) / 20
    assert 28 * advance <= 156 * 72 / 25.4 < 29 * advance


def test_theme_fonts_are_cleared_and_defaults_are_fangsong(notice_path, notice):
    with zipfile.ZipFile(notice_path) as archive:
        assert "word/stylesWithEffects.xml" not in archive.namelist()  # its theme fonts could win in Word 2010
        for name in ("word/document.xml", "word/styles.xml", "word/footer1.xml"):
            xml = archive.read(name).decode("utf-8")
            assert "asciiTheme" not in xml and "eastAsiaTheme" not in xml, name
    defaults = notice.styles.element.find(qn("w:docDefaults"))
    fonts = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
    assert fonts.get(EAST_ASIA) == "仿宋_GB2312"
    lang = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert lang.get(EAST_ASIA) == "zh-CN"


def test_every_run_names_its_font_in_the_east_asian_slot(notice):
    for paragraph in notice.paragraphs:
        for run in text_runs(paragraph):
            fonts = run._r.rPr.find(qn("w:rFonts"))
            assert fonts.get(EAST_ASIA), paragraph.text
            # digits and punctuation in Chinese text use the same font
            assert fonts.get(qn("w:ascii")) == fonts.get(EAST_ASIA)


def test_no_page_says_this_page_has_no_text(notice, report):
    for document in (notice, report):
        assert not any("此页无正文" in p.text for p in document.paragraphs)


# -- 版头 ------------------------------------------------------------------------------------
def test_header_block_copy_number_secrecy_urgency_flush_left(notice):
    first = notice.paragraphs[:3]
    assert [p.text for p in first] == ["000018", "秘密★1年", "加急"]
    for paragraph in first:
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.LEFT
        assert chars(paragraph.paragraph_format.first_line_indent) == 0
        assert all(r.font.size.pt == 16 for r in text_runs(paragraph))
    assert east_asian_font(first[1].runs[0]) == "黑体"
    assert east_asian_font(first[2].runs[0]) == "黑体"


def test_letterhead_is_red_xiaobiaosong_centred_35mm_below_the_text_block(notice):
    head = find(notice, "清河县卫生健康局文件")
    assert head.alignment == WD_ALIGN_PARAGRAPH.CENTER
    run = text_runs(head)[0]
    assert east_asian_font(run) == "方正小标宋简体"
    assert str(run.font.color.rgb) == "FF0000"
    # top edge 35 mm under the top of the 版心: three grid lines above plus the space before
    line = head.paragraph_format.line_spacing.pt
    top = 3 * PITCH + pt(head.paragraph_format.space_before) + (line - run.font.size.pt) / 2
    assert abs(top - 35 * 72 / 25.4) < 3 * 72 / 25.4  # within the calibration nudge (≤ 2 mm)
    # it fits the 156 mm text block
    assert len(head.text) * run.font.size.pt <= 156 * 72 / 25.4 + 1


def test_doc_number_two_lines_under_the_letterhead_then_the_red_rule(notice):
    paragraphs = notice.paragraphs
    head_index = next(i for i, p in enumerate(paragraphs) if p.text == "清河县卫生健康局文件")
    number = paragraphs[head_index + 3]
    assert [p.text for p in paragraphs[head_index + 1: head_index + 3]] == ["", ""]
    assert number.text == "清卫健〔2024〕12号"
    assert number.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert east_asian_font(number.runs[0]) == "仿宋_GB2312" and number.runs[0].font.size.pt == 16
    rule = border(number, "bottom")
    assert rule.get(qn("w:color")) == "FF0000" and rule.get(qn("w:val")) == "single"
    width_mm = int(rule.get(qn("w:sz"))) / 8 * 25.4 / 72
    assert 0.35 <= width_mm <= 0.5 + 0.05
    # the rule is as wide as the 版心: the paragraph has no indents
    assert chars(number.paragraph_format.left_indent) == 0 and chars(number.paragraph_format.right_indent) == 0


def test_signer_of_an_upward_document_in_kaiti_on_the_doc_number_line(report):
    line = find(report, "\t清卫健〔2024〕31号")
    assert line.text.endswith("签发人：王建国")
    name = line.runs[-1]
    assert name.text == "王建国" and east_asian_font(name) == "楷体_GB2312"
    label = next(r for r in line.runs if "签发人" in r.text)
    assert east_asian_font(label) == "仿宋_GB2312"
    stops = line._p.pPr.find(qn("w:tabs")).findall(qn("w:tab"))
    positions = sorted(int(t.get(qn("w:pos"))) / 20 for t in stops)
    assert abs(positions[0] - CHAR) < 0.5  # 发文字号 one character in from the left
    assert abs(positions[1] - (156 * 72 / 25.4 - CHAR)) < 0.5  # 签发人 one character in from the right
    assert border(line, "bottom").get(qn("w:color")) == "FF0000"


# -- 主体 ------------------------------------------------------------------------------------
def test_title_in_xiaobiaosong_22pt_centred_two_blank_lines_under_the_rule(notice):
    paragraphs = notice.paragraphs
    title_index = next(i for i, p in enumerate(paragraphs) if p.text.startswith("关于印发"))
    assert paragraphs[title_index - 3].text == "清卫健〔2024〕12号"
    assert [p.text for p in paragraphs[title_index - 2: title_index]] == ["", ""]
    title = paragraphs[title_index]
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    lines = title.text.split("\n")
    assert "".join(lines) == "关于印发《清河县2024年爱国卫生月活动实施方案》的通知"
    assert len(lines) == 2 and len(lines[0]) != len(lines[1])  # a trapezoid, not a rectangle
    for run in text_runs(title):
        assert east_asian_font(run) == "方正小标宋简体" and run.font.size.pt == 22


def test_recipients_one_blank_line_under_the_title_flush_left_with_full_width_colon(notice):
    paragraphs = notice.paragraphs
    index = next(i for i, p in enumerate(paragraphs) if p.text.startswith("各乡镇人民政府"))
    assert paragraphs[index - 1].text == "" and paragraphs[index - 2].text.startswith("关于印发")
    recipients = paragraphs[index]
    assert recipients.text == "各乡镇人民政府，县直有关单位："
    assert chars(recipients.paragraph_format.first_line_indent) == 0
    assert chars(recipients.paragraph_format.left_indent) == 0


def test_body_paragraphs_fangsong_16pt_two_character_indent_exact_pitch(notice):
    body = find(notice, "为深入贯彻落实全国爱国卫生运动委员会")
    fmt = body.paragraph_format
    assert body.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert abs(chars(fmt.first_line_indent) - 2) < 0.01
    assert chars(fmt.left_indent) == 0  # continuation lines flush left
    assert fmt.line_spacing_rule == WD_LINE_SPACING.EXACTLY and abs(fmt.line_spacing.pt - PITCH) < 0.01
    run = body.runs[0]
    assert east_asian_font(run) == "仿宋_GB2312" and run.font.size.pt == 16 and not run.font.bold


@pytest.mark.parametrize(("start", "font"), [("一、提高思想认识", "黑体"), ("（一）明确责任分工", "楷体_GB2312"),
                                             ("1.", "仿宋_GB2312")])
def test_heading_levels_fonts_all_16pt_not_bold(notice, start, font):
    heading = find(notice, start)
    run = heading.runs[0]
    assert east_asian_font(run) == font and run.font.size.pt == 16
    assert run.font.bold is False
    assert abs(chars(heading.paragraph_format.first_line_indent) - 2) < 0.01
    level = {"黑体": "0", "楷体_GB2312": "1", "仿宋_GB2312": "2"}[font]
    assert heading._p.pPr.find(qn("w:outlineLvl")).get(qn("w:val")) == level  # Word's navigation pane


def test_level_four_heading_in_the_attachment_and_run_in_text(notice):
    heading = find(notice, "（1）春季灭鼠")
    assert east_asian_font(heading.runs[0]) == "仿宋_GB2312"
    assert heading.runs[1].text.startswith("春季灭鼠")


def test_attachment_note_names_aligned_without_full_stop(notice):
    first, second = find(notice, "附件：1."), find(notice, "2.\t")
    assert first.text == "附件：1.\t清河县2024年爱国卫生月活动实施方案"
    assert second.text == "2.\t清河县2024年爱国卫生月活动任务分工表"
    f1, f2 = first.paragraph_format, second.paragraph_format
    # the first line starts 2 characters in; "2." sits under "1." (after 附件：)
    assert abs(chars(f1.left_indent) + chars(f1.first_line_indent) - 2) < 0.01
    assert abs(chars(f2.left_indent) + chars(f2.first_line_indent) - 5) < 0.01
    # names start at the same tab stop, wrapped lines hang there too
    assert f1.left_indent == f2.left_indent
    assert not first.text.endswith("。") and not second.text.endswith("。")


def test_sealed_signature_centred_over_the_date_right_indented_four(notice):
    date = find(notice, "2024年3月7日")
    signature = [p for p in notice.paragraphs if p.text == "清河县卫生健康局"][-1]
    assert date.alignment == WD_ALIGN_PARAGRAPH.RIGHT and signature.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    date_right = chars(date.paragraph_format.right_indent)
    assert abs(date_right - 4) < 0.01
    # centres coincide: date 6 characters wide (digits half-width), 署名 8
    sign_right = chars(signature.paragraph_format.right_indent)
    assert abs((sign_right + 8 / 2) - (date_right + 6 / 2)) < 0.01
    # the signature block keeps with the text above: never alone on a page
    for paragraph in [p for p in notice.paragraphs if p.text.startswith("附件：1.")] + [signature]:
        assert paragraph.paragraph_format.keep_with_next
    last_body = find(notice, "请各乡镇、各单位于2024年5月10日前")
    assert last_body.paragraph_format.keep_with_next


def test_unsealed_signature_right_indented_two_date_under_it(report):
    signature = [p for p in report.paragraphs if p.text == "清河县卫生健康局"][-1]
    date = find(report, "2024年4月8日")
    assert abs(chars(signature.paragraph_format.right_indent) - 2) < 0.01
    # the date's first character two characters right of the 署名's: 28-2-8 = 18 → 20
    date_start = 28 - chars(date.paragraph_format.right_indent) - 6
    assert abs(date_start - (28 - 2 - 8 + 2)) < 0.01
    # one blank line under the text
    paragraphs = report.paragraphs
    index = [i for i, p in enumerate(paragraphs) if p.text == "清河县卫生健康局"][-1]
    assert paragraphs[index - 1].text == "" and paragraphs[index - 2].text == "特此报告。"


def test_note_in_parentheses_on_the_line_after_the_date(notice):
    note = find(notice, "（联系人")
    assert note.text == "（联系人：江婷婷，联系电话：0566-5012345）"
    assert abs(chars(note.paragraph_format.first_line_indent) - 2) < 0.01
    paragraphs = notice.paragraphs
    previous = next(p for p, q in itertools.pairwise(paragraphs) if q.text.startswith("（联系人"))
    assert previous.text == "2024年3月7日"


# -- attachments ------------------------------------------------------------------------------
def test_attachments_start_new_pages_with_heiti_label_and_title_on_line_three(notice):
    paragraphs = notice.paragraphs
    label = find(notice, "附件1")
    assert label.paragraph_format.page_break_before
    assert east_asian_font(label.runs[0]) == "黑体" and label.alignment == WD_ALIGN_PARAGRAPH.LEFT
    index = [p.text for p in paragraphs].index("附件1")
    assert paragraphs[index + 1].text == ""
    title = paragraphs[index + 2]
    assert title.text == "清河县2024年爱国卫生月活动实施方案"
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER and title.runs[0].font.size.pt == 22
    # the landscape 任务分工表 is a section of its own (the 版记 shares its last page or follows it)
    assert len(notice.sections) in (2, 3)
    landscape = notice.sections[1]
    assert landscape.orientation == WD_ORIENT.LANDSCAPE
    assert abs(landscape.page_width.mm - 297) < 0.1 and abs(landscape.page_height.mm - 210) < 0.1
    assert find(notice, "附件2").runs[0].text == "附件2"


def test_task_table_header_repeats_and_cells_are_off_the_28pt_pitch(notice):
    table, colophon = notice.tables
    assert colophon.rows[-1].cells[0].text.endswith("印发")
    header = table.rows[0]
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    assert [c.text for c in header.cells] == ["序号", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时限"]
    assert east_asian_font(header.cells[0].paragraphs[0].runs[0]) == "黑体"
    for row in table.rows[1:]:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                fmt = paragraph.paragraph_format
                assert fmt.line_spacing_rule != WD_LINE_SPACING.EXACTLY or fmt.line_spacing.pt < 20
                for run in text_runs(paragraph):
                    assert east_asian_font(run) == "仿宋_GB2312" and run.font.size.pt in (12, 14)
    assert table.rows[1].cells[5].text == "2024年4月15日"
    # as wide as the landscape text block (297 - 37 - 35 = 225 mm)
    width = int(table._tbl.tblPr.find(qn("w:tblW")).get(qn("w:w"))) / 20
    assert abs(width - 225 * 72 / 25.4) < 1


# -- 版记 and page numbers ---------------------------------------------------------------------
def colophon_table(document):
    table = document.tables[-1]
    assert table.rows[-1].cells[0].text.endswith("印发")
    return table


def table_border(table, side: str):
    return table._tbl.tblPr.find(qn("w:tblBorders")).find(qn(f"w:{side}"))


def test_colophon_rules_thick_thin_thick_with_cc_and_printer(report, notice):
    table = colophon_table(notice)
    cc, printer = (row.cells[0].paragraphs[0] for row in table.rows)
    assert cc.text == "抄送：县委办公室，县人大常委会办公室，县政府办公室，县政协办公室，市卫生健康委员会。"
    assert printer.text == "清河县卫生健康局办公室\t2024年3月7日印发"
    for paragraph in (cc, printer):
        assert all(r.font.size.pt == 14 and east_asian_font(r) == "仿宋_GB2312" for r in text_runs(paragraph))
        assert abs(pt(paragraph.paragraph_format.left_indent) + pt(paragraph.paragraph_format.first_line_indent)
                   - 14) < 0.1  # indented one character
    # the printing date ends one character from the right: a right tab one character in
    (stop,) = printer._p.pPr.find(qn("w:tabs")).findall(qn("w:tab"))
    assert stop.get(qn("w:val")) == "right"
    last = notice.sections[-1]  # the 版记 is as wide as the 版心 of the page it is on
    text_width = (last.page_width - last.left_margin - last.right_margin) / 12700
    assert abs(int(stop.get(qn("w:pos"))) / 20 - (text_width - 14)) < 0.5
    # wrapped 抄送 lines align after the colon
    assert abs(pt(cc.paragraph_format.left_indent) - 14 * 4) < 0.1
    # rules as wide as the 版心: first and last thick (0.35 mm), the middle one thin (0.25 mm)
    thick, thin = round(0.35 * 72 / 25.4 * 8), round(0.25 * 72 / 25.4 * 8)
    assert int(table_border(table, "top").get(qn("w:sz"))) == thick
    assert int(table_border(table, "insideH").get(qn("w:sz"))) == thin
    assert int(table_border(table, "bottom").get(qn("w:sz"))) == thick
    assert table_border(table, "left").get(qn("w:val")) == "nil"
    width = int(table._tbl.tblPr.find(qn("w:tblW")).get(qn("w:w"))) / 20
    assert abs(width - text_width) < 0.5
    # in the report (no landscape page) the 版记 floats to the bottom of the last page's 版心
    position = colophon_table(report)._tbl.tblPr.find(qn("w:tblpPr"))
    assert position.get(qn("w:tblpYSpec")) == "bottom" and position.get(qn("w:vertAnchor")) == "margin"
    assert abs(int(position.get(qn("w:tblpX"))) / 20 - 28 * 72 / 25.4) < 0.5


def _colophon_alone_after_a_landscape_table(tmp_path) -> docx.document.Document:
    """The sample notice with as many more table rows as it takes for the table to end on an odd
    page, so that the 版记 needs a page of its own."""
    for extra in range(12):
        doc = sample_notice()
        table = doc.attachments[-1].blocks[-1]
        table.rows.extend([list(table.rows[-1])] * extra)
        document = docx.Document(str(write_docx(doc, tmp_path / f"alone{extra}.docx")))
        if document.sections[-1].orientation == WD_ORIENT.PORTRAIT:
            return document
    raise AssertionError("the 版记 never needed a page of its own")


def test_colophon_on_an_even_landscape_page_floats_at_its_foot(notice):
    if notice.sections[-1].orientation != WD_ORIENT.LANDSCAPE:
        pytest.skip("the sample's table ends on an odd page")
    position = colophon_table(notice)._tbl.tblPr.find(qn("w:tblpPr"))
    assert position.get(qn("w:tblpYSpec")) == "bottom" and position.get(qn("w:vertAnchor")) == "margin"
    assert abs(int(position.get(qn("w:tblpX"))) / 20 - notice.sections[-1].left_margin / 12700) < 0.5


def test_colophon_alone_on_a_portrait_page_after_a_landscape_table_is_unnumbered(tmp_path):
    notice = _colophon_alone_after_a_landscape_table(tmp_path)
    last = notice.sections[-1]
    assert last.orientation == WD_ORIENT.PORTRAIT
    # inline, pushed down by a spacer so its last rule meets the bottom of the 版心
    assert colophon_table(notice)._tbl.tblPr.find(qn("w:tblpPr")) is None
    spacer = notice.paragraphs[-2]
    rows = 3 * PITCH + (2 * 0.35 + 0.25) * 72 / 25.4  # 抄送 wraps to two lines, plus the printer line
    assert abs(spacer.paragraph_format.line_spacing.pt + rows - 225 * 72 / 25.4) < 4
    assert not last.footer.is_linked_to_previous
    assert "PAGE" not in last.footer._element.xml


@pytest.mark.parametrize("which", ["odd", "even"])
def test_page_numbers_odd_right_even_left_with_page_fields(notice, which):
    assert notice.settings.odd_and_even_pages_header_footer
    section = notice.sections[0]
    footer = section.footer if which == "odd" else section.even_page_footer
    (paragraph,) = footer.paragraphs
    assert paragraph.alignment == (WD_ALIGN_PARAGRAPH.RIGHT if which == "odd" else WD_ALIGN_PARAGRAPH.LEFT)
    side = paragraph.paragraph_format.right_indent if which == "odd" else paragraph.paragraph_format.left_indent
    assert abs(pt(side) - 14) < 0.1  # one character in
    instr = [e.text.strip() for e in paragraph._p.iter(qn("w:instrText"))]
    assert instr == ["PAGE"]
    assert [e.get(qn("w:fldCharType")) for e in paragraph._p.iter(qn("w:fldChar"))] == ["begin", "separate", "end"]
    assert paragraph.text == "— 1 —"  # the cached result between em dashes
    for run in text_runs(paragraph):
        assert east_asian_font(run) == "宋体" and run.font.size.pt == 14
        assert run._r.rPr.find(qn("w:rFonts")).get(qn("w:ascii")) == "宋体"  # half-width 宋体 digits
    # 7 mm under the 版心: footer distance + one 14 pt line ≈ 35 - 7 mm
    assert 35 - 7 - 2 < section.footer_distance.mm + 14 * 25.4 / 72 < 35 - 7 + 0.5


# -- joint issuers, profiles ------------------------------------------------------------------
def test_joint_letterhead_stacks_organs_beside_wenjian(tmp_path):
    document = docx.Document(str(write_docx(sample_joint_notice(), tmp_path / "联合.docx")))
    table = document.tables[0]
    assert [row.cells[0].text for row in table.rows] == ["清河县卫生健康局", "清河县教育局"]
    assert table.rows[0].cells[1].text == "文件"
    run = table.rows[1].cells[0].paragraphs[0].runs[0]
    assert str(run.font.color.rgb) == "FF0000" and east_asian_font(run) == "方正小标宋简体"
    assert table.rows[1].cells[0].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.DISTRIBUTE
    # sealed joint issuers sign side by side, the second centred over the date (right-indented 4)
    (names,) = [p for p in document.paragraphs if p.text == "\t清河县卫生健康局\t清河县教育局"]
    stops = [(t.get(qn("w:val")), int(t.get(qn("w:pos"))) / 20) for t in names._p.pPr.find(qn("w:tabs"))]
    assert [kind for kind, _ in stops] == ["center", "center"]
    date = find(document, "2024年2月26日")
    assert abs(chars(date.paragraph_format.right_indent) - 4) < 0.01
    assert abs(stops[1][1] - (156 * 72 / 25.4 - (4 + 6.5 / 2) * CHAR)) < 0.5
    assert stops[0][1] < stops[1][1] - 8 * CHAR


def _small_doc(**kwargs) -> OfficialDocument:
    fields = dict(title="关于开展安全生产检查的通知", letterhead=Letterhead(["清河县卫生健康局"]),
                  doc_number="清卫健〔2024〕3号", recipients=["各医疗卫生单位"],
                  body=[Paragraph("现就有关事项通知如下。"), Heading("一、检查范围"), Heading("（一）医疗机构", 2),
                        Heading("1.二级医院", 3), Heading("（1）急诊科", 4), Paragraph("请认真组织。")],
                  signature=["清河县卫生健康局"], date=datetime.date(2024, 1, 5))
    fields.update(kwargs)
    return OfficialDocument(**fields)


def test_bold_level_three_profile(tmp_path):
    document = docx.Document(str(write_docx(_small_doc(), tmp_path / "a.docx", profile="bold-level3")))
    assert find(document, "1.二级医院").runs[0].font.bold is True
    assert find(document, "（1）急诊科").runs[0].font.bold is False
    assert find(document, "一、检查范围").runs[0].font.bold is False


@pytest.mark.parametrize(("profile", "pitch"), [("pitch-28", 28.0), ("pitch-29", 29.0), ("standard", PITCH)])
def test_line_pitch_profiles(tmp_path, profile, pitch):
    document = docx.Document(str(write_docx(_small_doc(profile=profile), tmp_path / "a.docx")))
    body = find(document, "现就有关事项")
    assert abs(body.paragraph_format.line_spacing.pt - pitch) < 0.01
    grid = document.sections[0]._sectPr.find(qn("w:docGrid"))
    assert int(grid.get(qn("w:linePitch"))) == round(pitch * 20)


def test_preprinted_letterhead_leaves_the_header_blank_but_keeps_its_room(tmp_path):
    standard = docx.Document(str(write_docx(_small_doc(), tmp_path / "a.docx")))
    blank = docx.Document(str(write_docx(_small_doc(), tmp_path / "b.docx", profile="preprinted-letterhead")))
    assert not any("文件" in p.text for p in blank.paragraphs)
    number = find(blank, "清卫健〔2024〕3号")
    assert border(number, "bottom") is None
    # the title lands where it would on plain paper: same spacing above it
    def above_title(document) -> float:
        total = 0.0
        for paragraph in document.paragraphs:
            if paragraph.text.startswith("关于开展"):
                return total
            fmt = paragraph.paragraph_format
            total += fmt.line_spacing.pt + pt(fmt.space_before) + pt(fmt.space_after)
            rule = border(paragraph, "bottom")
            if rule is not None:
                total += int(rule.get(qn("w:space"))) + int(rule.get(qn("w:sz"))) / 8
        raise AssertionError("no title")
    assert abs(above_title(standard) - above_title(blank)) < 1.5


def test_centred_page_numbers_profile(tmp_path):
    document = docx.Document(str(write_docx(_small_doc(), tmp_path / "a.docx", profile="page-number-center")))
    section = document.sections[0]
    for footer in (section.footer, section.even_page_footer):
        assert footer.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_unknown_profile_is_a_readable_error(tmp_path):
    with pytest.raises(ProfileError, match="找不到版式方案"):
        write_docx(_small_doc(), tmp_path / "a.docx", profile="no-such-profile")
    assert not (tmp_path / "a.docx").exists()


def test_plain_document_without_header_block_and_a_body_table(tmp_path):
    table = Table([TableColumn("单位", 2), TableColumn("完成时限", 1, "center")],
                  [["县人民医院", datetime.date(2024, 6, 30)], ["县中医院", None]], caption="检查安排表")
    doc = OfficialDocument(title="清河县2024年医疗机构安全生产检查工作方案",
                           body=[Paragraph("为做好检查工作，制定本方案。"), table], date=datetime.date(2024, 1, 5),
                           colophon=Colophon(printer="清河县卫生健康局办公室", print_date=datetime.date(2024, 1, 5)))
    document = docx.Document(str(write_docx(doc, tmp_path / "方案.docx")))
    assert document.paragraphs[0].text == ""  # one blank line above a title without 版头
    title = document.paragraphs[1].text.split("\n")
    assert "".join(title) == "清河县2024年医疗机构安全生产检查工作方案"
    assert "安全生产" in title[0] or "安全生产" in title[-1]  # words stay whole
    assert document.paragraphs[2].text == "" and document.paragraphs[3].text == "为做好检查工作，制定本方案。"
    assert find(document, "检查安排表").runs[0].font.size.pt == 22
    assert document.tables[0].rows[1].cells[1].text == "2024年6月30日"
    assert document.tables[0].rows[2].cells[1].text == ""
    # a date alone (no 署名) is right-indented 4 characters
    assert abs(chars(find(document, "2024年1月5日").paragraph_format.right_indent) - 4) < 0.01


def test_profile_values_are_the_standard(tmp_path):
    profile = load_profile()
    assert (profile.margin_top_mm, profile.margin_bottom_mm, profile.margin_left_mm, profile.margin_right_mm) == (
        37, 35, 28, 26)
    assert abs(profile.pitch_pt - PITCH) < 1e-9 and profile.lines_per_page == 22 and profile.chars_per_line == 28
    assert profile.fonts["title"] == "方正小标宋简体" and profile.fonts["body"] == "仿宋_GB2312"
    assert profile.heading_fonts == ["hei", "kai", "body", "body"] and profile.heading_bold == [False] * 4


def test_model_rejects_bad_heading_level_and_ragged_table_rows():
    with pytest.raises(ValueError):
        Heading("五、", level=5)
    with pytest.raises(ValueError):
        Table(["甲", "乙"], [["1"]])
    doc = OfficialDocument(title="t", attachments=[Attachment("一", name="第一个附件"), Attachment("二")])
    assert doc.attachment_names == ["第一个附件", "二"]
    assert OfficialDocument(title="t", date=datetime.date(2024, 10, 1)).date_text == "2024年10月1日"


def test_check_names_what_the_standard_forbids():
    assert sample_notice().check() == [] and sample_report().check() == [] and sample_joint_notice().check() == []
    doc = OfficialDocument(title="关于开展检查的通知。", copy_number="A12", urgency="急件", secrecy="内部",
                           doc_number="第12号", signer=["王建国"], date=datetime.date(2024, 1, 5))
    problems = doc.check()
    for fragment in ("份号", "紧急程度", "密级", "发文字号", "句号", "署名"):
        assert any(fragment in p for p in problems), fragment
    assert OfficialDocument(title="t", copy_number="18").copy_number_text == "000018"



@pytest.mark.parametrize(("written", "printed"), [("清卫健[2024]第012号", "清卫健〔2024〕12号"),
                                                  ("清卫健（2024）7号", "清卫健〔2024〕7号"),
                                                  ("皖卫办【2023】 105号", "皖卫办〔2023〕105号")])
def test_doc_number_printed_with_hexagonal_brackets_no_di_no_leading_zeros(tmp_path, written, printed):
    document = docx.Document(str(write_docx(_small_doc(doc_number=written), tmp_path / "a.docx")))
    assert printed in [p.text for p in document.paragraphs]


def test_a_document_that_is_just_a_wide_table_is_landscape(tmp_path):
    table = Table([TableColumn("序号", 0.6, "center"), TableColumn("任务", 4), TableColumn("时限", 1.2, "center")],
                  [[1, "开展环境卫生整治", datetime.date(2024, 4, 15)]])
    doc = OfficialDocument(title="清河县2024年爱国卫生月活动任务分工表", body=[table], landscape=True,
                           colophon=Colophon(printer="清河县卫生健康局办公室", print_date=datetime.date(2024, 3, 7)))
    document = docx.Document(str(write_docx(doc, tmp_path / "分工表.docx")))
    assert len(document.sections) == 2  # the table pages, then the 版记 on a portrait page of its own
    assert document.sections[0].orientation == WD_ORIENT.LANDSCAPE
    assert document.sections[1].orientation == WD_ORIENT.PORTRAIT
    assert document.tables[0].rows[1].cells[2].text == "2024年4月15日"
    width = int(document.tables[0]._tbl.tblPr.find(qn("w:tblW")).get(qn("w:w"))) / 20
    assert abs(width - 225 * 72 / 25.4) < 1
