"""The county plan and its cover notice as editable plain text, and back.

The 起草 page shows a plan as text a person edits freely: one paragraph per line, headings
numbered as in a 公文 (一、 （一） 1. （1）). Edits are read back into the plan before export, and
:func:`merge_edits` keeps the user's edited sections when the plan is drafted again. No Qt here.
"""

from __future__ import annotations

import copy
import re

from drafting.plan import CountyPlan, PlanSection
from drafting.plan_export import heading_number
from parsing.numbering import match_heading_number


def _has_number(heading: str) -> bool:
    return match_heading_number(heading) is not None


def _numbered(plan: CountyPlan) -> bool:
    """Whether the builder already wrote numbers into the headings."""
    return any(_has_number(s.heading) for s in plan.sections)


def plan_to_text(plan: CountyPlan) -> str:
    """The plan body as text: the title, then headings and paragraphs, one per line."""
    lines = [plan.title, ""]
    numbered = _numbered(plan)

    def walk(sections: list[PlanSection], level: int) -> None:
        n = 0
        for section in sections:
            if section.heading.strip():
                n += 1
                lines.append(section.heading if numbered else heading_number(level, n) + section.heading)
            lines.extend(p for p in section.paragraphs if p.strip())
            walk(section.children, level + 1)

    walk(plan.sections, 1)
    return "\n".join(lines).rstrip() + "\n"


def cover_to_text(plan: CountyPlan) -> str:
    """The cover notice as text: title, 主送 line, body paragraphs."""
    lines = [plan.cover_title, ""]
    if plan.recipients:
        lines.append("、".join(plan.recipients) + "：")
    lines.extend(p for p in plan.cover_body if p.strip())
    return "\n".join(lines).rstrip() + "\n"


def _tidy(line: str) -> str:
    """A line as typed, without stray ASCII blanks; full-width indents (　　) are the author's."""
    return line.strip(" \t\r\n")


def _is_heading(line: str) -> bool:
    number = match_heading_number(line)
    if number is None:
        return False
    rest = line[number.end:].strip()
    return 0 < len(rest) <= 40 and not rest.endswith(("。", "；", "："))


def _split_run_in(line: str) -> tuple[str, str]:
    """``（一）加强组织领导。各单位要……`` → (``（一）加强组织领导``, ``各单位要……``) for a numbered line."""
    if match_heading_number(line) is None:
        return line, ""
    depth = 0
    for i, ch in enumerate(line):
        if ch in "（(“《":
            depth += 1
        elif ch in "）)”》" and depth:
            depth -= 1
        elif ch == "。" and depth == 0:
            return (line[:i], line[i + 1:].strip()) if i <= 44 else (line, "")
    return line, ""


def _level(line: str) -> int:
    number = match_heading_number(line)
    assert number is not None
    return min(max(number.level, 1), 4)


def apply_plan_text(plan: CountyPlan, text: str) -> CountyPlan:
    """A copy of ``plan`` whose title and sections are read from edited ``text``."""
    new = copy.deepcopy(plan)
    lines = [_tidy(line) for line in text.splitlines()]
    lines = [line for line in lines if line.strip()]
    if not lines:
        return new
    new.title = lines[0]
    keep_numbers = _numbered(plan)
    roots: list[PlanSection] = []
    stack: list[PlanSection] = []
    preface: list[str] = []
    for line in lines[1:]:
        heading_line, run_in = _split_run_in(line.strip())
        if _is_heading(heading_line):
            level = _level(heading_line)
            heading = heading_line if keep_numbers else heading_line[match_heading_number(heading_line).end:].strip()
            section = PlanSection(heading=heading, level=level, paragraphs=[run_in] if run_in else [])
            while stack and stack[-1].level >= level:
                stack.pop()
            (stack[-1].children if stack else roots).append(section)
            stack.append(section)
        elif stack:
            stack[-1].paragraphs.append(line)
        else:
            preface.append(line)
    if preface:
        roots.insert(0, PlanSection(heading="", level=0, paragraphs=preface))
    new.sections = roots
    return new


def apply_cover_text(plan: CountyPlan, text: str) -> CountyPlan:
    """A copy of ``plan`` whose cover title, 主送 and body are read from edited ``text``."""
    new = copy.deepcopy(plan)
    lines = [_tidy(line) for line in text.splitlines() if line.strip()]
    if not lines:
        return new
    new.cover_title = lines[0]
    body = lines[1:]
    if body and body[0].endswith(("：", ":")) and len(body[0]) < 200:
        new.recipients = [r for r in re.split(r"[、，,]", body[0].rstrip("：:")) if r.strip()]
        body = body[1:]
    new.cover_body = body
    return new


def _blocks(text: str) -> dict[str, list[str]]:
    """Text split at heading lines: heading key (number stripped) -> lines (heading included)."""
    blocks: dict[str, list[str]] = {"": []}
    key = ""
    for line in text.splitlines():
        if _is_heading(line.strip()):
            key = line.strip()[match_heading_number(line.strip()).end:].strip()
            n = 2
            base = key
            while key in blocks:
                key, n = f"{base}#{n}", n + 1
            blocks[key] = []
        blocks[key].append(line)
    return blocks


def _positions(blocks: dict[str, list[str]]) -> dict[str, str]:
    """Heading key -> its place in the outline (``二/（一）``): where a renamed heading still is."""
    places: dict[str, str] = {}
    path: list[tuple[int, str]] = []
    for key, lines in blocks.items():
        if not key:
            continue
        head = lines[0].strip()
        number = match_heading_number(head)
        assert number is not None
        level = number.level
        while path and path[-1][0] >= level:
            path.pop()
        path.append((level, head[:number.end].strip()))
        places[key] = "/".join(n for _, n in path)
    return places


def merge_edits(old_generated: str, user_text: str, new_generated: str) -> tuple[str, int]:
    """Redraft keeping the user's work: each section the user changed (compared with the text
    drafted before) replaces the same section of the new draft — found by its heading, or, when the
    user renamed the heading, by its place in the outline. Returns (text, sections kept)."""
    if user_text == old_generated:
        return new_generated, 0
    old, user, new = _blocks(old_generated), _blocks(user_text), _blocks(new_generated)
    user_at = {place: key for key, place in _positions(user).items()}
    old_places = _positions(old)
    kept = 0
    out: list[str] = []
    for key, lines in new.items():
        mine = key if key in user else None
        if mine is None and key in old and old_places.get(key) in user_at:
            renamed = user_at[old_places[key]]
            if renamed not in old:  # a heading the clerk retitled, not another drafted section
                mine = renamed
        if mine is not None and key in old and user[mine] != old[key]:
            out.extend(user[mine])
            kept += 1
        else:
            out.extend(lines)
    return "\n".join(out).rstrip() + "\n", kept
