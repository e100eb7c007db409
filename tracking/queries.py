"""Reading the store: delegations due soon, overdue, by unit, by plan, and the three-colour light.

The light, as offices use it:
- 红灯 (red): overdue — past the due date with no feedback (已反馈/办结);
- 黄灯 (yellow): behind — not signed for (签收) 2 working days after 交办, or no feedback at all
  by half of the time (in working days) between 交办 and the due date (not applied to the
  single reports of a recurring duty);
- 蓝灯 (blue): due within 3 working days and not yet reported.
Red wins over yellow, yellow over blue. Closed or reported items have no light.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache

from drafting.plan import CountyPlan
from tracking.schema import STATUS_RANK, STATUSES
from tracking.store import Store, StoreError

RED, YELLOW, BLUE = "red", "yellow", "blue"
LIGHT_NAMES = {RED: "红灯", YELLOW: "黄灯", BLUE: "蓝灯", None: ""}
LIGHT_MEANING = {RED: "已逾期", YELLOW: "进度滞后", BLUE: "临近时限", None: ""}
REPORTED = STATUS_RANK["已反馈"]
SIGN_WITHIN = 2  # working days to sign for a delegation
BLUE_WITHIN = 3  # working days before the due date the light turns blue


@lru_cache(maxsize=8192)
def working_day(day: date) -> bool:
    """:func:`parsing.workdays.is_working_day`, Monday–Friday for a year it does not know."""
    from parsing.workdays import UnknownHolidayYear, is_working_day

    try:
        return is_working_day(day)
    except UnknownHolidayYear:
        return day.weekday() < 5


def _weekdays_through(day: date) -> int:
    """Mondays–Fridays from 0001-01-01 up to and including ``day`` (a closed formula)."""
    n = day.toordinal()  # 0001-01-01 is a Monday, ordinal 1
    weeks, rest = divmod(n, 7)
    return weeks * 5 + min(rest, 5)


@lru_cache(maxsize=4096)
def _year_corrections(year: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The days of ``year`` whose status differs from Monday–Friday, as sorted ordinals, and the
    running sum of their corrections (−1 a weekday off, +1 a 调休 working weekend day)."""
    from parsing.workdays import holidays_in, makeup_workdays_in, year_status

    if year_status(year) == "unknown":
        return (), ()
    changes = {d: -1 for d in holidays_in(year) if d.weekday() < 5}
    changes.update({d: 1 for d in makeup_workdays_in(year) if d.weekday() >= 5})
    days = sorted(changes)
    running, total = [], 0
    for d in days:
        total += changes[d]
        running.append(total)
    return tuple(d.toordinal() for d in days), tuple(running)


def _correction_through(day: date) -> int:
    """The holiday corrections of ``day``'s year up to and including ``day``."""
    ordinals, running = _year_corrections(day.year)
    k = bisect_right(ordinals, day.toordinal())
    return running[k - 1] if k else 0


def _year_correction(year: int) -> int:
    running = _year_corrections(year)[1]
    return running[-1] if running else 0


def working_days_between(a: date, b: date) -> int:
    """Working days after ``a`` up to and including ``b`` (negative when ``b`` is before ``a``),
    as :func:`parsing.workdays.working_days_between`, tolerant of unknown years.

    Counted in constant time per call, not day by day: Mondays–Fridays by formula, corrected by
    each year's holiday table (the years between the two dates summed from a cached total)."""
    if b < a:
        return -working_days_between(b, a)
    count = _weekdays_through(b) - _weekdays_through(a)
    if a.year == b.year:
        return count + _correction_through(b) - _correction_through(a)
    count += _year_correction(a.year) - _correction_through(a) + _correction_through(b)
    return count + sum(_year_correction(y) for y in _known_years(a.year + 1, b.year))


def _known_years(first: int, last: int) -> range:
    """The years from ``first`` to ``last`` exclusive that can hold a holiday correction (the
    known holiday tables lie within 1990–2200; unknown years are counted Monday–Friday)."""
    return range(max(first, 1990), min(last, 2200))


