"""Facts about the superior's territory stay the superior's.

``近期全省火灾事故多发，11月以来我省已发生较大火灾事故3起`` is what happened in the province; in the
county's plan it must not become ``近期我县火灾事故多发`` (a claim the county would then report
upward). A sentence that states such a fact — what has happened or how things stand, not what is to
be done — keeps its territory and is attributed to the superior (``据省卫生健康委通报，…``); a fact
phrase inside the county's own sentence (``汲取近期全省火灾事故教训``) keeps its territory as county
texts write it (``省内``, ``国内``, as seed 000 writes ``近期国内生产安全事故多发``).

Also here: the superior's statements of what it has itself already done (``市卫健委已成立14个督查
组``), which are left out of the county's restatement.
"""

from __future__ import annotations

import re

# The territory a word names, and how the county writes that territory in a fact phrase.
_TERRITORY = re.compile(r"(?<![健完安齐顾两万双])全[国省市州]|我省|我市|我州|本省|本市|国内|省内|市内")
_INSIDE = {"国": "国内", "省": "省内", "市": "市内", "州": "州内"}
# What has happened, how things stand (numbers of cases, trends, past periods).
_FACT = re.compile(
    r"多发|频发|高发|连发|接连发生|相继发生|(?:已|共|先后|累计)(?:经)?(?:发生|排查|检查|整改|完成|建成|处置|下发|出动|督办|有)|"
    r"发生[^，。；]{0,12}?\d+起|\d+起|造成\d+人|\d+人(?:死亡|受伤|遇难)|死亡|伤亡|同比|环比|(?:上升|下降|增长)\d|"
    r"形势(?:总体)?(?:平稳|稳定|严峻|复杂)|取得[^，。；]{0,6}成效|(?:我|全)[国省市州](?:是|有|现有|拥有|共有)|(?:依然|仍然|仍)(?:突出|严峻|存在|有)|暴露出|仍有")
_FACT_TIME = re.compile(r"近期|近年来|近日|今年以来|入冬以来|\d{1,2}月(?:份)?以来|截至|截止|去年|上年|\d{4}年(?:，|全|我|以来)")
# What is to be done: a goal or a duty is not a fact even when it names a number (主要, 重要, 要求
# are not 要).
_DUTY = re.compile(r"(?<![主重需纪提概摘首])要(?![求点素害件闻道])|须|应当|应该|务必|确保|力争|坚决|严禁|不得|将|"
                   r"到\d{4}年|年底前|月底前|日前|前完成|通过|汲取|吸取|切实|做好|防范|遏制")
_ATTRIBUTED = re.compile(r"^(?:据|根据)[^，。]{0,20}?(?:通报|统计|报告|监测|调查|显示)")
# A fact phrase in the county's own sentence: 汲取近期全省火灾事故教训, 全省发生的事故.
_FACT_PHRASE = re.compile(r"(?:汲取|吸取)[^，。；]{0,16}?(?P<w>全国|全省|全市|我省|我市|本省|本市)[^，。；]{0,16}?(?:事故|案例)"
                          r"|(?P<w2>全国|全省|全市|我省|我市|本省|本市)[^，。；]{0,8}?(?:发生|多发|接连)")


def is_attributed(sentence: str) -> bool:
    """Whether ``sentence`` already names its source (据统计，… / 据省应急厅通报，…)."""
    return bool(_ATTRIBUTED.match(sentence))


def territory_word(text: str) -> str | None:
    m = _TERRITORY.search(text)
    return m.group(0) if m else None


def is_territory_fact(sentence: str) -> bool:
    """Whether ``sentence`` states a fact about a territory above the county (全省…多发, 我省已发生
    …起, 2023年全国…共发生…起, 形势总体平稳) rather than what is to be done there."""
    if not _TERRITORY.search(sentence) or _ATTRIBUTED.match(sentence):
        return False
    facts = len(_FACT.findall(sentence)) + len(_FACT_TIME.findall(sentence))
    if not facts:
        return False
    # 各地要深刻汲取事故教训 is a duty; 近期全省火灾事故多发，…，教训极为深刻 is a fact.
    return not _DUTY.search(sentence)


def attribute(sentence: str, source: str) -> str:
    """``据{source}通报，`` + the sentence, its territory words unchanged."""
    return f"据{source}通报，{sentence}"


def fact_phrase_spans(sentence: str) -> list[tuple[int, int, str]]:
    """(start, end, replacement) for territory words in fact phrases of a county sentence, written
    as county texts write the superior's territory: ``汲取近期全省火灾事故教训`` → ``省内``;
    ``截至11月底，全市已有3家医院被通报，各单位要引以为戒`` → ``市内已有3家医院``."""
    spans: dict[int, tuple[int, int, str]] = {}
    for m in _FACT_PHRASE.finditer(sentence):
        group = "w" if m.group("w") else "w2"
        spans[m.start(group)] = (m.start(group), m.end(group), _inside(m.group(group)))
    clauses = list(re.finditer(r"[^，；：。！？]+", sentence))
    for i, clause in enumerate(clauses):
        text = clause.group(0)
        before = clauses[i - 1].group(0) if i else ""
        if _DUTY.search(text) or not (_FACT.search(text) or _FACT_TIME.search(before + text)):
            continue
        for w in _TERRITORY.finditer(text):
            if not w.group(0).endswith("内"):
                start = clause.start() + w.start()
                spans.setdefault(start, (start, start + len(w.group(0)), _inside(w.group(0))))
    return sorted(spans.values())


def _inside(word: str) -> str:
    return _INSIDE[word[-1]]


def drop_superior_facts(names: list[str], line: str) -> str:
    """Sentences where the superior states what it has already done (市卫健委已成立14个督查组…)
    are its own facts, not the county's: they are left out of the restatement. ``names`` are the
    ways the superior organ is written."""
    names = [n for n in names if n]
    sentences = re.findall(r"[^。]+。?", line)
    kept = [t for t in sentences if not any(t.startswith(n) and "已" in t[len(n):len(n) + 4] for n in names)]
    return "".join(kept)
