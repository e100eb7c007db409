"""The one data model of a parsed notice, serialised to and from ``notice/1`` JSON.

Plain dataclasses. Every extracted value keeps its source span: ``(start, end)`` character
offsets into the clean text (``CleanText.text``). Spans go to JSON as extra fields the contract
allows (``span`` on items, ``spans`` for header fields); readers of the contract ignore them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

SCHEMA = "notice/1"
GENRES = ("通知", "方案", "要点", "总结", "报告", "函", "其他")
DEADLINE_KINDS = ("due", "range", "recurring", "event")
RECURRENCES = ("daily", "weekly", "monthly", "quarterly", "half-yearly", "yearly")
HEADER_FIELDS = ("doc_number", "issuer", "title", "enclosed_title", "signatory", "issue_date")

Span = tuple[int, int]


def _span(value: Any) -> Span | None:
    return (int(value[0]), int(value[1])) if value else None


def _json_span(span: Span | None) -> list[int] | None:
    return list(span) if span else None


@dataclass
class Source:
    file: str
    format: str = "txt"
    pages: int | None = None
    ocr: bool = False


@dataclass
class Section:
    """A heading of the outline. ``numbered`` False for short unnumbered heading lines."""

    number: str
    level: int
    heading: str
    children: list[Section] = field(default_factory=list)
    numbered: bool = True
    span: Span | None = None  # the heading line
    body_span: Span | None = None  # the heading's own text up to the next heading

    def to_json(self) -> dict:
        return {"number": self.number, "level": self.level, "heading": self.heading,
                "children": numbered_json(self.children), "span": _json_span(self.span)}

    @classmethod
    def from_json(cls, data: dict) -> Section:
        return cls(number=data["number"], level=data["level"], heading=data["heading"],
                   children=[cls.from_json(c) for c in data.get("children", [])],
                   span=_span(data.get("span")))

    def walk(self):
        """This section and every descendant, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


def numbered_json(sections: list[Section]) -> list[dict]:
    """The JSON outline lists numbered headings only: an unnumbered heading gives way to the
    numbered headings under it, which take its place in the tree."""
    out: list[dict] = []
    for section in sections:
        if section.numbered:
            out.append(section.to_json())
        else:
            out.extend(numbered_json(section.children))
    return out


@dataclass
class Task:
    outline_path: list[str]
    heading: str
    text: str
    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    deadlines: list[int] = field(default_factory=list)
    span: Span | None = None  # the whole item, heading included
    unit_spans: list[Span] = field(default_factory=list)  # where each lead/support unit was read

    def to_json(self) -> dict:
        return {"outline_path": list(self.outline_path), "heading": self.heading, "text": self.text,
                "lead": list(self.lead), "support": list(self.support), "deadlines": list(self.deadlines),
                "span": _json_span(self.span), "unit_spans": [list(s) for s in self.unit_spans]}

    @classmethod
    def from_json(cls, data: dict) -> Task:
        return cls(outline_path=list(data["outline_path"]), heading=data["heading"], text=data["text"],
                   lead=list(data.get("lead", [])), support=list(data.get("support", [])),
                   deadlines=list(data.get("deadlines", [])), span=_span(data.get("span")),
                   unit_spans=[_span(s) for s in data.get("unit_spans", [])])


@dataclass
class Deadline:
    text: str
    kind: str  # one of DEADLINE_KINDS
    date: str | None = None  # ISO date
    start: str | None = None
    time: str | None = None  # "17:00"
    recurrence: str | None = None  # one of RECURRENCES
    event: str | None = None
    action: str | None = None
    to: str | None = None
    span: Span | None = None
    explanation: str = ""  # Chinese: how the date was read ("“12月上旬”按12月10日计")

    def to_json(self) -> dict:
        return {"text": self.text, "kind": self.kind, "date": self.date, "start": self.start,
                "time": self.time, "recurrence": self.recurrence, "event": self.event,
                "action": self.action, "to": self.to, "span": _json_span(self.span),
                "explanation": self.explanation}

    @classmethod
    def from_json(cls, data: dict) -> Deadline:
        return cls(text=data["text"], kind=data["kind"], date=data.get("date"), start=data.get("start"),
                   time=data.get("time"), recurrence=data.get("recurrence"), event=data.get("event"),
                   action=data.get("action"), to=data.get("to"), span=_span(data.get("span")),
                   explanation=data.get("explanation", ""))


@dataclass
class Phase:
    name: str
    start: str | None = None
    end: str | None = None
    span: Span | None = None

    def to_json(self) -> dict:
        return {"name": self.name, "start": self.start, "end": self.end, "span": _json_span(self.span)}

    @classmethod
    def from_json(cls, data: dict) -> Phase:
        return cls(name=data["name"], start=data.get("start"), end=data.get("end"),
                   span=_span(data.get("span")))


