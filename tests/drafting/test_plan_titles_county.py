"""County plan titles as counties write them (seeds 000 and 001), and a cover title that never
doubles 关于."""

from __future__ import annotations

import pytest
from corpus import FIXTURES, seed

from drafting.plan_builder import PLAN_KINDS, build_plan, load_notice
from drafting.plan_export import plan_to_document
from drafting.profile import load_sample_profile

SUPERIOR = FIXTURES / "superior"


@pytest.mark.parametrize(("source", "title"), [
    # a national plan: its scope becomes the county's, its own kind (方案) and years stay (seed 001)
    (SUPERIOR / "adapt_national_safety_three_year_plan.txt", "示例县卫生健康系统安全生产治本攻坚三年行动方案（2024—2026年）"),
    (SUPERIOR / "province_plan_infection_control.txt", "示例县医疗机构感染防控能力提升行动方案（2025—2026年）"),
    # a notice: the work without 关于 and the leading verbs, then the kind the office chose
    (SUPERIOR / "city_urgent_fire_safety.txt", "示例县医疗机构消防安全隐患排查整治实施方案"),
    (SUPERIOR / "adapt_province_urgent_fire_facts.txt", "示例县冬春季医疗机构火灾防范工作实施方案"),
    # a forwarded notice: the forwarded one's work
    (SUPERIOR / "adapt_province_forward_notice.txt", "示例县医疗机构安全生产工作实施方案"),
    (seed("002"), "示例县卫健系统安全生产大排查大整治专项行动实施方案"),
    # a verb-phrase plan title is kept as it stands (seed 000 does so)
    (seed("000"), "迅速采取有效措施坚决遏制重大事故专项行动工作方案"),
    (seed("001"), "示例县卫生健康系统安全生产（消防）治本攻坚三年行动方案（2024—2026年）"),
    (seed("004"), "示例县卫生健康局2022年安全生产工作实施方案"),
], ids=lambda v: str(v)[-24:])
def test_county_plan_titles(source, title):
    plan = build_plan(load_notice(source), load_sample_profile())
    assert plan.title == title
    if plan.shape == "notice":  # a one-page urgent notice is answered by one short 通知 (issue 14.6)
        assert plan.cover_title.startswith("关于") and plan.cover_title.endswith("通知") and "《" not in plan.cover_title
    else:
        assert plan.cover_title == f"关于印发《{title}》的通知"


@pytest.mark.parametrize("source", sorted(SUPERIOR.glob("*.txt")) + [seed(n) for n in ("000", "001", "002", "004")],
                         ids=lambda p: p.stem[:24])
def test_no_title_doubles_guan_yu(source):
    notice = load_notice(source)
    for kind in PLAN_KINDS:
        plan = build_plan(notice, load_sample_profile(), kind=kind)
        cover = plan.cover_title
        if plan.shape == "notice":  # one short 通知: 关于…的紧急通知
            assert cover.count("关于") == 1, cover
            continue
        inner = cover[cover.index("《") + 1:cover.rindex("》")]
        assert cover.count("关于") == max(1, inner.count("关于")), cover  # the cover adds no second 关于
        if kind != "转发通知":
            assert "关于" not in plan.title and "工作工作" not in plan.title
            assert plan.title.endswith(("方案", "年）"))


def test_a_forwarding_cover_keeps_the_forwarded_title_whole_and_is_exported_as_a_forward():
    notice = load_notice(SUPERIOR / "city_urgent_fire_safety.txt")
    plan = build_plan(notice, load_sample_profile(), kind="转发通知")
    assert plan.cover_title == "转发《江州市卫生健康委员会关于立即开展医疗机构消防安全隐患排查整治的紧急通知》的通知"
    document = plan_to_document(plan)
    assert [a.title for a in document.attachments] == ["任务分工表"]  # the plan is the cover's body


def test_the_office_may_choose_a_work_plan():
    plan = build_plan(load_notice(SUPERIOR / "adapt_province_urgent_fire_facts.txt"), load_sample_profile(),
                      kind="工作方案")
    assert plan.title == "示例县冬春季医疗机构火灾防范工作方案"
