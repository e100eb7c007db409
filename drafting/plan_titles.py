"""The plan's title, the work's name for prose, and the citation of the superior document.

From ``关于在全市卫健系统立即开展安全生产大排查大整治专项行动的紧急通知`` to the county's
``示例县卫生健康局关于在全县卫健系统立即开展安全生产大排查大整治专项行动的实施方案``; from
``全市卫生健康系统……三年行动方案（2024—2026年）`` to ``示例县卫生健康系统……三年行动实施方案（2024—2026年）``.
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


def subject_of(notice: Notice) -> tuple[str, str, str]:
    """What the superior document is about, its kind word (方案, 要点…) and a trailing year
    parenthesis such as （2024—2026年）."""
    base = notice.enclosed_title or notice.title or ""
    if not notice.enclosed_title:
        base = base.split("关于", 1)[1] if "关于" in base else base
        base = re.sub(r"的(?:紧急|补充|重要)?(?:通知|函|意见|决定|通报)$", "", base)
        m = re.match(r"^(?:印发|转发)(.+)$", base)
        if m:
            base = m.group(1).strip("《》")
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
    """The plan's title: 示例县卫生健康局关于……的实施方案, or 示例县……三年行动实施方案（2024—2026年）."""
    kind = "实施方案" if doc_kind == "转发通知" else doc_kind
    lv = sub.level
    organ = re.match(rf"^(?:{re.escape(lv.place or '@@')}|{re.escape(p.county)})[^，。]{{0,8}}?(?:委员会|委|局)",
                     subject)
    if organ:  # 始兴县卫生健康局2022年安全生产 (工作要点) → 关于贯彻落实2022年安全生产工作要点
        subject = f"贯彻落实{subject[organ.end():]}{kind_word}"
    else:
        scope = re.match(rf"^(?:全{re.escape(lv.word)}|全县|{re.escape(lv.place or '@@')}|{re.escape(p.county)})",
                         subject)
        if scope:  # 全市卫生健康系统……三年行动 → 示例县卫生健康系统……三年行动实施方案
            return f"{p.county}{sub.apply(subject[scope.end():], '标题')}{kind}{year_suffix}"
    local = sub.apply(subject, "标题")
    if not local.startswith(("在", "关于")) and not any(local.startswith(v) for v in _LEADING_VERBS):
        local = f"贯彻落实{local}{kind_word}"
    return f"{p.bureau}关于{local}的{kind}{year_suffix}"


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


