"""County adaptation by level, over every sentence of the drafted plan (issue 14, item 1).

Every superior notice under tests/fixtures/superior/ is drafted with the sample profile; its
plan and cover notice must hold no superior-level word (全国, 全省, 我市, 各地, 各级…部门, 省级,
地方政府 …) in the county's own sentences, facts about the superior's territory must keep that
territory, cited titles stay as cited, and every change is in the 替换清单 with its reason.
"""

from __future__ import annotations

import re

import pytest
from adaptation_words import LEVEL_WORDS, draft, load_superior, measure_plan, printed_text, superior_sources

from drafting.plan_builder import PLAN_KINDS
from drafting.profile import load_sample_profile
from drafting.substitution import Substituter, superior_level
from drafting.territory_facts import is_territory_fact
from drafting.unit_matching import UnitMatcher
from parsing.model import Notice, Source

SOURCES = superior_sources()


def _notice(issuer: str, doc_number: str | None = None) -> Notice:
    return Notice(source=Source("x.txt"), issuer=issuer, title="关于开展某项工作的通知", doc_number=doc_number)


def _sub(issuer: str, doc_number: str | None = None) -> Substituter:
    profile = load_sample_profile()
    return Substituter(_notice(issuer, doc_number), profile, UnitMatcher(profile).map_department)


def _plan_text(plan) -> str:
    return "\n".join(text for _, text in printed_text(plan))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem)
def test_no_superior_level_word_left_in_the_countys_sentences(path):
    for kind in PLAN_KINDS:
        measure = measure_plan(path.stem, draft(path, kind), with_table=True)
        assert [(w.word, w.sentence) for w in measure.leftovers] == [], kind


def test_levels_known_from_issuer_and_number():
    assert superior_level(_notice("国家卫生健康委办公厅")).kind == "national"
    assert superior_level(_notice("国务院安全生产委员会办公室")).kind == "national"
    assert superior_level(_notice("应急管理部")).kind == "national"
    assert superior_level(_notice("", "国卫办医急函〔2025〕112号")).kind == "national"
    assert superior_level(_notice("湖川省卫生健康委员会")).kind == "province"
    assert superior_level(_notice("江州市卫生健康委员会")).kind == "city"
    assert superior_level(_notice("随县卫生健康局")).kind == "county"
    assert _sub("国家卫生健康委办公厅").superior_short == "国家卫生健康委"


def test_a_national_plans_organs_and_levels_become_the_countys():
    sub = _sub("国家卫生健康委办公厅", "国卫办规划函〔2024〕58号")
    cases = {
        "2026年底前，各级卫生健康行政部门和医疗卫生机构自觉把安全生产工作融入业务领域日常工作。":
            "2026年底前，县卫生健康局和医疗卫生机构自觉把安全生产工作融入业务领域日常工作。",
        "通过三年治本攻坚，全国卫生健康系统安全发展理念更加牢固。": "通过三年治本攻坚，全县卫生健康系统安全发展理念更加牢固。",
        "省级、市级卫生健康行政部门要加强本级医疗应急队伍建设与管理。": "县卫生健康局要加强本级医疗应急队伍建设与管理。",
        "各级各类医疗卫生机构每半年至少开展1次消防应急演练。": "全县各级各类医疗卫生机构每半年至少开展1次消防应急演练。",
        "各地要推动地方政府将医疗卫生机构安全生产纳入本地区安全生产工作总体部署。":
            "各医疗卫生单位要推动县人民政府将医疗卫生机构安全生产纳入本县安全生产工作总体部署。",
        "各级卫生健康行政部门要会同各级消防救援机构开展联合检查。": "县卫生健康局要会同县消防救援机构开展联合检查。",
        "要充分利用安全生产月、全国消防日等时间节点。": "要充分利用安全生产月、全国消防日等时间节点。",
        "报国家卫生健康委规划司。": "报规划财务股。",
    }
    for superior, county in cases.items():
        assert sub.apply(superior, "测试") == county


def test_a_city_notice_leaves_the_provinces_words_alone():
    sub = _sub("江州市卫生健康委员会")
    out = sub.apply("全市各级医疗机构要认真落实全省卫生健康工作会议部署，市级医疗机构要带头。", "x")
    assert out == "全县各级医疗机构要认真落实全省卫生健康工作会议部署，县级医疗机构要带头。"


