"""The head and foot of a notice: 发文字号, 版头, title, 主送, 落款, 成文日期, genre, basis."""

from __future__ import annotations

import pytest

from parsing.header import normalise_doc_number
from parsing.model import Source
from parsing.parser import parse_clean
from parsing.pipeline import text_from_string


def parse_text(text: str):
    _, clean = text_from_string(text)
    return parse_clean(clean, Source("inline.txt"))


@pytest.mark.parametrize("raw", ["始卫[2022]12 号", "始卫［2022］12号", "始卫(2022)12号", "始卫（2022）12号",
                                 "始卫〔 2022 〕12号", "始卫 〔2022〕 12 号"])
def test_document_numbers_are_normalised(raw):
    assert normalise_doc_number(raw) == "始卫〔2022〕12号"


JOINT = """国家发展改革委办公厅
国家税务总局办公厅

发改办价格[2024]3号

关于做好2024年涉企收费检查
工作的通知

各省、自治区、直辖市发展改革委，国家税务总局各省（区、市）税务局：
根据《价格法》和《行政事业性收费管理办法》，现就有关事项通知如下：
一、明确检查重点。各地发展改革委要会同税务部门梳理收费项目清单。
二、按时报送结果。各省级发展改革委请于2024年11月30日前将检查结果报国家发展改革委。

国家发展改革委办公厅    国家税务总局办公厅
二○二四年一月五日
"""


def test_joint_issuers_title_over_lines_and_chinese_date():
    n = parse_text(JOINT)
    assert n.issuer == "国家发展改革委办公厅、国家税务总局办公厅"
    assert n.signatory == "国家发展改革委办公厅、国家税务总局办公厅"
    assert n.title == "关于做好2024年涉企收费检查工作的通知"
    assert n.doc_number == "发改办价格〔2024〕3号"
    assert n.issue_date == "2024-01-05"
    assert n.genre == "通知"
    # 各省、自治区、直辖市 enumerates the places of one recipient
    assert n.recipients == ["各省、自治区、直辖市发展改革委", "国家税务总局各省（区、市）税务局"]
    assert n.basis == ["价格法", "行政事业性收费管理办法"]
    assert [t.lead for t in n.tasks] == [["各地发展改革委"], ["各省级发展改革委"]]


def test_header_spans_point_at_the_values():
    n = parse_text(JOINT)
    a, b = n.spans["title"]
    assert "关于做好2024年涉企收费检查" in n.text[a:b] and "工作的通知" in n.text[a:b]
    a, b = n.spans["doc_number"]
    assert n.text[a:b].replace(" ", "").startswith("发改办价格")


def test_a_letter_and_a_text_without_header():
    n = parse_text("关于商请支持开展健康宣传活动的函\n县教育体育局：\n为做好健康宣传，请予支持。\n"
                   "县卫生健康局\n2024年5月6日\n")
    assert n.genre == "函" and n.recipients == ["县教育体育局"] and n.issuer == "县卫生健康局"
    n = parse_text("今年以来，区卫生健康局深入开展安全生产月活动，截至目前已开展培训23场。\n")
    assert n.title is None and n.issue_date is None and n.genre == "总结"


def test_issue_forward_without_book_marks():
    n = parse_text("临川县卫生健康局\n关于转发县人民政府办公室关于做好防汛工作的通知的通知\n各卫生院：\n"
                   "现转发给你们，请遵照执行。\n临川县卫生健康局\n2023年6月12日\n")
    assert n.enclosed_title == "县人民政府办公室关于做好防汛工作的通知"


def test_banner_lines_above_the_title_stay_apart():
    n = parse_text("国家发展改革委办公厅\n国家税务总局办公厅\n\n关于做好2024年涉企收费检查\n工作的通知\n\n"
                   "发改办价格[2024]3号\n\n各省发展改革委：\n现就有关事项通知如下：\n一、明确检查重点。\n")
    assert n.title == "关于做好2024年涉企收费检查工作的通知"


def test_issuer_from_the_title_when_nothing_else_names_it_and_a_seal_line():
    n = parse_text("始兴县卫生健康局关于开展检查的通知\n各单位：\n请开展检查。\n")
    assert n.issuer == "始兴县卫生健康局" and n.signatory is None
    n = parse_text("关于开展检查的通知\n各单位：\n请开展检查。\n县卫生健康局\n（盖章）\n2024年5月6日\n")
    assert (n.signatory, n.issue_date) == ("县卫生健康局", "2024-05-06")


def test_a_sentence_ending_in_a_colon_is_neither_title_nor_recipients():
    n = parse_text("关于开展检查的通告\n为加强管理，现将有关事项通告如下：\n一、检查对象。全县各单位。\n"
                   "县卫生健康局\n2024年5月6日\n")
    assert n.title == "关于开展检查的通告" and n.recipients == []
    n = parse_text("关于安全生产工作，我局做了以下工作：\n一、加强领导。\n")
    assert n.title is None


def test_a_date_alone_under_the_body_is_the_issue_date_and_the_enclosure_keeps_its_own():
    n = parse_text("县卫生健康局文件\n关于转发市卫健委关于开展检查的通知的通知\n各单位：\n现转发给你们，请认真执行。\n"
                   "2024年5月6日\n市卫健委关于开展检查的通知\n各县卫健委：\n请开展检查。\n市卫生健康委员会\n"
                   "2024年4月28日\n")
    assert (n.issuer, n.signatory, n.issue_date) == ("县卫生健康局", None, "2024-05-06")


def test_doc_number_of_a_forwarded_document_in_the_title_is_not_ours():
    n = parse_text("县卫生健康局\n县卫〔2024〕8号\n关于转发《市卫健委关于开展检查的通知》（市卫〔2024〕3号）的通知\n"
                   "各单位：\n现转发给你们。\n县卫生健康局\n2024年5月6日\n")
    assert n.doc_number == "县卫〔2024〕8号"
    assert n.enclosed_title == "市卫健委关于开展检查的通知"
    n = parse_text("县卫〔2024〕8号          签发人：张三\n关于开展检查的通知\n各单位：\n请检查。\n县卫生健康局\n2024年5月6日\n")
    assert (n.doc_number, n.title) == ("县卫〔2024〕8号", "关于开展检查的通知")


def test_an_organ_line_under_the_document_number_opens_the_title():
    n = parse_text("县卫〔2024〕8号\n\n县卫生健康局\n关于开展安全生产检查的通知\n\n各单位：\n请检查。\n"
                   "县卫生健康局\n2024年5月6日\n")
    assert n.title == "县卫生健康局关于开展安全生产检查的通知"
    n = parse_text("县卫生健康局\n县卫〔2024〕8号\n关于开展检查的通知\n各单位：\n请检查。\n县卫生健康局\n2024年5月6日\n")
    assert n.title == "关于开展检查的通知"  # above the number it is the 版头


def test_recipients_after_a_zhusong_label():
    n = parse_text("关于开展检查的通知\n主送：各县（市、区）卫健委，委属各单位\n请开展检查。\n县卫生健康局\n2024年5月6日\n")
    assert n.recipients == ["各县（市、区）卫健委", "委属各单位"]
