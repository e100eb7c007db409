"""Organ names in the head and foot of a 公文: the 版头, the signature, the organ opening a title.

``parsing.units.is_unit`` knows unit names by their usual endings and rejects a name that opens
with a character that can be a preposition (``自然资源部``) or ends with a word it does not list
(``国家能源局综合司``). A line standing alone in the 版头 or the signature is known to name organs,
so here a name also counts when it is built like one: Chinese characters only, no clause words,
ending with an organ head word (部, 厅, 司, 局, 委, 署, 办公室 …).
"""

from __future__ import annotations

import re

from parsing.units import compact, is_unit

# the head word an organ name ends with (办公厅, 综合司, 委员会, 人民政府, 管理局 …)
_ORGAN_HEAD = re.compile(r"(?:办公厅|办公室|委员会|人民政府|政府|司|局|厅|委|部|署|院|办|处|室|中心|总队|支队|大队|"
                         r"分局|党委|党组|工委|管委会|银行|分行|支行|海关|联社|合作社|公司|集团|联合会|总工会|指挥部)$")
# characters that make a phrase a clause, never part of an organ's name
_CLAUSE_CHARS = re.compile(r"[的了要应将请把被是在对向于从以等如若即已均并也还再就都]")
_NOT_ORGANS = re.compile(r"(?:全部|局部|内部|外部|干部|本部|总部|此处|各处|到处|之处|好处|出处|住处|院办)$")


_TITLE_WORDS = re.compile(r"关于|转发|印发|批转")


def is_organ(name: str) -> bool:
    """Whether ``name`` reads as one organ: a unit name, or one built like an organ's name."""
    value = compact(name)
    if _TITLE_WORDS.search(value):
        return False  # ``阳城县卫生健康局转发晋城市卫生健康委员会`` is a title's first line
    if is_unit(value):
        return True
    if not 3 <= len(value) <= 30 or not re.fullmatch(r"[\u4e00-\u9fa5（）]+", value):
        return False
    if not _ORGAN_HEAD.search(value) or _NOT_ORGANS.search(value):
        return False
    # a preposition-like first character is fine (自然资源部, 当地政府); inside the name it marks a clause
    return not _CLAUSE_CHARS.search(value[1:])


_ORGAN_START = re.compile(r"(?:国家|国务院|中共|中国|[\u4e00-\u9fa5]{0,6}?[省市县区州旗盟](?![长委级]))")
_ORGAN_END = re.compile(r"(?:办公厅|办公室|委员会|人民政府|政府|综合司|局|厅|委|部|署|院|会)")
_ORGAN_SPLIT = re.compile(r"\s+|、")
_VERTICAL_HEAD = re.compile(r"^(?:国家|中国)[\u4e00-\u9fa5]{1,12}?总(?:局|行|署|队|公司)$")
_PLACE_START = re.compile(r"^[\u4e00-\u9fa5]{1,8}?[省市县区州旗盟]")


def split_joined_organs(name: str) -> list[str]:
    """``国家发展改革委办公厅国家税务总局办公厅`` (two signature lines run together) → both organs."""
    for m in _ORGAN_END.finditer(name):
        head, tail = name[:m.end()], name[m.end():]
        if _VERTICAL_HEAD.search(head) and _PLACE_START.match(tail):
            continue  # 国家税务总局临澧县税务局: a local office of a vertically run organ is one name
        if len(head) >= 4 and len(tail) >= 4 and is_organ(head) and _ORGAN_START.match(tail) and is_organ(tail) \
                and not _ORGAN_END.match(tail) and not tail.startswith(("室", "员会", "司")):
            return [head, *split_joined_organs(tail)]
    return [name]


def organ_names(text: str) -> list[str]:
    """The organs named on a line: several when spaces or 、 separate whole names, else one."""
    # a seal mark after each organ (``中共X县委办公室（印）  X县人民政府办公室（印）``) separates the names
    text = re.sub(r"\s*[（(](?:代章|印章|盖章|公章|签章|章|印)[）)]\s*", "  ", text.strip()).strip()
    parts = [compact(p) for p in _ORGAN_SPLIT.split(text) if p.strip()]
    if parts and all(is_organ(p) and not p.startswith(("各", "全")) for p in parts):
        return [name for part in parts for name in split_joined_organs(part)]
    whole = compact(text)
    return split_joined_organs(whole) if is_organ(whole) and not whole.startswith(("各", "全")) else []


def is_organ_line(text: str) -> bool:
    """A line that holds only organ names (a 版头 or a signature)."""
    value = text.strip()
    if not value or len(compact(value)) > 60 or re.search(r"[。，,；;：:“”《》\t]", value):
        return False
    return bool(organ_names(value))


# what continues an organ's name: a cut right before it would split the organ
_ORGAN_CONTINUES = re.compile(r"^(?:办公厅|办公室|委员会|员会|公室|公厅|综合司|司|室|厅|局|处|部|委|中心|领导小组|小组|指挥部)")


_CUT_AFTER = re.compile(r"(?:办公厅|办公室|委员会|人民政府|政府|综合司|司|局|厅|委|部|署|院|会|中心|大队|支队|站|所|办)")


def split_organ_prefix(text: str, max_rest: int = 10) -> tuple[str, str] | None:
    """``忻州市卫生健康委员会办公室忻卫健办函`` (a 版头 run on into the 发文机关代字) → the organ and the rest.

    The cut is the first one after which the head names organs and the rest, at most ``max_rest``
    characters, does not carry on the organ's name (``…委员会`` + ``办公室忻…`` is no cut)."""
    value = compact(text)
    for m in _CUT_AFTER.finditer(value):
        head, rest = value[:m.end()], value[m.end():]
        if len(head) >= 3 and rest and len(rest) <= max_rest and not _ORGAN_CONTINUES.match(rest) \
                and organ_names(head):
            return head, rest
    return None
