"""Level substitution: a superior's organs and scope words become the county's, each one listed."""

from __future__ import annotations

import json

from corpus import GOLD_DIR

from drafting.profile import load_sample_profile
from drafting.substitution import Substituter, superior_level
from drafting.unit_matching import UnitMatcher
from parsing.model import Notice, Source


def _notice(issuer: str, recipients: list[str] | None = None) -> Notice:
    return Notice(source=Source("x.txt"), issuer=issuer, title="关于开展某项工作的通知",
                  recipients=recipients or [])


def _substituter(notice: Notice) -> Substituter:
    profile = load_sample_profile()
    return Substituter(notice, profile, UnitMatcher(profile).map_department)


def test_levels_of_issuers():
    assert superior_level(_notice("忻州市卫生健康委员会办公室")).kind == "city"
    assert superior_level(_notice("湖川省卫生健康委员会")).kind == "province"
    assert superior_level(_notice("黔东南苗族侗族自治州卫生健康委员会")).kind == "city"
    assert superior_level(_notice("广州市卫生健康委员会")).place == "广州市"
    county = superior_level(_notice("随县卫生健康局"))
    assert county.kind == "county" and county.place == "随县"


def test_city_organs_scope_and_subordinates_become_the_countys():
    notice = Notice.from_json(json.loads((GOLD_DIR / "002_99f2e0c5d8a631cb.json").read_text(encoding="utf-8")))
    sub = _substituter(notice)
    text = ("各县（市、区）卫健委局局长、委机关各科室主要负责人参加。市卫健委将由委领导带队督查，"
            "并把全市卫健系统专项行动开展情况纳入考核。各县（市、区）卫生健康局、委属各单位、"
            "各级各类医疗卫生机构要24小时值班值守，材料于6月17日前报市卫健委办公室。")
    out = sub.apply(text, "测试")
    assert out == ("各医疗卫生单位主要负责人、局机关各股室主要负责人参加。县卫健局将由局领导带队督查，"
                   "并把全县卫健系统专项行动开展情况纳入考核。各医疗卫生单位要24小时值班值守，"
                   "材料于6月17日前报局办公室。")
    pairs = {(s.original, s.replacement) for s in sub.substitutions}
    assert ("市卫健委", "县卫健局") in pairs
    assert ("全市", "全县") in pairs
    assert ("市卫健委办公室", "局办公室") in pairs
    # The whole list of units collapses into one, and the list shows the original words.
    assert ("各县（市、区）卫生健康局、委属各单位、各级各类医疗卫生机构", "各医疗卫生单位") in pairs
    assert all(s.where == "测试" for s in sub.substitutions)
    assert sub.leftover_superior_names(out) == []


def test_cited_titles_keep_the_superiors_words():
    notice = _notice("江州市卫生健康委员会")
    sub = _substituter(notice)
    out = sub.apply("根据《全市卫生健康系统安全生产方案》和《江州市卫生健康委员会关于…的通知》，全市各单位", "依据")
    assert out == "根据《全市卫生健康系统安全生产方案》和《江州市卫生健康委员会关于…的通知》，全县各单位"


def test_superior_divisions_map_to_the_bureaus_own_departments():
    sub = _substituter(_notice("湖川省卫生健康委员会"))
    out = sub.apply("于5月30日前将实施方案报省卫生健康委医政医管处，全省各市（州）卫生健康委要", "报送")
    assert out == "于5月30日前将实施方案报医政医管股，全县各医疗卫生单位要"


def test_a_named_peer_recipient_becomes_the_county_units():
    notice = _notice("忻州市卫生健康委员会", ["各县（市、区）卫健委", "五台山风景区农村社会工作局", "委属各单位"])
    out = _substituter(notice).apply("五台山风景区农村社会工作局要对辖区内医疗机构全面排查", "x")
    assert out == "各医疗卫生单位要对辖区内医疗机构全面排查"


def test_leftover_names_are_found_but_citing_the_superior_is_allowed():
    sub = _substituter(_notice("江州市卫生健康委员会"))
    assert sub.leftover_superior_names("市卫健委将组织督查") == ["市卫健委"]
    assert sub.leftover_superior_names("江州市卫生健康委员会组织专家复核") == ["江州市卫生健康委员会"]
    assert sub.leftover_superior_names("按照市卫健委要求，认真落实") == []
    assert sub.leftover_superior_names("为认真贯彻落实市卫生健康委关于排查整治的部署要求") == []
    assert sub.leftover_superior_names("根据《市卫健委关于…的通知》") == []
    # A county's own organ is never mistaken for the superior.
    assert sub.leftover_superior_names("县卫生健康局和乡镇卫生院") == []


def test_a_neighbouring_countys_document_takes_our_county_name():
    sub = _substituter(_notice("随县卫生健康局"))
    assert sub.apply("随县卫生健康局将成立专项督导组", "x") == "示例县卫生健康局将成立专项督导组"
    assert sub.apply("全县各医疗机构", "x") == "全县各医疗机构"


def test_other_ways_of_naming_the_counties():
    sub = _substituter(_notice("江州市卫生健康局"))
    assert sub.apply("各区县卫生健康局要于5月底前完成", "x") == "各医疗卫生单位要于5月底前完成"
    assert sub.apply("各县区卫健局主要负责同志", "x") == "各医疗卫生单位主要负责人"
    assert sub.apply("各区（县）要对辖区内医疗机构开展检查", "x") == "各医疗卫生单位要对辖区内医疗机构开展检查"
    assert sub.apply("各区域医疗中心和市卫生健康局", "x") == "各区域医疗中心和县卫生健康局"
