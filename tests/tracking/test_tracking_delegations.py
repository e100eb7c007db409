"""Delegation steps, feedback files, received notices, unit aliases and the overdue index."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from corpus import GOLD_DIR, seed
from wutai_plan import wutai_plan

from drafting.plan import CountyPlan
from tracking.delegations import delegate, find_task, import_notice, import_plan, update_status
from tracking.queries import get_delegation, list_delegations
from tracking.store import StoreError, open_store


@pytest.fixture
def plan() -> CountyPlan:
    return wutai_plan()


@pytest.fixture
def store():
    s = open_store(actor="测试员")
    yield s
    s.close()


def test_steps_are_timed_and_going_back_clears_the_later_ones(store, plan):
    import_plan(store, plan, now=datetime(2021, 6, 16, 9))
    (row,) = list_delegations(store, task_id=find_task(store, "T3"))
    update_status(store, row.id, "签收", now=datetime(2021, 6, 17, 8, 30))
    update_status(store, row.id, "已反馈", feedback="已完成风险辨识，建立分级管控台账", now=datetime(2021, 6, 25, 17))
    got = get_delegation(store, row.id, date(2021, 6, 25))
    # The unit's report implies it worked on the task: 办理中 is recorded with the feedback.
    assert (got.status, got.signed_at, got.started_at) == ("已反馈", datetime(2021, 6, 17, 8, 30),
                                                           datetime(2021, 6, 25, 17))
    assert got.reported_at == datetime(2021, 6, 25, 17) and got.feedback_count == 1 and got.light is None
    # The office finds the feedback wanting and sends it back: 退回 to 办理中.
    change = update_status(store, row.id, "办理中", now=datetime(2021, 6, 28, 9))
    assert (change.old_status, change.new_status) == ("已反馈", "办理中")
    got = get_delegation(store, row.id, date(2021, 6, 30))
    assert got.reported_at is None and got.started_at is not None and got.signed_at is not None
    assert got.light == "red" and got.overdue_days == 1  # 6-29 passed with the feedback sent back
    assert [e["action"] for e in store.events("delegation", row.id)] == ["交办", "签收", "办理中", "已反馈", "退回"]
    with pytest.raises(StoreError, match="已是“办理中”"):
        update_status(store, row.id, "办理中")
    with pytest.raises(StoreError, match="未知状态"):
        update_status(store, row.id, "完成")


def test_feedback_files_are_copied_into_the_data_folder(store, plan, tmp_path):
    import_plan(store, plan, now=datetime(2021, 6, 16, 9))
    (row,) = list_delegations(store, task_id=find_task(store, "T3"))
    source = tmp_path / "风险分级管控台账.xlsx"
    content = b"PK\x03\x04 fake workbook bytes"
    source.write_bytes(content)
    change = update_status(store, row.id, feedback="报送风险分级管控台账", files=[source])
    assert change.new_status == "已反馈"
    (copy,) = change.attachment_paths
    assert copy.is_relative_to(store.files_dir) and copy.read_bytes() == source.read_bytes()
    source.unlink()  # the unit's file may go away; ours stays
    stored = store.conn.execute("SELECT stored_path, original_name, size FROM attachments").fetchone()
    assert (store.path.parent / stored["stored_path"]).exists()
    assert (stored["original_name"], stored["size"]) == ("风险分级管控台账.xlsx", len(content))
    with pytest.raises(StoreError, match="附件不存在"):
        update_status(store, row.id, feedback="补充", files=[tmp_path / "没有这个文件.pdf"])
    assert store.conn.execute("SELECT count(*) FROM feedback").fetchone()[0] == 1
    # A change that fails after the copy removes only the files it added, never one stored before.
    source.write_bytes(content)
    fresh = tmp_path / "整改照片.jpg"
    fresh.write_bytes(b"\xff\xd8 jpeg")
    with pytest.raises(StoreError, match="已被他人修改"):
        update_status(store, row.id, feedback="再次报送", files=[source, fresh], expected_version=1)
    assert copy.exists() and not any(p.name.endswith("整改照片.jpg") for p in copy.parent.iterdir())
    assert store.conn.execute("SELECT count(*) FROM attachments").fetchone()[0] == 1


def test_unit_aliases_find_the_same_unit(store, plan):
    import_plan(store, plan, now=datetime(2021, 6, 16, 9))
    full = list_delegations(store, unit="县疾病预防控制中心")
    assert {r.task_key for r in full} == {"T1", "T3"}
    assert [r.id for r in list_delegations(store, unit="县疾控中心")] == [r.id for r in full]
    # A part of a name finds the units that contain it.
    assert {r.unit for r in list_delegations(store, unit="乡镇卫生院")} == {"各乡镇卫生院"}
    with pytest.raises(StoreError, match="已交办给县疾控中心"):
        delegate(store, find_task(store, "T3"), "县疾控中心")


def test_received_notice_is_kept_with_its_file_hash(store, tmp_path):
    notice = json.loads((GOLD_DIR / "002_99f2e0c5d8a631cb.json").read_text(encoding="utf-8"))
    source = seed("002")
    first = import_notice(store, notice, source_path=source, now=datetime(2021, 6, 15, 18))
    again = import_notice(store, notice, source_path=source)
    assert first == again
    row = store.conn.execute("SELECT * FROM notices").fetchone()
    assert row["doc_number"] == "忻卫健办函〔2021〕214号" and len(row["source_sha256"]) == 64
    assert json.loads(row["json"])["title"] == notice["title"]
    with pytest.raises(StoreError, match="notice/1"):
        import_notice(store, {"schema": "plan/1"})
    # The county plan answering it is linked to it by the superior 文号.
    plan_id = import_plan(store, wutai_plan())
    linked = store.conn.execute("SELECT notice_id FROM plans WHERE id = ?", (plan_id,)).fetchone()[0]
    assert linked == first
    with pytest.raises(StoreError, match="该方案已导入"):
        import_plan(store, wutai_plan())


def test_overdue_query_uses_the_index(store):
    plan = store.conn.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM delegations d WHERE d.status_rank IN (0, 1, 2) AND d.due_date < ?",
        ("2021-06-23",)).fetchall()
    assert any("delegations_open_due" in row[3] for row in plan)
    by_unit = store.conn.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM delegations d WHERE d.unit_key = ?", ("县人民医院",)).fetchall()
    assert any("delegations_unit" in row[3] for row in by_unit)
