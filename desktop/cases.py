"""One case per received notice: the clerk's whole work on it, kept on disk.

A case holds the parse (as corrected), the 起草 draft (the text as drafted and as edited, for the
plan and its cover notice, and the 文种), the plan itself with its 任务分工表 edits, the outgoing
fields (发文字号, 成文日期, 抄送, 紧急程度, 密级, 签发人) and the export history. Each case is one
JSON file ``cases/<digest>.case.json`` in the user data folder, written atomically after every
edit, so closing the app or a crash loses nothing. No Qt here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from drafting.atomic import atomic_write_path
from drafting.plan import CountyPlan
from parsing.locations import user_data_dir
from parsing.model import Notice

CASE_SCHEMA = "case/1"
URGENCY_CHOICES = ("", "加急", "特急")
SECRECY_CHOICES = ("", "秘密", "机密", "绝密")


def now_text() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


@dataclass
class OutgoingFields:
    """What the clerk sets on the outgoing document before it is printed."""

    doc_number: str = ""  # 发文字号 as printed (示卫健〔2025〕12号); "" = not yet numbered
    issue_date: str = ""  # 成文日期, ISO; "" = the day of drafting
    cc: list[str] = field(default_factory=list)  # 抄送机关
    urgency: str = ""  # 紧急程度: 加急 / 特急
    secrecy: str = ""  # 密级 (and 保密期限: 秘密★1年)
    signer: list[str] = field(default_factory=list)  # 签发人 (上行文 only)

    def apply_to(self, plan: CountyPlan) -> CountyPlan:
        """Write these fields into ``plan`` (in place) and return it."""
        plan.doc_number = self.doc_number or None
        if self.issue_date:
            plan.issue_date = self.issue_date
        plan.cc = list(self.cc)
        plan.urgency = self.urgency or None
        plan.secrecy = self.secrecy or None
        plan.signer = list(self.signer)
        return plan


@dataclass
class ExportRecord:
    """One file written from the case."""

    path: str
    what: str  # 实施方案 · 任务分工表 …
    at: str = field(default_factory=now_text)


@dataclass
class Case:
    """The clerk's work on one received notice."""

    digest: str  # sha256 of the source file: the case's key
    source_path: str
    notice: Notice | None = None  # the parse, as the clerk corrected it
    corrected: bool = False
    received_at: str = field(default_factory=now_text)
    kind: str = "实施方案"
    plan: CountyPlan | None = None  # with the 任务分工表 as edited
    generated_plan_text: str = ""  # the plan body as drafted (to keep edits on a redraft)
    plan_text: str = ""  # … and as the clerk edited it
    generated_cover_text: str = ""
    cover_text: str = ""
    table_edits: list[tuple[str, int]] = field(default_factory=list)  # (task id, column) changed by hand
    draft_notes: list[str] = field(default_factory=list)  # scheduling caveats found when drafting
    outgoing: OutgoingFields = field(default_factory=OutgoingFields)
    exports: list[ExportRecord] = field(default_factory=list)
    updated_at: str = ""

    @property
    def has_draft(self) -> bool:
        return self.plan is not None

    def record_export(self, path: str | os.PathLike[str], what: str) -> None:
        self.exports.append(ExportRecord(str(path), what))

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": CASE_SCHEMA,
            "digest": self.digest,
            "source_path": self.source_path,
            "notice": self.notice.to_json(include_text=True) if self.notice is not None else None,
            "corrected": self.corrected,
            "received_at": self.received_at,
            "kind": self.kind,
            "plan": self.plan.to_json() if self.plan is not None else None,
            "generated_plan_text": self.generated_plan_text,
            "plan_text": self.plan_text,
            "generated_cover_text": self.generated_cover_text,
            "cover_text": self.cover_text,
            "table_edits": [list(e) for e in self.table_edits],
            "draft_notes": list(self.draft_notes),
            "outgoing": asdict(self.outgoing),
            "exports": [asdict(e) for e in self.exports],
            "updated_at": self.updated_at,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Case:
        if data.get("schema") != CASE_SCHEMA:
            raise ValueError(f"不是 {CASE_SCHEMA} 格式的工作记录：schema = {data.get('schema')!r}")
        outgoing = data.get("outgoing") or {}
        known = OutgoingFields.__dataclass_fields__
        return cls(
            digest=data["digest"],
            source_path=data.get("source_path", ""),
            notice=Notice.from_json(data["notice"]) if data.get("notice") else None,
            corrected=bool(data.get("corrected")),
            received_at=data.get("received_at", ""),
            kind=data.get("kind", "实施方案"),
            plan=CountyPlan.from_json(data["plan"]) if data.get("plan") else None,
            generated_plan_text=data.get("generated_plan_text", ""),
            plan_text=data.get("plan_text", ""),
            generated_cover_text=data.get("generated_cover_text", ""),
            cover_text=data.get("cover_text", ""),
            table_edits=[(str(t), int(c)) for t, c in data.get("table_edits", [])],
            draft_notes=[str(n) for n in data.get("draft_notes", [])],
            outgoing=OutgoingFields(**{k: v for k, v in outgoing.items() if k in known}),
            exports=[ExportRecord(**e) for e in data.get("exports", [])],
            updated_at=data.get("updated_at", ""),
        )


class CaseStore:
    """The cases on disk, one JSON file each under ``root`` (default: the user data folder)."""

    def __init__(self, root: Path | None = None):
        self.root = Path(root) if root is not None else user_data_dir() / "cases"

    def path(self, digest: str) -> Path:
        return self.root / f"{digest[:24]}.case.json"

    def load(self, digest: str) -> Case | None:
        """The case saved for ``digest``; None if there is none. A damaged file is set aside
        (``….broken``) rather than overwritten, so nothing in it is destroyed."""
        path = self.path(digest)
        try:
            with open(path, encoding="utf-8") as handle:
                return Case.from_json(json.load(handle))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError):
            with contextlib.suppress(OSError):
                os.replace(path, path.with_name(path.name + ".broken"))
            return None

    def save(self, case: Case) -> Path:
        """Write ``case`` atomically (a temporary file beside it, then a rename)."""
        self.root.mkdir(parents=True, exist_ok=True)
        case.updated_at = now_text()
        text = json.dumps(case.to_json(), ensure_ascii=False, indent=1)
        target = self.path(case.digest)
        with atomic_write_path(target) as tmp:
            tmp.write_text(text, encoding="utf-8")
        return target

    def remove(self, digest: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path(digest).unlink()

    def all(self) -> list[Case]:
        """Every readable case, oldest received first."""
        if not self.root.is_dir():
            return []
        cases = []
        for path in sorted(self.root.glob("*.case.json")):
            try:
                with open(path, encoding="utf-8") as handle:
                    cases.append(Case.from_json(json.load(handle)))
            except (OSError, ValueError, KeyError, TypeError):
                continue
        return sorted(cases, key=lambda c: c.received_at)
