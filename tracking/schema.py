"""The store's schema as numbered migrations (``PRAGMA user_version`` = how many have run).

Each migration is one SQL script run inside the migrating transaction. Never edit a released
migration: append a new one. The event log is append-only: triggers refuse UPDATE and DELETE.
"""

from __future__ import annotations

# Status steps of a delegation, in order. The rank is stored so queries can compare steps.
STATUSES: tuple[str, ...] = ("交办", "签收", "办理中", "已反馈", "办结")
STATUS_RANK: dict[str, int] = {name: rank for rank, name in enumerate(STATUSES)}
# The column holding the time each step was reached.
STATUS_TIME_COLUMN: dict[str, str] = {
    "交办": "assigned_at",
    "签收": "signed_at",
    "办理中": "started_at",
    "已反馈": "reported_at",
    "办结": "closed_at",
}

_V1 = """
CREATE TABLE notices (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL DEFAULT '',
    doc_number TEXT,
    issuer TEXT,
    issue_date TEXT,
    source_path TEXT,
    source_sha256 TEXT,
    json TEXT NOT NULL,
    received_at TEXT NOT NULL
);
CREATE UNIQUE INDEX notices_sha ON notices(source_sha256) WHERE source_sha256 IS NOT NULL;

CREATE TABLE plans (
    id INTEGER PRIMARY KEY,
    notice_id INTEGER REFERENCES notices(id),
    title TEXT NOT NULL,
    cover_title TEXT NOT NULL DEFAULT '',
    issuer TEXT NOT NULL DEFAULT '',
    doc_number TEXT,
    issue_date TEXT,
    span_start TEXT,
    span_end TEXT,
    source_path TEXT,
    source_sha256 TEXT,  -- of the plan/1 JSON as stored: the same plan is imported once
    json TEXT NOT NULL,
    imported_at TEXT NOT NULL
);
CREATE UNIQUE INDEX plans_sha ON plans(source_sha256) WHERE source_sha256 IS NOT NULL;

CREATE TABLE tasks (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id),
    task_key TEXT NOT NULL,
    number TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL DEFAULT '',
    measures TEXT NOT NULL DEFAULT '',
    lead TEXT NOT NULL DEFAULT '[]',
    support TEXT NOT NULL DEFAULT '[]',
    position INTEGER NOT NULL DEFAULT 0,
    UNIQUE (plan_id, task_key)
);

-- Dated instances of a task's deadlines: one row per due/range/event deadline,
-- one row per occurrence of a recurring one (每月7日前报送 -> one row a month).
CREATE TABLE deadlines (
    id INTEGER PRIMARY KEY,
    task_id INTEGER NOT NULL REFERENCES tasks(id),
    kind TEXT NOT NULL,
    due_date TEXT,
    due_time TEXT,
    start_date TEXT,
    recurrence TEXT,
    occurrence INTEGER,
    text TEXT NOT NULL DEFAULT '',
    event TEXT,
    report_to TEXT
);
CREATE INDEX deadlines_task ON deadlines(task_id);
CREATE INDEX deadlines_due ON deadlines(due_date);

CREATE TABLE delegations (
    id INTEGER PRIMARY KEY,
    task_id INTEGER NOT NULL REFERENCES tasks(id),
    deadline_id INTEGER REFERENCES deadlines(id),
    unit TEXT NOT NULL,
    unit_key TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT '牵头',
    due_date TEXT,
    due_time TEXT,
    status TEXT NOT NULL DEFAULT '交办',
    status_rank INTEGER NOT NULL DEFAULT 0,
    assigned_at TEXT NOT NULL,
    signed_at TEXT,
    started_at TEXT,
    reported_at TEXT,
    closed_at TEXT,
    feedback TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    CHECK (status IN ('交办', '签收', '办理中', '已反馈', '办结'))
);
CREATE UNIQUE INDEX delegations_one ON delegations(task_id, unit_key, COALESCE(deadline_id, 0));
CREATE INDEX delegations_open_due ON delegations(status_rank, due_date);
CREATE INDEX delegations_unit ON delegations(unit_key, status_rank, due_date);
CREATE INDEX delegations_task ON delegations(task_id);

CREATE TABLE feedback (
    id INTEGER PRIMARY KEY,
    delegation_id INTEGER NOT NULL REFERENCES delegations(id),
    text TEXT NOT NULL,
    actor TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX feedback_delegation ON feedback(delegation_id);

CREATE TABLE attachments (
    id INTEGER PRIMARY KEY,
    delegation_id INTEGER NOT NULL REFERENCES delegations(id),
    feedback_id INTEGER REFERENCES feedback(id),
    original_name TEXT NOT NULL,
    stored_path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    added_at TEXT NOT NULL
);
CREATE INDEX attachments_delegation ON attachments(delegation_id);

-- Append-only: who did what, when. Nothing updates or deletes a row.
CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id INTEGER,
    detail TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX events_entity ON events(entity, entity_id);
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, '督办记录只能追加，不能修改'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, '督办记录只能追加，不能删除'); END;
"""

# v2: 催办 records, so the 台账 shows how often a unit was chased and when.
_V2 = """
CREATE TABLE reminders (
    id INTEGER PRIMARY KEY,
    delegation_id INTEGER NOT NULL REFERENCES delegations(id),
    sent_at TEXT NOT NULL,
    document_path TEXT,
    actor TEXT NOT NULL
);
CREATE INDEX reminders_delegation ON reminders(delegation_id);
"""

MIGRATIONS: tuple[str, ...] = (_V1, _V2)
SCHEMA_VERSION = len(MIGRATIONS)
