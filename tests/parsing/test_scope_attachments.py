"""Only the notice and the document it issues give outline entries, tasks and deadlines; the other
attachments are named wherever the document names them (附件：…, 附：…, or their own head)."""

from __future__ import annotations

from parsing.attachments import attachment_regions, find_attachments
from parsing.model import Source
from parsing.parser import parse_clean
from parsing.pipeline import text_from_string
from parsing.scope import contents_paragraphs, note_paragraphs


def parse_text(text: str):
    _, clean = text_from_string(text)
    return parse_clean(clean, Source(file="t.txt", format="txt"))


HEAD = """关于做好2024年防汛检查工作的通知

各乡镇人民政府，县直各单位：

一、开展排查

各乡镇要于6月10日前完成隐患排查。

二、报送情况

各单位要于6月20日前将排查情况报县应急管理局。

县应急管理局

2024年6月1日
"""

FORM = """
附件2

防汛隐患排查情况统计表

一、基本情况

1.是否建立防汛责任制。整改时限：2024年6月5日前。

2.是否储备防汛物资。
"""


def test_an_attachment_known_only_by_its_head_is_named_and_gives_no_tasks():
    notice = parse_text(HEAD + FORM)
    assert notice.attachments == ["防汛隐患排查情况统计表"]
    assert [s.heading for s in notice.outline] == ["开展排查", "报送情况"]
    assert [t.outline_path for t in notice.tasks] == [["一"], ["二"]]
    assert [d.date for d in notice.deadlines] == ["2024-06-10", "2024-06-20"]


def test_fu_names_the_attachment():
    text = HEAD.replace("县应急管理局\n\n2024年6月1日", "附：防汛隐患排查情况统计表\n\n县应急管理局\n\n2024年6月1日")
    notice = parse_text(text + FORM.replace("附件2", "附"))
    assert notice.attachments == ["防汛隐患排查情况统计表"]
    assert notice.signatory == "县应急管理局"
    assert len(notice.tasks) == 2


def test_half_width_fu_list():
    text = HEAD.replace("县应急管理局\n\n2024年6月1日", "附:1.排查统计表\n2.回执\n\n县应急管理局\n\n2024年6月1日")
    assert parse_text(text).attachments == ["排查统计表", "回执"]


def test_the_issued_plan_after_the_signature_counts_and_the_table_after_it_does_not():
    text = ("关于印发《某县防汛工作方案》的通知\n\n各乡镇人民政府：\n\n现将《某县防汛工作方案》印发给你们，请认真贯彻落实。\n\n"
            "附件：1.某县防汛工作方案\n2.防汛物资储备表\n\n县应急管理局\n\n2024年6月1日\n\n附件1\n\n某县防汛工作方案\n\n"
            "一、工作任务\n\n各乡镇要于6月30日前完成物资储备。\n\n附件2\n\n防汛物资储备表\n\n序号\n物资名称\n数量\n1\n冲锋舟\n2\n"
            "注：1.物资于2024年7月15日前到位。\n2.数量按常住人口测算。\n")
    notice = parse_text(text)
    assert notice.attachments == ["某县防汛工作方案", "防汛物资储备表"]
    assert [s.heading for s in notice.outline] == ["工作任务"]
    assert [t.outline_path for t in notice.tasks] == [["一"]]
    assert [d.date for d in notice.deadlines] == ["2024-06-30"]


def test_regions_run_from_head_to_head():
    _, clean = text_from_string(HEAD + FORM + "\n附件3\n\n回执\n\n单位名称：\n")
    signature = next(i for i, t in enumerate(clean.paragraph_texts()) if t == "2024年6月1日")
    regions = attachment_regions(clean, signature)
    assert [r.name for r in regions] == ["防汛隐患排查情况统计表", "回执"]
    assert regions[0].end == regions[1].head
    names, _, _ = find_attachments(clean, signature)
    assert names == ["防汛隐患排查情况统计表", "回执"]


def test_a_list_under_a_bare_head_is_no_region():
    _, clean = text_from_string("附件\n\n1.统计表\n\n2.回执\n")
    assert attachment_regions(clean, -1) == []


