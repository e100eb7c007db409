"""The plan as editable text: exact round trip on drafted plans, edits read back, redraft keeps edits."""

from __future__ import annotations

import pytest
from corpus import seed

from desktop import jobs
from desktop.plan_text import apply_cover_text, apply_plan_text, cover_to_text, merge_edits, plan_to_text
from drafting.plan import CountyPlan, PlanSection


def _noop(*_a):
    return None


@pytest.fixture(scope="module")
def plans() -> list[CountyPlan]:
    from drafting.profile import load_sample_profile

    profile = load_sample_profile()
    out = []
    for prefix in ("000", "001", "002", "004"):
        notice = jobs.open_notice(_noop, lambda: False, seed(prefix)).notice
        out.append(jobs.draft_plan(_noop, lambda: False, notice, profile))
    return out


def test_plan_text_round_trips_on_drafted_plans(plans):
    for plan in plans:
        text = plan_to_text(plan)
        again = apply_plan_text(plan, text)
        assert again.title == plan.title
        assert again.sections == plan.sections
        cover = apply_cover_text(plan, cover_to_text(plan))
        assert (cover.cover_title, cover.recipients, cover.cover_body) == \
            (plan.cover_title, plan.recipients, plan.cover_body)


def test_headings_are_numbered_by_level():
    plan = CountyPlan(title="某县实施方案", cover_title="关于印发的通知", issuer="某县卫生健康局", sections=[
        PlanSection("总体要求", 1, ["以习近平新时代中国特色社会主义思想为指导。"]),
        PlanSection("主要任务", 1, [], [PlanSection("加强组织领导", 2, ["各单位要高度重视。"]),
                                         PlanSection("强化督导检查", 2, ["局办公室负责督导。"])])])
    text = plan_to_text(plan)
    assert text.splitlines()[2:] == ["一、总体要求", "以习近平新时代中国特色社会主义思想为指导。", "二、主要任务",
                                     "（一）加强组织领导", "各单位要高度重视。", "（二）强化督导检查", "局办公室负责督导。"]
    # a user who writes a run-in heading gets a heading with its first paragraph
    edited = text.replace("（二）强化督导检查\n局办公室负责督导。", "（二）强化督导检查。局办公室每周督导一次。")
    sections = apply_plan_text(plan, edited).sections
    assert sections[1].children[1] == PlanSection("强化督导检查", 2, ["局办公室每周督导一次。"])
    # a deleted section is gone, the rest keep their order
    without = "\n".join(line for line in text.splitlines() if "总体要求" not in line and "指导" not in line)
    assert [s.heading for s in apply_plan_text(plan, without).sections] == ["主要任务"]


def test_redrafting_keeps_the_sections_the_user_edited():
    old = "方案\n\n一、总体要求\n旧的要求。\n二、工作安排\n旧的安排。\n"
    user = old.replace("旧的安排。", "我们自己写的安排。")
    new = "方案\n\n一、总体要求\n新的要求。\n二、工作安排\n新的安排。\n三、工作要求\n新增的要求。\n"
    merged, kept = merge_edits(old, user, new)
    assert kept == 1
    assert merged == "方案\n\n一、总体要求\n新的要求。\n二、工作安排\n我们自己写的安排。\n三、工作要求\n新增的要求。\n"
    assert merge_edits(old, old, new) == (new, 0)
