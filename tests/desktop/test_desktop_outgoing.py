"""The pure pieces behind the 起草 page's outgoing fields, checks and file names; the case file."""

from __future__ import annotations

import datetime as dt
import json

from desktop.cases import Case, CaseStore, OutgoingFields
from desktop.outgoing import (
    check_text,
    current_warnings,
    default_file_name,
    default_issue_date,
    expand_doc_number,
)
from desktop.plan_text import merge_edits
from drafting.plan import CheckItem, CountyPlan
from parsing.model import Notice, Source


def test_a_bare_serial_becomes_the_full_document_number():
    assert expand_doc_number("12", "示卫健", 2025) == "示卫健〔2025〕12号"
    assert expand_doc_number("１２号", "示卫健", 2025) == "示卫健〔2025〕12号"
    assert expand_doc_number("示卫健发[2025]3号", "示卫健", 2025) == "示卫健发〔2025〕3号"
    assert expand_doc_number("  ", "示卫健", 2025) == ""


def test_the_issue_date_is_today_but_never_before_the_superiors():
    notice = Notice(source=Source(file="x.txt"), issue_date="2025-03-10")
    assert default_issue_date(notice, dt.date(2025, 3, 20)) == dt.date(2025, 3, 20)
    assert default_issue_date(notice, dt.date(2025, 3, 1)) == dt.date(2025, 3, 10)
    assert default_issue_date(None, dt.date(2025, 3, 1)) == dt.date(2025, 3, 1)


def test_corrected_fields_silence_their_parse_warnings():
    notice = Notice(source=Source(file="x.txt"), warnings=[
        "未找到公文标题", "“12月20日”的年份无法确定（成文日期不详），未计算日期", "标题编号“（三)”与上下文不符"])
    assert current_warnings(notice) == notice.warnings
    notice.title = "关于做好学校传染病防控工作的通知"
    notice.issue_date = "2025-11-20"
    assert current_warnings(notice) == ["标题编号“（三)”与上下文不符"]


def test_a_parse_warning_is_labelled_once():
    assert check_text(CheckItem("warning", "解析提示：未找到公文标题")) == "【解析】未找到公文标题"
    assert check_text(CheckItem("error", "第1项没有牵头单位")) == "【错误】第1项没有牵头单位"


def test_default_file_names_never_leave_a_bracket_open():
    title = "示例县卫生健康局关于贯彻落实省卫生健康委员会关于进一步加强基层医疗卫生机构能力建设的实施方案（2025—2027年）"
    name = default_file_name(title, ".docx")
    stem = name.removesuffix(".docx")
    assert len(stem) <= 40 and name.endswith(".docx")
    assert stem.count("（") == stem.count("）")
    assert default_file_name("关于印发《示例县春季学校传染病防控工作方案》的通知", ".docx") == \
        "关于印发《示例县春季学校传染病防控工作方案》的通知.docx"
    assert default_file_name("关于印发《" + "甲" * 50 + "》的通知", ".docx") == "关于印发.docx"
    assert default_file_name("a/b:c", ".xlsx") == "abc.xlsx"


def test_a_renamed_heading_is_kept_on_a_redraft():
    old = "标题\n\n一、总体要求\n甲。\n二、主要任务\n（一）加强组织领导\n乙。\n（二）抓好落实\n丙。\n"
    user = old.replace("（一）加强组织领导", "（一）强化组织保障")
    new = old.replace("甲。", "甲，已修订。")
    merged, kept = merge_edits(old, user, new)
    assert kept == 1
    assert "（一）强化组织保障" in merged.splitlines() and "（一）加强组织领导" not in merged
    assert "甲，已修订。" in merged  # the sections the clerk did not touch follow the new draft


def test_a_case_round_trips_and_a_damaged_file_is_set_aside(tmp_path):
    store = CaseStore(tmp_path / "cases")
    plan = CountyPlan(title="示例县工作方案", cover_title="关于印发《示例县工作方案》的通知", issuer="示例县卫生健康局")
    case = Case("ab" * 32, "/data/来文.docx", notice=Notice(source=Source(file="来文.docx"), title="来文"),
                plan=plan, plan_text="示例县工作方案\n", outgoing=OutgoingFields(doc_number="示卫健〔2025〕3号",
                                                                          cc=["县政府办公室"], urgency="加急"),
                table_edits=[("T1", 3)])
    case.record_export("/out/方案.docx", "实施方案")
    path = store.save(case)
    back = store.load(case.digest)
    assert back is not None and back.to_json() == case.to_json()
    assert back.outgoing.apply_to(back.plan).cc == ["县政府办公室"] and back.plan.urgency == "加急"
    assert [c.digest for c in store.all()] == [case.digest]
    path.write_text("{not json", encoding="utf-8")
    assert store.load(case.digest) is None
    assert path.with_name(path.name + ".broken").read_text(encoding="utf-8") == "{not json"
    assert json.loads(store.save(case).read_text(encoding="utf-8"))["schema"] == "case/1"