def workday_caveats(days: list[date]) -> list[str]:
    """Chinese notes for the years among ``days`` whose holidays are not (fully) known, so a
    light counted Monday–Friday is never shown without saying so."""
    from parsing.workdays import year_status

    notes = []
    for year in sorted({d.year for d in days}):
        status = year_status(year)
        if status == "unknown":
            notes.append(f"{year}年节假日安排未知，工作日暂按周一至周五计算")
        elif status == "expected":
            notes.append(f"{year}年节假日按法定节日预计，未含调休，以国务院办公厅通知为准")
    return notes


MAX_SHIFT_DAYS = 3660  # ten years of working days; a "due within" longer than that is everything


def shift_working_days(day: date, n: int) -> date:
    """The date ``n`` working days after ``day`` (``n`` ≥ 0, at most :data:`MAX_SHIFT_DAYS`),
    tolerant of unknown years; never past 9999-12-31."""
    n = min(n, MAX_SHIFT_DAYS)
    while n > 0 and day < date.max:
        day += timedelta(days=1)
        n -= working_day(day)
    return day


@dataclass
class DelegationRow:
    """One delegation as the 台账 and the lists show it."""

    id: int
    plan_id: int
    plan_title: str
    task_id: int
    task_key: str
    task_number: str
    category: str
    measures: str
    unit: str
    role: str
    due_date: date | None
    due_time: str | None
    deadline_text: str
    occurrence: int | None
    status: str
    assigned_at: datetime
    signed_at: datetime | None
    started_at: datetime | None
    reported_at: datetime | None
    closed_at: datetime | None
    feedback: str
    feedback_count: int
    attachment_count: int
    reminder_count: int
    version: int
    light: str | None = None
    overdue_days: int = 0  # working days past the due date (0 when not overdue)
    late_report: bool = False  # feedback came after the due date
    # A recurring duty (one row per task and unit): its occurrences and how they stand on today.
    occurrences: int = 0  # all occurrences over the plan's span (0: not a recurring duty)
    occurrences_reported: int = 0
    occurrences_on_time: int = 0  # reported by their due date, among those due by today
    occurrences_due: int = 0  # due by today
    missed_dates: list[date] = field(default_factory=list)  # due before today, not reported
    next_due: date | None = None  # the earliest occurrence not yet reported
    plan_version: int = 1

    @property
    def recurring(self) -> bool:
        return self.occurrences > 0

    @property
    def occurrences_missed(self) -> int:
        return len(self.missed_dates)

    @property
    def light_name(self) -> str:
        return LIGHT_NAMES[self.light]

    @property
    def is_open(self) -> bool:
        return STATUS_RANK[self.status] < REPORTED


def light_of(row: DelegationRow, today: date) -> str | None:
    """The three-colour light of ``row`` on ``today`` (see the module docstring)."""
    if not row.is_open:
        return None
    due = row.due_date
    if due is not None and today > due:
        return RED
    assigned = row.assigned_at.date()
    if row.status == "交办" and working_days_between(assigned, today) >= SIGN_WITHIN:
        return YELLOW
    # Half-time applies to a piece of work; one report of a recurring duty has no midway.
    if due is not None and row.feedback_count == 0 and row.occurrence is None:
        total = working_days_between(assigned, due)
        if total > 0 and 2 * working_days_between(assigned, today) >= total:
            return YELLOW
    if due is not None and working_days_between(today, due) <= BLUE_WITHIN:
        return BLUE
    return None


_SELECT = """
SELECT d.*, t.plan_id, t.task_key, t.number AS task_number, t.category, t.measures, p.title AS plan_title,
       COALESCE(dl.text, '') AS deadline_text, dl.occurrence, dl.series,
       (SELECT count(*) FROM feedback f WHERE f.delegation_id = d.id) AS feedback_count,
       (SELECT count(*) FROM attachments a WHERE a.delegation_id = d.id) AS attachment_count,
       (SELECT count(*) FROM reminders r WHERE r.delegation_id = d.id) AS reminder_count
FROM delegations d
JOIN tasks t ON t.id = d.task_id
JOIN plans p ON p.id = t.plan_id
LEFT JOIN deadlines dl ON dl.id = d.deadline_id
WHERE d.withdrawn_at IS NULL
"""


