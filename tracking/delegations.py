"""Changes to the store: received notices, imported plans, delegations and their steps
(交办 → 签收 → 办理中 → 已反馈 → 办结), feedback and attached files, 催办 records.

Every function makes its change in one transaction and appends to the event log.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from drafting.atomic import atomic_write_path
from drafting.plan import CountyPlan, PlanTask
from drafting.profile import CountyProfile
from parsing.os_errors import describe_os_error
from parsing.progress import CancelCheck, ProgressCallback, check_cancelled, never, noop
from parsing.text_safety import clean_input
from tracking.county_units import GROUP, UNIT, UNRESOLVED, CountyUnits, Resolution, county_units
from tracking.recurrence import InvalidRecurrence, TooManyOccurrences, expand, plan_span
from tracking.schema import STATUS_RANK, STATUS_TIME_COLUMN, STATUSES
from tracking.store import Store, StoreError, stamp

# One import creates at most this many delegations (a plan is tens of tasks, not a generator).
MAX_DELEGATIONS = 20000
ROLE_LEAD = "牵头"
ROLE_SUPPORT = "配合"


class ConflictError(StoreError):
    """Someone else changed the delegation since it was read (optimistic check)."""


def unit_key(name: str) -> str:
    """The key two spellings of one unit share (县卫健委 == 县卫生健康委员会), when the
    extraction's ``parsing.units.canonical_unit`` is available; else the name without spaces."""
    compact = re.sub(r"\s+", "", name)
    try:
        from parsing.units import canonical_unit
    except ImportError:
        return compact
    return canonical_unit(compact) or compact


def file_sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# -- notices and plans ----------------------------------------------------------------------------
def import_notice(store: Store, notice: dict, *, source_path: str | Path | None = None,
                  now: datetime | None = None) -> int:
    """Record a received notice (``notice/1`` JSON) with its source file's hash and path.
    A file already recorded (same hash) gives the existing id."""
    if notice.get("schema") != "notice/1":
        raise StoreError(f"不是 notice/1 格式的来文：schema = {notice.get('schema')!r}")
    sha = file_sha256(source_path) if source_path and Path(source_path).is_file() else None
    with store.transaction() as conn:
        if sha:
            row = conn.execute("SELECT id FROM notices WHERE source_sha256 = ?", (sha,)).fetchone()
            if row:
                return int(row["id"])
        cur = conn.execute(
            "INSERT INTO notices (title, doc_number, issuer, issue_date, source_path, source_sha256, json,"
            " received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (notice.get("title") or "", notice.get("doc_number"), notice.get("issuer"), notice.get("issue_date"),
             str(Path(source_path).resolve()) if source_path else None, sha,
             json.dumps(notice, ensure_ascii=False), stamp(now)),
        )
        notice_id = int(cur.lastrowid)
        store.log("收文", "notice", notice_id, {"标题": notice.get("title"), "文号": notice.get("doc_number")},
                  at=now)
    return notice_id


