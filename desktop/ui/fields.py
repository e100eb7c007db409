"""The correctable values of a notice, flattened into rows for the field panel and highlights."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from parsing.model import HEADER_FIELDS, Notice

KINDS = ("header", "deadline", "unit", "task", "contact", "leadership")
KIND_NAMES = {"header": "版头", "deadline": "时限", "unit": "单位", "task": "任务", "contact": "联系人",
              "leadership": "领导小组"}
HEADER_LABELS = {"doc_number": "发文字号", "issuer": "发文机关", "title": "标题", "enclosed_title": "所附文件",
                 "signatory": "署名", "issue_date": "成文日期", "urgency": "紧急程度", "genre": "文种"}
LIST_SPLIT = re.compile(r"[、，,；;]\s*")


@dataclass(frozen=True)
class FieldRow:
    """One correctable value: where it lives in the notice, how it is shown, where it was read."""

    path: tuple
    label: str
    kind: str
    value: Any
    span: tuple[int, int] | None = None
    is_list: bool = False

    @property
    def text(self) -> str:
        return value_to_text(self.value, self.is_list)


def value_to_text(value: Any, is_list: bool) -> str:
    if value is None:
        return ""
    if is_list:
        return "、".join(str(v) for v in value)
    return str(value)


def text_to_value(text: str, is_list: bool) -> Any:
    """Parse what the user typed: lists split on 、/，/；; empty text means no value."""
    text = text.strip()
    if is_list:
        return [part.strip() for part in LIST_SPLIT.split(text) if part.strip()] if text else []
    return text or None


def notice_fields(notice: Notice) -> list[FieldRow]:
    """Every correctable value of ``notice``, in reading order of the field panel."""
    rows: list[FieldRow] = []
    for name in ("doc_number", "issuer", "title", "enclosed_title", "issue_date", "signatory", "urgency"):
        rows.append(FieldRow((name,), HEADER_LABELS[name], "header", getattr(notice, name),
                             notice.spans.get(name)))
    rows.append(FieldRow(("recipients",), "主送机关", "unit", notice.recipients, notice.spans.get("recipients"),
                         is_list=True))
    for i, task in enumerate(notice.tasks, 1):
        idx = i - 1
        name = task.heading or task.text[:16]
        rows.append(FieldRow(("tasks", idx, "heading"), f"任务{i}：{name}", "task", task.heading, task.span))
        unit_span = task.unit_spans[0] if task.unit_spans else None
        rows.append(FieldRow(("tasks", idx, "lead"), f"任务{i} 牵头单位", "unit", task.lead, unit_span,
                             is_list=True))
        support_span = task.unit_spans[len(task.lead)] if len(task.unit_spans) > len(task.lead) else None
        rows.append(FieldRow(("tasks", idx, "support"), f"任务{i} 配合单位", "unit", task.support,
                             support_span, is_list=True))
    for i, deadline in enumerate(notice.deadlines, 1):
        label = f"时限{i}：{deadline.text[:18]}"
        value = deadline.date or deadline.start
        rows.append(FieldRow(("deadlines", i - 1, "date"), label, "deadline", value, deadline.span))
    if notice.leadership is not None:
        lead = notice.leadership
        rows.append(FieldRow(("leadership", "group"), "领导小组", "leadership", lead.group, lead.span))
        rows.append(FieldRow(("leadership", "leader"), "组长", "leadership", lead.leader, lead.span, True))
        rows.append(FieldRow(("leadership", "deputy"), "副组长", "leadership", lead.deputy, lead.span, True))
    for i, contact in enumerate(notice.contacts, 1):
        rows.append(FieldRow(("contacts", i - 1, "name"), f"联系人{i}", "contact", contact.name, contact.span))
        rows.append(FieldRow(("contacts", i - 1, "phone"), f"联系人{i} 电话", "contact", contact.phone,
                             contact.span))
    return rows


def highlight_spans(notice: Notice) -> list[tuple[str, tuple[int, int]]]:
    """(kind, span) of every value to highlight in the clean text; tasks first so values sit on top."""
    spans: list[tuple[str, tuple[int, int]]] = []
    for task in notice.tasks:
        if task.span:
            spans.append(("task", task.span))
    for name, span in notice.spans.items():
        if span and name in HEADER_FIELDS:  # not ``basis``: it spans every cited document at once
            spans.append(("header", span))
    for task in notice.tasks:
        spans.extend(("unit", s) for s in task.unit_spans if s)
    if notice.spans.get("recipients"):
        spans.append(("unit", notice.spans["recipients"]))
    spans.extend(("deadline", d.span) for d in notice.deadlines if d.span)
    spans.extend(("contact", c.span) for c in notice.contacts if c.span)
    if notice.leadership is not None and notice.leadership.span:
        spans.append(("leadership", notice.leadership.span))
    return spans


def row_at(rows: list[FieldRow], offset: int) -> int | None:
    """Index of the row whose span is the narrowest one containing ``offset``."""
    best: tuple[int, int] | None = None
    for i, row in enumerate(rows):
        if row.span and row.span[0] <= offset < row.span[1]:
            width = row.span[1] - row.span[0]
            if best is None or width < best[0]:
                best = (width, i)
    return best[1] if best else None