def test_cited_titles_and_quotations_stay():
    sub = _sub("湖川省卫生健康委员会")
    text = "按照《全省医疗机构消防安全管理规范》和“全省一盘棋”要求，全省各级医疗机构要建立台账。"
    assert sub.apply(text, "x") == "按照《全省医疗机构消防安全管理规范》和“全省一盘棋”要求，全县各级医疗机构要建立台账。"


def test_the_superior_cited_as_the_source_keeps_its_name():
    sub = _sub("国家卫生健康委办公厅")
    assert sub.apply("按照国家卫生健康委统一部署，国家卫生健康委将组织督导。", "x") == \
        "按照国家卫生健康委统一部署，县卫生健康局将组织督导。"


@pytest.mark.parametrize("sentence", [
    "近期全省火灾事故多发，11月以来我省已发生较大火灾事故3起、造成9人死亡，教训极为深刻。",
    "2023年，全国卫生健康系统共发生安全生产事故12起，安全生产形势总体稳定。",
    "今年以来全省卫生健康系统共排查火灾隐患1.2万处，仍有部分隐患未整改到位。",
    "近年来我省医疗机构安全生产形势总体平稳，但风险隐患依然突出。",
    "近期全市接连发生多起电动自行车火灾，暴露出一些单位主要负责人责任不落实等问题。",
])
def test_facts_about_the_superiors_territory(sentence):
    assert is_territory_fact(sentence)
    sub = _sub("湖川省卫生健康委员会")
    out = sub.apply(sentence, "x")
    assert out == "据省卫生健康委通报，" + sentence  # territory kept, attributed
    (record,) = sub.substitutions
    assert record.original == sentence and "保留原范围" in record.reason


@pytest.mark.parametrize("sentence", [
    "通过三年治本攻坚，全国卫生健康系统安全发展理念更加牢固。",
    "各地要深刻汲取近期事故教训，全面排查隐患。",
    "到2026年底，全省二级以上医疗机构感染防控组织体系全部健全。",
    "确保全市火灾形势稳定。",
    "全省各级医疗机构要于12月20日前完成自查。",
])
def test_goals_and_duties_are_not_facts(sentence):
    assert not is_territory_fact(sentence)


def test_a_fact_phrase_in_the_countys_own_sentence_keeps_its_territory():
    sub = _sub("湖川省卫生健康委员会")
    out = sub.apply("各医疗卫生单位要深刻汲取近期全省火灾事故教训，全省各级医疗机构要立即自查。", "x")
    assert out == "各医疗卫生单位要深刻汲取近期省内火灾事故教训，全县各级医疗机构要立即自查。"
    out = sub.apply("截至10月底，全省共有12家医院被挂牌督办，全省各级医疗机构要引以为戒。", "x")
    assert out == "截至10月底，省内共有12家医院被挂牌督办，全县各级医疗机构要引以为戒。"
    kept = [s for s in sub.substitutions if (s.original, s.replacement) == ("全省", "省内")]
    assert kept and all("保留原范围" in s.reason for s in kept)


