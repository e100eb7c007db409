"""Tasks: the numbered items of a notice that assign work, and the rows of a 任务分工表.

A task is a leaf of the outline (the deepest numbered item) below a section that is not
narrative (指导思想, 总体要求, 工作目标, 范围…), or any item that names responsible units.
Its text is the item's own paragraph after the heading's ``。``/``：`` (the next paragraphs when
the heading stands alone on its line).
"""

from __future__ import annotations

import re

from parsing.document import CleanText
from parsing.model import Section, Task
from parsing.numbering import match_heading_number
from parsing.responsibility import (
    Responsibility,
    duty_subjects,
    explicit_units,
    parse_parenthesis,
    split_units,
    without_higher_authorities,
)
from parsing.units import compact, is_unit

Span = tuple[int, int]

# Headings of sections that describe rather than assign.
_NARRATIVE = re.compile(
    r"^(?:指导思想|总体要求|总体目标|工作目标|主要目标|目标任务|基本原则|工作原则|总体思路|工作思路|基本情况|"
    r"背景|意义|依据|编制依据|适用范围|工作成效|主要成效|有关情况|基本概况|目的意义|目标要求|总则|附则|"
    r"工作背景|现状|问题|存在问题|存在的问题|主要问题|形势|当前形势|工作现状|主要做法|工作做法|经验做法|"
    r"开展情况|工作开展情况|工作成效|取得成效|主要成绩|工作亮点|会议内容|会议主要内容|会议议程|主要议程|议程|会议议题|"
    r"参会人员|参会范围|会议地点|会议时间|参会对象|编制目的|目的|目的和依据|评选条件|申报条件|基本条件|评选标准|认定标准|"
    r"评分标准|考核指标|主要指标|具体指标|指标说明|名词解释|术语和定义|定义|填报说明|编制说明|有关说明|工作进展|进展情况|"
    r"完成情况|总体情况)$"
    r"|(?:范围|对象)$")
# Items that describe, encourage, permit or penalise: no one is given work (an article of a 办法
# that defines a term, encourages, permits an application, or sets a penalty).
_NO_DUTY = re.compile(r"^(?:国家|本[市省县区])?(?:鼓励|支持|提倡|倡导|欢迎)|^本(?:办法|规定|细则|条例)(?:所称|中的|适用)|"
                      r"^(?:违反本(?:办法|规定|细则|条例)|有下列(?:行为|情形)之一的)")
# …in an article of a 办法 / 规定 or an item naming no one who must act, also the penalties it sets
_PENALTY = re.compile(r"由[^。；]{2,20}责令[^。；]{0,8}改正|"
                      r"处[0-9０-９一二三四五六七八九十百千万]+元以上[0-9０-９一二三四五六七八九十百千万]+元以下(?:的)?罚款")
# …and, where no unit is named, items that only define or permit
_NO_DUTY_UNNAMED = re.compile(r"是指|可以(?:向|依法|按照|按规定)?[^。；]{0,20}申请|依法享受|^本(?:办法|规定|细则|方案|意见|条例)自")
# Headings of what is to be checked or done (排查重点, 整治内容): their items are work even unassigned.
_CHECK_HEADING = re.compile(r"(?:重点|内容)$")
_ONLY_REQUEST = re.compile(r"^[^。；要应须]{0,30}请")
# A heading that opens with a verb assigns work: 明确试点范围 is no 范围 section.
_ACTION_HEADING = re.compile(r"^(?:明确|确定|扩大|划定|界定|合理确定|科学确定|拓展|调整|规范|落实|加强|做好|强化|推进)")
# A request to the recipients (请于9月20日前报送…): work assigned without naming the unit.
_REQUEST = re.compile(r"^请(?:于|在|按|将|及时|务必|认真|各)")
# Top-level sections whose single paragraph is not a task even when someone is told to act — except in a
# flat notice, where ``二、时间安排。各单位于4月30日前完成自查，县卫生监督所…开展现场检查`` assigns that step.
_NOT_TASK_TOP = re.compile(r"时间安排|实施步骤|进度安排|联系方式|附则")
# A leadership section is no task where it sets up the group (成立…领导小组, 组长：…); a flat notice's
# 一、加强组织领导 that tells the recipients what to do (各地要…于6月30日前制定方案) is one.
_LEADERSHIP_TOP = re.compile(r"组织领导|组织机构|领导小组|领导机构")
_SETS_UP_GROUP = re.compile(r"(?:成立|组建|设立|调整)[^。；]{0,40}(?:领导小组|领导组|工作组|专班|指挥部|委员会)|组\s*长|领导小组")
# Closing top-level sections whose paragraph, standing below the heading, is a general request.
_CLOSING_TOP = re.compile(r"要求|事项|说明|注意|其他|其它")
_HEADER_CELLS = {
    "number": re.compile(r"^(?:序号|编号|序)$"),
    "task": re.compile(r"任务|工作内容|事项|措施|内容|工作要求|重点工作"),
    "lead": re.compile(r"牵头|主责|责任单位|责任部门|责任科室|责任股室|负责单位|承办"),
    "support": re.compile(r"配合|协办|参与|协助"),
    "due": re.compile(r"时限|时间|期限|完成"),
}


