"""Organ and unit names: recognising them, splitting lists of them, telling two spellings apart.

Names are recognised by rules (a unit name ends with an organ word: 局/委/办/股/室/中心/机构/单位…)
and the words of jieba's dictionary and ``resources/gov_terms.dict`` read as plain text; only
:func:`find_units`, for running text, builds jieba's tokenizer (lazily, once, about a second). ``canonical_unit`` expands the usual abbreviations listed in
``resources/unit_aliases.txt`` so that ``县卫健委`` and ``县卫生健康委员会`` share one key.
"""

from __future__ import annotations

import importlib.util
import re
import threading
from functools import cache, lru_cache
from itertools import pairwise
from pathlib import Path

from parsing.jieba_cache import private_tokenizer
from parsing.locations import resource

# Words a unit name ends with, longest first so that 卫生院 wins over 院.
UNIT_SUFFIXES: tuple[str, ...] = tuple(sorted({
    "委员会", "卫健委", "办公室", "办公厅", "领导小组", "领导组", "工作专班", "专班", "工作组", "小组",
    "指挥部", "卫生院", "医院", "机构", "单位", "部门", "中心", "科室", "股室", "处室", "站所",
    "街道", "乡镇", "政府", "大队", "支队", "企业", "党组", "党委", "医疗机构", "分局", "办事处",
    "学校", "幼儿园", "公司", "集团", "协会", "社区", "银行", "大学", "托育园", "养老院", "敬老院",
    "机关", "地区", "省份", "总局", "总队", "海关", "法院", "检察院",
    "委", "局", "办", "厅", "部", "处", "科", "股", "室", "院", "站", "所", "队", "组", "会", "司", "署",
}, key=len, reverse=True))

_SUFFIX_RE = "|".join(map(re.escape, UNIT_SUFFIXES))
_ENDS_WITH_UNIT = re.compile(rf"(?:{_SUFFIX_RE})$")
# Words that end like a unit but are not one.
_NOT_UNITS = re.compile(
    r"(?:^|[^各])(?:社会|机会|大会|例会|会议|全会|体会|学会|协会议|工作组织|组织|安全室|"
    r"内部|全部|局部|外部|干部|高层|场所|住所|处所|厕所|建设局部|机会|约谈会|座谈会|推进会|调度会|"
    r"培训会|现场会|动员会|部署会|总结会|例会|班会|晚会|都会|不会|应会|才会|也会|将会|就会|"
    r"公司法|上司|公署|官司|寺院|庭院|剧院|影院|偏远地区|边远地区|贫困地区|农村地区|"
    r"所在地区|部分地区|少数地区|一些地区|个别地区)$")
# Roles of a person: "医疗卫生机构主要负责人" is the unit 医疗卫生机构.
ROLE_WORDS = ("主要负责同志", "主要负责人", "主要领导同志", "主要领导", "分管负责同志", "分管负责人",
              "分管领导", "负责同志", "负责人", "班子成员", "领导班子", "法定代表人", "第一责任人")
_ROLE_RE = re.compile("(?:" + "|".join(ROLE_WORDS) + ")$")
# Openings that make a phrase a clause, not a name.
# In this order: a one-character opening matches before a longer word starting with it (对 before 对于).
CLAUSE_OPENINGS: tuple[str, ...] = (
    "对", "在", "按照", "根据", "由", "向", "为", "从", "以", "把", "将", "经", "通过", "围绕", "针对", "结合",
    "推动", "推进", "加强", "督促", "指导", "组织", "要求", "强化", "落实", "开展", "建立", "完善", "压实", "明确",
    "鼓励", "支持", "引导", "动员", "严格", "切实", "全面", "深入", "持续", "积极", "认真", "进一步", "坚持", "确保",
    "做好", "抓好", "狠抓", "充分", "加快", "加大", "提升", "提高", "健全", "深化", "实施", "实行", "聚焦", "紧盯",
    "重点", "主要", "全力", "统筹", "及时", "依法", "定期", "如", "若", "凡", "其他", "其中", "同时", "并", "和",
    "与", "及", "或", "是", "有", "无", "不", "已", "即", "请", "凡是", "对于", "关于", "涉及", "包括", "除", "当",
    "自", "于", "至", "截至", "目前", "今年", "当前", "此外", "另外", "一旦", "强力", "大力", "着力", "努力")
