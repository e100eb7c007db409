"""Words that speak from a superior's level, and the county's word for each.

A national plan says 全国, 各地, 各级卫生健康行政部门, 省级、市级卫生健康行政部门, 地方政府; a
provincial one 全省, 我省, 各市（州）, 省级医疗机构; a city one 全市, 本市, 市级. Said by the county
they become 全县, 我县, 各医疗卫生单位, 县卫生健康局, 县人民政府, 县级 (seeds 000 and 001 do
exactly this). The rules here are built for the superior's level: a city notice's 全省 speaks of a
level above the city and stays, a national notice's 省级 is one of its lower levels and becomes
县级. Each rule carries the reason shown in the 替换清单.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from drafting.profile import CountyProfile

# Level ranks: what a level word means.
RANK = {"national": 4, "province": 3, "city": 2, "county": 1}
_SCOPE_WORDS = {"national": ("国",), "province": ("省",), "city": ("市", "州")}
_LEVEL_ADJECTIVES = {"province": ("省",), "city": ("市", "地市", "州")}
LEVEL_NAMES = {"national": "国家", "province": "省", "city": "市", "county": "县"}

# Services the county runs at several levels itself (县级、乡镇级、村级): 各级医疗机构 is the county's too.
_SERVICE = r"(?:各类)?(?:医疗卫生|医疗|卫生|疾控|疾病预防控制|妇幼保健|急救|采供血|医养结合|托育)(?:服务)?(?:机构|单位)"
# Administrative organs: at the county there is one, the county's.
_HEALTH_ADMIN = r"(?:卫生健康|卫生计生|卫健|卫生)(?:行政)?(?:主管)?部门"
_PROVINCE_HEALTH = r"(?:卫生健康委员会|卫生健康委|卫健委|卫生计生委|卫生厅局|卫生厅)"
_OTHER_ORGAN = r"[^\s，。；：、和及与要的各]{2,8}?(?:部门|机构)"
# 全国消防日, 全国安全生产月, 全国卫生健康工作会议: names of national events stay.
_NATIONAL_EVENT = r"(?![\u4e00-\u9fff]{0,8}?(?:日|周|宣传月|生产月|会议|大会|运动|人大|政协)|“?两会)"
# 省级重点专科, 市级示范医院: designations, not the speaker's level.
_DESIGNATION = r"(?!以上|以下|及以上|重点|示范|先进|标准化|临床|质控|名|文明|卫生城|卫生县|卫生乡)"


# 健全省级…, 安全市场…: a word ending in 全 before a level word is no scope word.
NOT_A_WORD_ENDING_IN_QUAN = r"(?<![健完安齐顾两万双])"
# 省直医疗机构, 市属医院: the superior's own units; the county's are 县直.
_DIRECT = r"(?:直|属)(?:各)?(?:医疗卫生|医疗|卫生健康|卫健)?(?:机构|单位|医院)"


@dataclass
class LevelRule:
    """One rewrite: the pattern, how to rewrite a match (the match itself when it must stay),
    its kind (机关 | 下级 | 内设 | 范围 | 层级) and the reason shown to the clerk."""

    pattern: str  # no capturing groups: the rules are joined into one expression
    replace: Callable[[re.Match[str]], str]
    kind: str
    reason: str


def const(value: str) -> Callable[[re.Match[str]], str]:
    return lambda _m: value


def level_rules(kind: str, profile: CountyProfile) -> list[LevelRule]:
    """The rules for a superior of ``kind`` (national | province | city): organs of every level
    first (longest forms), then the superior's subordinates, then scope words and level adjectives."""
    if RANK.get(kind, 1) <= RANK["county"]:
        return []
    p = profile
    above = [k for k, r in RANK.items() if RANK["county"] < r <= RANK[kind]]  # the levels to bring down
    scope = [w for k in above for w in _SCOPE_WORDS.get(k, ())]
    adjectives = [w for k in above for w in _LEVEL_ADJECTIVES.get(k, ())]
    levels = "|".join(sorted(adjectives, key=len, reverse=True)) or "@@"
    level_list = rf"(?:{levels})级(?:、(?:{levels})级)*"
    who = LEVEL_NAMES[kind]
    rules: list[LevelRule] = []

    # Administrative organs of every level: one organ in the county; their parts are the bureau's 股室.
    rules.append(LevelRule(rf"(?:地方)?各级{_HEALTH_ADMIN}(?:各)?(?:内设机构|业务处室|处室|科室|职能部门)",
                           const(p.departments_collective), "内设",
                           f"{who}所称各级卫生健康行政部门的内设机构，在本县即{p.departments_collective}"))
    rules.append(LevelRule(rf"(?:地方)?各级{_HEALTH_ADMIN}", const(p.bureau_short), "机关", f"{who}所称各级卫生健康行政部门，在本县即{p.bureau_short}"))
    rules.append(LevelRule(rf"各地(?:区)?{_HEALTH_ADMIN}|(?<!各){level_list}{_HEALTH_ADMIN}", const(p.bureau_short), "机关",
                           f"{who}所称下级卫生健康行政部门，在本县即{p.bureau_short}"))
    rules.append(LevelRule(rf"各{level_list}{_HEALTH_ADMIN}", const(p.units_collective), "下级",
                           f"{who}文件的主送对象，在本县为{p.units_collective}"))
    rules.append(LevelRule(rf"各{level_list}(?:安委会|安全生产委员会|人民政府|政府|[^\s，。；：、和及与要的各]{{2,8}}?(?:部门|机构))",
                           lambda m: "县" + re.sub(r"^各[^级]*级(?:、[^级]*级)*", "", m.group(0)), "机关",
                           f"{who}文件主送的下级机关，在本县为县级对应机关"))
    rules.append(LevelRule(r"(?:地方)?各级党委(?:和|、)?政府|(?:地方)?各级(?:人民)?政府|地方(?:人民)?政府",
                           lambda m: "县委、县政府" if "党委" in m.group(0) else "县人民政府", "机关",
                           "本县的属地党委政府"))
    rules.append(LevelRule(rf"(?<![县乡镇村内省市国州])各级{_SERVICE}",
                           lambda m: "全县" + m.group(0), "范围", "限定为本县范围内的机构"))
    rules.append(LevelRule(rf"(?:地方)?(?<![县乡镇村内省市国州])各级{_OTHER_ORGAN}", lambda m: "县" + m.group(0).split("各级", 1)[1], "机关",
                           f"{who}所称各级有关部门，在本县为县级对应部门"))
    # The superior's direct subordinates (its 主送): the county's units.
    if kind == "national":
        rules.append(LevelRule(r"各省(?:、自治区、直辖市|[（(]区、市[）)]|份)(?:及新疆生产建设兵团)?"
                               rf"{_PROVINCE_HEALTH}?", const(p.units_collective), "下级",
                               f"国家文件的主送对象，在本县为{p.units_collective}"))
    # 各地: the lower areas the superior addresses; in the county, its units.
    rules.append(LevelRule(r"各地(?:区)?[、，]?各(?:有关|相关)?(?:单位|部门)|各级各(?:有关|相关)?部门", const("各单位"), "下级",
                           "本县由各单位落实"))
    # 各地要会同卫生健康部门…: the lower areas joining other departments are, in the county, the bureau.
    rules.append(LevelRule(r"各地(?:区)?(?=(?:要|应|须)?(?:会同|联合))", const(p.bureau_short), "机关",
                           f"{who}所称各地会同其他部门的工作，在本县即{p.bureau_short}"))
    # 各地疾控部门, 各地医疗机构: the county's own organ of that kind, the county's own institutions.
    rules.append(LevelRule(rf"各地(?:区)?(?={_SERVICE})", const("全县"), "范围", "上级所称各地的机构，在本县为全县的机构"))
    rules.append(LevelRule(rf"各地(?:区)?(?={_OTHER_ORGAN})(?!{_HEALTH_ADMIN})", const("县"), "机关",
                           f"{who}所称各地的有关部门，在本县为县级对应部门"))
    rules.append(LevelRule(r"(?<=[对由在向对于])各地(?:区)?(?![址点方名])", const("各单位"), "下级",
                           "上级所称各地，在本县为各单位"))
    rules.append(LevelRule(r"各地(?:区|市)?(?![址点方名])", const(p.units_collective), "下级",
                           f"上级所称各地（下级地区），在本县由{p.units_collective}落实"))
    # Scope words of the superior's level and the levels between it and the county.
    for word in scope:
        guard = _NATIONAL_EVENT if word == "国" else r"(?=[^级]|$)"
        rules.append(LevelRule(rf"{NOT_A_WORD_ENDING_IN_QUAN}全{word}{guard}", const("全县"), "范围",
                               f"{who}的范围词，改为本县范围"))
        if word != "国":
            rules.append(LevelRule(rf"(?:本|我){word}(?!级)", lambda m: m.group(0)[0] + "县", "范围",
                                   f"{who}的自称，改为本县"))
    rules.append(LevelRule(r"本地区(?!域)", const("本县"), "范围", "上级所称本地区，改为本县"))
    direct_units = next((g.name for g in p.unit_groups if g.kind == "县直单位"), p.subordinate_collective)
    rules.append(LevelRule(rf"(?:{levels}){_DIRECT}", const(direct_units), "下级", f"{who}直属的单位，在本县为{direct_units}"))
    # 省级、市级 as the speaker's own lower levels: 县级 in the county.
    rules.append(LevelRule(rf"{level_list}{_DESIGNATION}", const("县级"), "层级", f"{who}所称的本级或下级，在本县为县级"))
    return rules
