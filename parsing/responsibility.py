"""Who must do a piece of work: lead and supporting units of one item of a notice.

Three ways 公文 name them, tried in this order:

1. a trailing parenthesis ``（局办公室、人事股牵头，各股室分工负责）``;
2. labelled lines ``牵头单位：…`` / ``配合单位：…`` / ``责任单位：…``;
3. the grammatical subjects that carry a duty (``县卫生健康委要…``, ``医疗机构制定…`` at the start
   of a sentence); a person's role gives its unit (``医疗卫生机构主要负责人要`` → 医疗卫生机构),
   a bare role is skipped, and units after ``会同``/``配合`` are objects, not subjects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from parsing.units import (
    UNIT_SUFFIXES,
    clean_unit,
    is_unit,
    outranks,
    same_unit,
    split_units,
    strip_role,
    unit_level,
)

Span = tuple[int, int]

_DUTY_WORDS = re.compile(r"牵头|负责|配合|参与|协助|协同|落实|承担|责任单位|牵头单位")
_TRAILING_PAREN = re.compile(r"[（(]([^（()）]*(?:[（(][^（()）]*[）)][^（()）]*)*)[）)]\s*[。.；;]?\s*$")
# where a value ends because the next label starts (牵头单位：A 配合单位：B / A,配合单位:B)
_NEXT_LABEL = r"[\s，,、]*(?:牵头|主责|责任|配合|协办|参与|协助)(?:单位|部门|科室|股室)\s*[:：]"
_LABEL = re.compile(r"(牵头单位|牵头部门|主责单位|责任单位|责任部门|责任科室|责任股室|配合单位|配合部门|协办单位|"
                    r"参与单位|协助单位)\s*[:：]\s*((?:(?!" + _NEXT_LABEL + r")[^；;。\n（()）【】\[\]]|[（(][^（()）\n]*[）)])+)")
_SUPPORT_LABELS = ("配合单位", "配合部门", "协办单位", "参与单位", "协助单位")
# how the units share the work: 按职责分工负责, 具体落实, 共同推进
_DUTY_MANNER = re.compile(r"(?:按照?|根据)?(?:各自)?职责(?:分工)?(?=负责|落实|抓好|推进)|具体(?=落实|实施|负责)")
_JOINT = re.compile(r"会同(?![县市])")
_SUPPORT_WORDS = re.compile(r"(?:分工负责|共同负责|负责|配合|参与|协助|协同|落实|承担|等)+$")
# Words that may follow a subject at the head of a sentence: verbs, adverbs, prepositions.
_PREDICATE_START = re.compile(
    r"^(?:探索|建立|制定|制订|采取|指导|对|组织|开展|督促|成立|会同|联合|做好|抓好|推进|推动|完善|强化|严格|"
    r"切实|全面|认真|积极|及时|定期|统筹|承担|研究|部署|召开|配合|协调|按照|根据|结合|依法|进一步|立即|迅速|"
    r"主动|持续|深入|坚持|确保|设立|实施|完成|会商|加强|落实|负责|牵头|也要|要|应|将|须|必须|务必|于|在|向|把|"
    r"以|通过|针对|围绕|印发|编制|出台|发挥|提供|加大|做到|安排|派出|抽调|对接|牵头|会同|与|联同|每|不定期|"
    r"负总责|牵头抓总|具体负责|全权|统一|分别|共同|另行|自行|优先|重点|主要|总结|汇总|梳理|自查|排查|整改|"
    r"上报|报送|选派|配备|核查|复核|审核|评估|督查|抽查|检查|制作|填报|明确|细化|召集|负责|组成|组建|成立|实行|执行|"
    r"推行|推广|出台|发布|修订|修订|启动|开通|建成|遴选|公布|实现|扩大|举办|帮扶|对口|指派|牵头|聘请|购置|储备|"
    r"配齐|改造|新建|扩建|搭建|上线|试行|探索|谋划|规划|拟定|起草|审定|审议|核定|下达|拨付|安排|分解|督办|通报|"
    r"[0-9０-９一二三四五六七八九十〇○]{1,4}\s*[年月](?=[^，,。；]{0,12}前))")  # 各单位4月28日前报送
_MARKER = re.compile(r"也要|(?<![主重需只纪摘提概首次必])要(?![求素点件闻务])|应当|(?<![适响回对相反供])应(?![急对用知有])|"
                     r"必须|务必|(?<![必无])须|将(?![来军])|负责(?!人|同志)|牵头|(?<![申提邀])请(?=于|在|按|将|及时|务必|认真|结合)")
# Verbs that take a unit as their object (推动内设科室将…, 督促各单位要…): what follows is not a subject.
_CAUSATIVE = re.compile(r"(?:推动|推进|督促|指导|要求|组织|帮助|支持|引导|鼓励|动员|通知|指定|明确|确定|责成|安排|协调|"
                        r"会同|配合|联合|邀请|委托|协助|联系|对接|报送|报告|上报|提请|请示|依托|通过).{2}")
# A sentence that lists things to check (…建立情况；…落实情况) names no one who must act.
_INVENTORY_END = re.compile(r"(?:情况|问题|现象|等方面|隐患)$")
# after a subject, words that make even a …情况 sentence an action: 各单位于5日前报送…情况
_ACTION_AFTER_SUBJECT = re.compile(r"^(?:于|要|应|将|须|必须|负责|对照|按照|每|定期|及时|立即|认真|全面)")
# 由县卫健委牵头，县财政局、县医保局配合：lead and support written out in the sentence
_BY_LEAD = re.compile(r"^由(.{2,40}?)(?:牵头|负责|主责)")
_SUPPORTING = re.compile(r"^(.{2,40}?)(?:等)?(?:配合|参与|协助|协同)(?:$|(?=做好|开展|落实|推进|实施|抓好|完成|指导))")
# 承担任务的单位 / 列入试点的医疗机构: a unit named by what it does
_DESCRIBED_UNIT = re.compile(r"^(?:承担|负责|参与|涉及|列入|纳入|开展|有)[^的，,]{1,12}的(?:各|有关|相关)?"
                             r"(?:单位|部门|机构|医疗机构|医疗卫生机构|医院|科室|股室|企业|乡镇|地区)$")
# a time that opens the clause, with the span it may give in brackets: 汛期（6月1日至9月30日）各单位…
_TIME_LEAD = re.compile(r"^(?:[\u4e00-\u9fa5]{0,6}(?:期间|期内|汛期|假期|节前|节后)|今后|近期|当前|目前|届时|同时)"
                        r"(?:[（(][^（）()]{1,24}[）)])?")
# a clause that only says when: 2025年10月至12月， / 每年3月底前， / 6月中旬，
_TIME_CLAUSE = re.compile(r"^(?:自|从|在|于)?[0-9０-９一二三四五六七八九十〇○零年月日号底初中末旬上下半季度第每周至到—－\-~起前后期间内]+$")
# a date that opens a clause without a comma: 2025年9月底前 / 6月30日前 / 年底前
_TIME_PREFIX = re.compile(r"^(?:在|于|到)?(?:[0-9０-９一二三四五六七八九十〇○]{2,4}年)?(?:[0-9０-９一二三四五六七八九十]{1,2}月)?"
                          r"(?:[0-9０-９一二三四五六七八九十]{1,3}日|底|末|中旬|上旬|下旬)?(?<=[年月日底末旬])前")
_RESPONSIBLE_IS = re.compile(r"^(.{2,30}?)(?:是|为|作为)[^，,。]{0,20}(?:责任主体|第一责任人|直接责任人|主体责任|主管部门|"
                             r"主管机关|行政主管部门|牵头部门|牵头单位|责任单位|责任部门|实施主体|工作主体)")
# verbs that make an organ after a comma the subject of a new clause (…，省卫生健康委组织评估)
_LATER_CLAUSE_VERB = re.compile(r"^(?:组织|负责|牵头|制定|制订|开展|完成|建立|成立|召开|印发|部署|推进|实施|督促|指导|"
                                r"汇总|审核|统筹|协调|每)")
# every place of a level as the subject: 各地 / 各区 / 各县（市、区）
_PLACE_SUBJECT = re.compile(r"^各(?:地区|地|省份|[省市州盟县区旗]{1,3}|乡镇|街道)(?:（[^（）]{1,12}）)?")
_SENTENCE = re.compile(r"[^。！？!?；;\n]+")
_CLAUSE = re.compile(r"[^，,：:]+")
_LEADING_NOISE = re.compile(r"^(?:[\s“”\"‘’'、（(]|[①-⑳]|[一二三四五六七八九十]是)+")
_SUFFIX_AT = re.compile("|".join(map(re.escape, UNIT_SUFFIXES)))


@dataclass
class Responsibility:
    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    lead_spans: list[Span] = field(default_factory=list)
    support_spans: list[Span] = field(default_factory=list)
    explicit: bool = False  # named by a parenthesis, a label or a table, not read from the sentences

    def add(self, name: str, span: Span, support: bool = False) -> None:
        name = clean_unit(name)
        if not name or any(same_unit(name, known) for known in (*self.lead, *self.support)):
            return  # the same unit named twice (县卫健委 … 县卫生健康委员会) is listed once
        (self.support if support else self.lead).append(name)
        (self.support_spans if support else self.lead_spans).append(span)

    @property
    def spans(self) -> list[Span]:
        return self.lead_spans + self.support_spans


def _locate(units: list[str], text: str, base: int, offset: int = 0) -> list[tuple[str, Span]]:
    out = []
    pos = offset
    for unit in units:
        k = text.find(unit, pos)
        if k < 0:
            k = text.find(unit)
        if k < 0:
            out.append((unit, (base + offset, base + offset)))
            continue
        out.append((unit, (base + k, base + k + len(unit))))
        pos = k + len(unit)
    return out


def parse_parenthesis(content: str, base: int, into: Responsibility) -> None:
    """``局办公室、人事股牵头，各股室分工负责`` → lead/support (``base`` = offset of ``content``)."""
    # 县卫健委（牵头）、县财政局: same length, so offsets stay right
    content = re.sub(r"[（(](牵头|配合|负责)[）)]", lambda m: m.group(1) + "  ", content)
    if "牵头" in content and not content.startswith("牵头"):
        cut = content.index("牵头")
        for unit, span in _locate(split_units(content[:cut]), content, base):
            into.add(unit, span)
        rest = content[cut + 2:]
        for part in re.split(r"[，,；;]", rest):
            part = _SUPPORT_WORDS.sub("", _DUTY_MANNER.sub("", part.strip("，,；; ")))
            if part:
                for unit, span in _locate(split_units(part), content, base, cut):
                    into.add(unit, span, support=True)
        return
    for part in re.split(r"[，,；;]", content):
        bare = _DUTY_MANNER.sub("", part.strip())
        if (cut := _JOINT.search(bare)) and cut.start() > 1:
            # 国家发展改革委会同有关部门负责: the unit before 会同 leads, its partners support
            partners = _SUPPORT_WORDS.sub("", re.sub(r"(?<=.)(?:分工|具体|共同)?负责(?!人).*$", "", bare[cut.end():]))
            offset = content.find(bare)
            for unit, span in _locate(split_units(bare[:cut.start()]), content, base, max(offset, 0)):
                into.add(unit, span)
            for unit, span in _locate(split_units(partners), content, base, max(offset, 0)):
                into.add(unit, span, support=True)
            continue
        bare = re.sub(r"(?<=.)(?:分工|具体|共同)?负责(?!人).*$", "", bare)  # 安全股负责督导 → 安全股
        is_support = bool(re.search(r"(?:配合|参与|协助|协同)$", bare)) or (
            bool(into.lead) and bool(re.search(r"(?:落实|实施)$", bare)))  # A负责，B具体落实
        bare = _SUPPORT_WORDS.sub("", bare)
        if not bare:
            continue
        for unit, span in _locate(split_units(bare), content, base):
            into.add(unit, span, support=is_support)


def explicit_units(text: str, base: int) -> Responsibility:
    """Units named by a trailing parenthesis or by labelled lines in ``text`` (at ``base``)."""
    found = Responsibility()
    labels = list(_LABEL.finditer(text))
    # 牵头单位：A / 责任单位：B — with a lead named, the units responsible besides it support
    has_lead_label = any(m.group(1).startswith("牵头") for m in labels)
    for m in labels:
        label, value = m.group(1), m.group(2)
        if label in _SUPPORT_LABELS or (has_lead_label and not label.startswith("牵头")
                                        and "牵头" not in value):
            for unit, span in _locate(split_units(value), text, base, m.start(2)):
                found.add(unit, span, support=True)
        elif "牵头" in value or "配合" in value:
            parse_parenthesis(value, base + m.start(2), found)
        else:
            for unit, span in _locate(split_units(_SUPPORT_WORDS.sub("", value)), text, base, m.start(2)):
                found.add(unit, span)
    if not found.lead and not found.support:
        m = _TRAILING_PAREN.search(text)
        if m and _DUTY_WORDS.search(m.group(1)):
            parse_parenthesis(m.group(1), base + m.start(1), found)
    found.explicit = bool(found.lead or found.support)
    return found


# …，县卫生监督所于5月1日至6月15日开展现场检查: the time after a later clause's subject, before its verb
_SUBJECT_TIME_HEAD = re.compile(r"^(?:于|在)[0-9０-９一二三四五六七八九十〇○零年月日号底初中末旬上下半至到—－~-]+(?:前|之前|以前|期间)?")
_SUBJECT_TIME_TAIL = re.compile(r"(?:于|在)(?:每个?(?:工作日|季度|半年|月|周|年|日|天))?[0-9０-９一二三四五六七八九十〇○零年月日号底初中末旬上下半]+(?:前|之前|以前)?$")


def _subject_before_marker(clause: str) -> tuple[str, int] | None:
    """The unit phrase before the first duty marker that has one: (phrase, its length in clause)."""
    for m in _MARKER.finditer(clause):
        subject = clause[:m.start()]
        if not subject or len(subject) > 45:
            if len(subject) > 45:
                return None
            continue
        # 各乡镇、各有关部门于9月28日前将…: the time before the marker is no part of the subjects
        subject = _SUBJECT_TIME_TAIL.sub("", subject) or subject
        if "由" in subject[1:] and is_unit(subject[subject.rindex("由") + 1:]):
            subject = subject[subject.rindex("由") + 1:]  # 该项工作由县卫健委负责
        if ("的" in subject and not _DESCRIBED_UNIT.match(subject)) \
                or subject.startswith(("对", "在", "由", "按照", "根据")) or _CAUSATIVE.search(subject):
            continue
        unit, _ = strip_role(subject)
        if not unit:
            return None
        if split_units(unit) and all(is_unit(u) for u in split_units(unit)) and _plausible(unit):
            return unit, len(unit)
    return None


def _plausible(phrase: str) -> bool:
    units = split_units(phrase)
    return bool(units) and all(is_unit(u) for u in units)


def _subject_at_sentence_start(clause: str) -> tuple[str, int] | None:
    """``县卫健委指导…`` → 县卫健委: the shortest unit name followed by a predicate."""
    for m in _SUFFIX_AT.finditer(clause[:40]):
        end = m.end()
        subject = clause[:end]
        if len(subject) < 2:
            continue
        if _PREDICATE_START.match(clause[end:]) and not re.match(r"负责(?:人|同志)|为成员", clause[end:]) \
                and _plausible(subject) and "的" not in subject and not _MARKER.search(subject) \
                and not _CAUSATIVE.search(subject):
            return subject, end
    if (place := _PLACE_SUBJECT.match(clause)) and _PREDICATE_START.match(clause[place.end():]) \
            and not re.match(r"应[急对用]", clause[place.end():]):
        return place.group(), place.end()  # 各区全面推行, 各地结合实际制定… (not 各县（市、区）应急管理局)
    return None


def duty_subjects(text: str, base: int) -> Responsibility:
    """Lead units read from the subjects that carry a duty, in order (``base`` = offset of text)."""
    found = Responsibility()
    for sm in _SENTENCE.finditer(text):
        sentence = sm.group().strip()
        inventory = bool(_INVENTORY_END.search(sentence)) and not re.search(r"[，,]", sentence)
        time_first = None
        for ci, cm in enumerate(_CLAUSE.finditer(sm.group())):
            clause = cm.group()
            lead = _LEADING_NOISE.match(clause)
            skip = lead.end() if lead else 0
            clause = clause[skip:]
            start = base + sm.start() + cm.start() + skip
            opened_by_time = ci == 1 and bool(time_first)
            if ci == 0:
                time_first = _TIME_CLAUSE.match(clause.strip())
            pair = _BY_LEAD.match(clause) or _SUPPORTING.match(clause)
            if pair and _plausible(pair.group(1)):
                support = pair.re is _SUPPORTING
                for unit, span in _locate(split_units(pair.group(1)), clause, start + pair.start(1)):
                    found.add(unit, span, support=support)
                continue
            if (tm := _TIME_LEAD.match(clause)) and clause[tm.end():].startswith("各"):
                clause, start = clause[tm.end():], start + tm.end()  # 汛期各单位实行…: time, then subject
            elif (tm := _TIME_PREFIX.match(clause)) and tm.end() < len(clause):
                clause, start = clause[tm.end():], start + tm.end()  # 2025年9月底前各区全面推行
                opened_by_time = True
            hit = _subject_before_marker(clause)
            if hit is None and (rm := _RESPONSIBLE_IS.match(clause)):
                unit, _ = strip_role(rm.group(1))  # 各医疗卫生机构是安全生产的责任主体
                hit = (unit, len(unit)) if unit and _plausible(unit) else None
            if hit is None and (ci == 0 or opened_by_time):
                hit = _subject_at_sentence_start(clause)
                if hit and inventory and not clause.startswith("各") \
                        and not _ACTION_AFTER_SUBJECT.match(clause[hit[1]:]):
                    hit = None  # 医疗机构消防安全责任落实情况: a list of things to check
            if hit is None and ci > 0 and (later := _subject_at_sentence_start(clause)) \
                    and (unit_level(later[0]) is not None or later[0].startswith("各")) \
                    and _LATER_CLAUSE_VERB.match(_SUBJECT_TIME_HEAD.sub("", clause[later[1]:])):
                hit = later  # …，省卫生健康委组织评估: an organ of a named level opens a new clause
            if hit is None and clause.startswith("请"):  # 请各单位于…报送
                clause, start = clause[1:], start + 1
                hit = _subject_at_sentence_start(clause)
            if hit is None:
                continue
            phrase, _ = hit
            for unit, span in _locate(split_units(phrase), clause, start):
                found.add(unit, span)
    return members_for_group(found)


_GROUP_HEAD = re.compile(r"(?:等|各类|各级各类)(?:各类)?([^、，等类]{2,4})$")


def members_for_group(found: Responsibility) -> Responsibility:
    """Drop a group (``医疗卫生、托育和养老等各类机构``) whose members lead after it (``托育机构要…``)."""
    keep = Responsibility(explicit=found.explicit)
    for k, (unit, span) in enumerate(zip(found.lead, found.lead_spans, strict=True)):
        head = _GROUP_HEAD.search(unit) if ("、" in unit or "各类" in unit) else None
        members = [u for u, sp in zip(found.lead[k + 1:], found.lead_spans[k + 1:], strict=True)
                   if head and u.endswith(head.group(1)) and sp[0] >= span[1] and "、" not in u]
        if not members:
            keep.add(unit, span)
    for unit, span in zip(found.support, found.support_spans, strict=True):
        keep.add(unit, span, support=True)
    return keep


def without_higher_authorities(found: Responsibility, issuer: str | None) -> Responsibility:
    """Leads read from sentences, without units above the issuer: what a higher authority will do
    (``国家卫生健康委将组织抽查``) is background, not a duty of the notice's recipients."""
    if not issuer:
        return found
    keep = Responsibility(explicit=found.explicit)
    for unit, span in zip(found.lead, found.lead_spans, strict=True):
        if not outranks(unit, issuer):
            keep.add(unit, span)
    for unit, span in zip(found.support, found.support_spans, strict=True):
        keep.add(unit, span, support=True)
    return keep
