"""Tasks by reach and the county's own units (issue 14, items 2–4), measured on superior
notices written like real ones: a national three-year plan (ministry tasks, national goals), a
city 安委办 notice whose subjects are mostly outside bodies, a provincial one-page urgent notice
and a city 住建 notice wholly outside the bureau's remit."""

from __future__ import annotations

import json
import re

import pytest
from corpus import FIXTURES, GOLD_DIR, seed

from drafting.completeness import iter_plan_text
from drafting.county_units import profile_unit_names
from drafting.plan import CountyPlan
from drafting.plan_builder import build_plan, load_notice, strip_units_parenthesis
from drafting.profile import load_sample_profile
from drafting.substitution import Substituter
from drafting.task_reach import ReachClassifier, carried_text
from drafting.unit_matching import UnitMatcher
from parsing.model import Notice

SUPERIOR = FIXTURES / "superior"
REACH = ["reach_national_safety_three_year_plan", "reach_city_fire_outside_bodies",
         "reach_province_urgent_rainstorm", "reach_city_gas_outside_remit"]
OTHERS = ["city_urgent_fire_safety", "province_plan_infection_control"]
SEEDS = ["000_775843e89c21c7c6", "001_8a021ee28c76206d", "002_99f2e0c5d8a631cb", "004_344c48cfc74ac375"]


def _notice(name: str) -> Notice:
    path = SUPERIOR / f"{name}.json" if (SUPERIOR / f"{name}.json").exists() else GOLD_DIR / f"{name}.json"
    return Notice.from_json(json.loads(path.read_text(encoding="utf-8")))


def _plan(name: str) -> CountyPlan:
    return build_plan(_notice(name), load_sample_profile())


def _body(plan: CountyPlan) -> str:
    def walk(sections):
        for s in sections:
            yield s.heading
            yield from s.paragraphs
            yield from walk(s.children)
    return "\n".join([*plan.cover_body, *walk(plan.sections)])


# ----- 3. every 牵头/配合 unit is the county's own --------------------------------------------------
@pytest.mark.parametrize("name", REACH + OTHERS + SEEDS)
def test_every_lead_and_support_unit_is_in_the_profile(name):
    profile = load_sample_profile()
    plan = _plan(name)
    known = profile_unit_names(profile)
    units = [u for t in plan.tasks for u in t.lead + t.support]
    assert units and [u for u in units if u not in known] == []  # in-profile share 1.00
    assert not [c for c in plan.checks if "不能分派" in c.message]


def test_a_health_name_the_profile_lacks_is_shown_not_delegated():
    plan = _plan("province_plan_infection_control")
    task = next(t for t in plan.tasks if "社区卫生服务中心" in t.unresolved)
    assert "社区卫生服务中心" not in task.lead + task.support
    assert any(c.task_id == task.id and "社区卫生服务中心" in c.message and "请确认" in c.message
               for c in plan.checks)


def test_an_edited_unit_outside_the_profile_cannot_be_delegated():
    from drafting.completeness import recheck_plan

    notice, profile = _notice("reach_city_fire_outside_bodies"), load_sample_profile()
    plan = build_plan(notice, profile)
    plan.tasks[0].support = ["各级消防救援机构"]
    checks = recheck_plan(plan, notice, profile)
    assert any(c.level == "error" and c.task_id == plan.tasks[0].id and "各级消防救援机构" in c.message
               for c in checks)


def test_members_take_the_tasks_that_are_theirs():
    plan = _plan("reach_province_urgent_rainstorm")
    epidemic = next(t for t in plan.tasks if t.category == "做好灾后卫生防疫")
    assert epidemic.support == ["县疾病预防控制中心"]  # 各级疾控机构


# ----- 2. tasks by reach ----------------------------------------------------------------------------
def test_outside_bodies_are_partners_in_the_text_never_units():
    plan = _plan("reach_city_fire_outside_bodies")
    body = _body(plan)
    units = {u for t in plan.tasks for u in t.lead + t.support}
    partners = {p for t in plan.tasks for p in t.partners}
    assert {"消防救援机构", "教育部门", "住建部门", "电力企业"} <= partners
    for partner in partners:
        assert partner in body  # named in the text …
        assert not any(partner in u for u in units)  # … never as 牵头/配合
    fire = next(t for t in plan.tasks if "消防救援机构" in t.partners and t.source_task == 0)
    assert fire.measures.startswith("配合消防救援机构以人员密集场所")  # the bureau's own share
    assert fire.lead == ["局办公室"]  # 消防 is the office's business in the sample profile
    # 社会单位 carry their duty as every unit does: the county's units.
    social = next(t for t in plan.tasks if t.category == "落实社会单位主体责任")
    assert social.measures.startswith("各医疗卫生单位要落实消防安全主体责任")
    assert "各医疗卫生单位" in social.lead + social.support
    assert not plan.outside_remit  # the health bureau's own tasks are there too