# Lines that belong to the item above them: who does it, by when.
_ITEM_LABEL_LINE = re.compile(r"^[\s（(]*(?:牵头单位|牵头部门|责任单位|责任部门|责任科室|责任股室|配合单位|配合部门|协办单位|"
                              r"参与单位|完成时限|完成时间|时间节点|时限要求)\s*[:：]")


def _with_label_lines(text: str, end: int, stop: int) -> int:
    """Extend an item ending at ``end`` over the 牵头单位：/完成时限： lines that follow it."""
    while end < stop:
        nxt_end = text.find("\n", end + 1)
        nxt_end = stop if nxt_end < 0 or nxt_end > stop else nxt_end
        if not _ITEM_LABEL_LINE.match(text[end + 1:nxt_end]):
            break
        end = nxt_end
    return end


# A paragraph that closes a list for all its items (各单位请于…前报送) belongs to none of them.
_CLOSING_PARAGRAPH = re.compile(r"^[^。；，,]{0,20}请|^(?:以上|上述)|^[^。；]{0,80}前(?:将[^。；]{0,30})?(?:报送|上报|报)"
                                r"|^联系人|^附件")


def _following_paragraphs(clean: CleanText, end: int, stop: int, last: bool = True) -> int:
    """Extend an item's text over the unnumbered paragraphs after it, up to ``stop`` (the next
    heading); after the ``last`` item of a list, short of a paragraph that closes the list."""
    text = clean.text
    while end < stop:
        nxt_end = text.find("\n", end + 1)
        nxt_end = stop if nxt_end < 0 or nxt_end > stop else nxt_end
        para = compact(text[end + 1:nxt_end])
        if not para:
            end = nxt_end
            continue
        if last and _CLOSING_PARAGRAPH.match(para):
            break
        end = nxt_end
    return end


def _paragraph_end(clean: CleanText, offset: int) -> int:
    end = clean.text.find("\n", offset)
    return len(clean.text) if end < 0 else end


def item_text_span(clean: CleanText, section: Section, stop: int, last: bool = True) -> Span:
    """The item's own text: after its heading up to the end of its paragraph, or, for a heading
    standing alone on its line, the paragraphs up to ``stop`` (the next heading)."""
    assert section.span is not None
    text = clean.text
    para_end = _paragraph_end(clean, section.span[0])
    start = section.span[1]
    number = match_heading_number(text[section.span[0]:para_end])
    if number is not None and (number.style == "article" or len(section.heading) > 40):
        # an article (第三条 …) or a long numbered sentence has no heading of its own: all of it is text
        return section.span[0] + number.end, _following_paragraphs(clean, _with_label_lines(text, para_end, stop), stop, last)
    while start < para_end and text[start] in "。：: \t\u3000":
        start += 1
    if start < para_end:
        return start, _following_paragraphs(clean, _with_label_lines(text, para_end, stop), stop, last)
    start = para_end + 1
    if start < stop:
        return start, stop
    # a list item that is all heading (``1. 消防栓、灭火器配置情况；``): the item is its own text
    if number is not None:
        return section.span[0] + number.end, _with_label_lines(text, para_end, stop)
    return para_end, para_end


