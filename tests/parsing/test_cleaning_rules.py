"""Each cleaning rule on small notices written for the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsing.cleaning import clean
from parsing.cleaning.furniture import is_page_number
from parsing.cleaning.spacing import space_deletions
from parsing.cleaning.watermarks import is_watermark_line
from parsing.document import CleanText, RawDocument, RawPage
from parsing.progress import Cancelled

CLOSING_MARKS = "，。、；：？！”）》"

# A notice of our own, written the way a county bureau writes one.
TITLE = ["关于开展2024年夏季食品安全", "专项检查工作的通知"]
NOTICE = [
    "各乡镇卫生院，县直各医疗卫生单位，局机关各股室：",
    "为切实做好夏季食品安全工作，保障人民群众饮食安全，根据《市卫生健康委关于做好2024年夏季食品安全工作的通知》要求，"
    "结合我县实际，决定在全县卫生健康系统开展夏季食品安全专项检查。现将有关事项通知如下：",
    "一、检查范围",
    "全县各级各类医疗卫生机构的职工食堂、营养餐厅，以及承担集体供餐任务的有关单位。",
    "二、检查内容",
    "（一）食品采购与贮存。重点检查食品及原料进货查验记录是否完整，是否存在采购使用过期变质、来源不明食品的情况，"
    "冷藏冷冻设施是否正常运转。",
    "（二）加工制作过程。检查从业人员健康证明是否有效，加工操作是否生熟分开，餐用具是否按规定清洗消毒。",
    "三、时间安排",
    "2024年7月1日至7月31日。各单位于7月15日前完成自查，县卫生健康局于7月下旬组织抽查，抽查结果在全县通报。",
    "四、工作要求",
    "各单位要高度重视，明确专人负责，于7月20日前将自查报告报送局办公室。",
    "联系人：李明",
    "联系电话：0751-3332127",
]
SIGNATURE = ["某某县卫生健康局", "2024年6月20日"]


def wrap(paragraph: str, width: int) -> list[str]:
    """Hard-wrap ``paragraph`` at ``width`` em as a page does (digits and Latin take half a
    character); punctuation never starts a line."""
    lines: list[str] = []
    line, used = "", 0.0
    for ch in paragraph:
        size = 0.5 if ch.isascii() else 1.0
        if used + size > width and ch not in CLOSING_MARKS:
            lines.append(line)
            line, used = "", 0.0
        line += ch
        used += size
    if line:
        lines.append(line)
    return lines


def clean_text(text: str) -> CleanText:
    return clean(RawDocument(Path("notice.txt"), "txt", [RawPage(1, text)], None))


def paragraphs(text: str) -> list[str]:
    return clean_text(text).paragraph_texts()


def wrap_indented(paragraph: str, width: int) -> list[str]:
    """Wrap as a page with a 2-character first-line indent does, the indent then dropped."""
    first = wrap(paragraph, width - 2)[0]
    return [first, *wrap(paragraph[len(first):], width)]


def wrapped_notice(width: int, separator: str) -> str:
    lines = [*TITLE]
    for paragraph in NOTICE:
        lines.extend(wrap(paragraph, width))
    lines.extend(SIGNATURE)
    return separator.join(lines)


# --- rejoining wrapped lines ---------------------------------------------------------------

@pytest.mark.parametrize("separator", ["\n", "\n\n", "\n \n"], ids=["plain", "blank", "space-blank"])
@pytest.mark.parametrize("width", [22, 26, 28])
def test_a_hard_wrapped_notice_comes_back_as_its_paragraphs(width, separator):
    assert paragraphs(wrapped_notice(width, separator)) == ["".join(TITLE), *NOTICE, *SIGNATURE]


@pytest.mark.parametrize("separator", ["\n", "\n\n"])
def test_numbered_heading_with_a_comma_stays_apart_from_its_body(separator):
    lines = ["一、工作要求", "（一）提高政治站位，加强组织领导",
             "各单位要充分认识开展专项整治的重要性和紧迫性，切实加强组织领导。", "（二）强化督导检查，严肃追责问责",
             "县卫生健康局将适时组织督查，对工作不力的单位予以通报。"]
    assert paragraphs(separator.join(lines)) == lines


def test_paragraph_ending_at_the_margin_is_told_from_the_next_by_its_dropped_indent():
    """The last line of the first paragraph is full and ends with 。; the next paragraph's first
    line is two characters short: the indent the export dropped."""
    first = ("各单位要高度重视夏季食品安全工作，切实加强组织领导，明确专人负责，确保各项措施落实到位，"
             "坚决防止群体性食物中毒事件，保障人民群众的饮食安全。")
    second = ("各乡镇卫生院要加强对村卫生室的指导，督促落实各项食品安全管理制度，发现问题及时整改到位，"
              "整改情况于每月底前报县卫生健康局医政股汇总。")
    third = "县卫生健康局将适时组织督查，督查结果在全县通报，对工作不力的单位予以约谈。"
    lines = [*wrap_indented(first, 24), *wrap_indented(second, 24), *wrap_indented(third, 24)]
    ends = [line for line in lines if line.endswith("饮食安全。")]
    assert len(ends) == 1 and len(ends[0]) == 24  # the case this test is about
    assert paragraphs("\n".join(lines)) == [first, second, third]


@pytest.mark.parametrize("number", ["一、", "（一）", "1.", "（1）"])
def test_heading_number_set_apart_on_its_own_line_is_joined_to_its_heading(number):
    text = f"各单位要认真抓好落实。\n{number}\n加强组织领导\n各单位要成立工作专班。"
    assert paragraphs(text) == ["各单位要认真抓好落实。", f"{number}加强组织领导", "各单位要成立工作专班。"]


def test_short_item_with_a_comma_stays_apart_where_lines_are_paragraphs():
    """A Word document saved as text: one paragraph a line, many longer than any page."""
    long_line = ("为切实做好夏季食品安全工作，保障人民群众饮食安全，根据《市卫生健康委关于做好2024年夏季食品安全"
                 "工作的通知》要求，结合我县实际，决定在全县卫生健康系统开展夏季食品安全专项检查。")
    lines = [long_line, "检查重点：", "制定检查清单，明确检查重点", "各单位要于6月底前完成自查，自查报告报局办公室。", long_line]
    assert paragraphs("\n".join(lines)) == lines


def test_heading_number_starts_a_paragraph_even_after_an_unfinished_line():
    text = "各单位要按照要求认真开展自查，发现问题及时整改，确保\n（一）加强领导。各单位要成立工作专班。"
    assert paragraphs(text) == ["各单位要按照要求认真开展自查，发现问题及时整改，确保",
                                "（一）加强领导。各单位要成立工作专班。"]


@pytest.mark.parametrize("number", ["一、", "（一）", "1.", "2、", "（1）", "第一条"])
def test_every_numbering_style_opens_a_paragraph(number):
    text = ("各单位要高度重视，把专项检查摆上重要议事日程，加强组织\n"
            "领导，确保检查工作取得实效，切实保障群众饮食安全。\n"
            f"{number}明确责任分工，落实检查人员。")
    result = paragraphs(text)
    assert result[-1] == f"{number}明确责任分工，落实检查人员。"
    assert result[0].endswith("加强组织领导，确保检查工作取得实效，切实保障群众饮食安全。")


def test_short_unpunctuated_line_between_paragraphs_is_a_heading():
    body = ("今年以来，县卫生健康局认真贯彻落实上级部署，全面开展安全\n"
            "生产大检查，及时消除各类隐患，取得了明显成效。\n")
    text = body + "\n压实责任 强化落实\n\n" + body
    result = clean_text(text)
    texts = result.paragraph_texts()
    assert texts[1] == "压实责任 强化落实"
    assert result.paragraphs[1].kind == "heading"
    assert texts[0] == texts[2] == "今年以来，县卫生健康局认真贯彻落实上级部署，全面开展安全生产大检查，及时消除各类隐患，取得了明显成效。"


@pytest.mark.parametrize("heading", ["聚焦重点，精准发力", "坚持问题导向，狠抓隐患整改"])
def test_paired_phrase_heading_with_a_comma_stands_alone(heading):
    body = "今年以来，全县卫生健康系统认真落实安全生产责任制，开展隐患排查整治，取得明显成效。"
    assert paragraphs(f"{heading}\n{body}") == [heading, body]
    result = clean_text(f"{body}\n{heading}\n{body}")
    assert result.paragraph_texts() == [body, heading, body]
    assert result.paragraphs[1].kind == "heading"


def test_blank_line_inside_a_sentence_is_not_a_paragraph_break():
    text = ("全县各医疗卫生机构要严格落实“党政同责、一\n\n岗双责、齐抓共管、失职追责”要求。\n\n"
            "各单位要建立隐患排查台账，实行闭环管理。")
    assert paragraphs(text) == ["全县各医疗卫生机构要严格落实“党政同责、一岗双责、齐抓共管、失职追责”要求。",
                                "各单位要建立隐患排查台账，实行闭环管理。"]


def test_long_complete_title_is_not_joined_with_the_recipients():
    title = "湖川省卫生健康委员会关于印发《全省医疗机构感染防控能力提升行动方案（2025—2026年）》的通知"
    text = f"湖川省卫生健康委员会\n\n湘卫医发〔2025〕9号\n\n{title}\n\n各市（州）卫生健康委，委直属各单位：\n\n现印发给你们。"
    assert paragraphs(text) == ["湖川省卫生健康委员会", "湘卫医发〔2025〕9号", title, "各市（州）卫生健康委，委直属各单位：",
                                "现印发给你们。"]


def test_title_in_blocks_of_its_own_is_joined_but_not_with_the_organ_above():
    """As OCR returns it: a blank line between blocks, none between the lines of a block."""
    text = ("某某县卫生健康局\n\n迅速采取有效措施\n\n坚决遏制重大事故专项行动工作方案\n\n"
            "近期国内生产安全事故多发连发，给人民群众生命财产造成了\n重大损失，教训极其惨痛。事故暴露出有些地方和单位对火灾\n"
            "的严重性认识不够。\n\n一、总体要求\n\n坚持人民至上、生命至上，统筹好发展和安全，深刻汲取近期\n"
            "国内发生的多起重特大生产安全事故教训，以案为鉴，举一反三。\n\n"
            "某某县卫生健康局\n\n2024年工作要点\n\n各单位要结合实际，细化工作方案，制定落实措施，压实工作\n责任。")
    assert paragraphs(text) == [
        "某某县卫生健康局", "迅速采取有效措施坚决遏制重大事故专项行动工作方案",
        "近期国内生产安全事故多发连发，给人民群众生命财产造成了重大损失，教训极其惨痛。事故暴露出有些地方和单位对火灾"
        "的严重性认识不够。",
        "一、总体要求",
        "坚持人民至上、生命至上，统筹好发展和安全，深刻汲取近期国内发生的多起重特大生产安全事故教训，以案为鉴，举一反三。",
        "某某县卫生健康局", "2024年工作要点", "各单位要结合实际，细化工作方案，制定落实措施，压实工作责任。"]


def test_title_over_three_lines_is_one_paragraph():
    text = "关于进一步加强\n全县卫生健康系统安全生产\n工作的通知\n各乡镇卫生院：\n现将有关事项通知如下："
    assert paragraphs(text) == ["关于进一步加强全县卫生健康系统安全生产工作的通知", "各乡镇卫生院：", "现将有关事项通知如下："]


def test_title_split_at_the_book_title_mark_is_one_paragraph():
    text = ("某某县卫生健康局\n\n关于印发《2024年基层卫生\n\n健康工作要点》的通知\n\n"
            "各乡镇卫生院：\n\n现将《2024年基层卫生健康工作要点》印发给你们，请认真贯彻落实。")
    result = clean_text(text)
    assert result.paragraph_texts() == ["某某县卫生健康局", "关于印发《2024年基层卫生健康工作要点》的通知",
                                        "各乡镇卫生院：", "现将《2024年基层卫生健康工作要点》印发给你们，请认真贯彻落实。"]
    assert result.paragraphs[1].kind == "heading"


def test_docx_paragraphs_are_never_joined():
    page = RawPage(1, "各单位要认真开展自查，发现问题\n及时整改到位。\n二、工作要求", lines_are_paragraphs=True)
    result = clean(RawDocument(Path("n.docx"), "docx", [page], None))
    assert result.paragraph_texts() == ["各单位要认真开展自查，发现问题", "及时整改到位。", "二、工作要求"]


def test_docx_paragraph_that_is_only_a_number_is_text_not_a_page_number():
    page = RawPage(1, "各单位上报的隐患数量合计：\n3\n共3页", lines_are_paragraphs=True)
    result = clean(RawDocument(Path("n.docx"), "docx", [page], None))
    assert result.paragraph_texts() == ["各单位上报的隐患数量合计：", "3", "共3页"]


def test_table_rows_stay_rows():
    text = "附件：任务分工表\n序号\t任务\t牵头单位\n1\t开展自查\t医政股\n各单位要按时完成，"
    result = clean_text(text)
    kinds = [p.kind for p in result.paragraphs]
    assert result.paragraph_texts()[1:3] == ["序号\t任务\t牵头单位", "1\t开展自查\t医政股"]
    assert kinds[1:3] == ["table_row", "table_row"]


def test_address_broken_at_the_margin_gets_no_space():
    text = "请于6月底前，将材料发送至xzswjwfpf@163.com或登录http://www.exam\nple.gov.cn填报。"
    assert paragraphs(text) == ["请于6月底前，将材料发送至xzswjwfpf@163.com或登录http://www.example.gov.cn填报。"]


def test_a_tab_typed_as_an_indent_is_not_a_table_cell():
    text = "\t各单位要高度重视，切实加强组织领导。\n\t各乡镇卫生院要于6月底前完成自查。\t\n序号\t单位\n\t1\t医政股"
    result = clean_text(text)
    assert result.paragraph_texts() == ["各单位要高度重视，切实加强组织领导。", "各乡镇卫生院要于6月底前完成自查。", "序号\t单位",
                                        "\t1\t医政股"]
    assert [p.kind for p in result.paragraphs] == ["body", "body", "table_row", "table_row"]


def test_latin_words_broken_over_lines_keep_a_space():
    text = "请各单位于6月底前，登录Online Health\nService平台填报。"
    assert paragraphs(text) == ["请各单位于6月底前，登录Online Health Service平台填报。"]


# --- watermarks and page furniture -----------------------------------------------------------

@pytest.mark.parametrize("line", ["扫描全能王 创建", "由扫描全能王扫描创建", "CamScanner", "Scanned by CamScanner",
                                  "CS 扫描全能王", "全能扫描王", "3亿人都在用的扫描App"])
def test_watermark_lines_are_recognised(line):
    assert is_watermark_line(line)


@pytest.mark.parametrize("line", ["各单位要使用扫描仪将材料扫描成PDF", "扫描件请于6月17日前报送", "扫描"])
def test_ordinary_lines_are_not_watermarks(line):
    assert not is_watermark_line(line)


def test_watermark_between_wrapped_lines_is_removed_and_the_sentence_rejoined():
    text = ("各单位要加强氧气和天然气等燃气安全排查，及时消除隐\n\n\n扫描全能王 创建\n\n"
            "患，确保安全。\n\nCamScanner\n")
    assert paragraphs(text) == ["各单位要加强氧气和天然气等燃气安全排查，及时消除隐患，确保安全。"]


def test_watermark_run_into_a_line_is_cut():
    assert paragraphs("各单位要按时报送材料。扫描全能王 创建") == ["各单位要按时报送材料。"]


@pytest.mark.parametrize("line", ["— 3 —", "-3-", "- 12 -", "3", "第3页 共5页", "第 3 页", "共5页 第3页", "3/5",
                                  "－ 3 －", "— 三 —", "Page 3 of 5"])
def test_page_numbers_are_furniture(line):
    assert is_page_number(line)


@pytest.mark.parametrize("line", ["3个工作日内完成", "2024年", "2024", "1.加强领导", "第三条 各单位应当", "第3页的表格"])
def test_text_is_not_a_page_number(line):
    assert not is_page_number(line)


def test_page_numbers_inside_a_text_are_removed_and_the_sentence_joined():
    text = ("各单位要高度重视安全生产工作，切实落实主体责任，加强\n— 2 —\n"
            "隐患排查，确保不发生重特大事故。\n第 3 页\n")
    assert paragraphs(text) == ["各单位要高度重视安全生产工作，切实落实主体责任，加强隐患排查，确保不发生重特大事故。"]


def test_running_header_repeated_on_several_pages_is_removed():
    header = "某某县卫生健康局文件"
    bodies = ["各单位要高度重视安全生产工作，切实落实主体责任，加强",
              "隐患排查治理，建立问题清单和整改台账，实行闭环管理，",
              "确保全县卫生健康系统安全形势持续稳定。"]
    pages = [RawPage(1, header + "\n某卫〔2024〕5号\n" + bodies[0] + "\n— 1 —")]
    for n, body in enumerate(bodies[1:], start=2):
        pages.append(RawPage(n, f"{header}\n{body}\n— {n} —"))
    result = clean(RawDocument(Path("n.pdf"), "pdf", pages, len(pages)))
    assert result.paragraph_texts() == [header, "某卫〔2024〕5号", "".join(bodies)]
    assert [result.pages[i] for i in range(len(result.text)) if result.text[i] == "确"] == [3]


# --- spacing ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("raw", "expected"), [
    ("2022 年 8月 10 日", "2022年8月10日"),
    ("请于 6 月 17 日前报送", "请于6月17日前报送"),
    ("严格执行关键岗位 24 小时专人值班", "严格执行关键岗位24小时专人值班"),
    ("《医疗机构消防安全管理九项规定（2020 年版）》", "《医疗机构消防安全管理九项规定（2020年版）》"),
    ("县 卫 生 健 康 局", "县卫生健康局"),
    ("累计使用 37块 LED 电子屏，覆盖全县。", "累计使用37块LED电子屏，覆盖全县。"),
    ("通过 Microsoft Office Word 编辑", "通过Microsoft Office Word编辑"),
    ("3、 主要任务", "3、主要任务"),
    ("加强领导 精心部署", "加强领导 精心部署"),
    ("组 长：张建国 县卫生健康局局长", "组长：张建国 县卫生健康局局长"),
    ("夏 鸿 县卫生健康局副局长", "夏鸿 县卫生健康局副局长"),
    ("各单位要 认真 落实，确保实效。", "各单位要认真落实，确保实效。"),
    ("电话：0751 3332127", "电话：0751 3332127"),
    ("联系电话：0731 - 1234567", "联系电话：0731-1234567"),
    ("覆盖率达到 100 %，", "覆盖率达到100%，"),
    ("联系人：王高鹏 电话：3332127，邮箱：wgp@163.com", "联系人：王高鹏 电话：3332127，邮箱：wgp@163.com"),
    ("  前后空格  ", "前后空格"),
])
def test_layout_spaces(raw, expected):
    assert paragraphs(raw) == [expected]


def test_space_deletions_only_delete_spaces():
    text = "于 6 月　17 日  前，Word  文档"
    for start, end in space_deletions(text):
        assert text[start:end].strip(" \u3000") == ""


def test_bookmark_artefact_is_removed():
    assert paragraphs("[bookmark: _GoBack]现将方案印发给你们。") == ["现将方案印发给你们。"]


# --- repeated scan blocks --------------------------------------------------------------------

REPEATED = [
    "3.消防安全：重点检查消防设施、应急照明、疏散通道是否完好，",
    "安全出口是否畅通。",
    "4.用电安全：检查配电室、电气线路是否存在私拉乱接问题。",
    "5.燃气安全：检查燃气管道定期检测情况，排查整",
]


def test_block_repeated_across_a_page_break_is_kept_once():
    second = [REPEATED[0].replace("应急照明", "应急照朋"), *REPEATED[1:]]  # an OCR slip in the copy
    lines = ["2.特种设备安全：检查电梯、锅炉年检情况。", *REPEATED, "扫描全能王 创建", *second,
             "治隐蔽致灾隐患，保证处于正常状态。", "（三）工作要求"]
    result = clean_text("\n\n".join(lines))
    texts = result.paragraph_texts()
    assert texts == [
        "2.特种设备安全：检查电梯、锅炉年检情况。",
        "3.消防安全：重点检查消防设施、应急照明、疏散通道是否完好，安全出口是否畅通。",
        "4.用电安全：检查配电室、电气线路是否存在私拉乱接问题。",
        "5.燃气安全：检查燃气管道定期检测情况，排查整治隐蔽致灾隐患，保证处于正常状态。",
        "（三）工作要求",
    ]
    assert len(result.warnings) == 1
    assert "重复" in result.warnings[0] and "保留第一份" in result.warnings[0]


def test_similar_but_different_items_are_not_a_repeat():
    lines = ["1.各乡镇卫生院要于6月底前完成自查。", "2.各乡镇卫生院要于7月底前完成整改。",
             "3.各乡镇卫生院要于8月底前完成验收。"]
    result = clean_text("\n".join(lines))
    assert result.paragraph_texts() == lines
    assert result.warnings == []


def test_a_paragraph_quoted_once_is_not_dropped():
    line = "各单位要高度重视，认真组织开展自查自纠工作。"
    text = "\n".join([line, "一、工作要求", line])
    assert paragraphs(text) == [line, "一、工作要求", line]


# --- offset map, progress, cancellation --------------------------------------------------------

def test_every_clean_character_maps_to_the_same_raw_character():
    pages = [RawPage(1, wrapped_notice(24, "\n\n")), RawPage(2, "  第 2 页\n（五）其他事项。 于 6 月 17 日前报送。\n")]
    raw = RawDocument(Path("n.pdf"), "pdf", pages, 2)
    result = clean(raw)
    assert len(result.text) == len(result.pages) == len(result.offsets)
    by_number = {page.number: page.text for page in pages}
    for i, ch in enumerate(result.text):
        page, offset = result.source_position(i)
        if ch == "\n":
            assert 0 < offset <= len(by_number[page])
            continue
        assert by_number[page][offset] == ch
    para = next(p for p in result.paragraphs if result.text[p.start:p.end].startswith("（五）"))
    assert result.page_of_span(para.start, para.end) == 2
    assert result.text[para.start:para.end] == "（五）其他事项。于6月17日前报送。"


def test_low_confidence_spans_follow_the_characters():
    text = "请各单位高度重视，于 6 月 17 日前\n报送材料。"
    start = text.index("17")
    page = RawPage(1, text, ocr=True, low_confidence=[(start, start + 2)])
    result = clean(RawDocument(Path("scan.png"), "image", [page], 1))
    assert result.text == "请各单位高度重视，于6月17日前报送材料。"
    assert [result.text[a:b] for a, b in result.low_confidence] == ["17"]


def test_progress_is_reported_and_cancel_is_honoured():
    raw = RawDocument(Path("n.txt"), "txt", [RawPage(1, wrapped_notice(26, "\n"))], None)
    seen: list[float] = []
    clean(raw, progress=lambda fraction, status="": seen.append(fraction))
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)
    with pytest.raises(Cancelled):
        clean(raw, cancelled=lambda: True)


def test_empty_and_blank_documents_give_empty_text():
    for text in ["", "\n\n  \n\t\n", "扫描全能王 创建\n— 1 —"]:
        result = clean_text(text)
        assert result.text == "" and result.paragraphs == [] and len(result.offsets) == 0


def test_joint_issuer_banner_stays_apart_from_a_title_broken_over_two_lines():
    text = ("国家发展改革委办公厅\n国家税务总局办公厅\n\n关于做好2024年涉企收费检查\n工作的通知\n\n"
            "发改办价格[2024]3号\n\n各省发展改革委：\n现就有关事项通知如下：\n一、明确检查重点。\n")
    assert paragraphs(text) == ["国家发展改革委办公厅", "国家税务总局办公厅", "关于做好2024年涉企收费检查工作的通知",
                                "发改办价格[2024]3号", "各省发展改革委：", "现就有关事项通知如下：", "一、明确检查重点。"]


def test_numbered_heading_with_an_open_bracket_runs_on():
    text = "（三）排查整治具体时间步骤\n1.动员部署、全面排查、立即整治（即日起至6月23\n日）。各单位要立即安排部署。"
    assert paragraphs(text) == ["（三）排查整治具体时间步骤", "1.动员部署、全面排查、立即整治（即日起至6月23日）。各单位要立即安排部署。"]


def test_line_at_the_foot_of_a_page_runs_on_to_the_next_page():
    pages = [RawPage(1, "二、工作要求\n4.医疗安全：主要检查医疗机构的医疗质量管理制度和情"),
             RawPage(2, "况；院内感染控制情况。\n三、保障措施")]
    result = clean(RawDocument(Path("n.pdf"), "pdf", pages, 2))
    assert result.paragraph_texts() == ["二、工作要求", "4.医疗安全：主要检查医疗机构的医疗质量管理制度和情况；院内感染控制情况。",
                                        "三、保障措施"]
    para = result.paragraphs[1]
    assert [result.pages[para.start], result.pages[para.end - 1]] == [1, 2]


def test_pdf_indent_marks_a_new_paragraph_even_after_a_full_line():
    ind = "\u3000\u3000"
    lines = [f"{ind}各单位要高度重视夏季食品安全工作，切实加强组织领", "导，明确专人负责，确保各项措施落实到位，切实保障群", "众饮食安全。各单位要按时报送工作总结，确保实效。",
             f"{ind}各乡镇卫生院要加强对村卫生室的指导，督促落实食品", "安全各项制度，发现问题及时整改，确保不留死角，抓好", "落实。",
             f"{ind}县卫生健康局将适时组织督查，督查结果全县通报。"]
    assert paragraphs("\n".join(lines)) == [
        "各单位要高度重视夏季食品安全工作，切实加强组织领导，明确专人负责，确保各项措施落实到位，切实保障群众饮食安全。"
        "各单位要按时报送工作总结，确保实效。",
        "各乡镇卫生院要加强对村卫生室的指导，督促落实食品安全各项制度，发现问题及时整改，确保不留死角，抓好落实。",
        "县卫生健康局将适时组织督查，督查结果全县通报。",
    ]


def test_contact_line_broken_after_a_label_colon_is_one_paragraph():
    text = "联系人：江婷婷，联系电话：18792161603，电子邮箱：\n2292456039@qq.com。\n某某县卫生健康局\n2024年3月7日"
    assert paragraphs(text) == ["联系人：江婷婷，联系电话：18792161603，电子邮箱：2292456039@qq.com。", "某某县卫生健康局",
                                "2024年3月7日"]


def test_form_feeds_in_a_text_export_are_pages_for_running_headers():
    header = "某某县卫生健康局关于做好夏季食品安全工作的通知"
    text = (f"{header}\n各乡镇卫生院：\n为切实做好夏季食品安全工作，保障人民群众饮食安全，\n— 1 —\n"
            f"\f{header}\n现将有关事项通知如下：\n— 2 —\n"
            f"\f{header}\n一、加强领导。各单位要明确专人负责。\n— 3 —\n")
    result = clean_text(text)
    assert result.paragraph_texts() == [header, "各乡镇卫生院：",
                                        "为切实做好夏季食品安全工作，保障人民群众饮食安全，现将有关事项通知如下：",
                                        "一、加强领导。各单位要明确专人负责。"]


def test_repeat_is_found_when_ocr_changed_both_ends_of_its_first_line():
    first = ["各县区卫健委要于本月底前完成辖区内医疗机构消防设施检测，", "发现问题立即整改，确保隐患动态清零，严防火灾事故发生。"]
    second = ["谷县区卫健委要于本月底前完成辖区内医疗机构消防设施检测、", *first[1:]]
    result = clean_text("\n".join(["一、工作要求", *first, *second, "二、保障措施"]))
    assert result.paragraph_texts() == ["一、工作要求", "".join(first), "二、保障措施"]
    assert len(result.warnings) == 1


def test_two_short_phrases_with_a_space_are_a_heading_not_a_list_entry():
    text = "各单位要认真落实。\n\n强基础 补短板\n\n各单位要加强基础建设。\n\n组长：张建国 局长\n副组长：李明 副局长\n王芳 副局长"
    result = clean_text(text)
    kinds = dict(zip(result.paragraph_texts(), (p.kind for p in result.paragraphs), strict=True))
    assert kinds["强基础 补短板"] == "heading"
    assert kinds["王芳 副局长"] == "body"


def test_watermark_broken_over_two_lines_by_ocr_is_cut_from_both():
    text = ("各医疗卫生机构要加强氧气和天然气等燃气安全排查，排查整扫描全\n能王创建\n"
            "治隐蔽致灾隐患，管道定期检测。各单位要深入开展拉网式的扫描全能王创\n建\n安全风险隐患排查治理。")
    assert paragraphs(text) == ["各医疗卫生机构要加强氧气和天然气等燃气安全排查，排查整治隐蔽致灾隐患，管道定期检测。"
                                "各单位要深入开展拉网式的安全风险隐患排查治理。"]


def test_members_of_a_leading_group_start_their_own_lines():
    text = ("成立工作领导小组，及时研究解决工作中的问题，确保各项措施落实到位\n"
            "组长：张建国 局长\n副 组 长：李明 副局长\n成员：各股室负责人。")
    assert paragraphs(text) == ["成立工作领导小组，及时研究解决工作中的问题，确保各项措施落实到位", "组长：张建国 局长",
                                "副组长：李明 副局长", "成员：各股室负责人。"]


@pytest.mark.parametrize("raw", ["- 附件：", "-附件：", "• 附件："])
def test_list_bullet_before_a_label_is_dropped(raw):
    assert paragraphs(raw) == ["附件："]