def test_ministry_tasks_are_implemented_or_left_out_never_given_to_the_office():
    plan = _plan("reach_national_safety_three_year_plan")
    rows = "\n".join(t.category + t.measures for t in plan.tasks)
    assert "国家卫生健康委" not in rows and "国家医疗应急队伍" not in rows and "研究制订" not in rows
    guide = next(t for t in plan.tasks if t.source_task == 0)
    assert guide.category == "贯彻落实医疗卫生机构安全生产责任制实施指南"
    assert guide.measures.startswith("贯彻落实上级医疗卫生机构安全生产责任制实施指南")
    team = next(t for t in plan.tasks if t.source_task == 4)
    assert team.category == "加强医疗应急队伍建设" and team.lead == ["卫生应急办公室"]
    assert "加强本级医疗应急队伍建设" in team.measures  # the county's own share stays
    left = [c.message for c in plan.checks if c.task_id == team.id and "未列入上级原文" in c.message]
    assert len(left) == 1 and "加强国家医疗应急队伍建设与管理" in left[0]
    goals = " ".join(p for s in plan.sections if s.heading == "工作目标" for p in s.paragraphs)
    assert "全国" not in goals


def test_a_notice_wholly_outside_the_remit_is_flagged_first():
    plan = _plan("reach_city_gas_outside_remit")
    assert plan.outside_remit == ["住房和城乡建设局", "燃气经营企业"]
    assert "不属本局职责" in plan.checks[0].message and plan.checks[0].level == "error"
    units = {u for t in plan.tasks for u in t.lead + t.support}
    assert not any("住房" in u or "燃气" in u for u in units)
    for name in ("reach_city_fire_outside_bodies", "reach_national_safety_three_year_plan", "city_urgent_fire_safety"):
        assert not any("不属本局职责" in c.message for c in _plan(name).checks), name


# ----- 4. the whole task ----------------------------------------------------------------------------
def _normal(text: str) -> str:
    text = re.sub(r"\d+", "#", re.sub(r"[\s，。；、：“”（）《》！？,;:()]", "", text))
    # the county's own dates and hours stand for the superior's: 5月底 → 5月28日, 下午5点 → 15时
    text = re.sub(r"(?:#年)?#月(?:#日|底|末|上旬|中旬|下旬)?", "D", text)
    return re.sub(r"(?:上午|中午|下午|晚上|早上)?#(?:时|点)", "#时", text)


def _grams(text: str, n: int = 4) -> set[str]:
    text = _normal(text)
    return {text[i:i + n] for i in range(len(text) - n + 1)}


def recall_of_task_text(notice: Notice) -> tuple[float, list[str]]:
    """4-gram recall of the superior's whole task text in the plan, and the sentences carried
    poorly without being listed. Each sentence is expected as the county restates it: localised,
    its units parenthesis replaced by the county's units, a higher or outside body's duty written
    as the county's share (配合…, 贯彻落实上级…); a sentence left out must be listed."""
    profile = load_sample_profile()
    plan = build_plan(notice, profile)
    listed = " ".join(c.message for c in plan.checks)
    sub = Substituter(notice, profile, UnitMatcher(profile).map_department)
    reach = ReachClassifier(notice, profile)
    plan_grams = _grams("".join(text for _, text in iter_plan_text(plan)))
    reported_to = [s for s in plan.substitutions if s.reason == "本县各单位报送至本局，由本局汇总后上报"]
    listed_clauses = [_normal(m) for t in plan.tasks for note in t.left_out for m in re.findall(r"“([^”]+)”", note)]
    wanted: set[str] = set()
    poor: list[str] = []
    for task in notice.tasks:
        for sentence in reach.classify(task, carried_text(notice, task)).sentences:
            if sentence.printed is None:
                assert sentence.text in listed, f"left out without a note: {sentence.text}"
                continue
            expected = sub.apply(strip_units_parenthesis(sentence.printed), "核对")
            for change in reported_to:  # 报市卫健委安全生产科 → 报局办公室, listed in the 替换清单
                expected = expected.replace(change.original, change.replacement)
            expected = _normal(expected)
            for clause in listed_clauses:  # a clause left out on purpose and listed (本方案即…)
                expected = expected.replace(clause, "|") if clause else expected
            grams = {g for g in _grams(expected) if "|" not in g}
            wanted |= grams
            if grams and len(grams & plan_grams) / len(grams) < 0.8:
                poor.append(sentence.text)
    return len(wanted & plan_grams) / max(1, len(wanted)), poor


