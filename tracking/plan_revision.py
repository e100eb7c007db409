"""A plan changed after 交办: what the new version changes (tasks added, removed or split, units
added or removed, dates moved) and applying it in one transaction — every feedback, attached
file and history entry kept. A delegation that no longer applies is withdrawn (撤回), never
deleted; one that returns later comes back with its history. Each delegation records the plan
version it was made in.

Tasks are matched by their key (T3); a task gone whose key or text the new tasks carry on
(T3 → T3-1, T3-2) is reported as split. Deadlines are matched in order within a task.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from drafting.plan import CountyPlan, PlanDeadline, PlanTask
from drafting.profile import CountyProfile
from tracking.county_units import GROUP, UNIT, CountyUnits, county_units
from tracking.recurrence import InvalidRecurrence, TooManyOccurrences, plan_span
from tracking.store import Store, StoreError, stamp


@dataclass
class PlanChanges:
    """What a new version of a plan changes, in Chinese lines the clerk reads before it applies."""

    plan_id: int
    old_version: int
    tasks_added: list[str] = field(default_factory=list)
    tasks_removed: list[str] = field(default_factory=list)
    tasks_split: dict[str, list[str]] = field(default_factory=dict)
    units_added: list[tuple[str, str]] = field(default_factory=list)  # (task key, unit)
    units_removed: list[tuple[str, str]] = field(default_factory=list)
    dates_moved: list[tuple[str, str, str]] = field(default_factory=list)  # (task key, old, new)
    text_changed: list[str] = field(default_factory=list)
    applied: bool = False

    @property
    def new_version(self) -> int:
        return self.old_version + 1

    @property
    def empty(self) -> bool:
        return not (self.tasks_added or self.tasks_removed or self.tasks_split or self.units_added
                    or self.units_removed or self.dates_moved or self.text_changed)

    def lines(self) -> list[str]:
        out = []
        for old, new in self.tasks_split.items():
            out.append(f"任务 {old} 拆分为 {'、'.join(new)}")
        out += [f"新增任务 {k}" for k in self.tasks_added]
        out += [f"删除任务 {k}（已交办事项撤回，反馈和附件保留）" for k in self.tasks_removed]
        out += [f"任务 {k} 新增责任单位 {u}" for k, u in self.units_added]
        out += [f"任务 {k} 不再由 {u} 承担（撤回，反馈和附件保留）" for k, u in self.units_removed]
        out += [f"任务 {k} 时限调整：{a} → {b}" for k, a, b in self.dates_moved]
        out += [f"任务 {k} 内容修改" for k in self.text_changed]
        return out


def same_plan(store: Store, plan: CountyPlan) -> int | None:
    """The stored plan ``plan`` is a new version of: the same 文号, else the same title and
    superior notice."""
    conn = store.conn
    if plan.doc_number:
        row = conn.execute("SELECT max(id) FROM plans WHERE doc_number = ?", (plan.doc_number,)).fetchone()
        if row[0] is not None:
            return int(row[0])
    superior = (plan.superior or {}).get("doc_number") or ""
    for row in conn.execute("SELECT id, json FROM plans WHERE title = ? ORDER BY id DESC", (plan.title,)):
        old = json.loads(row["json"]) if row["json"] else {}
        if ((old.get("superior") or {}).get("doc_number") or "") == superior:
            return int(row["id"])
    return None


def _deadline_text(d: PlanDeadline | dict) -> str:
    if isinstance(d, dict):  # a stored row
        row = {**d, "date": d.get("due_date"), "time": d.get("due_time")}
        get = row.get
    else:
        def get(k: str):
            return getattr(d, k)
    if get("kind") == "recurring":
        return f"{get('text') or get('recurrence')}" + (f" {get('time')}" if get("time") else "")
    when = get("date") or get("text") or "无时限"
    return when + (f" {get('time')}" if get("time") else "")


def _split_of(old_key: str, old_measures: str, new_tasks: list[PlanTask]) -> list[str]:
    """New tasks that carry on a removed one: keys T3-1 / T3.1 / T3（1）, or text taken from it."""
    keyed = [t.id for t in new_tasks if re.match(rf"{re.escape(old_key)}[-.．（(_]\w", t.id)]
    if keyed:
        return keyed
    parts = [t.id for t in new_tasks if len(t.measures) >= 8 and t.measures.rstrip("。") in old_measures]
    return parts if len(parts) >= 2 else []


def revise_plan(store: Store, plan_id: int, plan: CountyPlan, *, apply: bool = True, until: date | None = None,
                now: datetime | None = None, profile: CountyProfile | None = None) -> PlanChanges:
    """Compare ``plan`` with stored plan ``plan_id`` and, with ``apply``, make it the plan's next
    version in one transaction. Nothing is deleted: withdrawn delegations keep their feedback,
    files and history."""
    from tracking.delegations import _delegate_task_units, _insert_task, insert_deadline

    conn = store.conn
    head = conn.execute("SELECT version FROM plans WHERE id = ?", (plan_id,)).fetchone()
    if head is None:
        raise StoreError(f"没有编号为 {plan_id} 的方案")
    sha = hashlib.sha256(plan.dumps().encode("utf-8")).hexdigest()
    if conn.execute("SELECT 1 FROM plans WHERE source_sha256 = ?", (sha,)).fetchone():
        raise StoreError(f"该方案已导入（方案编号 {plan_id}），内容没有变化，不再重复导入")
    units = county_units(profile)
    changes = PlanChanges(plan_id, int(head["version"]))
    old_tasks = {r["task_key"]: r for r in conn.execute("SELECT * FROM tasks WHERE plan_id = ?", (plan_id,))}
    new_keys = [t.id for t in plan.tasks]
    for key, row in old_tasks.items():
        if key not in new_keys:
            parts = _split_of(key, row["measures"], [t for t in plan.tasks if t.id not in old_tasks])
            if parts:
                changes.tasks_split[key] = parts
            else:
                changes.tasks_removed.append(key)
    split_parts = {p for parts in changes.tasks_split.values() for p in parts}
    changes.tasks_added = [t.id for t in plan.tasks if t.id not in old_tasks and t.id not in split_parts]
    plans_for_kept = [t for t in plan.tasks if t.id in old_tasks]
    for task in plans_for_kept:
        row = old_tasks[task.id]
        old_units = {r["unit_key"]: r["unit"] for r in conn.execute(
            "SELECT DISTINCT unit_key, unit FROM delegations WHERE task_id = ? AND withdrawn_at IS NULL", (row["id"],))}
        new_units = _wanted_units(task, units)
        changes.units_added += [(task.id, u) for k, u in new_units.items() if k not in old_units]
        changes.units_removed += [(task.id, u) for k, u in old_units.items() if k not in new_units]
        old_deadlines = [dict(r) for r in conn.execute(
            "SELECT * FROM deadlines WHERE task_id = ? AND (series IS NULL OR series = id) ORDER BY id", (row["id"],))]
        for old, new in zip(old_deadlines, task.deadlines, strict=False):
            if _deadline_text(old) != _deadline_text(new) or (old["start_date"] or None) != (new.start or None):
                changes.dates_moved.append((task.id, _deadline_text(old), _deadline_text(new)))
        for new in task.deadlines[len(old_deadlines):]:
            changes.dates_moved.append((task.id, "无", _deadline_text(new)))
        for old in old_deadlines[len(task.deadlines):]:
            changes.dates_moved.append((task.id, _deadline_text(old), "无"))
        if (row["measures"], row["category"]) != (task.measures, task.category):
            changes.text_changed.append(task.id)
    if not apply:
        return changes

    span_start, span_end = plan_span(plan, until)
    version = changes.new_version
    with store.transaction():
        conn.execute(
            "UPDATE plans SET title = ?, cover_title = ?, issuer = ?, doc_number = ?, issue_date = ?, span_start = ?,"
            " span_end = ?, source_sha256 = ?, json = ?, version = ? WHERE id = ?",
            (plan.title, plan.cover_title, plan.issuer, plan.doc_number, plan.issue_date, span_start.isoformat(),
             span_end.isoformat(), sha, plan.dumps(), version, plan_id))
        gone = {**{k: f"任务已拆分为{'、'.join(v)}" for k, v in changes.tasks_split.items()},
                **{k: "方案修订删除该任务" for k in changes.tasks_removed}}
        for key, reason in gone.items():
            _withdraw(store, "task_id = ?", (old_tasks[key]["id"],), reason, now)
        for position, task in enumerate(plan.tasks):
            try:
                if task.id not in old_tasks:
                    task_id = _insert_task(conn, plan_id, position, task, span_start, span_end)
                    _delegate_task_units(store, task_id, task, units, now, plan_version=version)
                    continue
                task_id = int(old_tasks[task.id]["id"])
                conn.execute("UPDATE tasks SET number = ?, category = ?, measures = ?, lead = ?, support = ?,"
                             " position = ? WHERE id = ?",
                             (task.number, task.category, task.measures, json.dumps(task.lead, ensure_ascii=False),
                              json.dumps(task.support, ensure_ascii=False), position, task_id))
                wanted = _wanted_units(task, units)
                for r in conn.execute("SELECT DISTINCT unit_key FROM delegations WHERE task_id = ?"
                                      " AND withdrawn_at IS NULL", (task_id,)).fetchall():
                    if r["unit_key"] not in wanted:
                        _withdraw(store, "task_id = ? AND unit_key = ?", (task_id, r["unit_key"]),
                                  "方案修订后不再承担该任务", now)
                _revise_deadlines(store, task_id, task, span_start, span_end, now, insert_deadline)
                _delegate_task_units(store, task_id, task, units, now, plan_version=version)
            except (TooManyOccurrences, InvalidRecurrence) as exc:
                raise StoreError(f"任务 {task.id}：{exc}；方案未更新") from exc
        store.log("修订方案", "plan", plan_id, {"版本": version, "变化": changes.lines()}, at=now)
    changes.applied = True
    return changes


def _wanted_units(task: PlanTask, units: CountyUnits) -> dict[str, str]:
    from tracking.delegations import _task_units, unit_key

    wanted: dict[str, str] = {}
    for name, _role in _task_units(task):
        found = units.resolve(name)
        if found.kind in (UNIT, GROUP):
            wanted.setdefault(unit_key(found.target), found.target)
    return wanted


def _withdraw(store: Store, where: str, args: tuple, reason: str, now: datetime | None) -> None:
    for row in store.conn.execute(f"SELECT id FROM delegations WHERE {where} AND withdrawn_at IS NULL",
                                  args).fetchall():
        store.conn.execute("UPDATE delegations SET withdrawn_at = ?, withdrawn_reason = ?, version = version + 1"
                           " WHERE id = ?", (stamp(now), reason, row["id"]))
        store.log("撤回", "delegation", row["id"], {"原因": reason}, at=now)


def _revise_deadlines(store: Store, task_id: int, task: PlanTask, span_start: date, span_end: date,
                      now: datetime | None, insert_deadline) -> None:
    """Move changed deadlines in place (pairs in order); a recurring one whose rule changed gets
    new occurrences, reports kept on the dates that remain; extra ones added, missing ones
    withdrawn."""
    from tracking.delegations import refresh_next_due

    conn = store.conn
    old = [dict(r) for r in conn.execute(
        "SELECT * FROM deadlines WHERE task_id = ? AND (series IS NULL OR series = id) ORDER BY id", (task_id,))]
    for o, d in zip(old, task.deadlines, strict=False):
        if _deadline_text(o) == _deadline_text(d) and (o["start_date"] or None) == (d.start or None):
            continue
        if o["kind"] != "recurring" and d.kind != "recurring":
            conn.execute("UPDATE deadlines SET kind = ?, due_date = ?, due_time = ?, start_date = ?, text = ?,"
                         " event = ?, report_to = ? WHERE id = ?",
                         (d.kind, d.date, d.time, d.start, d.text, d.event, d.to, o["id"]))
            for r in conn.execute("SELECT id, withdrawn_at FROM delegations WHERE deadline_id = ?",
                                  (o["id"],)).fetchall():
                conn.execute("UPDATE delegations SET due_date = ?, due_time = ?, version = version + 1 WHERE id = ?",
                             (d.date, d.time, r["id"]))
                if r["withdrawn_at"]:
                    continue
                store.log("时限调整", "delegation", r["id"], {"原时限": _deadline_text(o), "新时限": _deadline_text(d)},
                          at=now)
            continue
        _replace_deadline(store, task_id, o, d, span_start, span_end, now, insert_deadline, refresh_next_due)
    for d in task.deadlines[len(old):]:
        insert_deadline(conn, task_id, d, span_start, span_end)
    for o in old[len(task.deadlines):]:
        _withdraw(store, "deadline_id = ?", (o["id"],), "方案修订删除该时限", now)
        _retire(conn, o)


def _retire(conn, o: dict) -> None:
    """A deadline no longer in the plan: kept for the rows that point at it, never delegated again
    (a negative series marks it and its occurrences)."""
    if o["series"]:
        conn.execute("UPDATE deadlines SET series = -series WHERE series = ?", (o["id"],))
    else:
        conn.execute("UPDATE deadlines SET series = -id WHERE id = ?", (o["id"],))


def _replace_deadline(store, task_id, o, d, span_start, span_end, now, insert_deadline, refresh_next_due) -> None:
    """A deadline whose kind or rule changed: the new one inserted, each delegation moved onto it
    (a recurring one's reports re-pointed to the occurrences of the same date)."""
    conn = store.conn
    before = conn.execute("SELECT max(id) FROM deadlines").fetchone()[0] or 0
    insert_deadline(conn, task_id, d, span_start, span_end)
    head = conn.execute("SELECT min(id) FROM deadlines WHERE task_id = ? AND id > ?", (task_id, before)).fetchone()[0]
    if head is None:  # a recurring rule with no occurrence left in the span
        _withdraw(store, "deadline_id = ?", (o["id"],), "修订后的周期在方案期限内没有报送", now)
        return
    new_dates = {r["due_date"]: r["id"] for r in conn.execute(
        "SELECT id, due_date FROM deadlines WHERE id >= ? AND task_id = ?", (head, task_id))}
    if o["series"]:
        for rep in conn.execute("SELECT r.id, o.due_date FROM occurrence_reports r JOIN deadlines o"
                                " ON o.id = r.deadline_id WHERE o.series = ?", (o["id"],)).fetchall():
            if rep["due_date"] in new_dates:
                conn.execute("UPDATE occurrence_reports SET deadline_id = ? WHERE id = ?",
                             (new_dates[rep["due_date"]], rep["id"]))
    _retire(conn, o)
    target = conn.execute("SELECT id, due_date, due_time FROM deadlines WHERE id = ?", (head,)).fetchone()
    for r in conn.execute("SELECT id, withdrawn_at FROM delegations WHERE deadline_id = ?", (o["id"],)).fetchall():
        conn.execute("UPDATE delegations SET deadline_id = ?, due_date = ?, due_time = ?, version = version + 1"
                     " WHERE id = ?", (head, target["due_date"], target["due_time"], r["id"]))
        if d.kind == "recurring":
            refresh_next_due(conn, r["id"])
        if r["withdrawn_at"]:
            continue
        store.log("时限调整", "delegation", r["id"], {"原时限": _deadline_text(o), "新时限": _deadline_text(d)}, at=now)
