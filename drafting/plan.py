"""The county plan model (``plan/1``): what drafting builds from a superior notice, what the
任务分工表 shows and what tracking imports.

Plain dataclasses with JSON round-trip, like :mod:`parsing.model`.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

PLAN_SCHEMA = "plan/1"


@dataclass
class PlanDeadline:
    """A county deadline, with the superior one it was scheduled back from."""

    kind: str  # due | range | recurring | event (as in notice/1)
    date: str | None = None  # ISO: the county's own date
    start: str | None = None
    time: str | None = None
    recurrence: str | None = None
    event: str | None = None
    text: str = ""  # as it will be printed in the plan (e.g. 6月14日前)
    superior_date: str | None = None  # the superior notice's date it was derived from
    superior_index: int | None = None  # index into the notice's deadlines
    to: str | None = None  # whom the units report to (the county office)
    explanation: str = ""  # Chinese: how the date was chosen


@dataclass
class PlanTask:
    """One row of the 任务分工表 and one subtask to delegate."""

    id: str  # stable within the plan: "T1", "T2", …
    number: str  # 序号 as printed
    category: str  # 重点任务 (the heading)
    measures: str  # 具体措施 (the localised text)
    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    deadlines: list[PlanDeadline] = field(default_factory=list)
    source_task: int | None = None  # index into the superior notice's tasks
    outline_path: list[str] = field(default_factory=list)
    unit_reasons: list[str] = field(default_factory=list)  # Chinese: why each unit was suggested
    section: str = ""  # the plan section it is printed under (主要任务, 时间安排, 工作要求)
    partners: list[str] = field(default_factory=list)  # outside bodies named in the text, never units
    unresolved: list[str] = field(default_factory=list)  # superior names the profile does not know
    left_out: list[str] = field(default_factory=list)  # Chinese: superior sentences not carried, and why

    @property
    def due(self) -> str | None:
        """The earliest dated county deadline of the task, ISO, or None."""
        dates = [d.date for d in self.deadlines if d.date]
        return min(dates) if dates else None


@dataclass
class Substitution:
    """One level substitution the builder made (市卫健委 → 县卫健委), for the user to review."""

    original: str
    replacement: str
    where: str  # which part of the plan (title, 主要任务 3, …)
    count: int = 1  # how many times it was made there
    reason: str = ""  # Chinese: why it was changed (上级范围词改为本县…)


@dataclass
class CheckItem:
    """A completeness finding shown before export."""

    level: str  # error | warning
    message: str  # Chinese
    task_id: str | None = None


@dataclass
class PlanSection:
    """A block of the plan body: a heading and its paragraphs."""

    heading: str
    level: int = 1
    paragraphs: list[str] = field(default_factory=list)
    children: list[PlanSection] = field(default_factory=list)


@dataclass
class CountyPlan:
    """The county's 实施方案 with its cover notice."""

    title: str  # 实施方案 title
    cover_title: str  # 关于印发《…》的通知
    issuer: str  # full organ name
    doc_number: str | None = None
    recipients: list[str] = field(default_factory=list)
    issue_date: str | None = None
    cover_body: list[str] = field(default_factory=list)
    sections: list[PlanSection] = field(default_factory=list)
    tasks: list[PlanTask] = field(default_factory=list)
    substitutions: list[Substitution] = field(default_factory=list)
    checks: list[CheckItem] = field(default_factory=list)
    contact: dict[str, str] = field(default_factory=dict)  # name, phone, email
    superior: dict[str, str | None] = field(default_factory=dict)  # title, doc_number, issuer, file
    notice_file: str | None = None
    left_out: list[str] = field(default_factory=list)  # Chinese: superior tasks not carried at all, and why
    outside_remit: list[str] = field(default_factory=list)  # the bodies whose work the whole notice is
    shape: str = "plan"  # plan: 通知 + 实施方案 + 分工表 | notice: one short 通知 with the county's steps
    # outgoing fields the clerk sets before printing (版头 and 版记)
    cc: list[str] = field(default_factory=list)  # 抄送
    urgency: str | None = None  # 紧急程度: 特急 / 加急
    secrecy: str | None = None  # 密级和保密期限, e.g. 秘密★1年
    signer: list[str] = field(default_factory=list)  # 签发人 (上行文 only)

    def to_json(self) -> dict:
        data = {"schema": PLAN_SCHEMA}
        data.update(asdict(self))
        return data

    def dumps(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, indent=2)

    @classmethod
    def from_json(cls, data: dict) -> CountyPlan:
        if data.get("schema") != PLAN_SCHEMA:
            raise ValueError(f"不是 {PLAN_SCHEMA} 格式的方案：schema = {data.get('schema')!r}")
        fields = {k: v for k, v in data.items() if k != "schema"}
        fields["sections"] = [_section(s) for s in data.get("sections", [])]
        fields["tasks"] = [
            PlanTask(**{**t, "deadlines": [PlanDeadline(**d) for d in t.get("deadlines", [])]})
            for t in data.get("tasks", [])
        ]
        fields["substitutions"] = [Substitution(**s) for s in data.get("substitutions", [])]
        fields["checks"] = [CheckItem(**c) for c in data.get("checks", [])]
        return cls(**fields)

    @classmethod
    def loads(cls, text: str) -> CountyPlan:
        return cls.from_json(json.loads(text))


def _section(data: dict) -> PlanSection:
    return PlanSection(heading=data["heading"], level=data.get("level", 1),
                       paragraphs=list(data.get("paragraphs", [])),
                       children=[_section(c) for c in data.get("children", [])])
