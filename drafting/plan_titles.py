"""The plan's title, the work's name for prose, and the citation of the superior document.

County plans are titled as counties write them (seeds 000 and 001): the county's name, the work
and the kind of plan, never ``关于……的实施方案`` — from ``关于立即开展医疗机构消防安全隐患排查整治的紧急通知``
to ``示例县医疗机构消防安全隐患排查整治实施方案``; from ``全市卫生健康系统……三年行动方案（2024—2026年）``
to ``示例县卫生健康系统……三年行动方案（2024—2026年）``. A title that opens with a verb phrase
(``迅速采取有效措施坚决遏制重大事故专项行动工作方案``) is kept as it stands, as seed 000 does. The
cover notice never doubles 关于: ``关于印发《…》的通知``, ``转发《…关于…的通知》的通知``.
"""

from __future__ import annotations

import re

from drafting.profile import CountyProfile
from drafting.substitution import Substituter
from parsing.model import Notice

TOPIC_NOUNS = ("专项行动", "专项整治", "行动", "活动", "工作", "攻坚", "整治")
_TOPIC_VERBS = ("开展", "推进", "实施", "落实", "做好", "加强", "抓好", "贯彻落实")
_KIND_WORDS = ("实施方案", "工作方案", "方案", "工作要点", "要点", "实施意见", "意见", "实施细则",
               "细则", "办法", "计划")
_PLAN_KIND_WORDS = ("实施方案", "工作方案", "方案")  # a superior plan's own kind, kept by the county
_NOTICE_END = re.compile(r"的(?:紧急|补充|重要)?(?:通知|函|意见|决定|通报)$")


def subject_of(notice: Notice) -> tuple[str, str, str]:
    """What the superior document is about, its kind word (方案, 要点…) and a trailing year
    parenthesis such as （2024—2026年）."""
    base = (notice.enclosed_title or notice.title or "").strip()
    while True:  # 关于转发《国家…关于加强…的通知》的通知 → 加强…
        before = base
        if "关于" in base and (_NOTICE_END.search(base) or not notice.enclosed_title):
            base = _NOTICE_END.sub("", base.split("关于", 1)[1])
        m = re.match(r"^(?:印发|转发)(.+)$", base)
        if m:
            base = m.group(1).strip()
            base = base[1:-1] if base.startswith("《") and base.endswith("》") else base
        if base == before:
            break
    year_suffix = ""
    m = re.search(r"[（(]\d{4}\s*[—–\-－~～至]+\s*\d{4}年?[）)]$", base)
    if m:
        year_suffix, base = m.group(0), base[:m.start()]
    kind_word = ""
    for word in _KIND_WORDS:
        if base.endswith(word) and len(base) > len(word) + 2:
            kind_word, base = word, base[: -len(word)]
            break
    return base, kind_word, year_suffix


def plan_title(sub: Substituter, p: CountyProfile, doc_kind: str, subject: str, kind_word: str,
               year_suffix: str) -> str:
    """The plan's own title: 示例县……实施方案, 示例县卫生健康系统……三年行动方案（2024—2026年）,
    示例县卫生健康局2022年安全生产工作实施方案; never 关于……的."""
    lv = sub.level
    places = "|".join(re.escape(x) for x in (lv.place, p.county) if x)
    organ = re.match(rf"^(?:{places})[^，。]{{0,8}}?(?:委员会|委|局)", subject) if places else None
    if organ:  # 始兴县卫生健康局2022年安全生产 (工作要点) → 示例县卫生健康局2022年安全生产工作实施方案
        rest = subject[organ.end():]
        if kind_word.startswith("工作") and not rest.endswith(TOPIC_NOUNS):
            rest += "工作"
        return f"{p.bureau}{sub.apply(rest, '标题')}{_kind(doc_kind, kind_word, rest)}{year_suffix}"
    text = subject
    scope = re.match(rf"^在?(?:全{re.escape(lv.word)}|全国|全省|全市|全州|全区|全县|本省|本市|本县"
                     rf"{'|' + places if places else ''})", text)
    if scope:
        text = text[scope.end():]
    # 在全市卫健系统立即开展…专项行动: the system stays, the verbs go.
    system = re.match(r"^[^，。在]{0,8}?(?:系统|行业|领域)", text)
    head = system.group(0) if system and len(text) - system.end() >= 4 else ""
    work = _without_leading_verbs(text[len(head):])
    if not head and not scope and _VERBAL.match(work):  # 迅速采取有效措施坚决遏制…专项行动: kept as written
        return f"{sub.apply(text, '标题')}{_kind(doc_kind, kind_word, text)}{year_suffix}"
    work = head + work
    return f"{p.county}{sub.apply(work, '标题')}{_kind(doc_kind, kind_word, work)}{year_suffix}"


