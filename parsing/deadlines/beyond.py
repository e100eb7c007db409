"""Actions read from beyond the deadline's own sentence, where that sentence names no work.

* A span standing alone (``自2024年3月至2026年12月，分三个阶段进行。``, ``即日起至7月10日。`` under
  ``二、时间安排``) is the span of the campaign the notice launches: ``现决定…立即开展X专项行动``,
  ``关于开展X的通知`` or the plan it issues (``印发《…X行动方案》``) → ``开展X``.
  Under ``会议时间`` it is attending; with no campaign, ``一、值班时间`` names what it is for (值班).
  A due date standing alone counts only under a time heading (``三、完成时限``).
* A time on a label line of an item (``完成时限：2025年9月30日前`` below ``（一）开展学校食堂专项检查。…``,
  or in a closing ``（责任单位：…；完成时限：…）``) is the deadline of that item: the action is its heading.
  So is a sentence that is only a date and a bare ``完成`` (``5月底前完成。``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from parsing.deadlines.actions import BARE_DONE, tidy
from parsing.deadlines.context import squash
from parsing.deadlines.structure import Heading, Span, sentences
from parsing.model import Deadline

_NOUN = (r"(?:行动|活动|整治|攻坚战|攻坚|大检查|检查|大排查|排查|督查|督导|竞赛|宣传月|宣传周|治理|清查|"
         r"考核|评估|评审|普查|调查|摸排|培训|演练|创建|巡查|抽查|整改|运动)")
_LAUNCH_VERB = r"(?:组织开展|部署开展|开展|实施|启动)"
# 现决定在全市卫健系统立即开展X专项行动，/ 现就开展X活动有关事项通知如下
_LAUNCH = re.compile(rf"(?:决定|现就|经研究[，,]?|定于|拟于|拟在)[^。；！？\n]{{0,40}}?{_LAUNCH_VERB}"
                     rf"(?P<what>[^，,。；;：:“”《》\n]{{2,40}}?{_NOUN})(?=[，,。；;：:]|的|有关|相关|工作|事项)")
_TITLE_LAUNCH = re.compile(rf"关于(?:在[^，。\n]{{1,24}}?)?(?:立即|深入|集中|全面|扎实|认真|统一)*{_LAUNCH_VERB}"
                           rf"(?P<what>[^，。；《》\n]{{2,40}}?{_NOUN})(?:工作)?的(?:紧急)?(?:通知|实施方案|工作方案|方案)")
_ISSUED_PLAN = re.compile(rf"(?:印发|转发|制定)[^《。\n]{{0,12}}?《?(?:关于)?(?P<what>[^《》。，\n]{{4,80}}?{_NOUN})"
                          r"(?:工作)?的?(?:实施方案|工作方案|方案|计划)")
# the issuer's place and system before the campaign's name: 青阳县卫生健康系统, 全市, 清河县
_REGION_SYSTEM = re.compile(r"^(?:全[国省市县区]|[^\s，。]{2,6}?(?:省|自治区|市|自治州|县|区|旗))?"
                            r"(?:[^\s，。]{1,8}?(?:系统|行业))?")
_SPAN_LABEL = re.compile(r"^(?:[（(]?[一二三四五六七八九十0-9]+[)）、.．])?(?:本次|此次|这次|整个)?(?:专项|集中)?"
                         r"(?:行动|活动|整治|检查|排查|工作|实施)?(?:时间|期限|时段)?(?:安排)?(?:为|是|：|:)?")
_STAGED = re.compile(r"^(?:共|整个行动|全程)?分(?:为)?[一二三四五六七八九十两0-9]+个?(?:阶段|步骤|步|批次)"
                     r"(?:进行|实施|推进|开展|组织实施)?")
_ITEM_LABEL = re.compile(r"^(?:[（(]?[0-9]+[)）.．、])?(?:完成|办结|办理|截止|整改|工作|实施|推进|落实)?"
                         r"(?:时限|时间节点|时间|期限|日期|进度安排|进度)(?:要求)?(?:为|：|:)")
_STAGE_HEADING = re.compile(r"阶段|步骤")
_HEADING_LABEL = re.compile(r"^([^，。；：:、\s]{2,8}?)(?:的)?(?:时间|时段|期限)(?:安排)?$")
_TIME_HEADING = re.compile(r"(?:时间|时限|期限|时间安排|时间节点)\s*$")


def _campaign(text: str) -> str | None:
    """``开展X``: the campaign the notice launches, from the sentence that launches it or its title."""
    opening = text[:4000]
    for pattern in (_LAUNCH, _TITLE_LAUNCH):
        m = pattern.search(opening)
        if m:
            return tidy("开展" + m.group("what"))
    m = _ISSUED_PLAN.search(opening)
    if m:
        what = re.sub(r"\s+", "", m.group("what"))
        core = _REGION_SYSTEM.sub("", what)
        what = core if len(core) >= 4 else what
        return tidy(what if re.match(_LAUNCH_VERB, what) else "开展" + what)
    return None


def _sentence(text: str, span: Span, paragraphs: Sequence[Span]) -> Span | None:
    for p_start, p_end in paragraphs:
        if p_start <= span[0] < p_end:
            for lo, hi in sentences(text, p_start, p_end):
                if lo <= span[0] < hi:
                    return lo, hi
    return None


def _stands_alone(text: str, span: Span, sentence: Span) -> bool:
    """Nothing but the span in its sentence (a 时间 label before it, ``分三个阶段进行`` after it)."""
    before = _SPAN_LABEL.sub("", squash(text[sentence[0]:span[0]]))
    after = _STAGED.sub("", squash(text[span[1]:sentence[1]]).lstrip("，,"))
    return not before.strip("，,") and not after.strip("，,。；;")


def _done_alone(text: str, span: Span, sentence: Span) -> bool:
    """A sentence that is only the time and a bare ``完成`` (``5月底前全部完成。``)."""
    before = squash(text[sentence[0]:span[0]])
    after = squash(text[span[1]:sentence[1]]).rstrip("。；;！!")
    return not re.sub(r"^(?:请|须|要|均|并)*(?:于|在)?", "", before) and bool(BARE_DONE.fullmatch(after))


def _innermost(headings: Sequence[Heading], pos: int) -> Heading | None:
    """The deepest heading whose section holds ``pos`` below its heading part."""
    found = None
    for heading in headings:
        if heading.head_end <= pos < heading.body_end and (found is None or heading.start > found.start):
            found = heading
    return found


def _labelled(text: str, span: Span, line_start: int) -> bool:
    """The time follows an item's label: on a line of its own (``完成时限：…``) or in a closing
    parenthesis (``（责任单位：县市场监管局；完成时限：2025年6月底前）``)."""
    if _ITEM_LABEL.match(squash(text[line_start:span[1]])):
        return True
    left = span[0]
    while left > line_start and text[left - 1] not in "（(〔[【；;。":
        left -= 1
    return left > line_start and bool(_ITEM_LABEL.match(squash(text[left:span[1]])))


_ONGOING = re.compile(r"(?:并|且)?(?:长期坚持|持续推进|持续开展|长期开展|常态化推进|常态化开展|长期)")


def _weak(action: str | None) -> bool:
    """No work named: nothing, a bare 完成, a label word, or ``长期坚持`` after the date."""
    return not action or bool(BARE_DONE.fullmatch(action) or _ONGOING.fullmatch(action)) \
        or bool(_ITEM_LABEL.match(action + "："))


def read_beyond(text: str, deadlines: Sequence[Deadline], headings: Sequence[Heading],
                paragraphs: Sequence[Span], meeting_zones: Sequence[tuple[int, int, str]] = ()) -> None:
    """Fill the action of deadlines whose sentence names no work (in place)."""
    campaign: str | bool | None = False  # found lazily
    for deadline in deadlines:
        if not deadline.span:
            continue
        span = deadline.span
        line_start = text.rfind("\n", 0, span[0]) + 1
        heading = _innermost(headings, span[0])
        heading_words = heading.heading_text(text) if heading is not None else ""
        if _labelled(text, span, line_start) and _weak(deadline.action):
            # the item's heading, without the dates a stage heading carries: 排查整治阶段（5月16日至8月31日）
            words = tidy(re.sub(r"[（(][^（()）]*[0-9０-９一二三四五六七八九十]\s*[月日][^（()）]*[）)]\s*$", "", heading_words))
            if words:
                deadline.action = words
            continue
        sentence = _sentence(text, span, paragraphs)
        if sentence is None:
            continue
        if _weak(deadline.action) and _done_alone(text, span, sentence):
            # （一）开展自查。各单位对照清单逐项自查。5月底前完成。: the item's work
            words = tidy(re.sub(r"[（(][^（()）]*[）)]\s*$", "", heading_words))
            if words:
                deadline.action = words
            continue
        if not _stands_alone(text, span, sentence):
            continue
        # a due date alone counts only under a time heading (三、完成时限); a range alone anywhere
        if deadline.kind != "range" and not (deadline.kind == "due" and _TIME_HEADING.search(heading_words)):
            continue
        meeting = next((what for start, end, what in meeting_zones if start <= span[0] < end), None)
        if meeting:
            deadline.action = meeting  # 一、会议时间 / 2025年5月12日至13日。: attending
            continue
        if _STAGE_HEADING.search(heading_words):
            continue  # a stage's own span: the phases say what it is
        if campaign is False:
            campaign = _campaign(text)
        label = _HEADING_LABEL.match(heading_words.strip())
        if campaign:
            deadline.action = campaign
        elif label and label.group(1) not in ("工作", "实施", "具体", "总体", "完成"):
            deadline.action = label.group(1)  # 一、值班时间 / 2025年1月28日至2月4日。: 值班
