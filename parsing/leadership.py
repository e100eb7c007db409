"""The leading group a notice sets up: its name, 组长, 副组长, 成员 and where its office sits.

Three ways of writing it are read: sentences (``组长由许骏同志担任``, ``局长张国栋任组长``,
``组长为X``, ``组长：X``, ``成立以/由X为/任组长…的领导小组``), role lines (``组  长：居清平 市卫健委党组书记、主任``
followed by one line per person until the next role) and table rows (``组长 | 张三 | 局长``); the
lines may stand in an enclosed 名单 after the signature. Names lose the posts before or after them
(``副局长王丽``, ``王丽副局长`` → 王丽) and the spaces that layout put inside them (``夏 鸿`` → 夏鸿).
"""

from __future__ import annotations

import itertools
import re

from parsing.cnnum import FULL_DATE
from parsing.document import CleanText
from parsing.model import Leadership
from parsing.units import compact, is_unit

_GROUP = re.compile(r"(?:成立|组建|设立|调整|建立)(?:了)?((?:以|由)[^。；;\n]{0,160}?的)?([^，,。；;\n]{0,50}?(?:领导小组|领导组|工作专班|指挥部|工作小组|联席会议))")
# 成立以局长王建国为组长，副局长刘强、陈芳为副组长，…为成员的…领导小组
_WITH_LEADER = re.compile(r"以([^，,。；;]+?)为(?:组长|指挥长)")
# A name run before its keyword starts at a clause boundary (``_AT_CLAUSE``): tried from every
# position instead, a long run without punctuation is rescanned from each character (quadratic).
_AT_CLAUSE = r"(?<![^，,。；;：:\n])"
_WITH_DEPUTY = re.compile(r"(?<![^，,。；;以])([^，,。；;以]+?)为副(?:组长|指挥长)")
_WITH_MEMBERS = re.compile(_AT_CLAUSE + r"([^，,。；;]+?)为成员")
_TITLE_PREFIX = re.compile(r"^(?:(?:常务|党组|党委|党工委)?副?(?:书记|局长|主任|院长|科长|股长|部长|处长|区长|县长|市长|省长|"
                           r"厅长|委员|调研员|主任科员|组长|秘书长|巡视员)[、和]?)+")
_ROLE_LINE = re.compile(r"^\s*(副\s*组\s*长|组\s*长|成\s*员|办公室主任|副\s*指\s*挥\s*长|指\s*挥\s*长|副?\s*总\s*指\s*挥"
                        r"|副?\s*召\s*集\s*人)\s*[:：]\s*(.*)$")
_ROLES = {"组长": "leader", "指挥长": "leader", "总指挥": "leader", "召集人": "leader", "副组长": "deputy",
          "副指挥长": "deputy", "副总指挥": "deputy", "副召集人": "deputy", "成员": "members", "办公室主任": "office_head"}
# 组长由X担任 / X任组长 / 由X任组长 / X同志担任组长 / 组长为X / 组长：X
_ROLE_WORD = r"(?:组长|指挥长|总指挥|召集人)"
_LEADER_SENTENCES = (
    re.compile(rf"(?<!副){_ROLE_WORD}由([^，,。；;：:]{{1,120}}?)(?:同志)?(?:担任|兼任)"),
    re.compile(rf"{_AT_CLAUSE}([^，,。；;：:]+?)(?:同志)?(?:担任|兼任|任)(?:领导小组)?{_ROLE_WORD}"),
    re.compile(rf"(?<![副为])(?<!成员){_ROLE_WORD}(?:为|是|[:：])([^，,。；;：:]{{1,120}})"),
)
_DEPUTY_SENTENCES = (
    re.compile(rf"副{_ROLE_WORD}由([^，,。；;：:]{{1,120}}?)(?:同志)?(?:担任|兼任)"),
    re.compile(rf"{_AT_CLAUSE}([^，,。；;：:]+?)(?:同志)?(?:担任|兼任|任)(?:领导小组)?副{_ROLE_WORD}"),
    re.compile(rf"副{_ROLE_WORD}(?:为|是|[:：])([^。；;：:]{{1,200}}?)(?=[，,；;。]|成员|$)"),
)
_MEMBERS_SENTENCE = re.compile(r"(?:成员由([^。；;]{1,800}?)(?:组成|担任)|" + _AT_CLAUSE + r"([^，,。；;]+?)为(?:领导小组)?成员|"
                               r"(?<![副组])成员(?:为|包括|[:：])([^。；;]{1,2000}))")