def test_superior_facts_never_become_county_claims():
    county_claim = re.compile(r"(?:全县|我县|本县)[^。；]{0,20}?(?:已发生|共发生|已有|多发|频发|接连发生|共排查|形势总体平稳)")
    for path in SOURCES:
        text = _plan_text(draft(path))
        assert not county_claim.search(text), path.stem
    urgent = _plan_text(draft(SOURCES[0].with_name("adapt_province_urgent_fire_facts.txt")))
    assert "据省卫生健康委通报，今年以来全省卫生健康系统共排查火灾隐患1.2万处，仍有部分隐患未整改到位。" in urgent
    national = _plan_text(draft(SOURCES[0].with_name("adapt_national_safety_three_year_plan.txt")))
    assert "据国家卫生健康委通报，2023年，全国卫生健康系统共发生安全生产事故12起" in national
    forward = _plan_text(draft(SOURCES[0].with_name("adapt_province_forward_notice.txt")))
    assert "据省卫生健康委通报，近年来我省医疗机构安全生产形势总体平稳" in forward
    council = _plan_text(draft(SOURCES[0].with_name("adapt_national_council_urgent_notice.txt")))
    assert "据国务院安全生产委员会通报，今年以来，全国已累计排查整治重大事故隐患32万项" in council
    city = _plan_text(draft(SOURCES[0].with_name("adapt_city_notice_facts.txt")))
    assert "为深刻汲取近期市内接连发生的火灾事故教训" in city  # a fact phrase in the county's purpose
    assert "截至11月底，市内已有3家医院因值班不到位被通报，各单位要引以为戒。" in city  # a fact clause
    assert "我县各二级以上医院要每日报告" in city  # the duty in the same sentence is the county's


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem)
def test_titles_in_book_marks_are_the_superiors_own(path):
    notice = load_superior(path)
    source = re.sub(r"\s", "", notice.text)
    for title in re.findall(r"《([^《》]*(?:〈[^〈〉]*〉[^《》]*)*)》", _plan_text(draft(path))):
        if LEVEL_WORDS.search(title):  # a superior's title: cited as it is written
            assert title.replace("〈", "《").replace("〉", "》") in source or title in source, title


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem)
def test_every_change_is_listed_with_its_reason(path):
    notice = load_superior(path)
    plan = draft(path)
    assert all(s.reason for s in plan.substitutions)
    checked = 0
    for index, task in enumerate(notice.tasks):
        carried = next((t for t in plan.tasks if t.source_task == index), None)
        if carried is None:
            continue  # a task left out on purpose (listed by the builder)
        text = re.sub(r"《[^》]*》|“[^”]*”", "", task.text)
        for m in LEVEL_WORDS.finditer(text):
            after = text[m.end():m.end() + 6]
            if len(after) < 4 or after not in carried.measures or m.group(0) + after in carried.measures:
                continue  # not carried here, or kept as it was (an attributed fact)
            assert any(m.group(0) in s.original and task.heading in s.where for s in plan.substitutions), \
                (task.heading, m.group(0))
            checked += 1
    assert checked or not path.stem.startswith("adapt_")


def test_what_the_superior_has_itself_done_is_left_out_and_listed():
    sub = _sub("江州市卫生健康委员会")
    line = "市卫健委已成立4个督查组，分赴各县开展督查。各单位要立即开展自查。"
    assert sub.drop_superior_deeds(line, "总体要求") == "各单位要立即开展自查。"
    (record,) = sub.substitutions
    assert record.original.startswith("市卫健委已成立") and record.replacement == "（未写入）" and record.reason
    national = _sub("国家卫生健康委办公厅")
    assert national.drop_superior_deeds("国家卫生健康委已印发指南。", "x") == ""


def test_the_national_addressees_and_lower_areas_become_the_countys_units():
    sub = _sub("国家卫生健康委办公厅")
    assert sub.apply("各省、自治区、直辖市及新疆生产建设兵团卫生健康委要高度重视。", "x") == "各医疗卫生单位要高度重视。"
    assert sub.apply("国家卫生健康委将对各地开展督导，各地市要及时总结。", "x") == \
        "县卫生健康局将对各单位开展督导，各医疗卫生单位要及时总结。"
    assert sub.apply("地方各级应急管理部门要即日起至全国“两会”结束加强值守。", "x") == \
        "县应急管理部门要即日起至全国“两会”结束加强值守。"
    assert all(s.reason for s in sub.substitutions)


def test_a_national_organ_that_is_not_health_and_its_addressees():
    sub = _sub("国务院安全生产委员会办公室", "安委办明电〔2025〕12号")
    assert sub.level.kind == "national"
    assert sub.apply("各省级安委会要督促各地严格执行领导干部带班制度。", "x") == "县安委会要督促各医疗卫生单位严格执行领导干部带班制度。"
    assert sub.apply("据统计，全国共发生火灾事故12起。", "x") == "据统计，全国共发生火灾事故12起。"  # already attributed
    assert sub.apply("我委将组织督导，本部门要抓好落实。", "x") == "我局将组织督导，本部门要抓好落实。"
    assert superior_level(_notice("江州市委宣传部")).kind == "city"
    assert superior_level(_notice("国家市场监督管理总局")).kind == "national"


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem)
def test_an_attributed_fact_is_no_leftover_organ_in_the_check(path):
    plan = draft(path)
    assert not [c.message for c in plan.checks if "上级机关名称" in c.message]
