"""Notices written for these tests (tests/fixtures/notices): a city 通知 with a 任务分工表, a province
方案 in articles, a 转发 notice and a 紧急通知; every output validates against notice.schema.json."""

from __future__ import annotations

import json

import jsonschema
import pytest
from conftest import FIXTURES, SCHEMA_PATH, seed_paths
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.cli import main
from parsing.model import Source
from parsing.parser import parse_clean, parse_file
from parsing.pipeline import text_from_string

NOTICES = FIXTURES / "notices"


@pytest.fixture(scope="module")
def schema():
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", sorted(NOTICES.glob("*.txt")) + seed_paths(), ids=lambda p: p.name)
def test_output_is_valid_notice_json(path, schema):
    data = json.loads(json.dumps(parse_file(path).to_json(), ensure_ascii=False))
    jsonschema.validate(data, schema)


def test_city_notice_with_task_table():
    n = parse_file(NOTICES / "city_task_table.txt")
    assert n.issuer == "江州市卫生健康委员会"  # from the 版头 "…文件"
    assert n.doc_number == "江卫健发〔2025〕18号"
    assert n.recipients == ["各县（市、区）卫生健康局", "市直各医疗卫生单位", "委机关各处室"]
    assert n.issue_date == "2025-04-08"
    assert n.basis == ["江州市安全生产委员会关于开展2025年消防安全专项整治的通知"]
    tasks = {tuple(t.outline_path): t for t in n.tasks}
    # 工作目标 is narrative: no task; 三、任务分工's table rows are tasks numbered by 序号
    assert ("一",) not in tasks
    assert tasks[("二", "（一）")].lead == ["各县（市、区）卫生健康局"]
    assert tasks[("二", "（二）")].lead == ["市卫生健康委医政医管处"]
    assert tasks[("二", "（二）")].support == ["市疾控中心", "各县（市、区）卫生健康局"]
    assert tasks[("二", "（三）")].lead == ["市卫生健康委办公室"]
    assert tasks[("二", "（三）")].support == ["市急救中心", "市卫生健康综合监督执法支队"]
    row = tasks[("三", "2")]
    assert row.heading == "开展高层医疗建筑消防设施检测"
    assert row.lead == ["市卫生健康委规划发展与信息化处"] and row.support == ["各县（市、区）卫生健康局"]
    assert tasks[("三", "3")].support == ["市急救中心", "各医疗机构"]
    assert [n.deadlines[i].date for i in row.deadlines] == ["2025-06-30"]  # its 完成时限 cell
    assert tasks[("四", "（一）")].lead == ["各单位"]
    assert [(c.name, c.phone, c.email) for c in n.contacts] == [("周晓雯", "0791-86231045", "jzwjwyz@163.com")]
    assert n.attachments == ["医疗机构消防安全检查清单", "专项整治工作进展情况统计表"]


def test_task_table_in_a_docx(tmp_path):
    from docx import Document

    doc = Document()
    for line in ("江州市卫生健康委员会文件", "江卫健发〔2025〕18号", "关于做好消防安全专项整治工作的通知",
                 "各县（市、区）卫生健康局：", "现将任务分工通知如下：", "一、任务分工"):
        doc.add_paragraph(line)
    rows = [["序号", "重点任务", "牵头单位", "配合单位"],
            ["1", "制定检查清单", "市卫生健康委医政医管处", "市疾控中心"],
            ["2", "开展培训", "市卫生健康委办公室（牵头）、市急救中心", ""]]
    table = doc.add_table(rows=3, cols=4)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    doc.add_paragraph("江州市卫生健康委员会")
    doc.add_paragraph("2025年4月8日")
    path = tmp_path / "分工.docx"
    doc.save(path)
    n = parse_file(path)
    assert n.source.format == "docx" and n.issue_date == "2025-04-08"
    assert [(t.outline_path, t.heading, t.lead, t.support) for t in n.tasks] == [
        (["一", "1"], "制定检查清单", ["市卫生健康委医政医管处"], ["市疾控中心"]),
        (["一", "2"], "开展培训", ["市卫生健康委办公室"], ["市急救中心"])]


def test_province_measures_in_articles():
    n = parse_file(NOTICES / "province_articles.txt")
    assert n.title == "湖东省卫生健康委员会办公室关于印发湖东省医疗卫生机构安全生产管理办法的通知"
    assert n.enclosed_title == "湖东省医疗卫生机构安全生产管理办法"  # no 《》: the enclosure's own head
    assert n.issue_date == "2024-11-20"  # written 二〇二四年十一月二十日
    assert n.basis == ["中华人民共和国安全生产法", "医疗机构消防安全管理九项规定"]
    chapters = [s for s in n.outline if s.numbered]
    assert [c.number for c in chapters] == ["第一章", "第二章", "第三章"]
    assert [a.number for a in chapters[1].children] == ["第三条", "第四条", "第五条"]
    # 总则 and 附则 describe; the articles on responsibilities assign
    assert [t.outline_path for t in n.tasks] == [["第二章", "第三条"], ["第二章", "第四条"], ["第二章", "第五条"]]
    assert n.tasks[1].lead == ["各市（州）卫生健康委"]
    assert n.tasks[2].lead == ["医疗卫生机构"]