_OFFICE_AT = re.compile(r"办公室设在([^，,。；;（(\n]{1,80})")
_OFFICE_HEAD = re.compile(r"办公室主任由([^，,。；;]{0,60}?(?:办公室|科|股|处|室|中心|局|委))(?:主任|副主任|科长|股长|负责人|局长)")
# A notice sets up a group or two; past this many mentions the rest are not read.
MAX_GROUP_MENTIONS = 40
_NAME = re.compile(r"^[\u4e00-\u9fa5·]{2,4}$")
_NAME_THEN_TITLE = re.compile(
    r"^([\u4e00-\u9fa5]{2,3})(?=市|县|区|省|州|乡|镇|局|委|党|副|主任|院长|书记|科长|股长|同志|[（(])")
_TITLE_WORDS = re.compile(r"(?:局长|主任|书记|院长|科长|股长|部长|处长|调研员|负责人|委员|成员|同志)$")
_CN_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|第[一二三四五六七八九十]+[章条])")


def person_name(entry: str) -> str:
    """The person's name in a role entry (``夏 鸿 市卫健委副主任`` → 夏鸿); a role line stays whole."""
    tokens = entry.split()
    if not tokens:
        return ""
    while len(tokens) > 1 and len(tokens[0]) == 1 and len(tokens[1]) <= 2 and _NAME.match(tokens[0] + tokens[1]):
        tokens[0:2] = [tokens[0] + tokens[1]]
    first = tokens[0].strip("，,。；;、")
    if first.endswith("同志"):
        first = first[:-2]
    if len(tokens) > 1 and _NAME.match(first) and not is_unit(first):
        return first
    whole = compact(entry).strip("，,。；;")
    if whole.endswith("同志"):
        whole = whole[:-2]
    if _NAME.match(whole) and not is_unit(whole) and not _TITLE_WORDS.search(whole):
        return whole
    if whole.startswith(("各", "全", "有关", "相关")):
        return whole
    m = _NAME_THEN_TITLE.match(whole)
    return m.group(1) if m else whole


_POSTS = (r"(?:书记|局长|主任|院长|科长|股长|部长|处长|区长|县长|市长|省长|厅长|委员|调研员|主任科员|秘书长|巡视员|"
          r"负责人|所长|站长|队长|主席|组长)")
_POST_THEN_NAME = re.compile(rf"^(?!各|全)\S*?{_POSTS}([\u4e00-\u9fa5·]{{2,4}})$")
_NAME_THEN_POST = re.compile(rf"^(?!各|全)([\u4e00-\u9fa5·]{{2,3}}?)(?:同志)?(?:党组|党委)?(?:常务)?副?{_POSTS}$")
_POST_ONLY = re.compile(rf"\S*?(?:党组|党委)?(?:常务)?副?{_POSTS}")


_NOT_NAMES = frozenset({"主要", "分管", "相关", "有关", "各级", "单位", "部门", "科室", "股室", "全体", "副职"})


def _drop_post(piece: str) -> str:
    """``县卫生健康局局长张国栋`` / ``王丽副局长`` → the name: a person's post is dropped."""
    m = _POST_THEN_NAME.match(piece) or _NAME_THEN_POST.match(piece)
    if m and not is_unit(m.group(1)) and not _TITLE_WORDS.search(m.group(1)) and m.group(1) not in _NOT_NAMES:
        return m.group(1)
    return piece


_TITLE_IN_PARENS = re.compile(r"[（(][^（()）]*(?:长|主任|书记|员|记|负责人|同志)[）)]")


