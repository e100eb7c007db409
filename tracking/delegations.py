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
from parsing.os_errors import describe_os_error
from parsing.progress import CancelCheck, ProgressCallback, check_cancelled, never, noop
from parsing.text_safety import clean_input
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
                cancelled: CancelCheck = never) -> int:
    """Store a county plan, its tasks and their dated deadlines (recurring duties expanded over
    the plan's span); with ``delegate_units`` each task is delegated (交办) to its lead units
    (牵头) and support units (配合). Returns the plan id. The same plan twice (same content,
    whichever file it came from) is refused. Without ``notice_id`` the plan is linked to the
    received notice whose 文号 is the plan's superior document number, if one was recorded."""
    sha = hashlib.sha256(plan.dumps().encode("utf-8")).hexdigest()
    span_start, span_end = plan_span(plan, until)
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
            if delegate_units:
                for unit, role in _task_units(task):
                    created += len(delegate(store, task_id, unit, role=role, now=now))
                    if created > MAX_DELEGATIONS:
                        raise StoreError(f"方案展开后的交办事项超过 {MAX_DELEGATIONS} 件的上限（到任务 {task.id} 为止），"
                                         "方案未导入；请缩短周期性任务的展开期限（--until）")
            progress((position + 1) / total, f"导入任务 {task.id}")
    return plan_id


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
        base = (task_id, d.kind, d.time, d.start, d.recurrence, d.text, d.event, d.to)
        sql = ("INSERT INTO deadlines (task_id, kind, due_time, start_date, recurrence, text, event, report_to,"
               " due_date, occurrence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        if d.kind == "recurring":
            for occ in expand(d, span_start, span_end):
                conn.execute(sql, (*base, occ.due.isoformat(), occ.number))
        else:
            conn.execute(sql, (*base, d.date, None))
    return task_id


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
def delegate(store: Store, task_id: int, unit: str, *, role: str = ROLE_LEAD,
             now: datetime | None = None) -> list[int]:
    """交办: hand task ``task_id`` to ``unit``; one delegation per dated deadline instance of the
    task (one without a date when it has none). Returns the new delegation ids."""
    unit = re.sub(r"\s+", "", clean_input(unit))
    if not unit:
        raise StoreError("责任单位不能为空")
    key = unit_key(unit)
    at = stamp(now)
    ids: list[int] = []
    with store.transaction() as conn:
        task = conn.execute("SELECT task_key, plan_id FROM tasks WHERE id = ?", (task_id,)).fetchone()
        if task is None:
            raise StoreError(f"没有编号为 {task_id} 的任务")
        instances = conn.execute("SELECT id, due_date, due_time FROM deadlines WHERE task_id = ?"
                                 " ORDER BY due_date IS NULL, due_date, id", (task_id,)).fetchall()
        for inst in instances or [None]:
            deadline_id = inst["id"] if inst else None
            exists = conn.execute(
                "SELECT id FROM delegations WHERE task_id = ? AND unit_key = ? AND COALESCE(deadline_id, 0) = ?",
                (task_id, key, deadline_id or 0)).fetchone()
            if exists:
                continue
            cur = conn.execute(
                "INSERT INTO delegations (task_id, deadline_id, unit, unit_key, role, due_date, due_time, status,"
                " status_rank, assigned_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, '交办', 0, ?, ?)",
                (task_id, deadline_id, unit, key, role, inst["due_date"] if inst else None,
                 inst["due_time"] if inst else None, at, at))
            ids.append(int(cur.lastrowid))
            store.log("交办", "delegation", ids[-1],
                      {"方案": task["plan_id"], "任务": task["task_key"], "单位": unit, "角色": role,
                       "时限": inst["due_date"] if inst else None},
                      at=now)
        if not ids:
            raise StoreError(f"该任务已交办给{unit}")
    return ids


@dataclass
class StatusChange:
    """What :func:`update_status` did."""

    delegation_id: int
    old_status: str
    new_status: str
    version: int
    feedback_id: int | None
    attachment_paths: list[Path]


def update_status(store: Store, delegation_id: int, status: str | None = None, *,
                  feedback: str | None = None, files: Sequence[str | Path] = (),
                  now: datetime | None = None, expected_version: int | None = None) -> StatusChange:
    """Move a delegation to ``status`` (forward, or back = 退回 which clears the later steps),
    recording the time of the step; add the unit's feedback text and attached files (copied into
    the data folder). Feedback without a status means 已反馈. ``expected_version`` makes the
    change fail with :class:`ConflictError` if someone else changed the row since it was read."""
    if status is not None and status not in STATUS_RANK:
        raise StoreError(f"未知状态“{status}”，可选：{'、'.join(STATUSES)}")
    feedback = clean_input(feedback).strip() or None
    paths = [Path(f) for f in files]
    for path in paths:
        if not path.is_file():
            raise StoreError(f"附件不存在：{path}")
    at = stamp(now)
    if store.conn.execute("SELECT 1 FROM delegations WHERE id = ?", (delegation_id,)).fetchone() is None:
        raise StoreError(f"没有编号为 {delegation_id} 的交办事项")
    copied: list[_StoredFile] = []
    try:
        # Files are copied before the transaction, so the write lock is never held during a copy.
        for path in paths:
            copied.append(_store_file(store, delegation_id, path))
        with store.transaction() as conn:
            row = conn.execute("SELECT * FROM delegations WHERE id = ?", (delegation_id,)).fetchone()
            if row is None:
                raise StoreError(f"没有编号为 {delegation_id} 的交办事项")
            if expected_version is not None and row["version"] != expected_version:
                raise ConflictError(f"交办事项 {delegation_id} 已被他人修改，请刷新后重试")
            old = row["status"]
            new = status or (max(old, "已反馈", key=STATUS_RANK.__getitem__) if feedback or paths else old)
            if new == old and not feedback and not paths:
                raise StoreError(f"交办事项 {delegation_id} 已是“{old}”状态")
            sets = {"status": new, "status_rank": STATUS_RANK[new], "updated_at": at,
                    "version": row["version"] + 1}
            if STATUS_RANK[new] > STATUS_RANK[old]:
                sets[STATUS_TIME_COLUMN[new]] = at
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
            assignments = ", ".join(f"{column} = ?" for column in sets)
            conn.execute(f"UPDATE delegations SET {assignments} WHERE id = ?", (*sets.values(), delegation_id))
            if STATUS_RANK[new] >= STATUS_RANK["签收"] and old == "交办":
                _sign_siblings(store, conn, row, at, now)
            action = "退回" if STATUS_RANK[new] < STATUS_RANK[old] else (new if new != old else "补充反馈")
            store.log(action, "delegation", delegation_id,
                      {"原状态": old, "新状态": new, "反馈": feedback,
                       "附件": [p.name for p in paths]}, at=now)
    except BaseException:
        for f in copied:
            if f.created:
                f.target.unlink(missing_ok=True)
        raise
    return StatusChange(delegation_id, old, new, sets["version"], feedback_id, [f.target for f in copied])


def _sign_siblings(store: Store, conn, row, at: str, now: datetime | None) -> None:
    """签收 of one report of a recurring duty signs for the duty: its other instances too."""
    if row["deadline_id"] is None:
        return
    occurrence = conn.execute("SELECT occurrence FROM deadlines WHERE id = ?", (row["deadline_id"],)).fetchone()
    if occurrence is None or occurrence["occurrence"] is None:
        return
    siblings = [r["id"] for r in conn.execute(
        "SELECT d.id FROM delegations d JOIN deadlines dl ON dl.id = d.deadline_id"
        " WHERE d.task_id = ? AND d.unit_key = ? AND d.status = '交办' AND d.id != ? AND dl.occurrence IS NOT NULL",
        (row["task_id"], row["unit_key"], row["id"]))]
    for sibling in siblings:
        conn.execute("UPDATE delegations SET status = '签收', status_rank = 1, signed_at = ?, updated_at = ?,"
                     " version = version + 1 WHERE id = ?", (at, at, sibling))
        store.log("签收", "delegation", sibling, {"原状态": "交办", "新状态": "签收", "随": row["id"]}, at=now)


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