def import_plan(store: Store, plan: CountyPlan, *, source_path: str | Path | None = None,
                notice_id: int | None = None, delegate_units: bool = True, until: date | None = None,
                now: datetime | None = None, progress: ProgressCallback = noop,
                cancelled: CancelCheck = never, profile: CountyProfile | None = None,
                revise: bool = True) -> int:
    """Store a county plan, its tasks and their dated deadlines (recurring duties expanded over
    the plan's span); with ``delegate_units`` each task is delegated (交办) to its lead units
    (牵头) and support units (配合) that the county profile knows (``profile``, else the user's):
    a group (各乡镇卫生院) is one delegation until the clerk splits it; any other name waits on
    the clerk in ``pending_units``. Returns the plan id. The same plan twice (same content,
    whichever file it came from) is refused; a changed version of a stored plan (same 文号, or
    same title and superior notice) updates it (``revise``, see :mod:`tracking.plan_revision`)
    and returns its id. Without ``notice_id`` the plan is linked to the
    received notice whose 文号 is the plan's superior document number, if one was recorded."""
    sha = hashlib.sha256(plan.dumps().encode("utf-8")).hexdigest()
    if revise and delegate_units:
        from tracking.plan_revision import revise_plan, same_plan

        previous = same_plan(store, plan)
        if previous is not None and not store.conn.execute("SELECT 1 FROM plans WHERE source_sha256 = ?",
                                                           (sha,)).fetchone():
            revise_plan(store, previous, plan, until=until, now=now, profile=profile)
            progress(1.0, "方案已更新")
            return previous
    span_start, span_end = plan_span(plan, until)
    units = county_units(profile) if delegate_units else None
    with store.transaction() as conn:
        row = conn.execute("SELECT id FROM plans WHERE source_sha256 = ?", (sha,)).fetchone()
        if row:
            raise StoreError(f"该方案已导入（方案编号 {row['id']}），不再重复导入")
        superior_number = (plan.superior or {}).get("doc_number")
        if notice_id is None and superior_number:
            found = conn.execute("SELECT max(id) FROM notices WHERE doc_number = ?", (superior_number,)).fetchone()
            notice_id = found[0]
        cur = conn.execute(
            "INSERT INTO plans (notice_id, title, cover_title, issuer, doc_number, issue_date, span_start,"
            " span_end, source_path, source_sha256, json, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (notice_id, plan.title, plan.cover_title, plan.issuer, plan.doc_number, plan.issue_date,
             span_start.isoformat(), span_end.isoformat(),
             str(Path(source_path).resolve()) if source_path else None, sha, plan.dumps(), stamp(now)),
        )
        plan_id = int(cur.lastrowid)
        store.log("导入方案", "plan", plan_id,
                  {"标题": plan.title, "文号": plan.doc_number, "任务数": len(plan.tasks)}, at=now)
        total = max(len(plan.tasks), 1)
        created = 0
        for position, task in enumerate(plan.tasks):
            check_cancelled(cancelled)
            try:
                task_id = _insert_task(conn, plan_id, position, task, span_start, span_end)
            except (TooManyOccurrences, InvalidRecurrence) as exc:
                raise StoreError(f"任务 {task.id}：{exc}；方案未导入") from exc
            if units is not None:
                created += _delegate_task_units(store, task_id, task, units, now)
                if created > MAX_DELEGATIONS:
                    raise StoreError(f"方案展开后的交办事项（含周期性任务的各次报送）超过 {MAX_DELEGATIONS} 件的上限"
                                     f"（到任务 {task.id} 为止），"
                                     "方案未导入；请缩短周期性任务的展开期限（--until）")
            progress((position + 1) / total, f"导入任务 {task.id}")
    return plan_id


def _delegate_task_units(store: Store, task_id: int, task: PlanTask, units: CountyUnits,
                         now: datetime | None, plan_version: int = 1) -> int:
    """Delegate ``task`` to the profile's units among its lead and support; park the rest."""
    created = 0
    seen: set[str] = set()
    for name, role in _task_units(task):
        found = units.resolve(name)
        if found.kind in (UNIT, GROUP):
            if unit_key(found.target) in seen:
                continue
            seen.add(unit_key(found.target))
            for new_id in _delegate_in(store, task_id, found.target, role, now, plan_version=plan_version):
                created += _weight(store.conn, new_id)
        else:
            _park_unit(store, task_id, name, role, found.reason, now)
    return created


def _weight(conn, delegation_id: int) -> int:
    """What a delegation costs to track: 1, or a recurring duty's number of occurrences."""
    row = conn.execute("SELECT count(o.id) FROM delegations d JOIN deadlines o ON o.series = d.deadline_id"
                       " WHERE d.id = ?", (delegation_id,)).fetchone()
    return max(row[0], 1)


def _park_unit(store: Store, task_id: int, name: str, role: str, reason: str, now: datetime | None) -> None:
    conn = store.conn
    cur = conn.execute("INSERT OR IGNORE INTO pending_units (task_id, unit, role, reason, created_at)"
                       " VALUES (?, ?, ?, ?, ?)", (task_id, name, role, reason, stamp(now)))
    if cur.rowcount:
        store.log("待确认单位", "task", task_id, {"单位": name, "角色": role, "原因": reason}, at=now)