def _names(value: str) -> list[str]:
    """Names listed in one sentence or line: split on 、 when every piece is a short name."""
    # 李明（副局长）王芳（副局长）: the post in brackets also separates the people
    value = re.sub(r"、(?=\s*(?:、|$))", "", _TITLE_IN_PARENS.sub("、", value.strip())).strip("。；;，,、")
    tokens = value.split()
    if len(tokens) > 1 and all(re.fullmatch(r"[\u4e00-\u9fa5]{2,3}", t) and not is_unit(t)
                               and not _TITLE_WORDS.search(t) for t in tokens):
        return tokens  # 副组长：张三  李四  王五
    pieces = [_drop_post(_TITLE_PREFIX.sub("", compact(p)).removesuffix("同志")) for p in re.split(r"[、，,]", value)
              if p.strip()]
    pieces = [p for p in pieces if p and not _POST_ONLY.fullmatch(p)]  # 局党组书记、局长张国栋
    if len(pieces) > 1 and all(len(p) <= 4 for p in pieces):
        return pieces
    if len(pieces) == 1 and _NAME.match(pieces[0]) and not is_unit(pieces[0]):
        return pieces
    return [person_name(value)] if value else []


_MEMBERS_END = re.compile(r"(?:领导小组|工作专班|专班|指挥部)?(?:下设办公室|办公室设在|下设|负责日常)")


def _split_members(value: str) -> list[str]:
    out, depth, start = [], 0, 0
    # a wrapped line may run the next sentence on: 成员：…负责人领导小组下设办公室，…
    value = _MEMBERS_END.split(value, maxsplit=1)[0]
    value = value.strip().strip("。；;")
    for i, ch in enumerate(value + "、"):
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in "、，,":
            piece = compact(value[start:i]).strip("。；;")
            if piece:
                out.append(piece)
            start = i + 1
    return out


_PERSON_ENTRY = re.compile(r"^[\u4e00-\u9fa5·]{2,4}[（(][^（()）]{1,24}[）)]$")


_NEXT_PERSON = re.compile(rf"{_POSTS}(?=[\u4e00-\u9fa5·]{{2,3}}[ \u3000])")


def _person_entries(value: str) -> list[str]:
    """``赵立新 …副主任孙敏 …副主任`` (two lines a wrap ran together) → one entry per person."""
    if not _NAME_SPACED_POST.match(value):
        return [value]
    cuts = [m.end() for m in _NEXT_PERSON.finditer(value)]
    bounds = [0, *cuts, len(value)]
    return [value[a:b] for a, b in itertools.pairwise(bounds) if value[a:b].strip()]


def _person_entry(raw: str) -> bool:
    """``刘晓燕（办公室主任）`` or ``刘  洋    市卫生健康委医政科科长``: one person and the post."""
    return bool(_PERSON_ENTRY.match(compact(raw)) or _NAME_SPACED_POST.match(raw))


_NAME_SPACED_POST = re.compile(r"^\s*[\u4e00-\u9fa5·](?:[ \u3000]?[\u4e00-\u9fa5·]){1,3}[ \u3000]+\S")


def _continues(role: str, line: str, previous: str) -> bool:
    """Whether ``line`` lists more people of the role above it (one person per line)."""
    value = compact(line)
    if not value or len(value) > 40 or re.search(r"[。：:]", line) or FULL_DATE.search(value) or is_unit(value):
        return False  # a sentence, a signature organ or its date
    if role == "members":  # members run on after a trailing 、/，, or one person (post) a line
        return compact(previous).endswith(("、", "，", ",")) or (_person_entry(line) and _person_entry(previous))
    return True


def _group_name(raw: str) -> str:
    group = compact(raw)
    return group[group.rindex("的") + 1:] if "的" in group else group


_RECIPIENTS_MUST = re.compile(r"各[^，,]{0,20}?(?:要|应|须|务必)")


def find_leadership(clean: CleanText) -> Leadership | None:
    """The leading group of the notice, or None when it sets up none."""
    matches = list(itertools.islice(_GROUP.finditer(clean.text), MAX_GROUP_MENTIONS))
    best: Leadership | None = None
    for k, m in enumerate(matches):
        sentence = re.split(r"[。；;\n]", clean.text[max(0, m.start() - 80):m.start()])[-1]
        if re.search(r"(?:要|应|须|应当|督促|指导)$", sentence) or _RECIPIENTS_MUST.search(sentence):
            continue  # 各单位要成立…: a group the recipients must set up, not the notice's own
        # a heading (``三、成立工作专班``) names the kind; the sentence after it names the group
        named = [g for g in matches[k:k + 3] if g.start() - m.start() < 300 and len(_group_name(g.group(2))) > 4]
        found = _read_group(clean, m.start(), named[0] if named else m)
        if found is None or not found.leader:
            # 组成人员名单见附件: the role lines stand in an enclosed list further down
            listed = _role_list_start(clean, m.end())
            if listed is not None:
                found = _read_group(clean, listed, named[0] if named else m) or found
        # "各单位要成立以主要负责人为组长的工作小组" names roles; the notice's own group names people
        if found is not None and (best is None or _people(found) > _people(best)):
            best = found
    return best


