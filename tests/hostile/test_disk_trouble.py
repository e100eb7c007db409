"""A full disk, a read-only or missing folder, a target that is no regular file: one Chinese
line naming the trouble (磁盘已满, 没有写入权限, 文件夹不存在), the data intact, and a healthy
store never called damaged."""

from __future__ import annotations

import errno
import os
import sqlite3
import sys
import tempfile
from datetime import datetime
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tracking"))
from wutai_plan import wutai_plan

from desktop.cli import main
from drafting.atomic import atomic_write_bytes, check_target
from parsing.os_errors import WriteError
from tracking.delegations import import_plan, update_status
from tracking.queries import list_delegations
from tracking.store import Store, StoreError, open_store


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "督办.sqlite3"
    with open_store(path, actor="测试员") as store:
        import_plan(store, wutai_plan(), now=datetime(2021, 6, 16, 9))
    return path


def one_error_line(capsys, args: list[str]) -> str:
    capsys.readouterr()
    code = main(args)
    err = capsys.readouterr().err
    assert code == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("错误：") and "Traceback" not in err, err
    return lines[0]


def test_a_full_disk_during_an_update_is_said_and_loses_nothing(db):
    with open_store(db, actor="测试员") as store:
        row = list_delegations(store)[0]
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages}")  # the disk is full from here on
        with pytest.raises(StoreError, match="磁盘已满") as caught:
            update_status(store, row.id, feedback="已完成自查。" * 4000)
        assert "损坏" not in str(caught.value)
    with open_store(db) as store:
        assert store.integrity_ok()
        assert list_delegations(store)[0].status == "交办"  # unchanged, still readable


@pytest.mark.parametrize("message, said", [("database or disk is full", "磁盘已满"),
                                           ("attempt to write a readonly database", "没有写入权限"),
                                           ("unable to open database file", "文件夹不存在或没有写入权限")])
def test_a_disk_problem_on_opening_is_never_called_damage(db, monkeypatch, message, said):
    def refuse(self, migrations):
        raise sqlite3.OperationalError(message)

    monkeypatch.setattr(Store, "_migrate", refuse)
    with pytest.raises(StoreError, match=said) as caught:
        open_store(db)
    assert "已损坏" not in str(caught.value)


def test_a_damaged_file_is_still_called_damaged(tmp_path):
    bad = tmp_path / "坏.sqlite3"
    bad.write_bytes(b"this is not a database, just bytes " * 200)
    with pytest.raises(StoreError, match="已损坏或不是数据库文件"):
        open_store(bad)


def test_ics_and_report_into_a_missing_folder_are_one_line(db, tmp_path, capsys):
    for command, name in (("ics", "督办时限.ics"), ("report", "报告.docx"), ("export", "台账.xlsx"),
                          ("remind", "催办.docx")):
        line = one_error_line(capsys, ["track", "--db", str(db), command, str(tmp_path / "没有" / name),
                                       "--today", "2021-06-25"])
        assert "不存在" in line, line
    assert not (tmp_path / "没有").exists()


def test_a_read_only_folder_is_said(db, tmp_path, capsys, monkeypatch):
    def read_only(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    line = one_error_line(capsys, ["track", "--db", str(db), "ics", str(tmp_path / "督办时限.ics")])
    assert "没有写入权限" in line


def test_a_full_disk_while_writing_leaves_no_temp_and_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "督办时限.ics"
    target.write_bytes(b"old")

    def full(self, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", full)
    with pytest.raises(WriteError, match="磁盘已满"):
        atomic_write_bytes(target, b"new")
    monkeypatch.undo()
    assert target.read_bytes() == b"old" and sorted(p.name for p in tmp_path.iterdir()) == ["督办时限.ics"]


def test_outputs_never_replace_anything_but_a_regular_file(db, tmp_path, capsys):
    fifo = tmp_path / "管道.ics"
    os.mkfifo(fifo)
    folder = tmp_path / "台账.docx"
    folder.mkdir()
    for command, target in (("ics", fifo), ("export", folder)):
        line = one_error_line(capsys, ["track", "--db", str(db), command, str(target)])
        assert "不是普通文件" in line
    assert fifo.is_fifo() and folder.is_dir()
    with pytest.raises(WriteError, match="不是普通文件"):
        check_target(fifo)
    link = tmp_path / "链接.ics"
    link.symlink_to(tmp_path / "真文件.ics")  # a dangling link is a new path: the link is replaced
    assert check_target(link) == link


def test_draft_refuses_before_writing_anything(tmp_path, capsys):
    source = tmp_path / "通知.txt"
    source.write_text("关于开展隐患排查的通知\n各单位：\n请于2025年3月31日前报送自查报告。\n示例市卫生健康委员会\n2025年3月1日\n",
                      encoding="utf-8")
    fifo = tmp_path / "方案.json"
    os.mkfifo(fifo)
    line = one_error_line(capsys, ["draft", str(source), "-o", str(tmp_path / "方案.docx"), "--json", str(fifo)])
    assert "不是普通文件" in line
    line = one_error_line(capsys, ["draft", str(source), "-o", str(tmp_path / "方案.docx"),
                                   "--json", str(tmp_path / "没有" / "方案.json")])
    assert "文件夹不存在" in line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["方案.json", "通知.txt"]  # the fifo, the source


class _Vfs:
    def __init__(self, flag: int = 0, free_blocks: int = 10**6):
        self.f_flag, self.f_bavail, self.f_frsize = flag, free_blocks, 4096


@pytest.mark.parametrize("vfs, said", [(_Vfs(free_blocks=0), "磁盘已满"), (_Vfs(flag=os.ST_RDONLY), "只读")])
def test_a_vague_io_error_on_opening_is_made_precise_from_the_disk(db, monkeypatch, vfs, said):
    """SQLite says only ``disk I/O error`` on a full or read-only disk (seen on a full tmpfs and
    a read-only mount); the store asks the disk which it is."""
    def io_error(self, migrations):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(Store, "_migrate", io_error)
    monkeypatch.setattr(os, "statvfs", lambda folder: vfs)
    with pytest.raises(StoreError, match=said) as caught:
        open_store(db)
    assert "未损坏" in str(caught.value)