_VERBISH_START = re.compile("^(?:" + "|".join(CLAUSE_OPENINGS) + ")")
# Verbs and manners that never stand inside an organ's name.
_VERB_INSIDE = re.compile(r"^按|按规定|按要求|按照|落实|开展|加强|做好|督促|确保|推动|抓好|强化|进一步|结合实际|制定|^(?:本|该|其)地区$")
_WS = re.compile(r"\s+")
_BRACKETS = str.maketrans({"(": "（", ")": "）"})


def compact(text: str) -> str:
    """``text`` with all whitespace removed and ASCII parentheses made full-width."""
    return _WS.sub("", text).translate(_BRACKETS)


# Every place of a level stands for its government: 各县（市、区）, 各乡镇（街道）, 各地.
_PLACES = re.compile(r"^各(?:地|地区|地市|省份|[省市州盟县区旗]{1,3}|乡|镇|乡镇|街道|村|社区)(?:（[^（）]{1,12}）)?$")
_TRAILING_PARENS = re.compile(r"（[^（）]{1,12}）$")


def is_unit(name: str) -> bool:
    """Whether ``name`` reads as an organ or unit name (by its ending)."""
    name = compact(name)
    if len(name) < 2 or len(name) > 40:
        return False
    if _PLACES.match(name):
        return True
    if name.endswith("）") and not name.endswith(("（牵头）", "（配合）")):
        name = _TRAILING_PARENS.sub("", name)
    if not _ENDS_WITH_UNIT.search(name) or _NOT_UNITS.search(name):
        return False
    if any(ch in name for ch in "。；：“”《》"):
        return False
    if _VERB_INSIDE.search(name):
        return False  # 按规定落实政府: a verb phrase ending in an organ word
    verbish = _VERBISH_START.match(name)
    return not verbish or name.startswith(("各", "全", "有关")) or _opens_a_word(name, verbish.end())


# Words that open a clause although the dictionary knows them (如有关单位: 如 + 有关单位).
_FUNCTION_WORDS = frozenset(("如有", "如果", "对此", "为此", "由此", "自从", "在于", "至于", "将要", "以便", "以免",
                             "由于", "对口", "在此", "于是", "至此", "经由", "是否"))


def _opens_a_word(name: str, cut: int) -> bool:
    """Whether a one-character opening that can be a preposition (自, 当, 对, 在…) is the first
    character of a longer word instead: 自然资源部, 当地政府 are names, 对医疗机构 is a clause."""
    if cut != 1:
        return False
    words = opening_words()
    return any(name[:k] in words and name[:k] not in _FUNCTION_WORDS and not _VERBISH_WORD.match(name[:k])
               and not _FUNCTION_START.match(name[:k]) for k in range(min(4, len(name) - 1), 1, -1))


# A dictionary line ``word freq [tag]`` (jieba's and resources/gov_terms.dict).
_USER_DICT_LINE = re.compile(r"^(\S+?)(?: ([0-9]+))?(?: [a-z]+)?$")


@cache
def opening_words() -> frozenset[str]:
    """The words of two to four characters that start with a one-character clause opening (自然,
    当地, 对外, 无锡, 有关单位…): jieba's own word list and resources/gov_terms.dict read as plain text,
    the very words jieba's tokenizer would know — in some 30 ms, where building the tokenizer
    takes about a second."""
    firsts = "".join(w for w in CLAUSE_OPENINGS if len(w) == 1)
    words: set[str] = set()
    spec = importlib.util.find_spec("jieba")
    main_dict = Path(spec.origin).with_name("dict.txt") if spec and spec.origin else None
    if main_dict is not None and main_dict.exists():
        text = "\n" + main_dict.read_text(encoding="utf-8")
        words.update(re.findall(rf"\n([{re.escape(firsts)}][^ \n]{{1,3}}) 0*[1-9]", text))  # frequency 0: no word
    path = resource("gov_terms.dict")
    if path.exists():
        for line in path.read_text(encoding="utf-8").lstrip("\ufeff").splitlines():
            m = _USER_DICT_LINE.match(line.strip())
            if m and 2 <= len(m.group(1)) <= 4 and m.group(1)[0] in firsts and (m.group(2) is None or int(m.group(2))):
                words.add(m.group(1))
    return frozenset(words)