def _role_list_start(clean: CleanText, after: int) -> int | None:
    """Start of the first ``组长：`` line after ``after`` (a list of the group's members), or None."""
    for para in clean.paragraphs:
        if para.start < after:
            continue
        rm = _ROLE_LINE.match(clean.text[para.start:para.end])
        if rm and _ROLES.get(compact(rm.group(1))) == "leader":
            return para.start
    return None


def _people(group: Leadership) -> int:
    named = [n for n in group.leader + group.deputy if _NAME.match(n) and not _TITLE_WORDS.search(n)]
    return len(named) * 10 + len(group.leader + group.deputy + group.members)


def _sentence_names(patterns: tuple[re.Pattern, ...], flat: str) -> list[str]:
    """The people the first matching sentence form names, their posts dropped."""
    for pattern in patterns:
        for m in pattern.finditer(flat):
            value = re.sub(r"^(?:由|以|并|其中|另)", "", m.group(1))
            names = [n for n in _names(value) if n]
            if names and not any(len(n) > 20 for n in names):
                return names
    return []


def _read_group(clean: CleanText, at: int, naming: re.Match) -> Leadership | None:
    """The group whose members are listed from ``at`` (named at ``naming``), or None when no one is named."""
    text = clean.text
    result = Leadership(group=_group_name(naming.group(2)) or None)
    if naming.group(1):
        clause = compact(naming.group(1))
        if lm := _WITH_LEADER.search(clause):
            result.leader = _names(lm.group(1))
        if dm := _WITH_DEPUTY.search(clause):
            result.deputy = _names(dm.group(1))
        if mm := _WITH_MEMBERS.search(clause):
            result.members = _split_members(mm.group(1))
    paras = [p for p in clean.paragraphs if p.end > at]
    region_end = paras[-1].end if paras else len(text)
    for p in paras[1:]:
        if _CN_HEADING.match(text[p.start:p.end]):
            region_end = p.start
            break
    region = text[at:region_end]
    result.span = (at, region_end)

    role: str | None = None
    previous = ""
    office_head_text = ""
    for p in paras:
        if p.start >= region_end:
            break
        line = text[p.start:p.end]
        rm = _ROLE_LINE.match(line)
        cells = [c for c in line.split("\t") if compact(c)]
        if rm:
            role = _ROLES.get(compact(rm.group(1)))
            value = rm.group(2)
        elif len(cells) >= 2 and compact(cells[0]) in _ROLES:  # a table row: 组长 | 张三 | 局长
            role = _ROLES[compact(cells[0])]
            value = cells[1] if role == "members" else " ".join(cells[1:])
        elif role and _continues(role, line, previous):
            value = line
        else:
            role = None
            continue
        previous = value
        if not compact(value):
            continue
        for entry in _person_entries(value) if role in ("leader", "deputy", "members") else [value]:
            if role == "members":
                name = person_name(entry)
                single = _NAME.match(name) and not is_unit(name) and compact(entry) != name
                result.members.extend([name] if single else _split_members(entry))
            elif role == "office_head":
                office_head_text = entry
            elif role in ("leader", "deputy"):
                getattr(result, role).extend(_names(entry))

    flat = compact(region)
    if not result.leader:
        result.leader = _sentence_names(_LEADER_SENTENCES, flat)
    if not result.deputy:
        result.deputy = _sentence_names(_DEPUTY_SENTENCES, flat)
    if not result.members and (mm := _MEMBERS_SENTENCE.search(flat[flat.find("组长"):] if "组长" in flat else flat)):
        value = mm.group(1) or mm.group(2) or mm.group(3)
        result.members = _split_members(value)
    if om := _OFFICE_AT.search(flat):
        result.office = om.group(1)
    elif oh := _OFFICE_HEAD.search(flat):
        result.office = oh.group(1)
    elif office_head_text:
        result.office = person_name(office_head_text)
    if not (result.leader or result.deputy or result.members):
        return None
    return result