def test_a_table_of_contents_gives_no_outline():
    text = ("关于印发某县应急预案的通知\n\n各乡镇人民政府：\n\n现将《某县应急预案》印发给你们。\n\n县人民政府办公室\n\n"
            "2024年6月1日\n\n某县应急预案\n\n目  录\n\n一、总则……………………1\n二、组织体系……………………3\n\n"
            "一、总则\n\n为做好应急工作，制定本预案。\n\n二、组织体系\n\n县应急管理局负责日常工作。\n")
    notice = parse_text(text)
    assert [s.heading for s in notice.outline] == ["总则", "组织体系"]


def test_contents_without_leaders_end_where_the_body_repeats_them():
    _, clean = text_from_string("目  录\n\n1 总则\n\n2 组织机构\n\n1 总则\n\n为做好工作，制定本预案。\n")
    texts = clean.paragraph_texts()
    assert [texts[i] for i in contents_paragraphs(clean)] == ["目录", "1总则", "2组织机构"]


def test_numbered_notes_under_a_table_are_no_headings():
    _, clean = text_from_string("≥75%\n注：1.重点人群包括老年人。\n2.指标以系统数据为准。\n3.续约率按年计。\n二、工作要求\n")
    assert note_paragraphs(clean) == [1, 2, 3]


def test_a_plan_the_body_hands_out_counts_though_the_title_does_not_say_so():
    text = ("关于开展2024年防汛应急演练的通知\n\n各乡镇人民政府：\n\n为提升防汛应急处置能力，县应急管理局制定了"
            "《2024年防汛应急演练方案》（见附件），请认真组织实施。\n\n附件：1.2024年防汛应急演练方案\n2.演练报名回执\n\n"
            "县应急管理局\n\n2024年6月1日\n\n附件1\n\n2024年防汛应急演练方案\n\n一、演练时间\n\n各乡镇要于6月20日前完成演练。\n\n"
            "附件2\n\n演练报名回执\n\n一、单位名称\n\n请于6月10日前报送。\n")
    notice = parse_text(text)
    assert [s.heading for s in notice.outline] == ["演练时间"]
    assert [d.date for d in notice.deadlines] == ["2024-06-20"]


def test_a_listed_name_opens_its_attachment_without_a_head():
    text = HEAD.replace("县应急管理局\n\n2024年6月1日", "附件：防汛隐患排查情况统计表\n\n县应急管理局\n\n2024年6月1日")
    notice = parse_text(text + FORM.replace("附件2\n", ""))
    assert notice.attachments == ["防汛隐患排查情况统计表"]
    assert [s.heading for s in notice.outline] == ["开展排查", "报送情况"]


def test_a_bare_head_above_a_numbered_list_is_the_list():
    text = HEAD.replace("县应急管理局\n\n2024年6月1日", "附件\n\n1.排查统计表\n\n2.回执\n\n县应急管理局\n\n2024年6月1日")
    assert parse_text(text).attachments == ["排查统计表", "回执"]


def test_attachments_named_by_a_contents_list():
    text = HEAD + "\n目  录\n\n附件1 防汛隐患排查情况统计表…………………3\n\n附件2 防汛物资储备表…………………5\n"
    notice = parse_text(text)
    assert notice.attachments == ["防汛隐患排查情况统计表", "防汛物资储备表"]
    assert [s.heading for s in notice.outline] == ["开展排查", "报送情况"]


def test_what_follows_the_signature_of_a_notice_that_issues_nothing_is_no_part_of_it():
    notice = parse_text(HEAD + "\n督查发现问题清单\n\n一、某某镇\n\n1.未建立隐患台账，整改时限：2024年6月5日前。\n")
    assert [s.heading for s in notice.outline] == ["开展排查", "报送情况"]
    assert [d.date for d in notice.deadlines] == ["2024-06-10", "2024-06-20"]


def test_a_plan_after_the_signature_of_a_notice_that_issues_it_stays():
    text = ("关于印发某县防汛工作方案的通知\n\n各乡镇人民政府：\n\n现将《某县防汛工作方案》印发给你们。\n\n"
            "县应急管理局\n\n2024年6月1日\n\n某县防汛工作方案\n\n一、工作任务\n\n各乡镇要于6月30日前完成物资储备。\n\n"
            "二、工作要求\n\n各乡镇要加强值守。\n")
    notice = parse_text(text)
    assert [s.heading for s in notice.outline] == ["工作任务", "工作要求"]
    assert [d.date for d in notice.deadlines] == ["2024-06-30"]