def resolve_pending(store: Store, pending_id: int, unit: str | None = None, *, each: bool = False,
                    now: datetime | None = None, profile: CountyProfile | None = None) -> list[int]:
    """The clerk settles a unit that waited: delegate the task to ``unit`` (a profile unit or group;
    ``each`` = every member of a group), or with no ``unit`` drop the name (不交办)."""
    row = store.conn.execute("SELECT * FROM pending_units WHERE id = ?", (pending_id,)).fetchone()
    if row is None:
        raise StoreError(f"没有编号为 {pending_id} 的待确认单位")
    if row["resolved_at"]:
        raise StoreError(f"待确认单位 {pending_id}（{row['unit']}）已于{row['resolved_at'][:10]}处理")
    with store.transaction() as conn:
        ids = delegate(store, row["task_id"], unit, role=row["role"], each=each, now=now,
                       profile=profile) if unit else []
        conn.execute("UPDATE pending_units SET resolved_at = ?, resolution = ? WHERE id = ?",
                     (stamp(now), unit or "不交办", pending_id))
        store.log("确认单位", "task", row["task_id"], {"原单位": row["unit"], "交办给": unit or "不交办"}, at=now)
    return ids


def _task_units(task: PlanTask) -> list[tuple[str, str]]:
    units: list[tuple[str, str]] = []
    seen: set[str] = set()
    for names, role in ((task.lead, ROLE_LEAD), (task.support, ROLE_SUPPORT)):
        for name in names:
            key = unit_key(name)
            if key and key not in seen:
                seen.add(key)
                units.append((name, role))
    return units


def _insert_task(conn, plan_id: int, position: int, task: PlanTask, span_start: date, span_end: date) -> int:
    cur = conn.execute(
        "INSERT INTO tasks (plan_id, task_key, number, category, measures, lead, support, position)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (plan_id, task.id, task.number, task.category, task.measures,
         json.dumps(task.lead, ensure_ascii=False), json.dumps(task.support, ensure_ascii=False), position),
    )
    task_id = int(cur.lastrowid)
    for d in task.deadlines:
        insert_deadline(conn, task_id, d, span_start, span_end)
    return task_id


