"""Atomic writes: a failed write leaves the previous file intact and no temp file behind."""

from __future__ import annotations

import datetime
import os

import docx
import openpyxl
import pytest

from drafting.atomic import atomic_write_path
from drafting.gbt9704 import OfficialDocument, Paragraph, write_docx
from drafting.gbt9704.writer import DocxWriteError
from drafting.xlsx_table import XlsxWriteError, write_table_xlsx


def test_success_replaces_the_target_and_leaves_no_temp(tmp_path):
    target = tmp_path / "a.txt"
    target.write_text("old", encoding="utf-8")
    with atomic_write_path(target) as tmp:
        assert tmp.parent == tmp_path and tmp != target
        tmp.write_text("new", encoding="utf-8")
        assert target.read_text(encoding="utf-8") == "old"  # untouched until the end
    assert target.read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]
    assert (target.stat().st_mode & 0o777) != 0o600 or os.name == "nt"


def test_failure_keeps_the_previous_file_and_removes_the_temp(tmp_path):
    target = tmp_path / "a.txt"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_write_path(target) as tmp:
        tmp.write_text("half", encoding="utf-8")
        raise RuntimeError("disk full")
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def _doc(text: str) -> OfficialDocument:
    return OfficialDocument(title="关于测试的通知", body=[Paragraph(text)], signature=["清河县卫生健康局"],
                            date=datetime.date(2024, 3, 7))


def test_a_failed_docx_write_leaves_the_previous_document_intact(tmp_path, monkeypatch):
    target = tmp_path / "通知.docx"
    write_docx(_doc("第一版正文。"), target)
    before = target.read_bytes()

    def broken_save(self, path):
        with open(path, "wb") as handle:
            handle.write(b"PK\x03\x04 half a zip")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(docx.document.Document, "save", broken_save)
    with pytest.raises(DocxWriteError, match="无法写入"):
        write_docx(_doc("第二版正文。"), target)
    assert target.read_bytes() == before
    assert "第一版正文。" in [p.text for p in docx.Document(str(target)).paragraphs]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["通知.docx"]


def test_a_failed_xlsx_write_leaves_the_previous_workbook_intact(tmp_path, monkeypatch):
    target = tmp_path / "台账.xlsx"
    write_table_xlsx("台账", ["任务", "时限"], [["甲", datetime.date(2024, 3, 7)]], target)
    before = target.read_bytes()

    def broken_save(self, filename):
        with open(filename, "wb") as handle:
            handle.write(b"PK half")
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(openpyxl.Workbook, "save", broken_save)
    with pytest.raises(XlsxWriteError):
        write_table_xlsx("台账", ["任务", "时限"], [["乙", None]], target)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["台账.xlsx"]


def test_missing_folder_is_a_readable_error(tmp_path):
    with pytest.raises(DocxWriteError, match="保存位置不存在"):
        write_docx(_doc("正文。"), tmp_path / "没有" / "a.docx")
