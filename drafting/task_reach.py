"""Tasks by reach: what of a superior task is the county bureau's to do.

A superior item mixes duties of several bodies. Sentence by sentence (its actor is the unit it
opens with):

- the county bureau's, its units' or no-one-named's work is carried as it stands (``county``);
- a higher body making a rule (``国家卫生健康委研究制订…指南``) becomes the county implementing it
  (``贯彻落实上级…指南``, ``implement``);
- the issuer's general acts (``将适时组织开展督导检查``) become the county bureau's own;
- what only a higher level can do (``加强国家医疗应急队伍建设``, another higher body's acts) is
  left out with a note (``higher``);
- an outside body's duty (``消防救援机构要…``, ``电力企业要…``) becomes the bureau's share
  (``配合消防救援机构…``), the body named as a partner in the text (``outside``);
- a duty of every 社会单位 / 生产经营单位 falls on the county's own units (``duty``).

The whole task is every paragraph of the superior item up to the next heading (notice-json.md),
except a closing paragraph that only asks for a report the plan carries on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafting.county_units import is_bureau_counterpart, is_duty_holder, is_higher, is_outside, partner_name
from drafting.plan_reports import is_report
from drafting.profile import CountyProfile
from parsing.model import Notice, Section, Task

_POLICY_VERB = (r"(?:研究制订|研究制定|组织制订|组织制定|研究起草|组织起草|修订完善|制修订|制订|制定|出台|印发|修订|"
                r"编制|发布|组织编写|起草)")
_DOCUMENT = re.compile(r"指南|标准|规范|办法|意见|细则|清单|目录|方案|规定|制度|指引|手册|规划|名录|导则|路径")
# Rules a higher level makes and the county implements (not the plans and lists it writes itself).
_RULE_DOCUMENT = re.compile(r"指南|标准|规范|办法|细则|目录|名录|导则|规定|指引|手册|规程|路径")
_LEVEL_ONLY = re.compile(r"国家|全国|跨区域|跨省|中央|国务院")
_MODAL = r"(?:要|应当|应|将|须|必须|需|负责|牵头)"
_LEADING = re.compile(r"^(?:(?:一是|二是|三是|四是|五是|六是|同时|此外|其中|另外|并且)[，,]?|由(?=[\u4e00-\u9fff]{2,}))")
# A unit-like subject at the start of a sentence, ended by a modal verb (主要负责人 is not 要).
_NATIONAL = re.compile(r"^(?:国家|国务院|中共中央|中央|党中央|[\u4e00-\u9fff]{1,6}部(?:办公厅)?$)")
_ISSUER_PLACE = re.compile(r"^(.{1,10}?(自治区|自治州|省|市|盟|地区))")
_LEVEL_WORD = {"自治区": "区", "省": "省", "市": "市", "自治州": "州", "州": "州", "盟": "盟", "地区": "地区"}
_HEALTH_ORGAN = re.compile(r"卫生健康|卫健|卫生计生|卫计|卫生局|疾控局|中医药")
# How the name of an organ, a unit or a body of duty-holders ends.
_ORGAN_END = re.compile(r"(?:部门|机构|机关|单位|企业|公司|委员会|委|局|厅|部|办|办公室|中心|队|站|院|政府|集团|组|会|所|"
                        r"学校|幼儿园|场所|社区|村)$|^国务院$")
_PREPOSITION = re.compile(r"^(?:按照|根据|依据|依照|为|对|在|经|从|自|向|与|和|同|把|将)")
_LEVELLED_HEALTH_ADMIN = re.compile(r"^各?(省|市|县)级?(?:卫生健康|卫生|卫健)(?:行政)?(?:部门|主管部门)$")
_BELOW = {"国家": "省", "省": "市", "区": "市", "市": "县", "州": "县", "盟": "县", "地区": "县"}
_ACTING = (r"(?:会同|配合|加强|组织|统筹|推进|推动|建立|健全|完善|开展|指导|支持|给予|做好|加快|强化|落实|督促|"
           r"适时|派出|成立|牵头)")
_ACTING_START = re.compile(r"^(?:加强|推进|推动|建设|完善|健全|支持|实施|开展|加快|统筹|布局|打造|组建|建立)")
_SUBJECT = re.compile(rf"^([^，。；：“”]{{2,40}}?)(?<!主)(?={_MODAL}|{_POLICY_VERB}|{_ACTING})")


@dataclass
class SentenceReach:
    """One sentence of a superior task and what the county makes of it."""

    text: str  # as the superior wrote it
    kind: str  # county | implement | higher | outside | duty
    actor: str | None = None
    printed: str | None = None  # what the plan prints (before level substitution); None: left out
    note: str = ""  # Chinese: why it was rewritten or left out
    left_out_part: str = ""  # a clause of it left out (加强国家医疗应急队伍建设，…)


@dataclass
class TaskReach:
    """A superior task seen from the county: its carried text, partners and what was left out."""

    kind: str  # county | outside | higher (nothing left for the county)
    heading: str
    text: str  # paragraphs joined with \n, rewritten, before level substitution
    sentences: list[SentenceReach] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)  # outside bodies named in the text
    notes: list[str] = field(default_factory=list)

    @property
    def left_out(self) -> list[SentenceReach]:
        return [s for s in self.sentences if s.printed is None]


# ----- the whole task ----------------------------------------------------------------------------
def section_of(notice: Notice, task: Task) -> Section | None:
    """The outline section a task is the item of."""
    sections = notice.outline
    found = None
    for number in task.outline_path:
        found = next((s for s in sections if s.numbered and s.number == number), None)
        if found is None:
            return None
        sections = found.children
    return found


def _norm(text: str) -> str:
    return re.sub(r"\s", "", text)


def full_task_text(notice: Notice, task: Task, skip: list[tuple[int, int]] = ()) -> str:
    """Every paragraph of the superior item (``\\n`` between paragraphs): the parser's task text,
    then the item's further paragraphs when the notice's text is at hand. Paragraphs covering a
    span in ``skip`` (a closing report carried elsewhere) are not taken."""
    section = section_of(notice, task)
    body = body_span(notice, section) if section is not None else None
    if not notice.text or body is None:
        return task.text
    start, end = body
    if task.span and not (task.span[0] <= start <= task.span[1] + 2):
        return task.text
    own = _norm(task.text)
    lines: list[str] = []
    offset = start
    for line in notice.text[start:end].splitlines(keepends=True):
        line_start, offset = offset, offset + len(line)
        clean = _norm(line).lstrip("。：:")
        if _END_OF_BODY.match(clean) or clean in (notice.issuer, notice.signatory):
            break
        if clean and not any(line_start <= a < offset for a, _ in skip):
            lines.append(clean)
    if own and own in "".join(lines) and "".join(lines).startswith(own[:12]):
        return "\n".join(lines)  # the item's paragraphs, as the notice breaks them
    paragraphs = [task.text.strip()]
    for clean in lines:
        if clean in own or own.endswith(clean):
            continue
        if own and clean.startswith(own):  # the parser's text is this paragraph's beginning
            paragraphs[0] = clean
            own = clean
            continue
        paragraphs.append(clean)
    return "\n".join(p for p in paragraphs if p)


_END_OF_BODY = re.compile(r"^(?:联系人|联系电话|联系方式|附件|附：|特此通知|\d{4}年\d{1,2}月\d{1,2}日$)")


def body_span(notice: Notice, section: Section) -> tuple[int, int] | None:
    """The section's own text up to the next heading: the parser's, else from the heading
    spans (a notice read back from its JSON has no body spans)."""
    if section.body_span:
        return section.body_span
    if not section.span or not notice.text:
        return None
    starts: list[int] = []

    def walk(items: list[Section]) -> None:
        for s in items:
            if s.span and s.span[0] > section.span[0]:
                starts.append(s.span[0])
            walk(s.children)

    walk(notice.outline)
    return section.span[1], min(starts, default=len(notice.text))


def report_spans(notice: Notice, task: Task) -> list[tuple[int, int]]:
    """Where the reports the plan carries on its own stand (deadlines not the task's own)."""
    return [d.span for di, d in enumerate(notice.deadlines) if di not in task.deadlines and d.span and is_report(d)]


def carried_text(notice: Notice, task: Task) -> str:
    """The superior task's whole text as the plan carries it (closing reports apart)."""
    return full_task_text(notice, task, report_spans(notice, task))


def sentences(text: str) -> list[str]:
    """Sentences ended by 。！？ (the last one may end without); paragraphs stay apart."""
    found: list[str] = []
    for paragraph in text.split("\n"):
        found.extend(_split(paragraph))
    return found


def _split(paragraph: str) -> list[str]:
    """A paragraph's sentences; a closing ``（…牵头，…配合）`` stays with the sentence before it."""
    parts: list[str] = []
    for s in re.findall(r"[^。！？]+[。！？]?", paragraph):
        if not s.strip():
            continue
        if parts and s.lstrip().startswith(("（", "(")):
            parts[-1] += s
        else:
            parts.append(s)
    return parts


# ----- classifying -------------------------------------------------------------------------------
class ReachClassifier:
    """Classifies a superior task's sentences for the county in ``profile``."""

    def __init__(self, notice: Notice, profile: CountyProfile):
        self.notice = notice
        self.profile = profile
        issuer = (notice.issuer or notice.signatory or "").split("、")[0]
        self.issuer = issuer
        # The issuer's organ as its own text names it: 国家卫生健康委办公厅 → 国家卫生健康委.
        self.issuer_forms = {f for f in (issuer, re.sub(r"办公厅$|办公室$", "", issuer)) if f}
        if _NATIONAL.match(issuer):
            self.level_word, self.place = "国家", ""
        else:
            m = _ISSUER_PLACE.match(issuer)
            self.place = m.group(1) if m else ""
            self.level_word = _LEVEL_WORD.get(m.group(2), "") if m else ""

    def _actor(self, sentence: str, names: list[str]) -> str | None:
        """The unit a sentence opens with (a list of organs whole: 国家卫生健康委、国家中医药局等部门)."""
        body = _LEADING.sub("", sentence)
        usable = {n for n in names if n and "由" not in n and not _PREPOSITION.match(n)}
        for name in sorted(usable, key=len, reverse=True):
            if body.startswith(name):
                return name
        m = _SUBJECT.match(body)
        if m and not re.search(r"[\d请于由]", m.group(1)) and not _PREPOSITION.match(m.group(1)):
            candidate = re.sub(r"(?:等(?:部门|单位|有关部门)?)$", "", m.group(1))
            head = _first_organ(candidate)
            if is_bureau_counterpart(head):
                return candidate
            if len(head) > 24 or not _ORGAN_END.search(head):
                return None
            candidate, full = head, candidate
            if self._is_issuer(candidate) or is_higher(candidate, self.issuer) or is_outside(candidate) \
                    or is_duty_holder(candidate):
                return full
        return None

    def partner(self, actor: str) -> str:
        """How the county names an outside body: the local government is the county's own."""
        if re.fullmatch(r"(?:地方)?(?:各级|各地|各)?(?:人民)?政府", actor):
            return f"{self.profile.county}人民政府"
        return partner_name(actor)

    def _addressee(self, name: str) -> bool:
        """The health organ one level below the issuer (省级卫生健康行政部门 in a national notice):
        the notice's own addressees, whose work the county does at its level."""
        m = _LEVELLED_HEALTH_ADMIN.match(name)
        return bool(m) and _BELOW.get(self.level_word) == m.group(1)

    def _is_issuer(self, name: str) -> bool:
        """The issuer or its organ at the same level (市卫健委 in a 市卫生健康委员会办公室 notice)."""
        if name in self.issuer_forms or name in ("我委", "本委", "我厅", "本厅", "我部", "我局", "委"):
            return True
        if any(form.startswith(name) and len(name) >= 4 for form in self.issuer_forms):
            return True
        same_level = bool(self.level_word) and (name.startswith(self.level_word)
                                                or (bool(self.place) and name.startswith(self.place)))
        issuer_health = bool(_HEALTH_ORGAN.search(self.issuer))
        return same_level and (bool(_HEALTH_ORGAN.search(name)) == issuer_health)

    def classify(self, task: Task, text: str | None = None) -> TaskReach:
        text = task.text if text is None else text
        names = [*task.lead, *task.support]
        reaches = [self._sentence(s, names) for s in sentences(text)]
        partners: list[str] = []
        for r in reaches:
            if r.kind == "outside" and r.actor and self.partner(r.actor) not in partners:
                partners.append(self.partner(r.actor))
        carried = [r for r in reaches if r.printed is not None]
        if not carried:
            kind = "higher"
        elif all(r.kind == "outside" for r in carried):
            kind = "outside"
        else:
            kind = "county"
        printed = _join(text, reaches)
        heading = self._heading(task.heading, reaches)
        notes = [r.note for r in reaches if r.note]
        return TaskReach(kind, heading, printed, reaches, partners, notes)

    def _sentence(self, sentence: str, names: list[str]) -> SentenceReach:
        split = self._national_lead_clause(sentence, names)
        if split is not None:
            clause, rest = split
            reach = self._sentence(rest, names)
            note = f"“{clause}”是上级层面的工作，{self.profile.county}不承担，未列入方案"
            return SentenceReach(sentence, reach.kind, reach.actor, reach.printed,
                                 "；".join(n for n in (note, reach.note) if n), left_out_part=clause)
        found = self._actor(sentence, names)
        if found is None:
            return self._actorless(sentence)
        body = _LEADING.sub("", sentence)
        lead_in = re.sub(r"由$", "", sentence[: len(sentence) - len(body)])
        rest = body[len(found):]
        actor = _first_organ(found)
        # 国家卫生健康委、国家中医药局等部门要… : the actor's fellow organs go with it.
        rest = re.sub(rf"^(?:[、和及与][^、，。；]{{2,20}}?)+(?=等|{_MODAL}|{_POLICY_VERB}|会同)", "", rest)
        rest = re.sub(r"^等(?:部门|单位|有关部门)?", "", rest)
        issuer = self._is_issuer(actor)
        if is_bureau_counterpart(actor) or self._addressee(actor):
            return SentenceReach(sentence, "county", actor, sentence)
        if issuer or is_higher(actor, self.issuer):
            policy = re.match(rf"^(?:将|要|负责|牵头)?(?:会同[^，。；]{{1,24}}?)?{_POLICY_VERB}(.*)$", rest)
            if policy and _DOCUMENT.search(policy.group(1).split("，")[0]):
                printed = f"{lead_in}贯彻落实上级{policy.group(1)}"
                return SentenceReach(sentence, "implement", actor, printed,
                                     f"“{actor}”制订的文件由{self.profile.bureau_short}贯彻落实")
            if not issuer or _LEVEL_ONLY.search(rest):
                return SentenceReach(sentence, "higher", actor, None,
                                     f"属{actor}的工作，{self.profile.county}不承担，未列入方案")
            return SentenceReach(sentence, "county", actor, sentence,
                                 f"上级机关“{actor}”的同类工作由{self.profile.bureau_short}在本县开展")
        if is_duty_holder(actor):
            return SentenceReach(sentence, "duty", actor, f"{lead_in}{self.profile.units_collective}{rest}",
                                 f"“{actor}”的主体责任由{self.profile.units_collective}落实")
        if is_outside(actor) and re.match(r"^(?:省|市|自治区|州)(?!场|民|县|区|级)", actor) and rest.startswith("将"):
            # 省消防救援总队将适时组织明查暗访: a higher outside body announcing its own act.
            return SentenceReach(sentence, "higher", actor, None,
                                 f"属{actor}自身的工作，{self.profile.county}不承担，未列入方案")
        if is_outside(actor):
            share = re.sub(rf"^{_MODAL}", "", rest)
            share = re.sub(r"^(?:配合|会同(?:有关|相关)部门)", "", share)
            partner = self.partner(actor)
            return SentenceReach(sentence, "outside", actor, f"{lead_in}配合{partner}{share}",
                                 f"“{actor}”不是本局单位，任务写为配合{partner}，不列为牵头或配合单位")
        return SentenceReach(sentence, "county", actor, sentence)

    def _national_lead_clause(self, sentence: str, names: list[str]) -> tuple[str, str] | None:
        """``加强国家医疗应急队伍建设，各级卫生健康行政部门要加强本级…``: a leading clause with no
        actor about the nation's own work, then the recipients' duty. (clause, the rest) or None."""
        m = re.match(r"^([^，。；]*?(?:国家|全国|跨区域|跨省|中央)[^，。；]*)，(.+)$", _LEADING.sub("", sentence))
        if not m or _PREPOSITION.match(m.group(1)) or not _ACTING_START.match(m.group(1)):
            return None
        rest = m.group(2)
        subject = _SUBJECT.match(rest)
        starts_with_unit = any(rest.startswith(n) for n in names if n) or bool(
            subject and _ORGAN_END.search(_first_organ(subject.group(1))))
        return (m.group(1), rest) if starts_with_unit else None

    def _actorless(self, sentence: str) -> SentenceReach:
        """A sentence with no actor of its own is the recipients' work, except rule-making
        (``研究制订……实施指南和……管理规范``): guides, standards and norms are the superior's to
        make, the county's to implement."""
        body = _LEADING.sub("", sentence)
        m = re.match(rf"^{_POLICY_VERB}(.*)$", body)
        if m and _RULE_DOCUMENT.search(re.split(r"[，；]", m.group(1))[0]):
            lead_in = re.sub(r"由$", "", sentence[: len(sentence) - len(body)])
            return SentenceReach(sentence, "implement", None, f"{lead_in}贯彻落实上级{m.group(1)}",
                                 f"制订指南、标准、规范是上级的工作，由{self.profile.bureau_short}贯彻落实")
        return SentenceReach(sentence, "county", None, sentence)

    def _heading(self, heading: str, reaches: list[SentenceReach]) -> str:
        """The task's heading for the county: rewritten like its first sentence when it is that
        sentence or opens with a higher body's rule-making; level-only words dropped when the
        superior's own part was left out."""
        if not reaches:
            return heading
        first = reaches[0]
        bare = heading.rstrip("。：:")
        if first.printed is not None and _norm(first.text).rstrip("。").startswith(_norm(bare)) \
                and len(bare) > 20:
            return _short_heading(first) or first.printed.rstrip("。")
        if any(r.kind == "implement" for r in reaches) and re.match(rf"^{_POLICY_VERB}", bare):
            return re.sub(rf"^{_POLICY_VERB}", "贯彻落实", bare)
        if any(r.kind == "higher" for r in reaches):
            return re.sub(r"(?:国家|全国|跨区域)(?=[\u4e00-\u9fff]{2})", "", bare)
        return heading


_HEADING_VERB = re.compile(r"^(?:开展|加强|落实|督促|组织|整治|检查|全面|排查|建立|健全|完善|推进|做好|强化|严格|会同|"
                           r"提升|规范|深化|压实|实施|推动|抓好|确保)")


def _short_heading(first: SentenceReach) -> str | None:
    """A 重点任务 name for an item written as one sentence with no heading of its own: its first
    clause that opens with a verb (``督促医疗机构……落实消防安全主体责任``), after the actor; an
    outside body's item keeps ``配合X`` in front."""
    assert first.printed is not None
    text = first.printed.rstrip("。")
    prefix = ""
    if first.kind == "outside" and first.printed.startswith("配合"):
        m = re.match(r"^配合[^，。；]*?(?:部门|机构|机关|单位|企业|公司|委员会|委|局|厅|部|办|中心|队|站|政府|集团)",
                     first.printed)
        prefix = m.group(0) if m else ""
        text = text[text.index(prefix) + len(prefix):] if prefix in text else text
    elif first.actor and text.startswith(first.actor):
        text = re.sub(rf"^{_MODAL}", "", text[len(first.actor):])
    for clause in re.split(r"[，；]", text):
        if _HEADING_VERB.match(clause) and 4 <= len(clause) <= 30:
            return prefix + clause
    return None


def _first_organ(actor: str) -> str:
    """The first organ of a list (国家卫生健康委、国家中医药局 → 国家卫生健康委); brackets stay whole
    (各县（市、区）住房和城乡建设局)."""
    masked = re.sub(r"（[^（）]*）|\([^()]*\)", lambda m: "＿" * len(m.group(0)), actor)
    cut = re.search(r"、", masked)  # not 和: 住房和城乡建设局 is one organ
    if not cut:
        return actor
    first, last = actor[: cut.start()], actor[masked.rindex("、") + 1:]
    level = re.match(r"^各?(?:省级|市级|县级|省|市|县|乡镇)", last)
    if not _ORGAN_END.search(first) and level:  # 省级、市级卫生健康行政部门: the levels share one organ
        return first + last[level.end():]
    return first


def _join(text: str, reaches: list[SentenceReach]) -> str:
    """The carried text: the printed sentences, paragraph breaks kept."""
    out: list[str] = []
    queue = list(reaches)
    for paragraph in text.split("\n"):
        parts = []
        for _ in _split(paragraph):
            r = queue.pop(0)
            if r.printed is not None:
                parts.append(r.printed)
        if parts:
            out.append("".join(parts))
    return "\n".join(out)


def outside_remit(reaches: list[TaskReach]) -> bool:
    """Whether no task of a notice is the county bureau's own (all outside or higher)."""
    return bool(reaches) and all(r.kind in ("outside", "higher") for r in reaches)