def insert_deadline(conn, task_id: int, d, span_start: date, span_end: date) -> None:
    """One row per dated deadline; a recurring one as its occurrences, each naming the series
    (the id of the first occurrence)."""
    base = (task_id, d.kind, d.time, d.start, d.recurrence, d.text, d.event, d.to)
    sql = ("INSERT INTO deadlines (task_id, kind, due_time, start_date, recurrence, text, event, report_to,"
           " due_date, occurrence, series) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
    if d.kind != "recurring":
        conn.execute(sql, (*base, d.date, None, None))
        return
    series = None
    for occ in expand(d, span_start, span_end):
        cur = conn.execute(sql, (*base, occ.due.isoformat(), occ.number, series))
        if series is None:
            series = int(cur.lastrowid)
            conn.execute("UPDATE deadlines SET series = ? WHERE id = ?", (series, series))


def find_task(store: Store, key: str, plan_id: int | None = None) -> int:
    """The task id for ``T3`` (in ``plan_id``, else the latest imported plan that has it) or a
    numeric task id."""
    conn = store.conn
    if key.isdigit():
        number = int(key) if len(key) <= 18 else -1  # beyond SQLite's integers: no such task
        row = conn.execute("SELECT id FROM tasks WHERE id = ?", (number,)).fetchone()
    elif plan_id is not None:
        row = conn.execute("SELECT id FROM tasks WHERE plan_id = ? AND task_key = ?", (plan_id, key)).fetchone()
    else:
        row = conn.execute("SELECT id FROM tasks WHERE task_key = ? ORDER BY plan_id DESC LIMIT 1",
                           (key,)).fetchone()
    if row is None:
        where = f"方案 {plan_id} 中" if plan_id is not None else ""
        raise StoreError(f"{where}没有任务 {key}")
    return int(row["id"])


# -- delegations ----------------------------------------------------------------------------------
def delegate(store: Store, task_id: int, unit: str, *, role: str = ROLE_LEAD, each: bool = False,
             now: datetime | None = None, profile: CountyProfile | None = None,
             allow_outside: bool = False) -> list[int]:
    """交办: hand task ``task_id`` to ``unit``, a 股室, unit or group of the county profile
    (``each``: every member of the group, each chased on its own). One delegation per dated
    deadline of the task and one per recurring duty (its occurrences inside it); one without a
    date when it has none. ``allow_outside``: the clerk deliberately names a unit the profile
    does not list (kept as written). Returns the new delegation ids."""
    unit = re.sub(r"\s+", "", clean_input(unit))
    if not unit:
        raise StoreError("责任单位不能为空")
    found = county_units(profile).resolve(unit)
    if found.kind == UNRESOLVED and allow_outside:
        found = Resolution(unit, UNIT, unit)
    if found.kind not in (UNIT, GROUP):
        raise StoreError(f"不能交办：{found.reason}")
    targets = list(found.members) if each and found.kind == GROUP else [found.target]
    if each and found.kind == GROUP and not targets:
        raise StoreError(f"单位资料中“{found.target}”没有列出成员单位，请先在单位资料中补充")
    ids: list[int] = []
    with store.transaction():
        for target in targets:
            ids += _delegate_in(store, task_id, target, role, now)
        if each and found.kind == GROUP:
            _withdraw_group(store, task_id, found.target, targets, now)
        if not ids:
            raise StoreError(f"该任务已交办给{unit}")
    return ids


def _withdraw_group(store: Store, task_id: int, group: str, members: list[str], now: datetime | None) -> None:
    """The group's own delegations give way to its members' (kept, with their history)."""
    for row in store.conn.execute("SELECT id FROM delegations WHERE task_id = ? AND unit_key = ?"
                                  " AND withdrawn_at IS NULL", (task_id, unit_key(group))).fetchall():
        store.conn.execute("UPDATE delegations SET withdrawn_at = ?, withdrawn_reason = ?, version = version + 1"
                           " WHERE id = ?", (stamp(now), f"分别交办给{'、'.join(members)}", row["id"]))
        store.log("分别交办", "delegation", row["id"], {"单位": group, "成员": members}, at=now)


def _delegate_in(store: Store, task_id: int, unit: str, role: str, now: datetime | None, *,
                 plan_version: int = 1) -> list[int]:
    """The delegations of ``task_id`` to ``unit`` not yet made (inside a transaction)."""
    key = unit_key(unit)
    at = stamp(now)
    ids: list[int] = []
    with store.transaction() as conn:
        task = conn.execute("SELECT task_key, plan_id FROM tasks WHERE id = ?", (task_id,)).fetchone()
        if task is None:
            raise StoreError(f"没有编号为 {task_id} 的任务")
        instances = conn.execute("SELECT id, due_date, due_time, series FROM deadlines WHERE task_id = ?"
                                 " AND (series IS NULL OR series = id)"
                                 " ORDER BY due_date IS NULL, due_date, id", (task_id,)).fetchall()
        for inst in instances or [None]:
            deadline_id = inst["id"] if inst else None
            exists = conn.execute(
                "SELECT id, withdrawn_at FROM delegations WHERE task_id = ? AND unit_key = ?"
                " AND COALESCE(deadline_id, 0) = ?", (task_id, key, deadline_id or 0)).fetchone()
            if exists:
                if exists["withdrawn_at"]:  # handed back: the same row returns, with its history
                    conn.execute("UPDATE delegations SET withdrawn_at = NULL, withdrawn_reason = NULL,"
                                 " version = version + 1, updated_at = ? WHERE id = ?", (at, exists["id"]))
                    store.log("恢复交办", "delegation", exists["id"], {"单位": unit}, at=now)
                    ids.append(int(exists["id"]))
                continue
            cur = conn.execute(
                "INSERT INTO delegations (task_id, deadline_id, unit, unit_key, role, due_date, due_time, status,"
                " status_rank, assigned_at, updated_at, plan_version) VALUES (?, ?, ?, ?, ?, ?, ?, '交办', 0, ?, ?, ?)",
                (task_id, deadline_id, unit, key, role, inst["due_date"] if inst else None,
                 inst["due_time"] if inst else None, at, at, plan_version))
            ids.append(int(cur.lastrowid))
            store.log("交办", "delegation", ids[-1],
                      {"方案": task["plan_id"], "任务": task["task_key"], "单位": unit, "角色": role,
                       "时限": inst["due_date"] if inst else None,
                       "周期性任务": bool(inst and inst["series"])},
                      at=now)
    return ids


# The one state machine: each step forward by one, 退回 from 已反馈 back to 办理中.
NEXT_STEP: dict[str, str] = {"交办": "签收", "签收": "办理中", "办理中": "已反馈", "已反馈": "办结"}
SEND_BACK: dict[str, str] = {"已反馈": "办理中"}


def check_move(delegation_id: int, old: str, new: str, *, with_feedback: bool) -> None:
    """Refuse a move the state machine does not allow, saying what is possible (in Chinese).
    Feedback with the move to 办理中 or 已反馈 implies the steps before it (the unit reported:
    it had signed for and worked on the task)."""
    if new == old:
        raise StoreError(f"交办事项 {delegation_id} 已是“{old}”状态")
    if NEXT_STEP.get(old) == new or SEND_BACK.get(old) == new:
        return
    if with_feedback and new in ("办理中", "已反馈") and STATUS_RANK[old] < STATUS_RANK[new]:
        return
    allowed = [s for s in (NEXT_STEP.get(old), SEND_BACK.get(old)) if s]
    if old == "办结":
        hint = "已办结的事项不能再改变状态"
    elif new == "办结":
        hint = "须先反馈（已反馈）后才能办结"
    elif STATUS_RANK[new] < STATUS_RANK[old]:
        hint = "只能从“已反馈”退回到“办理中”"
    else:
        hint = "须逐步办理：交办 → 签收 → 办理中 → 已反馈 → 办结"
    then = f"；当前可改为：{'、'.join(allowed)}" if allowed else ""
    raise StoreError(f"交办事项 {delegation_id} 不能从“{old}”改为“{new}”：{hint}{then}")


@dataclass
class StatusChange:
    """What :func:`update_status` did."""

    delegation_id: int
    old_status: str
    new_status: str
    version: int
    feedback_id: int | None
    attachment_paths: list[Path]
    occurrence: int | None = None  # the report of a recurring duty this feedback answered


def update_status(store: Store, delegation_id: int, status: str | None = None, *,
                  feedback: str | None = None, files: Sequence[str | Path] = (),
                  now: datetime | None = None, expected_version: int | None = None,
                  occurrence: int | None = None) -> StatusChange:
    """Move a delegation along the state machine (:func:`check_move`), recording who and when;
    add the unit's feedback text and attached files (copied into the data folder). Feedback
    without a status means 已反馈 — for a recurring duty it is the report of one occurrence
    (``occurrence``, else the earliest not yet reported) and the duty stays 办理中 until every
    occurrence is reported. ``expected_version`` makes the change fail with
    :class:`ConflictError` if someone else changed the row since it was read."""
    if status is not None and status not in STATUS_RANK:
        raise StoreError(f"未知状态“{status}”，可选：{'、'.join(STATUSES)}")
    feedback = clean_input(feedback).strip() or None
    paths = [Path(f) for f in files]
    for path in paths:
        if not path.is_file():
            raise StoreError(f"附件不存在：{path}")
    at = stamp(now)
    if store.conn.execute("SELECT 1 FROM delegations WHERE id = ?", (delegation_id,)).fetchone() is None:
        from tracking.queries import current_delegation_id

        head = current_delegation_id(store, delegation_id)  # raises 没有编号为… when it never existed
        raise StoreError(f"交办事项 {delegation_id} 已并入周期性任务事项 {head}，请更新事项 {head}")
    copied: list[_StoredFile] = []
    try:
        # Files are copied before the transaction, so the write lock is never held during a copy.
        for path in paths:
            copied.append(_store_file(store, delegation_id, path))
        with store.transaction() as conn:
            row = conn.execute("SELECT * FROM delegations WHERE id = ?", (delegation_id,)).fetchone()
            if row is None:
                raise StoreError(f"没有编号为 {delegation_id} 的交办事项")
            if row["withdrawn_at"]:
                raise StoreError(f"交办事项 {delegation_id} 已撤回（{row['withdrawn_reason'] or ''}），不能再更新")
            if expected_version is not None and row["version"] != expected_version:
                raise ConflictError(f"交办事项 {delegation_id} 已被他人修改，请刷新后重试")
            old = row["status"]
            gave = bool(feedback or paths)
            recurring = _is_series(conn, row["deadline_id"])
            if old == "办结" and gave and status is None:
                raise StoreError(f"交办事项 {delegation_id} 已办结，不能再反馈；如需补充请先与督办人员联系")
            report = None
            if recurring and gave and status in (None, "已反馈", "办理中"):
                report = _pick_occurrence(conn, row, occurrence)
            elif occurrence is not None:
                raise StoreError(f"交办事项 {delegation_id} 不是周期性任务，没有第{occurrence}次报送")
            if report is not None:
                missing = _unreported(conn, row) - 1
                new = "已反馈" if missing == 0 else "办理中"
                if STATUS_RANK[new] < STATUS_RANK[old]:
                    new = old
            elif status is not None:
                new = status
                if recurring and new == "已反馈" and _unreported(conn, row):
                    raise StoreError(f"交办事项 {delegation_id} 是周期性任务，还有 {_unreported(conn, row)} 次未报送，"
                                     "不能整体标为“已反馈”；请逐次报送")
            else:
                new = "已反馈" if gave and STATUS_RANK[old] < STATUS_RANK["已反馈"] else old
            if new != old or not gave:
                check_move(delegation_id, old, new, with_feedback=gave or report is not None)
            # Each step passed is recorded (签收 and 办理中 implied by a unit's first report).
            steps = list(STATUSES[STATUS_RANK[old] + 1:STATUS_RANK[new] + 1]) if STATUS_RANK[new] > STATUS_RANK[old] \
                else ([new] if new != old else [])
            sets: dict[str, object] = {"status": new, "status_rank": STATUS_RANK[new], "updated_at": at,
                                       "version": row["version"] + 1}
            if STATUS_RANK[new] > STATUS_RANK[old]:
                for step in steps:
                    sets[STATUS_TIME_COLUMN[step]] = at
            elif STATUS_RANK[new] < STATUS_RANK[old]:
                for later in STATUSES[STATUS_RANK[new] + 1:]:
                    sets[STATUS_TIME_COLUMN[later]] = None
            feedback_id = None
            if feedback:
                sets["feedback"] = feedback
                cur = conn.execute("INSERT INTO feedback (delegation_id, text, actor, created_at) VALUES (?, ?, ?, ?)",
                                   (delegation_id, feedback, store.actor, at))
                feedback_id = int(cur.lastrowid)
            for f in copied:
                conn.execute(
                    "INSERT INTO attachments (delegation_id, feedback_id, original_name, stored_path, sha256, size,"
                    " added_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (delegation_id, feedback_id, f.source.name, str(f.target.relative_to(store.path.parent)),
                     f.sha256, f.size, at))
            if report is not None:
                conn.execute("INSERT INTO occurrence_reports (delegation_id, deadline_id, feedback_id, reported_at,"
                             " actor) VALUES (?, ?, ?, ?, ?)",
                             (delegation_id, report["id"], feedback_id, at, store.actor))
            assignments = ", ".join(f"{column} = ?" for column in sets)
            conn.execute(f"UPDATE delegations SET {assignments} WHERE id = ?", (*sets.values(), delegation_id))
            if recurring:
                refresh_next_due(conn, delegation_id)
            detail = {"原状态": old, "新状态": new, "反馈": feedback, "附件": [p.name for p in paths]}
            if report is not None:
                detail["报送"] = f"第{report['occurrence']}次（{report['due_date']}）"
            if STATUS_RANK[new] < STATUS_RANK[old]:
                store.log("退回", "delegation", delegation_id, detail, at=now)
            elif not steps:
                store.log("报送" if report is not None else "补充反馈", "delegation", delegation_id, detail, at=now)
            else:
                for step in steps[:-1]:
                    store.log(step, "delegation", delegation_id, {"原状态": old, "新状态": step, "随反馈": True},
                              at=now)
                store.log(steps[-1], "delegation", delegation_id, detail, at=now)
    except BaseException:
        for f in copied:
            if f.created:
                f.target.unlink(missing_ok=True)
        raise
    return StatusChange(delegation_id, old, new, int(sets["version"]), feedback_id, [f.target for f in copied],
                        report["occurrence"] if report is not None else None)