@pytest.mark.parametrize("name", REACH + OTHERS)
def test_the_whole_superior_task_text_reaches_the_plan(name):
    recall, poor = recall_of_task_text(_notice(name))
    assert recall >= 0.98, (recall, poor)
    assert poor == []  # every sentence not carried is listed in the completeness check


@pytest.mark.parametrize("prefix", ["000", "001", "002", "004"])
def test_the_whole_task_text_of_the_parsed_seeds_reaches_the_plan(prefix):
    recall, poor = recall_of_task_text(load_notice(seed(prefix)))
    assert recall >= 0.98 and poor == [], (recall, poor)


def test_every_paragraph_of_an_item_reaches_plan_and_table():
    plan = _plan("reach_national_safety_three_year_plan")
    by_source = {t.source_task: t for t in plan.tasks}
    second = "对排查发现的重大事故隐患，医疗卫生机构要制定整改方案"
    assert second in by_source[2].measures  # the item's second paragraph is in the 分工表 …
    assert second in _body(plan)  # … and in the plan
    # its dates are the task's own: 每半年至少开展1次应急疏散演练 stands in the item's 2nd paragraph
    training = by_source[5]
    assert any("应急疏散演练" in (d.text or "") for d in training.deadlines)
    assert "疏散演练开展1次" not in _body(plan)


def test_every_rewrite_is_in_the_substitution_list_with_its_reason():
    plan = _plan("reach_city_fire_outside_bodies")
    rewrites = {s.original: s for s in plan.substitutions if s.replacement.startswith("配合")}
    fire = rewrites["各级消防救援机构要以人员密集场所、高层建筑和大型综合体为重点，开展消防安全专项检查，对检查发现的重大火灾隐患依法挂牌督办"]
    assert fire.replacement.startswith("配合消防救援机构以人员密集场所") and "不列为牵头或配合单位" in fire.reason
    national = _plan("reach_national_safety_three_year_plan")
    assert any(s.replacement.startswith("贯彻落实上级") and "贯彻落实" in s.reason for s in national.substitutions)


@pytest.mark.parametrize("path", sorted(SUPERIOR.glob("*.txt")), ids=lambda p: p.stem[:28])
def test_no_row_hands_a_higher_bodys_own_work_to_a_county_unit(path):
    """No 分工表 row states a ministry's own work (研究制订…指南, 国家医疗应急队伍) as the county's."""
    plan = build_plan(load_notice(path), load_sample_profile())
    for task in plan.tasks:
        row = task.category + task.measures
        assert not re.search(r"(?:^|[。\n])研究制订|国家卫生健康委|国务院安委会|国家医疗应急队伍", row), (task.lead, row)


def test_an_outside_body_named_only_in_the_units_parenthesis_becomes_a_partner_in_the_text():
    from parsing.model import Source, Task

    notice = Notice(source=Source(file="x.txt", format="txt"), issuer="江州市卫生健康委员会",
                    title="江州市卫生健康委员会关于开展医疗机构消防安全检查的通知",
                    tasks=[Task(outline_path=["一"], heading="开展联合检查",
                                text="对二级以上医院开展消防安全联合检查。（市消防救援支队牵头，市卫健委医政医管科配合）",
                                lead=["市消防救援支队"], support=["市卫健委医政医管科"])])
    plan = build_plan(notice, load_sample_profile())
    task = plan.tasks[0]
    assert task.measures == "对二级以上医院开展消防安全联合检查，配合消防救援支队做好相关工作。"
    assert task.partners == ["消防救援支队"]
    assert "消防救援支队" not in "".join(task.lead + task.support)
    assert task.lead == ["医政医管股"]