def _is_narrative(section: Section) -> bool:
    """指导思想, 总体要求, 指导思想和工作目标, 排查的范围…: sections that describe, not assign."""
    heading = re.sub(r"[（(][^）)]*[）)]$", "", section.heading)
    if _ACTION_HEADING.match(heading):
        return False  # 明确试点范围, 扩大监测对象: work to do, though it names a scope
    parts = [p for p in re.split(r"[和与及、，,]", heading) if p]
    return bool(_NARRATIVE.search(heading)) or (len(parts) > 1 and all(_NARRATIVE.search(p) for p in parts))


def _walk(sections: list[Section], path: list[Section]):
    for section in sections:
        if not section.numbered:  # 加强领导 精心部署 above numbered items: they are still tasks
            yield from _walk([c for c in section.children if c.numbered], path)
            continue
        here = [*path, section]
        children = [c for c in section.children if c.numbered]
        if children:
            yield from _walk(children, here)
        else:
            yield here


def find_tasks(clean: CleanText, outline: list[Section], region_end: int, reporting: bool = False,
               issuer: str | None = None) -> list[Task]:
    """Tasks from the leaves of ``outline``; in a report or summary (``reporting``), which tells
    what was done rather than what must be, only items that name responsible units. Units above
    the ``issuer`` never lead by a sentence of theirs (what they will do is background)."""
    text = clean.text
    tasks: list[Task] = []
    leaves = list(_walk(outline, []))
    flat = len(outline) > 1 and not any(c.numbered for s in outline for c in s.children)
    starts = sorted(s.span[0] for root in outline for s in root.walk() if s.span)
    for path in leaves:
        section = path[-1]
        if section.span is None:
            continue
        later = [s for s in starts if s > section.span[0]]
        stop = later[0] if later else region_end
        siblings = [c for c in path[-2].children if c.numbered] if len(path) > 1 else [s for s in outline if s.numbered]
        t_start, t_end = item_text_span(clean, section, stop, last=not siblings or siblings[-1] is section)
        body = text[t_start:t_end]
        units = _paragraph_units(text, section.span[0], t_end)
        if not units.explicit and (run_on := _units_paragraph_end(clean, t_end, stop)) is not None:
            # the item runs on over paragraphs up to the one its units close (…。（局办公室牵头）)
            t_end = run_on
            body = text[t_start:t_end]
            units = explicit_units(text[section.span[0]:t_end], section.span[0])
        if not units.explicit:  # （一）加强组织领导（县卫健委牵头）。…: the heading names them
            units = explicit_units(text[section.span[0]:section.span[1]], section.span[0])
        for ancestor in reversed(path[:-1]):  # units named for a group of items hold for each item
            if units.explicit:
                break
            inherited = _own_units(clean, ancestor)
            units = inherited if inherited.explicit else units
        if any(_is_narrative(s) for s in path) and not units.explicit:
            continue
        in_article = any(s.number.startswith("第") and s.number.endswith("条") for s in path)
        if units.explicit and not units.lead and units.support:
            # （执法大队配合） names only helpers: the sentence's subject leads (各医疗机构要…)
            for name, span in zip(*_subject_leads(body, t_start, units.support), strict=True):
                units.add(name, span)
        if not units.explicit:
            if reporting:
                continue
            subjects = duty_subjects(body, t_start)
            if not subjects.lead and (number := match_heading_number(text[section.span[0]:section.span[1]])):
                # 二、…，试点地区哨点医院要实现全覆盖，其中：… — the heading sentence itself names who acts
                subjects = duty_subjects(text[section.span[0] + number.end:section.span[1]], section.span[0] + number.end)
            units = without_higher_authorities(subjects, issuer)
            said = compact(body)
            if _NO_DUTY.search(said) or ((in_article or not units.lead) and _PENALTY.search(said)) \
                    or (not units.lead and _NO_DUTY_UNNAMED.search(said)):
                continue  # 鼓励…, 可以…申请, penalties, definitions: nothing anyone must do
            if subjects.lead and not units.lead:
                continue  # only what a higher authority will do (省卫生健康委将组织抽查): background
            if in_article and not units.lead:
                continue  # an article is a task only when a unit carries its duty (not 房屋所有人应当…)
            duty_first = bool(_DUTY_VERB_FIRST.match(compact(body)))
            named = _heading_units(text, section) if (
                text[section.span[1]:section.span[1] + 1] in ("：", ":") or (duty_first and not units.lead)) else None
            if named is None and not units.lead and duty_first:
                # 四、职责分工 （一）县卫生健康局 1.负责…: the group's heading names who does each item
                named = next((u for a in reversed(path[:-1]) if (u := _heading_units(text, a)) is not None), None)
            if named is not None:
                units = named  # （一）县卫生健康局：负责…: the heading names who does the item
            if len(path) == 1:
                inline = t_start < _paragraph_end(clean, section.span[0])
                # a top-level item is a task when someone is told to act in it (…要 / 请于…前报送)
                # a flat notice (一、…  二、… with paragraphs, no sub-items) assigns its work section by section
                # elsewhere too, unless it is the closing 工作要求 paragraph (各单位请于…前报送总结)
                # a closing 工作要求 whose paragraph only asks for a report (各单位请于…前报送总结) is no task
                own_line = bool(units.lead) and (flat or not _CLOSING_TOP.search(section.heading)
                                                 or not _ONLY_REQUEST.match(compact(body)))
                checklist = bool(_CHECK_HEADING.search(section.heading))  # 一、监管重点。重点检查…情况
                if not (own_line or (inline and (units.lead or _REQUEST.match(body) or checklist))) \
                        or (_NOT_TASK_TOP.search(section.heading) and not (flat and inline and units.lead)) \
                        or (_LEADERSHIP_TOP.search(section.heading) and (not flat or _SETS_UP_GROUP.search(said))):
                    continue
        tasks.append(_make_task(path, section.heading, body, units, (section.span[0], t_end)))
    return tasks