def _is_series(conn, deadline_id: int | None) -> bool:
    if deadline_id is None:
        return False
    row = conn.execute("SELECT series FROM deadlines WHERE id = ?", (deadline_id,)).fetchone()
    return bool(row and row["series"])


def _unreported(conn, row) -> int:
    return conn.execute(
        "SELECT count(*) FROM deadlines o WHERE o.series = ? AND NOT EXISTS (SELECT 1 FROM occurrence_reports r"
        " WHERE r.delegation_id = ? AND r.deadline_id = o.id)", (row["deadline_id"], row["id"])).fetchone()[0]


def _pick_occurrence(conn, row, number: int | None):
    """The occurrence a report answers: ``number``, else the earliest not yet reported."""
    if number is not None:
        occ = conn.execute("SELECT id, occurrence, due_date FROM deadlines WHERE series = ? AND occurrence = ?",
                           (row["deadline_id"], number)).fetchone()
        if occ is None:
            raise StoreError(f"交办事项 {row['id']} 没有第{number}次报送")
        if conn.execute("SELECT 1 FROM occurrence_reports WHERE delegation_id = ? AND deadline_id = ?",
                        (row["id"], occ["id"])).fetchone():
            raise StoreError(f"交办事项 {row['id']} 第{number}次（{occ['due_date']}）已报送")
        return occ
    occ = conn.execute(
        "SELECT o.id, o.occurrence, o.due_date FROM deadlines o WHERE o.series = ? AND NOT EXISTS"
        " (SELECT 1 FROM occurrence_reports r WHERE r.delegation_id = ? AND r.deadline_id = o.id)"
        " ORDER BY o.due_date, o.id LIMIT 1", (row["deadline_id"], row["id"])).fetchone()
    if occ is None:
        raise StoreError(f"交办事项 {row['id']} 的各次报送均已完成")
    return occ


