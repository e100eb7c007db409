"""What must be done by a deadline (``action``) and whom to report to (``to``).

Read from the clause around the time phrase, the way 公文 put it:
``各单位实施方案请于3月15日前报县卫生健康委`` → action 报送实施方案, to 县卫生健康委;
``6月底前完成风险管控的辨识`` → action 完成风险管控的辨识; ``2024年底前，初步构建…体系`` → the next clause;
``…组织开展自查，5月底前完成`` → the clause before (never a bare 完成); ``每日16时前向局应急办报告当日值班情况``
→ to 局应急办; ``报县食安办（设在县市场监管局）`` → to 县食安办; ``报送我部（地质勘查管理司）`` → to 地质勘查管理司;
an e-mail address after ``发送至`` names nobody. Work that needs more than the sentence is read in ``beyond.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CLAUSE_END = "，,。；;！？!?\n\t"
_UNIT_SUFFIX = (r"(?:单位|机构|部门|办公室|委员会|领导小组|工作组|专班|卫健委|卫健局|卫生健康委|卫生健康局|人民政府|政府|"
                r"中心|医院|卫生院|局|委|办|院|室|股|科|站|处|组|部|所|厅|司)")
_REPORT_VERB = re.compile(r"^(?:以[^，。；]{1,12}(?:形式|方式))?\s*(报送至|报送到|报送|上报至|上报到|上报|报至|报到|"
                          r"提交至|提交到|提交|发送至|发送到|发至|发送|反馈至|反馈到|反馈|交至|交到|交|报(?![告表名刊纸]))")
_SUBJECT_SUFFIX = (r"(?:单位|机构|部门|办公室|委员会|领导小组|工作组|专班|卫健委|卫健局|卫生健康委|卫生健康局|"
                   r"人民政府|政府|中心|医院|卫生院|科室|股室|学校|幼儿园|企业|局|委)")
_LEADING_SUBJECTS = re.compile(
    rf"^(?:(?:各|全[县市区省]|本|[县市区省]|局|委|乡镇|委属|局属|直属|医疗|卫生|疾控|相关|有关)"
    rf"(?:[^、，。；（）()]|[（(][^）)]{{0,8}}[）)]){{0,24}}?{_SUBJECT_SUFFIX}"
    rf"(?:[^、，。；]{{0,4}}(?:单位|机构|部门))?[、和及与]?|"
    rf"(?:各地区?|各县(?:[（(]市、?区[）)]|市区|区)?|各乡镇|各级)[、和及与]?)+")
_FILLERS = re.compile(r"^(?:并|要|需|须|必须|应|应当|务必|请|及时|按时|认真|切实|全面|统一|一律|自觉|同时|"
                      r"于|在|均|都|还|另外|此外|前|之前|以前|内)+")
_SUBJECT_ONLY = re.compile(r"^(?:各|全)")
_PAST = re.compile(r"已经|已(?:全部|基本|完成|开展|召开|组织|建成|建立|印发|下发|实现|于|累计|有)")


@dataclass
class ActionReading:
    action: str | None
    to: str | None
    phrase_end: int  # the phrase extended over a following 报+recipient (gold style text)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _clause_bounds(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    left = start
    while left > lo and text[left - 1] not in _CLAUSE_END:
        left -= 1
    right = end
    while right < hi and text[right] not in _CLAUSE_END:
        right += 1
    return left, right


def _strip_subject(text: str) -> str:
    text = _FILLERS.sub("", text)
    stripped = _LEADING_SUBJECTS.sub("", text)
    if stripped and stripped != text:
        text = stripped
    text = _FILLERS.sub("", text)
    return text


_UNITS_PAREN_END = re.compile(r"[（(][^（()）]*(?:牵头|配合|负责|参与|协助)[^（()）]*[）)]?$")


def _tidy(text: str | None, limit: int = 40) -> str | None:
    if not text:
        return None
    text = _squash(text).strip("，。；：:、 ")
    # a closing parenthesis naming who does it (（执法大队配合）) is not part of the action
    text = _UNITS_PAREN_END.sub("", text)
    text = re.sub(r"^[（(]|[）)]$", "", text)
    if len(text) < 2:
        return None
    return text[:limit]


def tidy(text: str | None, limit: int = 40) -> str | None:
    """An action as the contract writes it: no spaces, no edge punctuation, no closing 牵头 note."""
    return _tidy(text, limit)


def _object_before(text: str, clause_start: int, phrase_start: int) -> str:
    """The thing reported: the clause before the time phrase, its subject units stripped."""
    before = _squash(text[clause_start:phrase_start])
    before = re.sub(r"(请|须|必须|务必|要|应|应当|需|均|统一)?(于|在)?$", "", before)
    before = re.sub(r"(请|须|必须|务必|要|应|应当|需)$", "", before)
    bare = _FILLERS.sub("", before)
    if bare and _LEADING_SUBJECTS.fullmatch(bare):
        return ""
    return _strip_subject(before)


_BARE_REPORT = ("报告", "报送", "上报", "提交", "反馈", "汇报", "报备", "备案", "申报")
_MADE = re.compile(r"(?:制定|编制|起草|形成|填写|填报|整理|撰写|完成)(?P<thing>[^，,。；;]{2,30})$")


def _made_before(text: str, clause_start: int, lo: int) -> str:
    """``要制定专项监管工作方案，于4月15日前报…``: what the clause before made is what is reported."""
    if clause_start <= lo or text[clause_start - 1] not in "，,":
        return ""
    prev_start = clause_start - 1
    while prev_start > lo and text[prev_start - 1] not in _CLAUSE_END:
        prev_start -= 1
    made = _MADE.search(_squash(text[prev_start:clause_start - 1]))
    return made.group("thing") if made else ""


def read_action(text: str, phrase_start: int, phrase_end: int, lo: int, hi: int) -> ActionReading:
    """Action and recipient for the time phrase ``text[phrase_start:phrase_end]`` in sentence [lo, hi)."""
    reading = _read_action(text, phrase_start, phrase_end, lo, hi)
    if reading.to is None and reading.action:
        tail = re.search(rf"(?:并|后)?(?:报送至|报送到|上报至|报至|报送|上报|报(?![告表名刊纸]))"
                         rf"([^，。；、]{{1,24}}{_UNIT_SUFFIX})$", reading.action)
        if tail:
            reading.to = tail.group(1)
    return reading


def _read_action(text: str, phrase_start: int, phrase_end: int, lo: int, hi: int) -> ActionReading:
    clause_start, clause_end = _clause_bounds(text, phrase_start, phrase_end, lo, hi)
    after_raw = text[phrase_end:clause_end]
    after = _squash(after_raw)
    after_lead = _UNITS_PAREN_END.sub("", re.sub(r"^(?:前|之前|以前|内|，)+", "", after))
    handed = read_action_reporting(after_lead) or read_toward(after_lead)
    if handed:
        action = handed[0]
        if action in _BARE_REPORT:  # 要制定工作方案，于5月15日前向X报送 → 报送工作方案
            thing = _object_before(text, clause_start, phrase_start) or _made_before(text, clause_start, lo)
            action = _tidy(action + thing) if thing else action
        return ActionReading(action, handed[1], phrase_end)
    if BARE_DONE.fullmatch(after_lead):
        return ActionReading(_work_before(text, clause_start, phrase_start, lo), None, phrase_end)
    verb = _REPORT_VERB.match(after_lead)
    if verb:
        rest = after_lead[verb.end():]
        thing = _object_before(text, clause_start, phrase_start) or _made_before(text, clause_start, lo)
        rest_unit = re.match(rf"^([^，。；、（(]{{1,24}}{_UNIT_SUFFIX})(?:[（(][^）)]*[）)])?", rest)
        if re.search(r"@|邮箱|信箱|电子邮件", rest):  # 报送至abc@qq.com: an address names nobody
            rest_unit = re.match(rf"^([^，。；、（(@]{{1,24}}?{_UNIT_SUFFIX})(?:的)?(?:电子)?(?:邮箱|信箱|电子邮件)", rest)
            return ActionReading(_tidy("报送" + thing) if thing else "报送",
                                 _tidy(rest_unit.group(1)) if rest_unit else None, phrase_end)
        if verb.group(1).endswith(("至", "到")) or (rest_unit and len(rest_unit.group(0)) >= len(rest) - 2):
            to = recipient(rest_unit.group(0)) if rest_unit else _tidy(rest)
            offset = _raw_offset(text, phrase_end, clause_end, len(after) - len(after_lead) + verb.end()
                                 + (len(rest_unit.group(0)) if rest_unit else len(rest)))
            return ActionReading(_tidy("报送" + thing) if thing else "报送", _tidy(to), offset)
        return ActionReading(_tidy("报送" + rest), None, phrase_end)
    if after_lead and len(after_lead) >= 2:
        return ActionReading(_tidy(_strip_subject(after_lead)), None, phrase_end)
    # The phrase closes its clause: a following clause carries the work (2024年底前，初步构建…),
    # or the clause before it names it (安全生产集中检查督查报送表格每日17时前报送).
    if clause_end < hi and text[clause_end] in "，,":
        nxt_end = clause_end + 1
        while nxt_end < hi and text[nxt_end] not in _CLAUSE_END:
            nxt_end += 1
        nxt = _squash(text[clause_end + 1:nxt_end])
        if len(nxt) >= 2:
            reading = read_action_reporting(nxt)
            if reading:
                return ActionReading(reading[0], reading[1], phrase_end)
            return ActionReading(_tidy(_strip_subject(nxt)), None, phrase_end)
    before = _object_before(text, clause_start, phrase_start)
    return ActionReading(_tidy(before), None, phrase_end)


# ``5月底前完成。``: a completion verb with no object says nothing of the work
BARE_DONE = re.compile(r"(?:并|要|须|应|均|全部|全面|基本|按时|按期|确保|务必)*"
                       r"(?:完成|办结|结束|完毕|完工|到位)(?:任务|工作)?")


_DONE_BY = re.compile(r".{1,16}(?:前|底|内)" + BARE_DONE.pattern)


def _work_before(text: str, clause_start: int, phrase_start: int, lo: int) -> str | None:
    """The work a bare ``完成`` closes: the clause's own words before the time phrase
    (``组织开展自查并于5月底前完成``), else the clause before it (``…开展自查，5月底前完成``)."""
    own = re.sub(r"(?:并|且|，|确保|力争|争取|务必)+$", "", _object_before(text, clause_start, phrase_start))
    if len(own) >= 2:
        return _tidy(own)
    while clause_start > lo and text[clause_start - 1] in "，,":
        prev_start = clause_start - 1
        while prev_start > lo and text[prev_start - 1] not in _CLAUSE_END:
            prev_start -= 1
        words = _strip_subject(_squash(text[prev_start:clause_start - 1]))
        if not _DONE_BY.fullmatch(words):  # 6月底前基本完成，9月底前全面完成: the same work
            return _tidy(words)
        clause_start = prev_start
    return None


_TOWARD = re.compile(rf"^(?:并|请|须|要|及时|统一)*向([^，。；、向]{{1,24}}?{_UNIT_SUFFIX})(?:[（(][^）)]*[）)])?"
                     r"(报告|报送|上报|提交|反馈|汇报|报备|备案|申报)(.*)$")


_PRONOUN_ORGAN = re.compile(r"^我[部委局厅司办处院室股科中心]{1,2}$")


def recipient(words: str) -> str | None:
    """The organ a report goes to, from ``县卫健委`` / ``县食安办（设在县市场监管局）``: the unit before any
    parenthesis; a pronoun-only ``我部（地质勘查管理司）`` names its organ in the parenthesis."""
    m = re.match(r"^([^（(]+)(?:[（(]([^）)]*)[）)]?)?", _squash(words))
    if not m:
        return None
    unit, note = re.sub(r"(?:备案|审核|审批|审定|汇总)$", "", m.group(1)), m.group(2) or ""
    inner = re.fullmatch(rf"[^，。；：:、]{{1,24}}{_UNIT_SUFFIX}", note)
    if _PRONOUN_ORGAN.match(unit) and inner and not re.search(r"设在|联系|电话|邮箱", note):
        return _tidy(note)
    return _tidy(unit)


def read_toward(clause: str) -> tuple[str | None, str | None] | None:
    """``向局应急办报告当日值班情况`` (whitespace removed) → (报告当日值班情况, 局应急办)."""
    m = _TOWARD.match(clause)
    if not m:
        return None
    return _tidy(m.group(2) + m.group(3)), recipient(clause[m.start(1):m.start(2)])


def alone_in_cell(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` fills a table cell by itself (a 完成时限 cell: ``\t2025年11月30日前\n``)."""
    row_start = text.rfind("\n", 0, start) + 1
    before = text[row_start:start]
    after_end = text.find("\n", end)
    after = text[end:len(text) if after_end < 0 else after_end]
    return "\t" in before and not before.split("\t")[-1].strip() and not after.split("\t")[0].strip()