# the longer word is itself a clause opening: 当前, 对于, 为了, 对照, 以及, 在职…
_VERBISH_WORD = re.compile(_VERBISH_START.pattern + "$")
_FUNCTION_START = re.compile(r"^(?:为了|对照|对标|以及|因为|如果|在职|在岗|在建|在校|在册|在编|由此|对此|为此|将来|经过|经常|通过)")


def strip_role(phrase: str) -> tuple[str, bool]:
    """(unit, had_role): ``医疗卫生机构主要负责人`` → (``医疗卫生机构``, True)."""
    m = _ROLE_RE.search(phrase)
    if not m:
        return phrase, False
    return phrase[:m.start()], True


def clean_unit(name: str) -> str:
    """A unit as written, tidied: whitespace and a trailing ``等`` / punctuation removed."""
    name = compact(name).strip("，,。；;：:、 ")
    name = re.sub(r"(?:等|等单位|等部门)$", "", name) if not name.endswith(("等单位", "等部门")) else name
    return name.strip("，,。；;：:、")


# A bare level (各市, 自治区, 县（市、区）) and a level followed by its organ (县（市、区）人民政府).
_LEVEL_LIST = re.compile(r"^各?(?:省|自治区|直辖市|市|州|盟|县|区|旗|乡|镇|乡镇|街道)(?:（[^（）]{1,12}）)?$")
_LEVEL_ORGAN = re.compile(r"^(?:省|自治区|直辖市|市|州|盟|县|区|旗|乡|镇|乡镇|街道)(?:（[^（）]{1,12}）)?(?![直属级])(.{2,12})$")
# Generic organ words that never name a unit after another one: they share its head (有关部门和单位).
BARE_HEADS = frozenset(("单位", "部门", "机构", "企业", "组织", "机关", "地区"))


_LEVEL_RANK = {"省": 0, "自治区": 0, "直辖市": 0, "市": 1, "州": 1, "盟": 1, "县": 2, "区": 2, "旗": 2,
               "乡": 3, "镇": 3, "乡镇": 3, "街道": 3}


def _levels_descend(pieces: list[str]) -> bool:
    """Levels sharing one organ go down (各市、县卫生健康局); 各乡镇、县住建局 climbs: two units."""
    ranks = [_LEVEL_RANK.get(re.match(r"^各?(自治区|直辖市|乡镇|街道|.)", p).group(1), 0) for p in pieces]
    return all(a <= b for a, b in pairwise(ranks))