def refresh_next_due(conn, delegation_id: int) -> None:
    """A recurring delegation's due date is its earliest occurrence not yet reported (the last
    one when all are), so the overdue index and the lights read one row per duty."""
    row = conn.execute("SELECT deadline_id FROM delegations WHERE id = ?", (delegation_id,)).fetchone()
    occ = conn.execute(
        "SELECT o.due_date, o.due_time FROM deadlines o WHERE o.series = ? AND NOT EXISTS (SELECT 1 FROM"
        " occurrence_reports r WHERE r.delegation_id = ? AND r.deadline_id = o.id) ORDER BY o.due_date, o.id"
        " LIMIT 1", (row["deadline_id"], delegation_id)).fetchone() or conn.execute(
        "SELECT due_date, due_time FROM deadlines WHERE series = ? ORDER BY due_date DESC, id DESC LIMIT 1",
        (row["deadline_id"],)).fetchone()
    if occ is not None:
        conn.execute("UPDATE delegations SET due_date = ?, due_time = ? WHERE id = ?",
                     (occ["due_date"], occ["due_time"], delegation_id))


@dataclass
class _StoredFile:
    source: Path
    target: Path
    sha256: str
    size: int
    created: bool  # False when the same content was already stored (then never removed)


def _store_file(store: Store, delegation_id: int, source: Path) -> _StoredFile:
    """Copy ``source`` into the data folder (content-addressed, written atomically)."""
    sha = file_sha256(source)
    folder = store.files_dir / str(delegation_id)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"附件 {source.name} 无法保存：{describe_os_error(exc, '')}") from exc
    target = folder / f"{sha[:12]}_{source.name}"
    created = not target.exists()
    if created:
        try:
            with atomic_write_path(target) as temp:
                shutil.copyfile(source, temp)
        except OSError as exc:
            raise StoreError(f"附件 {source.name} 无法保存：{describe_os_error(exc, '')}") from exc
    return _StoredFile(source, target, sha, source.stat().st_size, created)


def record_reminders(store: Store, delegation_ids: Iterable[int], *, document_path: str | Path | None = None,
                     now: datetime | None = None) -> int:
    """Note that the units of ``delegation_ids`` were chased (催办), e.g. by a 催办 notice."""
    count = 0
    with store.transaction() as conn:
        for delegation_id in delegation_ids:
            conn.execute("INSERT INTO reminders (delegation_id, sent_at, document_path, actor) VALUES (?, ?, ?, ?)",
                         (delegation_id, stamp(now), str(document_path) if document_path else None, store.actor))
            store.log("催办", "delegation", delegation_id,
                      {"文件": Path(document_path).name if document_path else None}, at=now)
            count += 1
    return count