def _kind(doc_kind: str, kind_word: str, work: str) -> str:
    """实施方案 / 工作方案 as chosen; a superior plan's own kind (方案, 工作方案) when the county
    restates it (seed 001: 三年行动方案 → 三年行动方案). ``工作`` is not doubled."""
    kind = "实施方案" if doc_kind == "转发通知" else doc_kind
    if kind == "实施方案" and kind_word in _PLAN_KIND_WORDS:
        kind = kind_word
    if kind.startswith("工作") and work.endswith("工作"):
        kind = kind[2:]
    return kind


def _without_leading_verbs(text: str) -> str:
    """立即开展医疗机构… → 医疗机构…; 切实做好强降雨… → 强降雨…; a phrase too short to stand is kept."""
    m = re.match(rf"^{_ADVERBS}*(?:组织)?(?:{'|'.join(_TITLE_VERBS)})", text)
    if m and len(text) - m.end() >= 4:
        return text[m.end():]
    return text


def cover_title(kind: str, title: str, forwarded: str) -> str:
    """The cover notice's title; ``关于`` is not doubled when the inner title has its own."""
    if kind == "转发通知":
        return f"{'' if '关于' in forwarded else '关于'}转发{forwarded}的通知"
    return f"{'' if '关于' in title else '关于'}印发《{title}》的通知"


_LEADING_VERBS = ("开展", "做好", "加强", "推进", "实施", "落实", "贯彻", "进一步", "切实", "认真", "立即",
                  "迅速", "扎实", "全面", "深入", "持续", "组织", "建立", "做实", "抓好", "强化", "印发")


def topic_of(subject: str) -> str:
    """A noun phrase for the work (安全生产大排查大整治专项行动) to use in generated prose: the
    subject without its scope (在全县卫健系统) and without a leading ``立即开展`` / ``做好``."""
    text = re.sub(r"^在?全县[^，。]{0,12}?(?:系统|领域|行业|范围内)", "", subject)
    text = re.sub(r"^[^，。]{0,6}?(?:卫生健康|卫健)(?:系统|领域|行业)", "", text)
    text = re.sub(r"^全县", "", text)
    text = re.sub(rf"^{_ADVERBS}*(?:组织)?(?:{'|'.join(_TOPIC_VERBS)})(?=.{{4}})", "", text)
    return text or subject


_ADVERBS = "(?:立即|迅速|切实|认真|进一步|扎实|全面|深入|持续|集中|着力)"
_TITLE_VERBS = ("贯彻落实", "开展", "推进", "实施", "落实", "做好", "加强", "抓好", "做实", "强化", "深化", "推动")
_VERBAL = re.compile(rf"^(?:{_ADVERBS}|{'|'.join(_LEADING_VERBS)}|采取|坚决|防范|确保)")


def topic_source(sub: Substituter, profile: CountyProfile, subject: str, kind_word: str) -> str:
    """The subject without an organ prefix; a 工作要点's subject gets its 工作 back."""
    lv = sub.level
    organ = re.match(rf"^(?:{re.escape(lv.place or '@@')}|{re.escape(profile.county)})[^，。]{{0,8}}?(?:委员会|委|局)",
                     subject)
    if organ:
        subject = subject[organ.end():]
    if kind_word.startswith("工作") and not subject.endswith(TOPIC_NOUNS):
        subject += "工作"
    return sub.apply(subject, "标题")


def kind_noun(topic: str) -> str:
    return next((n for n in TOPIC_NOUNS if topic.endswith(n)), "工作")


def citation(notice: Notice, with_number: bool = True) -> str:
    """《忻州市卫生健康委员会办公室关于……的紧急通知》（忻卫健办函〔2021〕214号）."""
    title = notice.title or notice.enclosed_title or "上级来文"
    issuer = notice.issuer or notice.signatory or ""
    if issuer and title.startswith("关于") and not title.startswith(issuer):
        title = issuer.split("、")[0] + title
    text = "《" + title.replace("《", "〈").replace("》", "〉") + "》"
    if with_number and notice.doc_number:
        text += f"（{notice.doc_number}）"
    return text