def split_units(phrase: str) -> list[str]:
    """Split a list of units (``局办公室、人事股、工委办``) on 、，；和 outside brackets.

    When some piece is not a unit on its own (``医疗卫生、托育和医养结合等各类机构``), the phrase
    is one unit and comes back whole.
    """
    phrase = clean_unit(phrase)
    pieces: list[str] = []
    depth, start = 0, 0
    for i, ch in enumerate(phrase):
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in "、，,；;":
            pieces.append(phrase[start:i])
            start = i + 1
    pieces.append(phrase[start:])
    out: list[str] = []
    for piece in pieces:
        piece = clean_unit(piece)
        if not piece:
            continue
        if out and piece in BARE_HEADS:  # 省有关部门、单位: the head 省有关 is shared, the list stays whole
            out[-1] = f"{out[-1]}、{piece}"
            continue
        # "A和B" where both are units (各有关部门和单位: 单位 shares the head 各有关, it stays whole)
        parts = [p for p in re.split(r"(?<=[局委办股室院站所队组心位门构会厅部处科司署关])(?:和|及|与)", piece) if p]
        if len(parts) > 1 and all(is_unit(p) and p not in BARE_HEADS for p in parts):
            out.extend(clean_unit(p) for p in parts)
        else:
            out.append(piece)
    if len(out) > 1 and _LEVEL_LIST.match(out[0]) and all(_LEVEL_LIST.match(p) for p in out[1:-1]) \
            and (m := _LEVEL_ORGAN.match(out[-1])) and is_unit(m.group(1)) and _levels_descend(out):
        return ["、".join(out)]  # 各市、县（市、区）人民政府: levels before one organ word
    if len(out) > 1 and out[0].startswith("各") and all(_LEVEL_LIST.match(p) for p in out) \
            and not all(_PLACES.match(p) for p in out):
        return ["、".join(out)]  # 各市、县（市、区）: every place of these levels
    if out and not all(is_unit(p) for p in out):
        # 县卫生健康委、医疗卫生、托育和医养结合等各类机构: the organs before the first piece that is no
        # unit stand alone, the rest is one group sharing its head (各类机构)
        first = next(k for k, p in enumerate(out) if not is_unit(p))
        rest = "、".join(out[first:])
        if first > 0 and is_unit(rest) and all(_ENDS_WITH_UNIT.search(p) and not _PLACES.match(p) for p in out[:first]):
            return [*out[:first], rest]
        whole = clean_unit(phrase)
        return [whole] if is_unit(whole) else [p for p in out if is_unit(p)]
    if len(out) > 1 and (m := re.search(r"等(?:单位|部门|机构)$", out[-1])) and is_unit(out[-1][:m.start()]):
        out[-1] = out[-1][:m.start()]  # 县中医院、县妇幼保健院等单位 → 县中医院, 县妇幼保健院
    return out


# ----------------------------------------------------------------- canonical keys

@lru_cache(maxsize=1)
def _aliases() -> list[tuple[str, str]]:
    """(short, full) pairs from resources/unit_aliases.txt, longest short form first."""
    pairs: list[tuple[str, str]] = []
    path = resource("unit_aliases.txt")
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            short, _, full = line.partition("\t")
            if short and full:
                pairs.append((short.strip(), full.strip()))
    return sorted(pairs, key=lambda p: len(p[0]), reverse=True)


# Words an abbreviation must not be cut out of (局办 in 局办公室).
_WHOLE_WORDS = ("办公室", "办公厅", "委员会", "管理局", "中心", "医院", "卫生院")


def _cuts_a_word(key: str, i: int, short: str) -> bool:
    """Whether reading ``short`` at ``i`` would split a whole word that starts inside it."""
    end = i + len(short)
    return any(key.startswith(word, j) and j + len(word) > end
               for j in range(i + 1, end) for word in _WHOLE_WORDS)


@lru_cache(maxsize=4096)
def canonical_unit(name: str) -> str:
    """A key under which two spellings of one unit agree (``县卫健委`` == ``县卫生健康委员会``)."""
    key = clean_unit(name).replace("（", "(").replace("）", ")")
    out, i = [], 0
    aliases = _aliases()
    while i < len(key):
        for short, full in aliases:
            if key.startswith(full, i):
                out.append(full)
                i += len(full)
                break
            if key.startswith(short, i) and not _cuts_a_word(key, i, short):
                out.append(full)
                i += len(short)
                break
        else:
            out.append(key[i])
            i += 1
    key = "".join(out).replace("委员会", "委").replace("人民政府", "政府")
    return key


