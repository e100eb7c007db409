"""The outline: nesting by numbering style, glitches repaired, unnumbered headings kept."""

from __future__ import annotations

from conftest import FIXTURES, seed

from parsing.model import Source
from parsing.outline import int_to_cn
from parsing.parser import parse_clean, parse_file
from parsing.pipeline import text_from_string


def parse_text(text: str):
    _, clean = text_from_string(text)
    return parse_clean(clean, Source("inline.txt"))


def flat(sections):
    return [(s.level, s.number, s.heading) for root in sections for s in root.walk() if s.numbered]


def test_int_to_cn():
    assert [int_to_cn(v) for v in (1, 3, 10, 12, 20, 21)] == ["一", "三", "十", "十二", "二十", "二十一"]


def test_stray_arabic_numbers_among_chinese_ones_are_repaired():
    n = parse_file(FIXTURES / "notices" / "district_inspection.txt")
    top = [(s.number, s.heading) for s in n.outline if s.numbered]
    assert top == [("一", "检查范围"), ("二", "检查内容"), ("三", "工作要求"), ("四", "组织领导")]
    assert [c.number for c in n.outline[2].children] == ["（一）", "（二）", "（三）"]  # （3） after （二）
    assert "标题编号“3、”与上下文不符，已按“三”处理" in n.warnings
    assert "标题编号“（3）”与上下文不符，已按“（三）”处理" in n.warnings
    # a 1. list restarting under each （一） stays where it stands
    assert [(c.number, [g.number for g in c.children]) for c in n.outline[1].children] == [
        ("（一）", ["1", "2"]), ("（二）", ["1"])]


def test_a_list_running_on_across_sections_stays_under_each_section():
    n = parse_file(seed("004"))
    assert [[c.number for c in s.children] for s in n.outline] == [
        ["1"], ["2", "3"], ["4", "5", "6", "7"], ["8", "9", "10", "11"], ["12"]]
    assert all(c.level == 3 for s in n.outline for c in s.children)


def test_arabic_list_that_continues_is_not_taken_for_a_chinese_number():
    n = parse_text("关于做好检查的通知\n各单位：\n现通知如下：\n一、工作任务\n1.开展自查。各单位要开展自查。\n"
                   "2.组织抽查。局办公室要组织抽查。\n二、工作要求\n3.按时报送。各单位要按时报送。\n")
    assert flat(n.outline) == [(1, "一", "工作任务"), (3, "1", "开展自查"), (3, "2", "组织抽查"),
                               (1, "二", "工作要求"), (3, "3", "按时报送")]


def test_unnumbered_heading_lines_are_sections_but_not_in_json():
    n = parse_file(seed("003"))
    plain = [s.heading for s in n.outline if not s.numbered]
    assert plain == ["加强领导精心部署", "突出重点全面落实", "广泛发动深入动员"]
    assert n.to_json()["outline"] == []
    for s in n.outline:
        a, b = s.body_span
        assert a < b and n.text[s.span[0]:s.span[1]].replace(" ", "") == s.heading


def test_chapters_and_articles_nest():
    n = parse_file(FIXTURES / "notices" / "province_articles.txt")
    assert [(s.number, len(s.children)) for s in n.outline if s.numbered] == [("第一章", 2), ("第二章", 3),
                                                                              ("第三章", 1)]
    assert n.outline[0].children[0].level == 2


def test_attachment_list_and_signature_are_not_outline():
    n = parse_file(seed("002"))
    numbers = [(s.level, s.number) for s in n.outline[-1].walk()]
    assert numbers[0] == (1, "五")
    assert all(s.heading != "忻州市安全生产工作督导检查分组" for root in n.outline for s in root.walk())


def test_a_colon_inside_brackets_does_not_end_the_heading():
    n = parse_text("关于做好检查的通知\n各单位：\n现通知如下：\n一、重点任务\n"
                   "（一）加强组织领导（牵头单位：县卫健委）。各单位要成立专班。\n"
                   "（二）开展“回头看”：对整改情况进行复查。\n（三）强化督导（县卫健委牵头，县财政局配合）。各单位要自查。\n")
    assert [s.heading for s in n.outline[0].children] == ["加强组织领导（牵头单位：县卫健委）", "开展“回头看”",
                                                          "强化督导（县卫健委牵头，县财政局配合）"]
    assert (n.tasks[2].lead, n.tasks[2].support) == (["县卫健委"], ["县财政局"])
    assert n.tasks[0].lead == ["县卫健委"] and n.tasks[0].text == "各单位要成立专班。"


def test_enclosed_and_ascii_numerals_are_heading_numbers():
    from parsing.numbering import match_heading_number

    read = {line: (n.style, n.number, n.level) for line in ("㈢ 加强领导", "⑵ 落实责任", "⒋ 做好准备", "(二)燃气企业",
                                                              "3)排查隐患", "4）整改", "⑤ 立行立改")
            if (n := match_heading_number(line))}
    assert read == {"㈢ 加强领导": ("paren_cn", "（三）", 2), "⑵ 落实责任": ("paren_arabic", "（2）", 4),
                    "⒋ 做好准备": ("arabic", "4", 3), "(二)燃气企业": ("paren_cn", "（二）", 2),
                    "3)排查隐患": ("close_arabic", "3）", 4), "4）整改": ("close_arabic", "4）", 4),
                    "⑤ 立行立改": ("circled", "⑤", 5)}
    assert match_heading_number("2024年)") is None and match_heading_number("㈠") is None


def test_enclosed_numerals_nest_like_their_plain_forms():
    n = parse_text("关于开展专项整治的通知\n各单位：\n一、主要任务\n㈠ 压实责任\n⑴ 落实主体责任。各医疗机构要建立责任制。\n"
                   "⑵ 分类整改。按以下要求整改：\n① 能立即整改的，各医疗机构要立行立改；\n② 其他隐患，各单位要限期整改。\n"
                   "㈡ 强化保障\n1) 加强领导。各单位要成立专班。\n2) 及时报送。各单位要按月报送进展。\n")
    assert flat(n.outline) == [
        (1, "一", "主要任务"), (2, "（一）", "压实责任"), (4, "（1）", "落实主体责任"), (4, "（2）", "分类整改"),
        (5, "①", "能立即整改的，各医疗机构要立行立改"), (5, "②", "其他隐患，各单位要限期整改"),
        (2, "（二）", "强化保障"), (4, "1）", "加强领导"), (4, "2）", "及时报送")]
    assert [t.outline_path for t in n.tasks] == [
        ["一", "（一）", "（1）"], ["一", "（一）", "（2）", "①"], ["一", "（一）", "（2）", "②"],
        ["一", "（二）", "1）"], ["一", "（二）", "2）"]]
