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

# v3: a recurring duty is one delegation per (task, unit) with its occurrences inside it. Each
# occurrence row of ``deadlines`` names its series (the id of the duty's first occurrence); a
# recurring delegation points at that first occurrence and each report of one occurrence is a row
# of ``occurrence_reports``. Stores made before v3 had one delegation per occurrence: they are
# merged here into the duty's first one, its feedback, files and 催办 records moved along, and
# an event says which ids were merged (the old ids' history stays in the log). Units the county
# profile does not know wait on the clerk in ``pending_units`` instead of being delegated.
_V3 = """
ALTER TABLE deadlines ADD COLUMN series INTEGER;
UPDATE deadlines SET series = (
    SELECT min(x.id) FROM deadlines x
    WHERE x.task_id = deadlines.task_id AND x.occurrence IS NOT NULL AND x.text = deadlines.text
      AND COALESCE(x.recurrence, '') = COALESCE(deadlines.recurrence, '')
      AND COALESCE(x.due_time, '') = COALESCE(deadlines.due_time, ''))
WHERE occurrence IS NOT NULL;
CREATE INDEX deadlines_series ON deadlines(series, due_date);
ALTER TABLE delegations ADD COLUMN withdrawn_at TEXT;
ALTER TABLE delegations ADD COLUMN withdrawn_reason TEXT;
ALTER TABLE delegations ADD COLUMN plan_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE plans ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE TABLE occurrence_reports (
    id INTEGER PRIMARY KEY,
    delegation_id INTEGER NOT NULL REFERENCES delegations(id),
    deadline_id INTEGER NOT NULL REFERENCES deadlines(id),
    feedback_id INTEGER REFERENCES feedback(id),
    reported_at TEXT NOT NULL,
    actor TEXT NOT NULL DEFAULT '',
    UNIQUE (delegation_id, deadline_id)
);
CREATE TABLE pending_units (
    id INTEGER PRIMARY KEY,
    task_id INTEGER NOT NULL REFERENCES tasks(id),
    unit TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT '牵头',
    reason TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    resolved_at TEXT,
    resolution TEXT,
    UNIQUE (task_id, unit, role)
);
CREATE TEMP TABLE v3_merge AS
SELECT d.id AS old_id, x.id AS deadline_id, x.series AS series, d.status_rank AS rank,
       COALESCE(d.reported_at, d.closed_at) AS reported_at,
       (SELECT min(d2.id) FROM delegations d2 JOIN deadlines x2 ON x2.id = d2.deadline_id
        WHERE d2.task_id = d.task_id AND d2.unit_key = d.unit_key AND x2.series = x.series) AS head_id
FROM delegations d JOIN deadlines x ON x.id = d.deadline_id WHERE x.series IS NOT NULL;
INSERT INTO occurrence_reports (delegation_id, deadline_id, feedback_id, reported_at, actor)
SELECT head_id, deadline_id, (SELECT max(f.id) FROM feedback f WHERE f.delegation_id = old_id), reported_at, ''
FROM v3_merge WHERE rank >= 3 AND reported_at IS NOT NULL;
UPDATE feedback SET delegation_id = (SELECT head_id FROM v3_merge WHERE old_id = feedback.delegation_id)
WHERE delegation_id IN (SELECT old_id FROM v3_merge WHERE old_id != head_id);
UPDATE attachments SET delegation_id = (SELECT head_id FROM v3_merge WHERE old_id = attachments.delegation_id)
WHERE delegation_id IN (SELECT old_id FROM v3_merge WHERE old_id != head_id);
UPDATE reminders SET delegation_id = (SELECT head_id FROM v3_merge WHERE old_id = reminders.delegation_id)
WHERE delegation_id IN (SELECT old_id FROM v3_merge WHERE old_id != head_id);
INSERT INTO events (at, actor, action, entity, entity_id, detail)
SELECT strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'), '系统升级', '合并周期报送', 'delegation', head_id,
       json_object('合并', json_group_array(old_id))
FROM v3_merge WHERE old_id != head_id GROUP BY head_id;
DELETE FROM delegations WHERE id IN (SELECT old_id FROM v3_merge WHERE old_id != head_id);
UPDATE delegations SET
    deadline_id = (SELECT series FROM deadlines WHERE id = delegations.deadline_id),
    status = CASE WHEN status_rank >= 3 THEN '办理中' ELSE status END,
    status_rank = CASE WHEN status_rank >= 3 THEN 2 ELSE status_rank END,
    reported_at = NULL, closed_at = NULL,
    started_at = CASE WHEN status_rank >= 3 THEN COALESCE(started_at, reported_at, closed_at) ELSE started_at END,
    due_date = COALESCE((SELECT min(o.due_date) FROM deadlines o
                         WHERE o.series = (SELECT series FROM deadlines WHERE id = delegations.deadline_id)
                           AND o.id NOT IN (SELECT r.deadline_id FROM occurrence_reports r
                                            WHERE r.delegation_id = delegations.id)), due_date)
WHERE id IN (SELECT head_id FROM v3_merge);
DROP TABLE v3_merge;
"""

MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3)
SCHEMA_VERSION = len(MIGRATIONS)