def same_unit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` name the same unit."""
    return canonical_unit(a) == canonical_unit(b)


# ----------------------------------------------------------------- running text

_jieba_lock = threading.Lock()
_tokenizer = None


def tokenizer():
    """The jieba tokenizer with the government-terms dictionary, loaded once (about a second)."""
    global _tokenizer
    with _jieba_lock:
        if _tokenizer is None:
            import logging

            import jieba

            jieba.setLogLevel(logging.WARNING)
            tok = private_tokenizer()  # its cache in the user's folder, not the shared /tmp
            path = resource("gov_terms.dict")
            if path.exists():
                with open(path, "rb") as handle:
                    tok.load_userdict(handle)
            _tokenizer = tok
        return _tokenizer


_PREFIX_TOKENS = re.compile(r"^(?:各|各级|各类|各级各类|全|全省|全市|全县|全区|省|市|县|区|州|乡|镇|乡镇|"
                            r"[\u4e00-\u9fa5]{1,6}(?:省|市|县|区|州|旗|乡|镇))$")


def find_units(text: str) -> list[tuple[str, tuple[int, int]]]:
    """Every unit name in ``text`` with its ``(start, end)`` span, in order.

    jieba cuts the text (the user dictionary keeps names such as 卫健委 and 疾控中心 whole);
    a token that reads as a unit absorbs the place and ``各`` prefixes before it and the unit
    words that follow it (``市卫健委`` + ``办公室``).
    """
    tokens = list(tokenizer().tokenize(text))
    found: list[tuple[str, tuple[int, int]]] = []
    i = 0
    while i < len(tokens):
        word, _start, _end = tokens[i]
        if not (len(word) >= 2 and is_unit(word)):
            i += 1
            continue
        j = i
        while j > 0 and _PREFIX_TOKENS.match(tokens[j - 1][0]) and not _VERBISH_START.match(tokens[j - 1][0]) \
                and not tokens[j - 1][0].startswith(("会同", "配合", "协助")) \
                and (not found or found[-1][1][1] <= tokens[j - 1][1]):
            j -= 1
        if j == i and i > 0 and re.fullmatch(r"(?:会同|配合|协助|联合|由|向|对|与|和|及)[省市县区州]", tokens[i - 1][0]):
            # jieba reads "会同县" as a county: the place belongs to the unit, the verb does not
            s = tokens[i - 1][2] - 1
        else:
            s = tokens[j][1]
        k = i
        while k + 1 < len(tokens) and is_unit(tokens[k + 1][0]) and len(tokens[k + 1][0]) >= 2 \
                and not tokens[k + 1][0].startswith("各"):
            k += 1
        e = tokens[k][2]
        found.append((text[s:e], (s, e)))
        i = k + 1
    return found


# ----------------------------------------------------------------- administrative level

# A place and its level: 国家 0, 省 1, 市 2, 县 3, 乡 4. A run of places (临江市江北区) takes the last.
_LEVEL_OF = {"省": 1, "自治区": 1, "市": 2, "州": 2, "盟": 2, "县": 3, "区": 3, "旗": 3, "乡": 4, "镇": 4, "街道": 4}
_PLACE_STEP = re.compile(r"(?:(?:(?![和与及的局委厅办部处科股室院站所队组社园景城])[\u4e00-\u9fa5]){2,6}?)?"
                         r"(自治区|省|市(?!场)|州|盟|县(?!域|级)|区(?!域|级)|旗|乡(?!村)|镇|街道)")
_NATIONAL = re.compile(r"^(?:中华人民共和国|国务院|国家|中央|中共中央|全国)")
_MINISTRY = re.compile(r"(?:部|总局|总署|署)$")


def unit_level(name: str) -> int | None:
    """The administrative level of a unit by its name: 0 national, 1 province, 2 city, 3 county,
    4 township; None when the name does not say (局办公室, 各单位)."""
    name = re.sub(r"^(?:各级|各)", "", compact(name))
    if _NATIONAL.match(name):
        return 0
    level, pos = None, 0
    while (m := _PLACE_STEP.match(name, pos)) and m.end() < len(name):
        level, pos = _LEVEL_OF[m.group(1)], m.end()
    if level is None and _MINISTRY.search(name) and is_unit(name):
        return 0  # 自然资源部, 税务总局: a ministry names no place
    return level


def outranks(unit: str, issuer: str | None) -> bool:
    """Whether ``unit`` stands at a higher level than ``issuer`` (国家卫生健康委 over a city's 卫健委).
    The organ an issuing office belongs to (市卫健委 for 市卫健委办公室) does not: it is the issuer."""
    if compact(unit).startswith("上级"):
        return True  # 上级部门将适时组织检查
    if not issuer:
        return False
    mine, theirs = unit_level(issuer), unit_level(unit)
    return mine is not None and theirs is not None and theirs < mine
