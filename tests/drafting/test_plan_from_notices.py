"""Drafting the county plan from real superior notices: the gold parses of the seeds, the two
notices written for these tests (a city 紧急通知, a province 方案) and the parser's own output.

What must hold for every notice: every superior task is carried into the plan and the table,
every county date is the configured number of working days before the superior's (or the plan
says why it could not be), and no superior organ is left where the county's should be.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from corpus import FIXTURES, GOLD_DIR, seed
from rapidfuzz import fuzz

from drafting.completeness import iter_plan_text
from drafting.plan import CountyPlan
from drafting.plan_builder import DraftingError, build_plan, load_notice
from drafting.plan_export import task_table_rows
from drafting.profile import CountyProfile, load_sample_profile
from drafting.substitution import Substituter, superior_level
from drafting.task_reach import carried_text as superior_task_text
from parsing.model import Notice
from parsing.workdays import shift_working_days

SUPERIOR = FIXTURES / "superior"
GOLD = ["000_775843e89c21c7c6", "001_8a021ee28c76206d", "002_99f2e0c5d8a631cb", "004_344c48cfc74ac375"]
WRITTEN = ["city_urgent_fire_safety", "province_plan_infection_control"]
# The superior's own health organ, written with its level word (市卫健委, 省卫生健康委员会…).
_ORGAN = re.compile(r"(?<![县区乡镇])[省市州](?:卫生健康委员会|卫生健康委|卫生健康局|卫健委|卫健局|卫健体局)")


def _gold(name: str) -> Notice:
    return Notice.from_json(json.loads((GOLD_DIR / f"{name}.json").read_text(encoding="utf-8")))


def _written(name: str) -> Notice:
    return Notice.from_json(json.loads((SUPERIOR / f"{name}.json").read_text(encoding="utf-8")))


def _outside_titles(text: str) -> str:
    return re.sub(r"《[^》]*》", "", text)


def _section_text(plan: CountyPlan) -> str:
    return "\n".join(text for _, text in iter_plan_text(plan))


def assert_plan_carries(notice: Notice, plan: CountyPlan, profile: CountyProfile) -> None:
    # 1. Every superior task is in the plan's text and in the table, with its content.
    rows = task_table_rows(plan)
    assert len(rows) == len(plan.tasks)
    body = "\n".join(p for s in _walk(plan.sections) for p in [s.heading, *s.paragraphs])
    for index, task in enumerate(notice.tasks):
        carried = [t for t in plan.tasks if t.source_task == index]
        assert len(carried) == 1, f"superior task {index} ({task.heading}) carried {len(carried)} times"
        plan_task = carried[0]
        assert fuzz.ratio(superior_task_text(notice, task), plan_task.measures) >= 70, task.heading
        assert plan_task.measures[:40] in body, f"{task.heading} not printed in the plan"
        row = rows[plan.tasks.index(plan_task)]
        assert row[1] == plan_task.category and row[2] == plan_task.measures
        assert plan_task.lead, f"{task.heading} has no lead unit"
        assert row[5], "完成时限 empty"
    # 2. County dates: N working days before the superior's, or a check says why not.
    n = profile.lead_days
    warned = {c.task_id for c in plan.checks if c.level == "warning"}
    for task in plan.tasks:
        for dl in task.deadlines:
            if not dl.superior_date:
                continue
            superior, county = date.fromisoformat(dl.superior_date), date.fromisoformat(dl.date)
            assert county <= superior, f"{task.category}: {county} after {superior}"
            if county != shift_working_days(superior, -n):
                assert county > shift_working_days(superior, -n)
                assert task.id in warned, f"{task.category}: compressed date without a warning"
    for index, deadline in enumerate(notice.deadlines):
        if deadline.date and deadline.kind in ("due", "range"):
            assert any(d.superior_index == index for t in plan.tasks for d in t.deadlines) or \
                any(d.superior_date == deadline.date for t in plan.tasks for d in t.deadlines), deadline.text
    # A superior date phrase inside a carried task is rewritten with the county's date.
    for index, task in enumerate(notice.tasks):
        plan_task = next(t for t in plan.tasks if t.source_task == index)
        for di in task.deadlines:
            deadline = notice.deadlines[di]
            if deadline.kind == "due" and deadline.date and deadline.text in task.text:
                assert deadline.text not in plan_task.measures, deadline.text
    # 3. No superior organ left where the county's should be.
    sub = Substituter(notice, profile)
    for where, text in iter_plan_text(plan):
        assert sub.leftover_superior_names(text) == [], (where, text)
    if superior_level(notice).kind != "county":
        carried_text = "\n".join([*(t.category + t.measures + "".join(t.lead + t.support) for t in plan.tasks),
                                  *(h for s in _walk(plan.sections) if s.level > 0 for h in [s.heading, *s.paragraphs])])
        found = _ORGAN.findall(_outside_titles(carried_text))
        assert found == [], found
    assert [c.message for c in plan.checks if c.level == "error"] == []
    # 4. No template gaps.
    text = _section_text(plan)
    for gap in ("None", "{{", "}}", "（）", "，，", "。。", "关于的", "对的", "于前"):
        assert gap not in text, gap


def _walk(sections):
    for s in sections:
        yield s
        yield from _walk(s.children)


@pytest.mark.parametrize("name", GOLD)
def test_plan_from_gold_seed(name):
    notice = _gold(name)
    profile = load_sample_profile()
    plan = build_plan(notice, profile)
    assert_plan_carries(notice, plan, profile)
    # the county's own title (seed 000 keeps a verb-phrase title as it stands), never 关于…的
    assert plan.title.endswith(("方案", "方案（2024—2026年）")) and "关于" not in plan.title
    assert plan.cover_title == f"关于印发《{plan.title}》的通知"
    assert plan.recipients == profile.recipients()


@pytest.mark.parametrize("name", WRITTEN)
def test_plan_from_written_notice(name):
    notice = _written(name)
    profile = load_sample_profile()
    plan = build_plan(notice, profile)
    assert_plan_carries(notice, plan, profile)


@pytest.mark.parametrize("path", [SUPERIOR / f"{n}.txt" for n in WRITTEN] + [seed(n) for n in ("000", "001", "002", "004")],
                         ids=lambda p: Path(p).stem[:12])
def test_plan_from_the_parsers_own_output(path):
    notice = load_notice(path)
    profile = load_sample_profile()
    plan = build_plan(notice, profile)
    assert_plan_carries(notice, plan, profile)
    assert plan.superior["doc_number"] == notice.doc_number


def test_city_urgent_notice_in_detail():
    notice = _written("city_urgent_fire_safety")
    plan = build_plan(notice, load_sample_profile())
    assert plan.title == "示例县医疗机构消防安全隐患排查整治实施方案"
    assert "《江州市卫生健康委员会关于立即开展医疗机构消防安全隐患排查整治的紧急通知》（江卫健发〔2025〕36号）" \
        in plan.sections[0].paragraphs[0]
    assert "时间紧、任务重" in plan.cover_body[0]  # an urgent notice is passed on as urgent
    by_heading = {t.category: t for t in plan.tasks}
    # 于10月10日前: National Day (10月1日–8日) lies between; 3 working days back is 9月29日.
    ward = by_heading["住院楼和重点部位"]
    assert [d.date for d in ward.deadlines] == ["2025-09-29"]
    assert "于9月29日前完成辖区内二级以上医院住院楼的全面检查" in ward.measures
    report = by_heading["严格信息报送"]
    assert [(d.kind, d.date, d.time) for d in report.deadlines] == [
        ("due", "2025-09-16", None), ("recurring", None, "14:00"), ("due", "2025-10-21", None)]
    assert "于9月16日前将排查整治实施方案和联系人报医政医管股" in report.measures
    assert "每周五14时前报送" in report.measures
    assert by_heading["消防安全责任落实"].lead == ["医政医管股"]  # 委医政医管科牵头
    assert by_heading["施工现场和装饰装修"].lead == ["规划财务股"]  # 委规划财务科牵头
    assert "县疾病预防控制中心" in by_heading["电气和用氧安全"].support  # 疾控机构
    phases = [t.category for t in plan.tasks if t.section == "时间安排"]
    assert phases == ["全面排查阶段（即日起至9月23日）", "集中整治阶段（9月24日至10月21日）"]
    assert plan.cover_body[1] == "各单位请于9月16日前将本单位排查整治实施方案和联系人报医政医管股。"
    originals = {s.original for s in plan.substitutions}
    assert {"各县（市、区）卫生健康局", "市卫健委", "市卫健委医政医管科", "委属各单位"} <= originals


def test_province_plan_in_detail():
    notice = _written("province_plan_infection_control")
    plan = build_plan(notice, load_sample_profile())
    assert plan.title == "示例县医疗机构感染防控能力提升行动方案（2025—2026年）"
    by_heading = {t.category: t for t in plan.tasks}
    assert by_heading["健全感染防控组织体系"].lead == ["医政医管股"]  # 委医政医管处牵头
    assert "人事股" in by_heading["健全感染防控组织体系"].support  # 委人事处配合
    assert by_heading["开展全员培训"].lead == ["科教宣传股"]  # 委科教处牵头
    training = by_heading["开展全员培训"].deadlines
    assert [(d.kind, d.recurrence) for d in training] == [("recurring", "yearly")]
    collect = [t for t in plan.tasks if t.category == "报送实施方案"]
    assert [(d.date, d.to) for d in collect[0].deadlines] == [("2025-05-27", "医政医管股")]
    goals = next(s for s in plan.sections if s.heading == "工作目标")
    assert goals.paragraphs == ["2025年12月26日前，感染防控组织体系全部健全。",
                                "2026年12月28日前，基层医疗卫生机构感染防控能力明显提升。"]


def test_gold_002_schedules_the_tight_report_and_the_daily_one():
    plan = build_plan(_gold("002_99f2e0c5d8a631cb"), load_sample_profile())
    assert plan.title == "示例县卫健系统安全生产大排查大整治专项行动实施方案"
    reports = {t.category: t for t in plan.tasks if t.category.startswith("报送")}
    plan_report = reports["报送专项行动实施方案和联系人"].deadlines[0]
    assert (plan_report.date, plan_report.superior_date, plan_report.to) == ("2021-06-16", "2021-06-17", "局办公室")
    daily = reports["报送安全生产集中检查督查报送表格"].deadlines[0]
    assert (daily.kind, daily.recurrence, daily.time) == ("recurring", "daily", "15:00")
    tight = [c for c in plan.checks if c.task_id == reports["报送专项行动实施方案和联系人"].id]
    assert tight and "仅提前1个工作日" in tight[0].message
    assert plan.cover_body[1] == "各单位请于6月16日前将本单位专项行动实施方案和联系人报局办公室。"


def test_a_news_report_is_refused():
    with pytest.raises(DraftingError, match="无法起草"):
        build_plan(_gold("003_fe65c6187436f3b4"), load_sample_profile())


def test_lead_days_from_the_profile_are_used():
    profile = load_sample_profile()
    profile.lead_days = 5
    notice = _written("city_urgent_fire_safety")
    plan = build_plan(notice, profile)
    assert_plan_carries(notice, plan, profile)
    report = next(t for t in plan.tasks if t.category == "严格信息报送")
    # 10月24日 (Friday) minus 5 working days is 10月17日.
    assert report.deadlines[-1].date == "2025-10-17"


def test_plan_json_round_trip():
    plan = build_plan(_written("province_plan_infection_control"), load_sample_profile())
    again = CountyPlan.loads(plan.dumps())
    assert again == plan


def test_parsed_seed_002_restates_the_superiors_own_words_at_county_level():
    notice = load_notice(seed("002"))
    plan = build_plan(notice, load_sample_profile())
    opening = plan.sections[0].paragraphs[0]
    # The superior's purpose, shortened to its first and last clauses, then the citation.
    assert opening.startswith("为深刻汲取事故教训，")
    assert "以安全稳定的医疗卫生环境迎接建党100周年，根据《忻州市卫生健康委员会办公室关于" in opening
    general = next(s for s in plan.sections if s.heading == "总体要求")
    text = "".join(general.paragraphs)
    assert "各医疗卫生单位主要负责人要认真履行职责" in text  # 各县（市、区）卫健委局、各单位主要负责人
    # The city's own completed acts (市卫健委已成立14个督查检查组) are not claimed by the county.
    assert "已成立14个" not in _section_text(plan)
    leaders = next(s for s in plan.sections if s.heading == "组织领导").paragraphs
    assert leaders[1] == "组\u3000长：李明远\u3000局党组书记、局长"
    assert leaders[3].startswith("\u3000\u3000\u3000\u3000周建平")


def test_user_edits_are_kept_and_printed_and_rechecked():
    from drafting.completeness import recheck_plan

    notice = _written("city_urgent_fire_safety")
    profile = load_sample_profile()
    plan = build_plan(notice, profile)
    task = next(t for t in plan.tasks if t.category == "施工现场和装饰装修")
    task.lead, task.support = ["综合监督股"], ["县人民医院"]
    plan.doc_number = "示卫健〔2025〕41号"
    again = build_plan(notice, profile, edited=plan)
    kept = next(t for t in again.tasks if t.category == "施工现场和装饰装修")
    assert (kept.lead, kept.support) == (["综合监督股"], ["县人民医院"])
    assert again.doc_number == "示卫健〔2025〕41号"
    body = "".join(p for s in _walk(again.sections) for p in s.paragraphs)
    assert "（综合监督股牵头，县人民医院负责落实）" in body
    assert "（规划财务股牵头" not in body
    # Removing every lead unit is caught before export.
    kept.lead = []
    checks = recheck_plan(again, notice, profile)
    assert any(c.level == "error" and c.task_id == kept.id and "牵头单位" in c.message for c in checks)


def test_completeness_catches_late_dates_and_reports_without_a_contact():
    from drafting.completeness import recheck_plan

    notice = _written("city_urgent_fire_safety")
    profile = load_sample_profile()
    profile.contact.name = ""
    plan = build_plan(notice, profile)
    assert any(c.level == "error" and "联系人" in c.message for c in plan.checks)
    ward = next(t for t in plan.tasks if t.category == "住院楼和重点部位")
    ward.deadlines[0].date = "2025-10-13"  # after the superior's 10月10日
    report = next(t for t in plan.tasks if t.category == "严格信息报送")
    for d in report.deadlines:
        d.to = None
    report.measures = "各医疗卫生单位按时报送排查整治进展情况。"
    checks = recheck_plan(plan, notice, profile)
    assert any(c.level == "error" and c.task_id == ward.id and "晚于上级时限" in c.message for c in checks)
    assert any(c.level == "error" and c.task_id == report.id and "报送给谁" in c.message for c in checks)
    assert checks[0].level == "error" and checks[-1].level == "warning"
