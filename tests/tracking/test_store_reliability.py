"""The store survives kill -9 mid-write, two writers at once, migrations and tampering."""

from __future__ import annotations

import itertools
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from tracking.delegations import ConflictError, delegate, find_task, import_plan, update_status
from tracking.schema import MIGRATIONS, SCHEMA_VERSION
from tracking.store import Store, StoreError, default_store_path, open_store

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
WRITER = HERE / "store_writer_process.py"


def _writer(path: Path, name: str, iterations: int, shared: int | None = None,
            go_file: Path | None = None) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1")
    if go_file is not None:
        env["WRITER_GO_FILE"] = str(go_file)
    args = [sys.executable, str(WRITER), str(path), name, str(iterations)]
    if shared is not None:
        args.append(str(shared))
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            encoding="utf-8", env=env, cwd=ROOT)


def test_store_lives_in_the_data_folder_in_wal_mode(tmp_path, monkeypatch):
    monkeypatch.setenv("POLICYDESK_HOME", str(tmp_path))
    assert default_store_path() == tmp_path / "policydesk.sqlite3"
    with open_store() as store:
        assert store.path == tmp_path / "policydesk.sqlite3"
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
        assert store.version == SCHEMA_VERSION == len(MIGRATIONS)


def test_kill_9_mid_loop_loses_no_committed_row(tmp_path):
    path = tmp_path / "policydesk.sqlite3"
    committed: set[int] = set()
    started: set[int] = set()
    for round_ in range(3):
        proc = _writer(path, f"写入{round_}", 100000)
        lines = []
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.append(line.split())
            if len(lines) >= 40 + 15 * round_:
                break
        os.kill(proc.pid, signal.SIGKILL)  # mid-loop: it is inside its next transaction
        rest, _ = proc.communicate(timeout=30)
        assert proc.returncode == -signal.SIGKILL
        lines += [line.split() for line in rest.splitlines() if line.strip()]
        committed |= {int(i) for kind, i in lines if kind == "C"}
        started |= {int(i) for kind, i in lines if kind == "U"}

        conn = sqlite3.connect(path)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = dict(conn.execute("SELECT id, status FROM delegations"))
        assert committed <= rows.keys()
        assert all(rows[i] in ("签收", "办理中") for i in committed)
        assert all(rows[i] == "办理中" for i in started)
        fed = {r[0] for r in conn.execute("SELECT delegation_id FROM feedback")}
        assert committed <= fed
        # Nothing half-done: every delegation that exists was signed with its feedback.
        assert set(rows) == fed
        conn.close()
    assert len(committed) >= 3 * 40
    with open_store(path) as store:  # and it opens cleanly afterwards
        assert store.integrity_ok()


def test_kill_9_inside_a_long_import_leaves_all_or_nothing(tmp_path):
    path = tmp_path / "policydesk.sqlite3"
    proc = _writer(path, "big", 0)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "START"
    time.sleep(0.1)  # the import is one transaction of 6,000 delegations: kill it midway
    os.kill(proc.pid, signal.SIGKILL)
    rest, _ = proc.communicate(timeout=30)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    counts = [conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("plans", "tasks", "delegations", "events")]
    if "DONE" in rest:  # the machine was fast enough to finish: then it is all there
        assert counts == [1, 100, 6000, 6001]
    else:
        assert counts == [0, 0, 0, 0]
    conn.close()


