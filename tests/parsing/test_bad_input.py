"""Bad input gets a clear one-line error within seconds, never a traceback, hang or unbounded read."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from builders import encrypt_pdf_with_libreoffice, write_numbered_docx, write_plain_pdf

from parsing.errors import LoadError
from parsing.loaders import load_document

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name", ["empty.txt", "empty.pdf", "empty.docx", "empty.ofd"])
def test_empty_files(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"")
    with pytest.raises(LoadError, match="空"):
        load_document(path)


@pytest.mark.parametrize("name", ["random.pdf", "random.docx", "random.txt", "random.ofd"])
def test_random_bytes(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(os.urandom(64 * 1024))
    with pytest.raises(LoadError) as info:
        load_document(path)
    assert path.name in str(info.value)


def test_truncated_docx(tmp_path):
    good = write_numbered_docx(["一、总体要求", "各单位要认真落实。"] * 50, tmp_path / "good.docx")
    data = good.read_bytes()
    bad = tmp_path / "truncated.docx"
    bad.write_bytes(data[: len(data) // 2])
    with pytest.raises(LoadError, match=r"损坏|不是有效"):
        load_document(bad)


def test_docx_zip_bomb_is_refused_before_inflating(tmp_path):
    bomb = tmp_path / "bomb.docx"
    chunk = b"\0" * (1024 * 1024)
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            for _ in range(120):  # 120 MB of zeros: a ~120 KB file
                member.write(chunk)
    assert bomb.stat().st_size < 1024 * 1024
    with pytest.raises(LoadError, match="压缩炸弹"):
        load_document(bomb)


def test_password_protected_pdf(tmp_path):
    docx_path = write_numbered_docx(["一、总体要求", "各单位要认真落实。"], tmp_path / "secret.docx")
    encrypted = encrypt_pdf_with_libreoffice(docx_path, tmp_path)
    with pytest.raises(LoadError, match="加密"):
        load_document(encrypted)


def test_five_hundred_page_pdf_reports_progress_and_reads_every_page(tmp_path):
    path = write_plain_pdf([f"Page {i} of a long annex" for i in range(1, 501)], tmp_path / "long.pdf")
    reports: list[float] = []
    document = load_document(path, progress=lambda f, s="": reports.append(f))
    assert document.page_count == 500 and len(document.pages) == 500
    assert document.pages[499].text == "Page 500 of a long annex"
    assert len(reports) >= 500 and reports == sorted(reports)


def test_text_in_an_unknown_encoding(tmp_path):
    path = tmp_path / "unknown.txt"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(LoadError, match="编码"):
        load_document(path)


def test_unsupported_type_and_missing_file(tmp_path):
    path = tmp_path / "notes.xyz"
    path.write_text("一、总体要求", encoding="utf-8")
    with pytest.raises(LoadError, match="不支持"):
        load_document(path)
    with pytest.raises(LoadError, match="不存在"):
        load_document(tmp_path / "missing.docx")
    with pytest.raises(LoadError, match="文件夹"):
        load_document(tmp_path)


def test_image_only_pdf_page_is_marked_for_ocr(tmp_path):
    from PIL import Image

    image = tmp_path / "scan.png"
    Image.new("RGB", (200, 100), "white").save(image)
    pdf = tmp_path / "scan.pdf"
    Image.open(image).save(pdf)
    document = load_document(pdf, ocr=False)
    assert document.pages[0].needs_ocr
    assert any("OCR" in warning for warning in document.warnings)


def test_cli_prints_one_line_and_exits_non_zero(tmp_path):
    path = tmp_path / "random.docx"
    path.write_bytes(os.urandom(4096))
    result = subprocess.run([sys.executable, "-m", "desktop", "text", str(path)], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert result.stderr.strip().count("\n") == 0
    assert "random.docx" in result.stderr and "Traceback" not in result.stderr