def row_action(text: str, pos: int) -> str | None:
    """The work of the table row holding ``text[pos]``: its first wordy cell (序号 skipped)."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    cells = [c.strip() for c in text[start:len(text) if end < 0 else end].split("\t")]
    for cell in cells:
        if len(cell) >= 4 and not re.search(r"[0-9０-９]{4}\s*年|月\s*[0-9０-９]{1,2}\s*日", cell) \
                and not re.fullmatch(r"[0-9０-９.、]+", cell):
            return _tidy(re.split(r"[。；;]", cell)[0])  # a cell's first sentence names the work
    return None


# how a report is sent is no part of what is sent: 以书面形式, 通过政务外网, 经乡镇审核后
_MANNER_TAIL = re.compile(r"(?:以[^，。；]{1,10}(?:形式|方式)|通过[^，。；]{1,12}|经[^，。；]{1,12}后)$")
_MANNER_LEAD = re.compile(r"^(?:以[^，。；将把]{1,10}(?:形式|方式)|通过[^，。；将把]{1,12})(?=[将把])")


# a note on the form of what is sent: 书面意见（加盖单位公章）, 汇总表（含电子版）, 材料（一式两份）
_MANNER_NOTE = re.compile(r"[（(][^（()）]{0,12}(?:盖章|公章|签字|签名|电子版|纸质版?|一式[^（()）]{1,3}份|附件\d?)[^（()）]{0,8}[）)]")


def read_action_reporting(clause: str) -> tuple[str | None, str | None] | None:
    """``将X报送至Y`` / ``将X反馈至Y`` (a clause after a time phrase, whitespace removed) → (报送X, Y)."""
    clause = _MANNER_LEAD.sub("", clause)
    m = re.match(rf"^(?:并|请|须|要)?(?:将|把)(.{{2,40}}?)(报送至|报送到|上报至|上报到|报至|报送|上报|提交至|提交到|提交|"
                 rf"发送至|发送到|发至|发送|反馈至|反馈到|交至|报(?![告表名刊纸]))"
                 rf"([^，。；（(]{{0,24}}?{_UNIT_SUFFIX})?(?:[（(][^）)]*[）)]?)?(?:备案|审核|审批|审定|汇总)?$", clause)
    if m:
        thing = _MANNER_NOTE.sub("", _MANNER_TAIL.sub("", m.group(1)))
        return _tidy("报送" + thing), recipient(clause[m.start(3):m.end()]) if m.group(3) else None
    # 将汇总表发送至xyz@163.com / 发送至县卫健委办公室邮箱（…）: the address is where, not whom
    m = re.match(r"^(?:并|请|须|要)?(?:将|把)(.{2,40}?)(?:报送至|报送到|发送至|发送到|发至|上报至|提交至|反馈至)(.{0,60})$", clause)
    if not m or not re.search(r"@|邮箱|信箱|电子邮件", m.group(2)):
        return None
    unit = re.match(rf"^([^，。；@（(]{{1,24}}?{_UNIT_SUFFIX})(?:的)?(?:电子)?(?:邮箱|信箱|电子邮件)", m.group(2))
    return _tidy("报送" + m.group(1)), _tidy(unit.group(1)) if unit else None


def _raw_offset(text: str, start: int, limit: int, squashed_count: int) -> int:
    """Offset in ``text`` after ``squashed_count`` non-space characters from ``start``."""
    seen = 0
    i = start
    while i < limit and seen < squashed_count:
        if not text[i].isspace():
            seen += 1
        i += 1
    return i


def is_past(text: str, start: int, end: int) -> bool:
    """True when the clause reads as done (已完成…, …了), not as a duty."""
    clause = _squash(text[start:end])
    return bool(_PAST.search(clause)) or bool(re.search(r"(?<![为除])了(?!解)", clause))
