"""Sentences as real superior notices write them, and the county's version of each.

One table per level of issuer; each row is a sentence of the kind found in national, provincial
and city notices on health-system safety, and what the county bureau's plan says instead.
"""

from __future__ import annotations

import pytest

from drafting.profile import load_sample_profile
from drafting.substitution import Substituter
from drafting.unit_matching import UnitMatcher
from parsing.model import Notice, Source

NATIONAL = [
    ("各地卫生行政部门要高度重视低温天气的卫生应急工作，及时了解本地区天气变化情况。",
     "县卫生健康局要高度重视低温天气的卫生应急工作，及时了解本县天气变化情况。"),
    ("各省、自治区、直辖市卫生厅局要将本通知转发至辖区内各级各类医疗机构。",
     "各医疗卫生单位要将本通知转发至辖区内各级各类医疗机构。"),
    ("省级卫生健康行政部门要于每月5日前汇总本省情况报送我委医政司。",
     "县卫生健康局要于每月5日前汇总本县情况报送医政医管股。"),
    ("近年来，全国医疗机构火灾事故呈多发态势，2023年共发生火灾事故56起。",
     "据国家卫生健康委通报，近年来，全国医疗机构火灾事故呈多发态势，2023年共发生火灾事故56起。"),
    # 健全 before 省 is no 全省.
    ("各地要结合实际，建立健全省、市、县三级医疗应急队伍体系。",
     "各医疗卫生单位要结合实际，建立健全省、市、县三级医疗应急队伍体系。"),
    ("力争到2025年底，全国二级以上医院全部建立消防安全标准化管理体系。",
     "力争到2025年底，全县二级以上医院全部建立消防安全标准化管理体系。"),
    ("地方各级卫生健康行政部门和各级各类医疗卫生机构要树立“全国一盘棋”思想。",
     "县卫生健康局和全县各级各类医疗卫生机构要树立“全国一盘棋”思想。"),
    ("各级各部门要提高站位，确保全国卫生健康系统安全形势持续稳定。",
     "各单位要提高站位，确保全县卫生健康系统安全形势持续稳定。"),
    ("各级卫生健康行政部门内设机构要将安全生产与业务工作同时安排部署。",
     "局机关各股室要将安全生产与业务工作同时安排部署。"),
]
PROVINCE = [
    ("全省卫生健康系统要以“零容忍”态度开展排查整治，我委将适时通报各地进展情况。",
     "全县卫生健康系统要以“零容忍”态度开展排查整治，我局将适时通报各医疗卫生单位进展情况。"),
    ("截至目前，全省已排查医疗机构2.3万家，发现隐患1.1万处，整改率86%。",
     "据省卫生健康委通报，截至目前，全省已排查医疗机构2.3万家，发现隐患1.1万处，整改率86%。"),
    ("各市（州）卫生健康委要督促辖区内医疗机构于3月底前完成自查，省卫生健康委将组织抽查。",
     "县卫生健康局要督促全县医疗机构于3月底前完成自查，县卫生健康局将组织抽查。"),
    ("省直医疗机构由委医政医管处负责督导，市级医疗机构由各市（州）卫生健康委负责。",
     "县直各医疗卫生单位由医政医管股负责督导，县级医疗机构由各医疗卫生单位负责。"),
    # The higher levels cited as the source stay; the speaker's 我省 becomes 我县.
    ("按照省委、省政府部署和国家卫生健康委要求，结合我省实际，制定本方案。",
     "按照省委、省政府部署和国家卫生健康委要求，结合我县实际，制定本方案。"),
    ("完成全省医疗机构消防安全评估，健全省级质控体系。", "完成全县医疗机构消防安全评估，健全省级质控体系。"),
]
CITY = [
    ("各县（市、区）、各级各部门、各医疗机构要提高站位，确保全市医疗机构安全稳定运行。",
     "各医疗卫生单位、各医疗机构要提高站位，确保全县医疗机构安全稳定运行。"),
    ("今年1—10月，全市共发生火灾事故126起，同比上升12%。",
     "据市卫生健康委通报，今年1—10月，全市共发生火灾事故126起，同比上升12%。"),
    # 市级 is the city speaking of its own level; 省级示范医院 is a designation above it.
    ("市级医疗机构要发挥示范带头作用，创建省级示范医院。", "县级医疗机构要发挥示范带头作用，创建省级示范医院。"),
    ("要深刻汲取全省近期发生的火灾事故教训，举一反三。", "要深刻汲取省内近期发生的火灾事故教训，举一反三。"),
]


def _sub(issuer: str) -> Substituter:
    profile = load_sample_profile()
    notice = Notice(source=Source("x.txt"), issuer=issuer, title="关于开展某项工作的通知")
    return Substituter(notice, profile, UnitMatcher(profile).map_department)


@pytest.mark.parametrize(("issuer", "superior", "county"),
                         [("国家卫生健康委办公厅", s, c) for s, c in NATIONAL]
                         + [("湖川省卫生健康委员会", s, c) for s, c in PROVINCE]
                         + [("江州市卫生健康委员会", s, c) for s, c in CITY])
def test_the_countys_version_of_a_superior_sentence(issuer, superior, county):
    sub = _sub(issuer)
    assert sub.apply(superior, "测试") == county
    assert all(s.reason and s.where == "测试" for s in sub.substitutions)
    assert bool(sub.substitutions) == (superior != county)