def test_two_processes_write_at_once_without_lost_updates(tmp_path):
    path = tmp_path / "policydesk.sqlite3"
    with open_store(path, actor="准备") as store:
        plan_id = import_plan(store, _tiny_plan(), delegate_units=False, now=datetime(2021, 6, 16, 9))
        (shared,) = delegate(store, find_task(store, "T1", plan_id), "县人民医院")
    n = 40
    go = tmp_path / "go"
    procs = [_writer(path, name, n, shared, go) for name in ("甲", "乙")]
    for proc in procs:  # both ready, then both start
        assert proc.stdout is not None and proc.stdout.readline().strip() == "READY"
    go.touch()
    outputs = [p.communicate(timeout=240) for p in procs]
    for proc, (_, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
    with open_store(path) as store:
        assert store.integrity_ok()
        conn = store.conn
        version, status = conn.execute("SELECT version, status FROM delegations WHERE id = ?", (shared,)).fetchone()
        assert version == 1 + 2 * n  # every read-modify-write counted: no lost update
        assert status == "已反馈"
        texts = [r[0] for r in conn.execute("SELECT text FROM feedback WHERE delegation_id = ?", (shared,))]
        assert sorted(texts) == sorted(f"{w}-{i}" for w in "甲乙" for i in range(n))
        assert conn.execute("SELECT count(*) FROM delegations WHERE unit LIKE '甲单位%'").fetchone()[0] == n
        assert conn.execute("SELECT count(*) FROM delegations WHERE unit LIKE '乙单位%'").fetchone()[0] == n
        # The two writers really interleaved, and each saw the shared row's version only grow.
        sequence = [r[0] for r in conn.execute("SELECT actor FROM feedback WHERE delegation_id = ? ORDER BY id",
                                               (shared,))]
        assert sum(a != b for a, b in itertools.pairwise(sequence)) >= 2
        for out, _ in outputs:
            versions = [int(v) for kind, v in (line.split() for line in out.splitlines()) if kind == "S"]
            assert versions == sorted(versions) and len(set(versions)) == n


@pytest.fixture
def store():
    s = open_store(actor="测试员")
    yield s
    s.close()


def test_stale_edit_is_refused(store):
    plan_id = import_plan(store, _tiny_plan(), delegate_units=False)
    (did,) = delegate(store, find_task(store, "T1", plan_id), "县中医医院")
    version = store.conn.execute("SELECT version FROM delegations WHERE id = ?", (did,)).fetchone()[0]
    with open_store(store.path, actor="另一窗口") as other:
        update_status(other, did, "签收")
    with pytest.raises(ConflictError, match="已被他人修改"):
        update_status(store, did, "办理中", expected_version=version)
    assert update_status(store, did, "办理中", expected_version=version + 1).new_status == "办理中"


def test_migration_backs_up_then_upgrades(tmp_path):
    path = tmp_path / "policydesk.sqlite3"
    old = Store(path, actor="旧版", migrations=MIGRATIONS[:1])
    assert old.version == 1
    with old.transaction() as conn:  # what version 1 wrote: a plan, a task, one delegation
        plan_id = conn.execute("INSERT INTO plans (title, json, imported_at) VALUES ('测试方案', '{}',"
                               " '2021-06-16T09:00:00')").lastrowid
        conn.execute("INSERT INTO tasks (plan_id, task_key) VALUES (?, 'T1')", (plan_id,))
        conn.execute("INSERT INTO delegations (task_id, unit, unit_key, assigned_at, updated_at)"
                     " VALUES (1, '县人民医院', '县人民医院', '2021-06-16T09:00:00', '2021-06-16T09:00:00')")
    old.close()

    store = open_store(path)
    assert store.version == SCHEMA_VERSION
    assert store.backup_path is not None and store.backup_path.exists()
    assert store.conn.execute("SELECT count(*) FROM reminders").fetchone()[0] == 0  # v2 table
    assert store.conn.execute("SELECT title FROM plans WHERE id = ?", (plan_id,)).fetchone()[0] == "测试方案"
    backup = sqlite3.connect(store.backup_path)
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 1
    assert backup.execute("SELECT count(*) FROM delegations").fetchone()[0] == 1
    assert backup.execute("SELECT name FROM sqlite_master WHERE name = 'reminders'").fetchone() is None
    backup.close()
    store.close()
    with open_store(path) as again:  # no second migration, no second backup
        assert again.backup_path is None


def test_newer_or_foreign_or_corrupt_files_are_refused(tmp_path):
    newer = tmp_path / "newer.sqlite3"
    open_store(newer).close()
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(StoreError, match="较新版本"):
        open_store(newer)
    foreign = tmp_path / "foreign.sqlite3"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE x (a)")
    conn.close()
    with pytest.raises(StoreError, match="不是 PolicyDesk"):
        open_store(foreign)
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"this is not a database at all" * 200)
    with pytest.raises(StoreError, match="损坏或不是数据库"):
        open_store(garbage)


def test_event_log_cannot_be_edited_or_deleted(store):
    plan_id = import_plan(store, _tiny_plan(), now=datetime(2021, 6, 16, 9))
    (did,) = [r[0] for r in store.conn.execute("SELECT id FROM delegations")]
    update_status(store, did, "签收", now=datetime(2021, 6, 17, 9))
    events = store.events()
    assert [e["action"] for e in events] == ["导入方案", "交办", "签收"]
    assert events[0]["entity_id"] == plan_id and events[-1]["actor"] == "测试员"
    for sql in ("UPDATE events SET actor = '别人'", "DELETE FROM events", "DELETE FROM events WHERE id = 1"):
        with pytest.raises(sqlite3.IntegrityError, match="只能追加"), store.transaction() as conn:
            conn.execute(sql)
    assert [tuple(e) for e in store.events()] == [tuple(e) for e in events]


def test_failed_change_rolls_back_everything(store):
    plan_id = import_plan(store, _tiny_plan(), delegate_units=False)
    task_id = find_task(store, "T1", plan_id)
    before = len(store.events())
    with pytest.raises(RuntimeError), store.transaction():
        delegate(store, task_id, "县人民医院")
        raise RuntimeError("中途失败")
    assert store.conn.execute("SELECT count(*) FROM delegations").fetchone()[0] == 0
    assert len(store.events()) == before


def _tiny_plan():
    from drafting.plan import CountyPlan, PlanDeadline, PlanTask

    return CountyPlan(title="测试方案", cover_title="", issuer="测试县卫生健康局", issue_date="2021-06-16",
                      tasks=[PlanTask(id="T1", number="1", category="测试", measures="测试任务", lead=["县疾控中心"],
                                      deadlines=[PlanDeadline(kind="due", date="2021-06-30")])])