_DUTY_VERB_FIRST = re.compile(r"^(?:负责|牵头|承担|配合|协助|参与)")


def _heading_units(text: str, section: Section) -> Responsibility | None:
    """The units a heading consists of (``县卫生健康局``, ``县财政局、县医保局``), or None."""
    if section.span is None or len(section.heading) > 30:
        return None
    names = split_units(section.heading)
    if not names or not all(is_unit(u) for u in names) or compact("".join(names)) != compact(
            re.sub(r"[、，,和及与]", "", section.heading)):
        return None
    found = Responsibility()
    for unit in names:
        k = text.find(unit, section.span[0], section.span[1])
        found.add(unit, (k, k + len(unit)) if k >= 0 else section.span)
    return found


_HAS_LABEL = re.compile(r"(?:牵头|主责|责任|配合|协办|参与|协助)(?:单位|部门|科室|股室)\s*[:：]")


def _paragraph_units(text: str, start: int, end: int) -> Responsibility:
    """Units named by the parentheses (or labels) closing the item's paragraphs, in order:
    ``…。（自然资源部负责）`` then ``…。（财政部负责）`` → 自然资源部, 财政部."""
    if _HAS_LABEL.search(text, start, end):  # 牵头单位：… / 配合单位：… lines are read together
        return explicit_units(text[start:end], start)
    found = Responsibility()
    pos = start
    while pos < end:
        cut = text.find("\n", pos + 1, end)
        cut = end if cut < 0 else cut
        here = explicit_units(text[pos:cut], pos)
        for unit, span in zip(here.lead, here.lead_spans, strict=True):
            found.add(unit, span)
        for unit, span in zip(here.support, here.support_spans, strict=True):
            found.add(unit, span, support=True)
        pos = cut
    if not found.lead and not found.support:
        return explicit_units(text[start:end], start)
    found.explicit = True
    return found


def _subject_leads(body: str, start: int, helpers: list[str]) -> tuple[list[str], list[Span]]:
    """Units leading ``body`` by its sentences, without the ``helpers`` named as support."""
    found = duty_subjects(body, start)
    pairs = [(u, sp) for u, sp in zip(found.lead, found.lead_spans, strict=True) if u not in helpers]
    return [u for u, _ in pairs], [sp for _, sp in pairs]