def test_a_title_that_issues_two_documents_keeps_both():
    text = ("关于印发《某县防汛工作方案》《某县抗旱工作方案》的通知\n\n各乡镇人民政府：\n\n现将两个方案印发给你们。\n\n"
            "附件：1.某县防汛工作方案\n2.某县抗旱工作方案\n\n县应急管理局\n\n2024年6月1日\n\n附件1\n\n某县防汛工作方案\n\n"
            "一、防汛任务\n\n各乡镇要于6月30日前完成物资储备。\n\n附件2\n\n某县抗旱工作方案\n\n一、抗旱任务\n\n"
            "各乡镇要于7月31日前完成水源排查。\n")
    notice = parse_text(text)
    assert [s.heading for s in notice.outline] == ["防汛任务", "抗旱任务"]
    assert [d.date for d in notice.deadlines] == ["2024-06-30", "2024-07-31"]


def test_a_problem_list_set_as_a_table_gives_no_tasks():
    table = ("\n附件\n\n检查发现问题清单\n\n序号\t存在问题\t整改措施\t责任单位\t整改时限\n"
             "1\t疏散通道堆放杂物\t立即清理\t县人民医院\t2024年6月15日\n"
             "2\t灭火器压力不足\t更换灭火器\t县中医医院\t2024年6月20日\n")
    notice = parse_text(HEAD + table)
    assert notice.attachments == ["检查发现问题清单"]
    assert [t.outline_path for t in notice.tasks] == [["一"], ["二"]]
    assert [d.date for d in notice.deadlines] == ["2024-06-10", "2024-06-20"]


def test_a_note_outside_a_table_does_not_swallow_the_next_heading():
    _, clean = text_from_string("1.加强组织领导。各单位要成立专班。\n注：1.专班名单另行通知。\n2.强化保障。各单位要落实经费。\n")
    assert note_paragraphs(clean) == []


def test_a_style_note_above_an_attachment_title_is_passed():
    _, clean = text_from_string(HEAD + "\n附件2\n\n（参考样式）\n\n防汛隐患排查情况统计表\n\n单位名称：\n")
    signature = next(i for i, t in enumerate(clean.paragraph_texts()) if t == "2024年6月1日")
    assert [r.name for r in attachment_regions(clean, signature)] == ["防汛隐患排查情况统计表"]


def test_an_issued_plan_printed_under_a_shortened_title_still_counts():
    text = ("关于印发《某县2024年防汛抗旱应急工作方案》的通知\n\n各乡镇人民政府：\n\n现将方案印发给你们。\n\n县应急管理局\n\n"
            "2024年6月1日\n\n附件1\n\n防汛应急方案\n\n一、工作任务\n\n各乡镇要于6月30日前完成物资储备。\n\n"
            "附件2\n\n物资储备表\n\n一、冲锋舟\n")
    notice = parse_text(text)
    assert [s.heading for s in notice.outline] == ["工作任务"]


def test_a_plan_the_body_attaches_counts_and_a_form_it_attaches_does_not():
    text = ("关于开展2024年防汛隐患大排查的通知\n\n各乡镇人民政府：\n\n请按照《2024年防汛隐患大排查工作方案》（附件1）要求，"
            "认真开展排查，并填写《防汛隐患排查统计表》（附件2）。\n\n附件：1.2024年防汛隐患大排查工作方案\n2.防汛隐患排查统计表\n\n"
            "县应急管理局\n\n2024年6月1日\n\n附件1\n\n2024年防汛隐患大排查工作方案\n\n一、排查任务\n\n"
            "各乡镇要于6月20日前完成排查。\n\n附件2\n\n防汛隐患排查统计表\n\n一、基本情况\n\n填报时间：2024年6月25日前\n")
    notice = parse_text(text)
    assert [s.heading for s in notice.outline] == ["排查任务"]
    assert [d.date for d in notice.deadlines] == ["2024-06-20"]