@dataclass
class Leadership:
    group: str | None = None
    leader: list[str] = field(default_factory=list)
    deputy: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)
    office: str | None = None
    span: Span | None = None

    def to_json(self) -> dict:
        return {"group": self.group, "leader": list(self.leader), "deputy": list(self.deputy),
                "members": list(self.members), "office": self.office, "span": _json_span(self.span)}

    @classmethod
    def from_json(cls, data: dict | None) -> Leadership | None:
        if data is None:
            return None
        return cls(group=data.get("group"), leader=list(data.get("leader", [])),
                   deputy=list(data.get("deputy", [])), members=list(data.get("members", [])),
                   office=data.get("office"), span=_span(data.get("span")))


@dataclass
class Contact:
    name: str | None = None
    phone: str | None = None
    email: str | None = None
    span: Span | None = None

    def to_json(self) -> dict:
        return {"name": self.name, "phone": self.phone, "email": self.email, "span": _json_span(self.span)}

    @classmethod
    def from_json(cls, data: dict) -> Contact:
        return cls(name=data.get("name"), phone=data.get("phone"), email=data.get("email"),
                   span=_span(data.get("span")))


@dataclass
class Notice:
    """A parsed notice: the ``notice/1`` contract plus source spans."""

    source: Source
    genre: str = "其他"
    doc_number: str | None = None
    issuer: str | None = None
    title: str | None = None
    enclosed_title: str | None = None
    recipients: list[str] = field(default_factory=list)
    signatory: str | None = None
    issue_date: str | None = None
    urgency: str | None = None  # 特急 | 加急 | 紧急, where printed
    basis: list[str] = field(default_factory=list)
    outline: list[Section] = field(default_factory=list)  # numbered and unnumbered sections
    tasks: list[Task] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    phases: list[Phase] = field(default_factory=list)
    leadership: Leadership | None = None
    contacts: list[Contact] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    spans: dict[str, Span] = field(default_factory=dict)  # header field name -> span
    text: str = ""  # the clean text every span points into

    def to_json(self, include_text: bool = False) -> dict:
        data = {
            "schema": SCHEMA,
            "source": {"file": self.source.file, "format": self.source.format,
                       "pages": self.source.pages, "ocr": self.source.ocr},
            "genre": self.genre,
            "doc_number": self.doc_number,
            "issuer": self.issuer,
            "title": self.title,
            "enclosed_title": self.enclosed_title,
            "recipients": list(self.recipients),
            "signatory": self.signatory,
            "issue_date": self.issue_date,
            "urgency": self.urgency,
            "basis": list(self.basis),
            "outline": numbered_json(self.outline),
            "tasks": [t.to_json() for t in self.tasks],
            "deadlines": [d.to_json() for d in self.deadlines],
            "phases": [p.to_json() for p in self.phases],
            "leadership": self.leadership.to_json() if self.leadership else None,
            "contacts": [c.to_json() for c in self.contacts],
            "attachments": list(self.attachments),
            "warnings": list(self.warnings),
            "spans": {k: list(v) for k, v in self.spans.items()},
        }
        if include_text:
            data["text"] = self.text
        return data

    def dumps(self, include_text: bool = False) -> str:
        return json.dumps(self.to_json(include_text), ensure_ascii=False, indent=2)

    @classmethod
    def from_json(cls, data: dict) -> Notice:
        if data.get("schema") != SCHEMA:
            raise ValueError(f"不是 {SCHEMA} 格式的解析结果：schema = {data.get('schema')!r}")
        src = data["source"]
        return cls(
            source=Source(file=src["file"], format=src["format"], pages=src.get("pages"),
                          ocr=bool(src.get("ocr"))),
            genre=data.get("genre", "其他"),
            doc_number=data.get("doc_number"),
            issuer=data.get("issuer"),
            title=data.get("title"),
            enclosed_title=data.get("enclosed_title"),
            recipients=list(data.get("recipients", [])),
            signatory=data.get("signatory"),
            issue_date=data.get("issue_date"),
            urgency=data.get("urgency"),
            basis=list(data.get("basis", [])),
            outline=[Section.from_json(s) for s in data.get("outline", [])],
            tasks=[Task.from_json(t) for t in data.get("tasks", [])],
            deadlines=[Deadline.from_json(d) for d in data.get("deadlines", [])],
            phases=[Phase.from_json(p) for p in data.get("phases", [])],
            leadership=Leadership.from_json(data.get("leadership")),
            contacts=[Contact.from_json(c) for c in data.get("contacts", [])],
            attachments=list(data.get("attachments", [])),
            warnings=list(data.get("warnings", [])),
            spans={k: _span(v) for k, v in data.get("spans", {}).items() if v},
            text=data.get("text", ""),
        )

    @classmethod
    def loads(cls, text: str) -> Notice:
        return cls.from_json(json.loads(text))
