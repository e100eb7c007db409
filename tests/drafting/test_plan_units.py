"""Units for each task: the superior's names mapped onto the profile, the 股室 keyword table."""

from __future__ import annotations

import pytest

from drafting.profile import load_sample_profile
from drafting.unit_matching import UnitMatcher


@pytest.fixture
def matcher() -> UnitMatcher:
    return UnitMatcher(load_sample_profile())


@pytest.mark.parametrize("name, expected", [
    ("疾控机构", "县疾病预防控制中心"),       # a generic word in the profile's alias table
    ("县疾控中心", "县疾病预防控制中心"),     # close to an alias (rapidfuzz)
    ("医政股", "医政医管股"),                 # a 股室's other name
    ("局法监股", "综合监督股"),
    ("委医政医管处", "医政医管股"),           # the superior's division → the bureau's 股室
    ("委科教处", "科教宣传股"),
    ("委督查处", "局办公室"),                 # no 股室 of that kind: the office
    ("各级各类医疗卫生机构", "各医疗卫生单位"),
    ("各单位", "各医疗卫生单位"),
    ("局相关股室", "局机关相关股室"),
    ("中医股等", "中医药股"),
])
def test_names_map_onto_the_profile(matcher, name, expected):
    assert matcher.map_name(name)[0] == expected


def test_the_bureau_itself_is_not_a_unit(matcher):
    for name in ("县卫生健康委", "县卫健局", "督查组", "县卫健局各工作组"):
        target, why = matcher.map_name(name)
        assert target is None and "本局自身" in why


def test_unknown_units_are_kept_as_written(matcher):
    target, why = matcher.map_name("托育机构")
    assert target is None and "按原文保留" in why


def test_keyword_table_picks_the_lead_department(matcher):
    food = matcher.suggest("食堂食品安全", "食堂各项食品安全制度健全、有专人负责；餐饮许可证、工作人员健康证齐全。", [], [])
    assert food.lead == ["综合监督股"]
    assert food.support == ["各医疗卫生单位"]
    assert any("食品安全" in r for r in food.reasons)
    nothing = matcher.suggest("其他", "认真做好有关工作。", [], [])
    assert nothing.lead == ["局办公室"] and "默认" in nothing.reasons[0]


def test_named_units_come_first_and_the_bureau_does_not_add_every_unit(matcher):
    named = matcher.suggest("监测", "疾控机构要加强流行病学调查。", ["委医政医管处"], ["委人事处"])
    assert named.lead == ["医政医管股"] and named.support[0] == "人事股"
    own = matcher.suggest("督导", "县卫健局将成立督导组开展督导。", ["县卫健局"], [])
    assert "各医疗卫生单位" not in own.support
    groups = matcher.suggest("排查", "各单位要全面排查。", ["各单位", "各乡镇卫生院"], [])
    assert groups.support == ["各医疗卫生单位"]  # the group is part of all units


def test_what_a_department_handled_is_suggested_next_time():
    import json

    from corpus import FIXTURES

    from drafting.plan_builder import build_plan
    from drafting.unit_matching import remember_assignments
    from parsing.model import Notice

    profile = load_sample_profile()
    notice = Notice.from_json(json.loads((FIXTURES / "superior" / "city_urgent_fire_safety.json")
                                         .read_text(encoding="utf-8")))
    plan = build_plan(notice, profile)
    task = next(t for t in plan.tasks if t.category == "住院楼和重点部位")
    assert task.lead == ["局办公室"]
    task.lead = ["医政医管股"]  # the office decides: wards are 医政医管股's business
    assert remember_assignments(profile, [task]) == 1
    assert "住院楼和重点部位" in next(d for d in profile.departments if d.name == "医政医管股").keywords
    again = build_plan(notice, profile)
    assert next(t for t in again.tasks if t.category == "住院楼和重点部位").lead == ["医政医管股"]
    assert remember_assignments(profile, [task]) == 0  # already known


@pytest.mark.parametrize("name, kind, target", [
    ("各级卫生健康行政部门", "bureau", None),           # the county bureau itself
    ("国务院安委会", "higher", None),                   # above the county: never a unit
    ("省疾控中心", "higher", None),                     # a superior's institution, not 县疾控中心
    ("市急救中心", "higher", None),
    ("各级消防救援机构", "outside", None),               # outside bodies: partners in the text only
    ("教育行政部门", "outside", None),
    ("电力企业", "outside", None),
    ("各级安全生产委会", "outside", None),
    ("市场监管部门", "outside", None),
    ("社会单位", "duty_holder", "各医疗卫生单位"),       # every unit is one: the county's units carry it
    ("各级疾控机构", "profile", "县疾病预防控制中心"),   # the member whose task it is
    ("各级医疗机构", "profile", "各医疗卫生单位"),
    ("县疾控中心", "profile", "县疾病预防控制中心"),
    ("社区卫生服务中心", "unresolved", None),            # health, but not in the profile: ask the clerk
])
def test_what_a_name_is_for_the_county(matcher, name, kind, target):
    role = matcher.role(name)
    assert (role.kind, role.target) == (kind, target)
    assert role.can_be_assigned == (kind in ("profile", "duty_holder"))


def test_outside_and_unknown_names_are_never_suggested_as_units(matcher):
    s = matcher.suggest("联合检查", "开展消防安全联合检查。", ["各级消防救援机构", "社区卫生服务中心"], ["电力企业"])
    units = s.lead + s.support
    assert not any(n in u for u in units for n in ("消防", "社区", "电力"))
    assert s.partners == ["消防救援机构", "电力企业"] and s.unresolved == ["社区卫生服务中心"]
    assert s.lead == ["局办公室"]  # 消防 is the office's in the sample profile