def _units_paragraph_end(clean: CleanText, end: int, stop: int) -> int | None:
    """End of the first paragraph after ``end`` (before ``stop``) that closes with a parenthesis
    naming responsible units, or None."""
    text = clean.text
    pos = end
    while pos < stop:
        nxt = text.find("\n", pos + 1)
        nxt = stop if nxt < 0 or nxt > stop else nxt
        if explicit_units(text[pos:nxt], pos).explicit:
            return nxt
        pos = nxt
    return None


def _own_units(clean: CleanText, section: Section) -> Responsibility:
    """Units named in a section's own heading paragraph (not in its sub-items)."""
    if section.span is None:
        return Responsibility()
    found = explicit_units(clean.text[section.span[0]:section.span[1]], section.span[0])
    if not found.explicit:
        end = _paragraph_end(clean, section.span[0])
        found = explicit_units(clean.text[section.span[0]:end], section.span[0])
    return found


def _make_task(path: list[Section], heading: str, body: str, units: Responsibility, span: Span) -> Task:
    return Task(outline_path=[s.number for s in path], heading=heading, text=compact(body),
                lead=list(units.lead), support=list(units.support), span=span, unit_spans=units.spans)


def table_tasks(clean: CleanText, sections: list[Section]) -> list[Task]:
    """Tasks from the rows of a 任务分工表 (paragraphs of kind ``table_row``, cells split by tabs)."""
    tasks: list[Task] = []
    columns: dict[str, int] | None = None
    for para in clean.paragraphs:
        row = clean.text[para.start:para.end]
        if para.kind != "table_row" and "\t" not in row:
            columns = None
            continue
        cells = row.split("\t")
        offsets = []
        pos = para.start
        for cell in cells:
            offsets.append(pos)
            pos += len(cell) + 1
        found = _header_columns(cells)
        if found is not None:
            columns = found
            continue
        if columns is None or "task" not in columns:
            continue
        task_cell = columns["task"]
        if task_cell >= len(cells) or not compact(cells[task_cell]):
            continue
        body = cells[task_cell]
        heading = re.split(r"[。：:；;]", compact(body), maxsplit=1)[0]
        detail = columns.get("detail")
        if detail is not None and detail < len(cells) and compact(cells[detail]):
            body = cells[detail]
        units = Responsibility(explicit=True)
        for key, support in (("lead", False), ("support", True)):
            col = columns.get(key)
            if col is None or col >= len(cells):
                continue
            cell = cells[col]
            if not support and ("牵头" in cell or "配合" in cell):
                parse_parenthesis(cell, offsets[col], units)
                continue
            for unit in split_units(cell):
                k = cell.find(unit)
                units.add(unit, (offsets[col] + max(k, 0), offsets[col] + max(k, 0) + len(unit)), support=support)
        number = compact(cells[columns["number"]]) if "number" in columns and columns["number"] < len(cells) else ""
        container = _containing(sections, para.start)
        path = [s.number for s in container] + ([number] if number else [])
        task = _make_task([], heading, body, units, (para.start, para.end))
        task.outline_path = path
        tasks.append(task)
    return tasks


def _header_columns(cells: list[str]) -> dict[str, int] | None:
    """Column roles when ``cells`` is a table's header row, else None."""
    roles: dict[str, int] = {}
    for index, cell in enumerate(cells):
        value = compact(cell)
        if not value or len(value) > 12:
            continue
        for role in ("number", "lead", "support", "due", "task"):
            if role not in roles and _HEADER_CELLS[role].search(value):
                roles[role] = index
                break
            if role == "task" and "task" in roles and "detail" not in roles and _HEADER_CELLS[role].search(value):
                roles["detail"] = index  # 重点任务 | 具体内容: the second column says what to do
                break
    if "task" in roles and ("lead" in roles or "support" in roles):
        return roles
    return None


def _containing(sections: list[Section], offset: int) -> list[Section]:
    """The numbered path of sections whose body holds ``offset``."""
    path: list[Section] = []
    level = sections
    while True:
        inside = [s for s in level if s.numbered and s.span and s.span[0] <= offset < _extent_end(s)]
        if not inside:
            return path
        path.append(inside[-1])
        level = inside[-1].children


def _extent_end(section: Section) -> int:
    """Where the section with all its descendants ends."""
    ends = [s.body_span[1] for s in section.walk() if s.body_span]
    return max(ends) if ends else (section.span[1] if section.span else 0)