def test_forwarded_notice():
    n = parse_file(NOTICES / "forwarded.txt")
    assert n.enclosed_title == "县人民政府办公室关于做好汛期安全防范工作的通知"
    assert n.signatory == "临川县卫生健康局"  # the forwarding organ, not the forwarded one
    assert n.issue_date == "2023-06-12"
    tasks = {tuple(t.outline_path): t for t in n.tasks}
    assert tasks[("一",)].lead == ["各乡镇人民政府", "县应急管理局", "县水利局"]
    assert tasks[("二",)].lead == ["县卫健委"]


def test_urgent_notice_with_working_group():
    n = parse_file(NOTICES / "urgent.txt")
    assert n.urgency == "特急"
    assert n.doc_number == "平卫健〔2022〕31号"
    assert n.title == "关于立即开展医疗机构燃气安全隐患排查整治的紧急通知"
    assert n.genre == "通知"
    lead = n.leadership
    assert lead is not None
    assert lead.group == "燃气安全排查整治工作专班"
    assert lead.leader == ["韩卫"]
    assert lead.deputy == ["林晓光", "苏敏"]
    assert lead.office == "局医政医管科"
    assert [t.outline_path for t in n.tasks] == [["一"], ["二"]]  # 三、成立工作专班 assigns nothing
    assert n.tasks[1].lead == ["医疗机构"]  # 医疗机构主要负责人要… → the unit
    assert n.contacts[0].name == "郑涛" and n.contacts[0].phone == "0577-88213456转8021"


def test_county_plan_without_header():
    n = parse_file(NOTICES / "county_plan.txt")
    assert n.genre == "方案" and n.title == "清溪县校园及周边食品安全专项整治实施方案"
    assert n.doc_number is None and n.recipients == [] and n.issue_date is None
    assert n.basis == ["市食品安全委员会办公室关于开展校园食品安全守护行动的通知"]
    tasks = {tuple(t.outline_path): t for t in n.tasks}
    assert ("一",) not in tasks and ("二",) not in tasks  # 工作目标, 组织领导
    assert (tasks[("三", "（一）")].lead, tasks[("三", "（一）")].support) == (["县教育体育局"], ["县市场监督管理局"])
    assert tasks[("三", "（二）")].lead == ["县市场监督管理局"]
    assert tasks[("三", "（三）")].lead == ["县卫生健康局", "县疾控中心"]
    assert tasks[("三", "（四）")].lead == ["各乡镇人民政府"]  # 会同县公安局: an object, not a lead
    assert tasks[("五", "（二）")].lead == ["县政府督查室"]
    lead = n.leadership
    assert (lead.group, lead.leader, lead.deputy, lead.office) == (
        "清溪县校园食品安全专项整治工作领导小组", ["罗平"], ["何建军", "唐晓梅"], "县教育体育局")
    assert [(c.name, c.phone) for c in n.contacts] == [("黄丽", "0736-5221186")]


def test_cli_prints_one_object_for_one_file_and_json_lines_for_several(capsys):
    assert main(["parse", str(NOTICES / "urgent.txt"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "notice/1" and data["source"]["file"] == "urgent.txt"
    assert main(["parse", str(NOTICES / "urgent.txt"), str(NOTICES / "forwarded.txt"), "--json"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert [json.loads(line)["source"]["file"] for line in lines] == ["urgent.txt", "forwarded.txt"]


def test_cli_summary_is_chinese(capsys):
    assert main(["parse", str(NOTICES / "urgent.txt")]) == 0
    out = capsys.readouterr().out
    assert "发文字号：平卫健〔2022〕31号" in out and "组长：韩卫" in out


def test_cli_missing_file_is_a_user_error(capsys, tmp_path):
    assert main(["parse", str(tmp_path / "无此文件.txt"), "--json"]) == 2
    assert "错误" in capsys.readouterr().err


_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(NOTICES.glob("*.txt")) + seed_paths()]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_any_piece_of_a_notice_parses_without_an_extractor_failing(data):
    text = data.draw(st.sampled_from(_TEXTS))
    a = data.draw(st.integers(0, len(text) - 1))
    b = data.draw(st.integers(a + 1, len(text)))
    lines = text[a:b].splitlines()
    if data.draw(st.booleans()):
        lines = data.draw(st.permutations(lines))
    piece = "\n".join(lines)
    if not piece.strip():
        return
    _, clean = text_from_string(piece)
    notice = parse_clean(clean, Source("piece.txt"))
    assert not [w for w in notice.warnings if "识别出错" in w]
    for task in notice.tasks:
        a, b = task.span
        assert 0 <= a <= b <= len(notice.text)