def _when(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _row(r, today: date) -> DelegationRow:
    row = DelegationRow(
        id=r["id"], plan_id=r["plan_id"], plan_title=r["plan_title"], task_id=r["task_id"],
        task_key=r["task_key"], task_number=r["task_number"], category=r["category"], measures=r["measures"],
        unit=r["unit"], role=r["role"], due_date=date.fromisoformat(r["due_date"]) if r["due_date"] else None,
        due_time=r["due_time"], deadline_text=r["deadline_text"], occurrence=r["occurrence"], status=r["status"],
        assigned_at=datetime.fromisoformat(r["assigned_at"]), signed_at=_when(r["signed_at"]),
        started_at=_when(r["started_at"]), reported_at=_when(r["reported_at"]), closed_at=_when(r["closed_at"]),
        feedback=r["feedback"], feedback_count=r["feedback_count"], attachment_count=r["attachment_count"],
        reminder_count=r["reminder_count"], version=r["version"], plan_version=r["plan_version"],
    )
    if r["series"]:
        row.occurrences = -1  # filled by _fill_occurrences
        return row
    _finish_row(row, today)
    return row


def _finish_row(row: DelegationRow, today: date) -> None:
    row.light = light_of(row, today)
    if row.due_date and row.is_open and today > row.due_date:
        row.overdue_days = max(working_days_between(row.due_date, today), 1)
    done = row.reported_at or row.closed_at
    if not row.recurring:
        row.late_report = bool(row.due_date and done and done.date() > row.due_date)


def _fill_occurrences(store: Store, rows: list[DelegationRow], today: date) -> None:
    """For each recurring duty: its occurrences, those reported, due, missed, and the next due.
    One grouped query per batch of rows."""
    duties = [r for r in rows if r.occurrences == -1]
    for start in range(0, len(duties), 500):
        batch = {r.id: r for r in duties[start:start + 500]}
        marks = ", ".join("?" * len(batch))
        sql = (f"SELECT d.id AS delegation_id, o.occurrence, o.due_date, r.reported_at FROM delegations d"
               f" JOIN deadlines o ON o.series = d.deadline_id"
               f" LEFT JOIN occurrence_reports r ON r.delegation_id = d.id AND r.deadline_id = o.id"
               f" WHERE d.id IN ({marks}) ORDER BY d.id, o.due_date, o.id")
        for occ in store.conn.execute(sql, list(batch)):
            row = batch[occ["delegation_id"]]
            due = date.fromisoformat(occ["due_date"])
            row.occurrences = max(row.occurrences, 0) + 1
            if occ["reported_at"]:
                row.occurrences_reported += 1
                if datetime.fromisoformat(occ["reported_at"]).date() > due:
                    row.late_report = True
                elif due <= today:
                    row.occurrences_on_time += 1
            else:
                if due < today and row.status != "办结":
                    row.missed_dates.append(due)
                if row.next_due is None:
                    row.next_due = due
                    row.occurrence = occ["occurrence"]
            row.occurrences_due += due <= today
        for row in batch.values():
            row.occurrences = max(row.occurrences, 0)
            _finish_row(row, today)


def list_delegations(store: Store, *, today: date | None = None, plan_id: int | None = None,
                     unit: str | None = None, overdue: bool = False, due_within: int | None = None,
                     open_only: bool = False, light: str | None = None, task_id: int | None = None,
                     ids: list[int] | None = None) -> list[DelegationRow]:
    """Delegations matching every filter given, by due date (undated last), then task and unit.

    ``overdue``: open and past due on ``today``; ``due_within``: open and due within that many
    working days from ``today``; ``unit``: the unit (县卫健委 == 县卫生健康委员会), else any unit
    whose name contains it; ``light``: red / yellow / blue."""
    from tracking.delegations import unit_key

    today = today or date.today()
    where: list[str] = []
    args: list[object] = []
    if overdue:
        where.append("d.status_rank IN (0, 1, 2) AND d.due_date < ?")
        args.append(today.isoformat())
    if due_within is not None:
        where.append("d.status_rank IN (0, 1, 2) AND d.due_date BETWEEN ? AND ?")
        args += [today.isoformat(), shift_working_days(today, due_within).isoformat()]
    if open_only or light:
        where.append("d.status_rank IN (0, 1, 2)")
    if plan_id is not None:
        where.append("t.plan_id = ?")
        args.append(plan_id)
    if task_id is not None:
        where.append("d.task_id = ?")
        args.append(task_id)
    if unit:
        key = unit_key(unit)
        if store.conn.execute("SELECT 1 FROM delegations WHERE unit_key = ? LIMIT 1", (key,)).fetchone():
            where.append("d.unit_key = ?")
            args.append(key)
        else:  # no unit by that name: any unit whose name contains it (乡镇卫生院 → 各乡镇卫生院)
            where.append("d.unit LIKE ?")
            args.append(f"%{unit.strip()}%")
    if ids is not None:
        where.append(f"d.id IN ({', '.join('?' * len(ids))})")
        args += ids
    sql = _SELECT + (" AND " + " AND ".join(where) if where else "")
    sql += " ORDER BY d.due_date IS NULL, d.due_date, t.position, d.role = '配合', d.id"
    rows = [_row(r, today) for r in store.conn.execute(sql, args)]
    _fill_occurrences(store, rows, today)
    if light:
        rows = [r for r in rows if r.light == light]
    return rows


def get_delegation(store: Store, delegation_id: int, today: date | None = None) -> DelegationRow:
    rows = list_delegations(store, today=today, ids=[delegation_id])
    if not rows:
        raise StoreError(f"没有编号为 {delegation_id} 的交办事项")
    return rows[0]


def feedback_of(store: Store, delegation_id: int) -> list[dict]:
    """The feedback a unit gave on a delegation, oldest first, each with its attached files."""
    items = []
    for f in store.conn.execute("SELECT * FROM feedback WHERE delegation_id = ? ORDER BY id", (delegation_id,)):
        files = [a["original_name"] for a in store.conn.execute(
            "SELECT original_name FROM attachments WHERE feedback_id = ? ORDER BY id", (f["id"],))]
        items.append({"id": f["id"], "text": f["text"], "at": datetime.fromisoformat(f["created_at"]),
                      "actor": f["actor"], "files": files})
    return items


@dataclass
class PlanInfo:
    id: int
    title: str
    cover_title: str
    issuer: str
    doc_number: str | None
    issue_date: date | None
    span_start: date | None
    span_end: date | None
    imported_at: datetime


def list_plans(store: Store) -> list[PlanInfo]:
    rows = store.conn.execute("SELECT * FROM plans ORDER BY id").fetchall()
    return [PlanInfo(r["id"], r["title"], r["cover_title"], r["issuer"], r["doc_number"],
                     date.fromisoformat(r["issue_date"]) if r["issue_date"] else None,
                     date.fromisoformat(r["span_start"]) if r["span_start"] else None,
                     date.fromisoformat(r["span_end"]) if r["span_end"] else None,
                     datetime.fromisoformat(r["imported_at"])) for r in rows]


def latest_plan_id(store: Store) -> int:
    row = store.conn.execute("SELECT max(id) FROM plans").fetchone()
    if row[0] is None:
        raise StoreError("督办库中还没有方案，请先导入方案（policydesk track import 方案.json）")
    return int(row[0])


def load_plan(store: Store, plan_id: int) -> CountyPlan:
    row = store.conn.execute("SELECT json FROM plans WHERE id = ?", (plan_id,)).fetchone()
    if row is None:
        raise StoreError(f"没有编号为 {plan_id} 的方案")
    return CountyPlan.from_json(json.loads(row["json"]))


@dataclass
class UnitSummary:
    unit: str
    total: int = 0
    closed: int = 0
    reported: int = 0
    open: int = 0
    overdue: int = 0
    late_reports: int = 0


@dataclass
class PlanSummary:
    """Counts for the progress report and the app's dashboard."""

    plan: PlanInfo
    today: date
    tasks: int
    delegations: int
    units: int
    by_status: dict[str, int]
    lights: dict[str, int]
    overdue: int
    late_reports: int
    tasks_closed: int  # every delegation of the task 办结
    tasks_reported: int  # every delegation at least 已反馈
    feedback_items: int
    attachments: int
    reminders: int
    by_unit: list[UnitSummary] = field(default_factory=list)
    rows: list[DelegationRow] = field(default_factory=list)


def summarize(store: Store, plan_id: int, today: date | None = None) -> PlanSummary:
    """Counts over one plan's delegations on ``today``."""
    today = today or date.today()
    info = next((p for p in list_plans(store) if p.id == plan_id), None)
    if info is None:
        raise StoreError(f"没有编号为 {plan_id} 的方案")
    rows = list_delegations(store, today=today, plan_id=plan_id)
    tasks = store.conn.execute("SELECT count(*) FROM tasks WHERE plan_id = ?", (plan_id,)).fetchone()[0]
    by_status = {s: 0 for s in STATUSES}
    by_status.update(Counter(r.status for r in rows))
    lights = Counter(r.light for r in rows if r.light)
    per_task: dict[int, list[DelegationRow]] = {}
    units: dict[str, UnitSummary] = {}
    for r in rows:
        per_task.setdefault(r.task_id, []).append(r)
        u = units.setdefault(r.unit, UnitSummary(r.unit))
        u.total += 1
        u.closed += r.status == "办结"
        u.reported += r.status == "已反馈"
        u.open += r.is_open
        u.overdue += r.light == RED
        u.late_reports += r.late_report
    return PlanSummary(
        plan=info, today=today, tasks=tasks, delegations=len(rows), units=len(units), by_status=by_status,
        lights={k: lights.get(k, 0) for k in (RED, YELLOW, BLUE)}, overdue=lights.get(RED, 0),
        late_reports=sum(r.late_report for r in rows),
        tasks_closed=sum(all(r.status == "办结" for r in rs) for rs in per_task.values()),
        tasks_reported=sum(all(not r.is_open for r in rs) for rs in per_task.values()),
        feedback_items=sum(r.feedback_count for r in rows), attachments=sum(r.attachment_count for r in rows),
        reminders=sum(r.reminder_count for r in rows),
        by_unit=sorted(units.values(), key=lambda u: (-u.overdue, -u.open, u.unit)), rows=rows,
    )


@dataclass
class OccurrenceRow:
    """One occurrence of a recurring duty as the 督办 page lists it inside the duty."""

    number: int
    due: date
    due_time: str | None
    state: str  # 已报送 / 逾期报送 / 未报送（逾期） / 待报送
    reported_at: datetime | None
    feedback: str
    actor: str


def occurrences_of(store: Store, delegation_id: int, today: date | None = None) -> list[OccurrenceRow]:
    """The occurrences inside a recurring delegation, in date order (empty for a one-off task)."""
    today = today or date.today()
    sql = ("SELECT o.occurrence, o.due_date, o.due_time, r.reported_at, r.actor, COALESCE(f.text, '') AS text"
           " FROM delegations d JOIN deadlines o ON o.series = d.deadline_id"
           " LEFT JOIN occurrence_reports r ON r.delegation_id = d.id AND r.deadline_id = o.id"
           " LEFT JOIN feedback f ON f.id = r.feedback_id WHERE d.id = ? ORDER BY o.due_date, o.id")
    rows = []
    for r in store.conn.execute(sql, (delegation_id,)):
        due = date.fromisoformat(r["due_date"])
        at = _when(r["reported_at"])
        if at:
            state = "逾期报送" if at.date() > due else "已报送"
        else:
            state = "未报送（逾期）" if due < today else "待报送"
        rows.append(OccurrenceRow(r["occurrence"], due, r["due_time"], state, at, r["text"], r["actor"] or ""))
    return rows


@dataclass
class PendingUnit:
    """A unit name of a plan the profile does not know: it waits on the clerk."""

    id: int
    plan_id: int
    task_key: str
    category: str
    unit: str
    role: str
    reason: str


def pending_units(store: Store, plan_id: int | None = None) -> list[PendingUnit]:
    """Unit names not yet settled by the clerk, by plan and task order."""
    sql = ("SELECT u.*, t.plan_id, t.task_key, t.category FROM pending_units u JOIN tasks t ON t.id = u.task_id"
           " WHERE u.resolved_at IS NULL")
    args: list[object] = []
    if plan_id is not None:
        sql += " AND t.plan_id = ?"
        args.append(plan_id)
    return [PendingUnit(r["id"], r["plan_id"], r["task_key"], r["category"], r["unit"], r["role"], r["reason"])
            for r in store.conn.execute(sql + " ORDER BY t.plan_id, t.position, u.id", args)]


@dataclass
class HistoryEntry:
    at: datetime
    actor: str
    action: str
    detail: dict
    delegation_id: int


def current_delegation_id(store: Store, delegation_id: int) -> int:
    """The delegation ``delegation_id`` is now: itself, or the recurring duty an older store's
    per-occurrence row was merged into."""
    if store.conn.execute("SELECT 1 FROM delegations WHERE id = ?", (delegation_id,)).fetchone() is not None:
        return delegation_id
    merged = store.conn.execute(
        "SELECT entity_id FROM events WHERE action = '合并周期报送' AND EXISTS (SELECT 1 FROM"
        " json_each(json_extract(detail, '$.合并')) WHERE value = ?)", (delegation_id,)).fetchone()
    if merged is None:
        raise StoreError(f"没有编号为 {delegation_id} 的交办事项")
    return int(merged[0])


def history(store: Store, delegation_id: int) -> list[HistoryEntry]:
    """Every recorded move of a delegation (who, when, what), oldest first — including the
    history of the per-occurrence rows an older store merged into it."""
    delegation_id = current_delegation_id(store, delegation_id)
    ids = [delegation_id]
    for e in store.events("delegation", delegation_id):
        if e["action"] == "合并周期报送":
            ids += json.loads(e["detail"]).get("合并", [])
    marks = ", ".join("?" * len(ids))
    rows = store.conn.execute(f"SELECT * FROM events WHERE entity = 'delegation' AND entity_id IN ({marks})"
                              " ORDER BY id", ids).fetchall()
    return [HistoryEntry(datetime.fromisoformat(r["at"]), r["actor"], r["action"], json.loads(r["detail"]),
                         r["entity_id"]) for r in rows]


@dataclass
class Achievement:
    """Assigned, done, overdue and the on-time rate (工作达成率) of one unit or one task.

    A one-off delegation counts once; a recurring duty counts each occurrence. The rate is the
    share done by its due date among those due by today (None when nothing is due yet)."""

    name: str
    assigned: int = 0
    done: int = 0
    overdue: int = 0
    due: int = 0
    on_time: int = 0

    @property
    def rate(self) -> float | None:
        return self.on_time / self.due if self.due else None

    @property
    def rate_text(self) -> str:
        return "—" if self.rate is None else f"{100 * self.rate:.1f}%".replace(".0%", "%")

    def add(self, r: DelegationRow, today: date) -> None:
        if r.recurring:
            self.assigned += r.occurrences
            self.done += r.occurrences_reported
            self.overdue += r.occurrences_missed
            self.due += r.occurrences_due
            self.on_time += r.occurrences_on_time
            return
        self.assigned += 1
        finished = r.reported_at or r.closed_at
        self.done += not r.is_open
        self.overdue += bool(r.is_open and r.due_date and r.due_date < today)
        if r.due_date is None or r.due_date <= today or not r.is_open:
            self.due += 1
            self.on_time += bool(not r.is_open and (r.due_date is None or (finished and finished.date() <= r.due_date)))


def achievement(rows: list[DelegationRow], today: date) -> tuple[list[Achievement], list[Achievement]]:
    """Per unit (worst rate first) and per task (plan order): assigned, done, overdue, 工作达成率."""
    units: dict[str, Achievement] = {}
    tasks: dict[int, Achievement] = {}
    order: dict[int, tuple[int, str]] = {}
    for r in rows:
        units.setdefault(r.unit, Achievement(r.unit)).add(r, today)
        tasks.setdefault(r.task_id, Achievement(f"{r.task_key} {r.category}".strip())).add(r, today)
        order.setdefault(r.task_id, (r.plan_id, r.task_key))
    by_unit = sorted(units.values(), key=lambda a: (a.rate if a.rate is not None else 2.0, -a.overdue, a.name))
    by_task = [tasks[t] for t in sorted(tasks, key=lambda t: (order[t][0], _task_order(order[t][1])))]
    return by_unit, by_task


def _task_order(key: str) -> tuple:
    """T2 before T10: a task key's digits compared as numbers."""
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", key))


def delegated_units(store: Store, plan_id: int | None = None) -> list[str]:
    """The units holding a current (not withdrawn) delegation, by name: the board's unit filter."""
    sql = ("SELECT DISTINCT d.unit FROM delegations d JOIN tasks t ON t.id = d.task_id"
           " WHERE d.withdrawn_at IS NULL")
    args: list[object] = []
    if plan_id is not None:
        sql += " AND t.plan_id = ?"
        args.append(plan_id)
    return [r[0] for r in store.conn.execute(sql + " ORDER BY d.unit", args)]
