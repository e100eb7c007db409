"""Loaders on real documents: the seeds in every encoding, and .docx/.pdf/.ofd/.doc made from them."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from builders import convert_with_libreoffice, write_numbered_docx, write_ofd
from corpus import seed, seed_paths

from parsing.loaders import load_document
from parsing.progress import Cancelled


def _lines(text: str) -> list[str]:
    return [re.sub(r"\s+", "", line) for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16", "utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("seed_path", seed_paths(), ids=lambda p: p.name[:3])
def test_text_files_read_the_same_in_every_encoding(tmp_path, seed_path, encoding):
    text = seed_path.read_text(encoding="utf-8")
    if encoding == "gbk":  # GBK lacks a few characters a real GBK file could not hold either
        text = text.encode("gbk", errors="ignore").decode("gbk")
    path = tmp_path / "notice.txt"
    path.write_bytes(text.encode(encoding))
    document = load_document(path)
    assert document.format == "txt"
    assert document.pages[0].text == text.replace("\r\n", "\n")
    detected = {"gbk": "gb18030"}.get(encoding, encoding)  # GB18030 is the superset that reads both
    assert document.encoding == detected


def test_windows_line_endings_become_newlines(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes("一、总体要求\r\n各单位要落实。\r\n".encode("gbk"))
    assert load_document(path).pages[0].text == "一、总体要求\n各单位要落实。\n"


@pytest.fixture(scope="module")
def numbered_docx(tmp_path_factory) -> tuple[Path, list[str]]:
    """Seed 001 (one paragraph a line) as a .docx whose heading numbers are automatic numbering."""
    paragraphs = [line.strip() for line in seed("001").read_text(encoding="utf-8").splitlines() if line.strip()]
    path = tmp_path_factory.mktemp("docx") / "001.docx"
    return write_numbered_docx(paragraphs, path), paragraphs


def test_docx_numbering_is_rendered_as_word_shows_it(numbered_docx):
    path, paragraphs = numbered_docx
    with zipfile.ZipFile(path) as archive:
        body_xml = archive.read("word/document.xml").decode("utf-8")
    # The numbers really live in numbering.xml, not in the text …
    assert ">一、" not in body_xml and ">（一）" not in body_xml and "numPr" in body_xml
    # … and the loader puts them back, glitch (a literal "3、") included.
    document = load_document(path)
    assert _lines(document.pages[0].text) == [re.sub(r"\s+", "", p) for p in paragraphs]
    assert document.pages[0].lines_are_paragraphs


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx_with_body(tmp_path: Path, body_xml: str, header: str = "页眉文字") -> Path:
    base = docx.Document()
    base.sections[0].header.paragraphs[0].text = header
    base.sections[0].footer.paragraphs[0].text = "— 1 —"
    path = tmp_path / "crafted.docx"
    base.save(path)
    with zipfile.ZipFile(path) as src:
        parts = {name: src.read(name) for name in src.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    start = xml.index("<w:body>") + len("<w:body>")
    parts["word/document.xml"] = (xml[:start] + body_xml + xml[start:]).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in parts.items():
            dst.writestr(name, data)
    return path


def test_docx_tracked_changes_fields_bookmarks_tables_and_headers(tmp_path):
    body = (
        '<w:p><w:bookmarkStart w:id="0" w:name="_GoBack"/><w:r><w:t>各单位要于</w:t></w:r>'
        '<w:del w:id="1" w:author="a"><w:r><w:delText>5月</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="a"><w:r><w:t>6月</w:t></w:r></w:ins>'
        '<w:r><w:t>17日前报送。</w:t></w:r><w:bookmarkEnd w:id="0"/></w:p>'
        '<w:p><w:r><w:t>共</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText> NUMPAGES </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>页</w:t></w:r></w:p>'
        '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>序号</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>牵头单位</w:t></w:r></w:p></w:tc></w:tr>'
        '<w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>'
        '<w:p><w:r><w:t>医政</w:t></w:r></w:p><w:p><w:r><w:t>股</w:t></w:r></w:p></w:tc></w:tr>'
        '<w:tr><w:tc><w:p><w:r><w:t>2</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>'
        '<w:p><w:r><w:t>表后正文。</w:t></w:r></w:p>'
    )
    document = load_document(_docx_with_body(tmp_path, body))
    text = document.pages[0].text
    assert text.splitlines() == ["各单位要于6月17日前报送。", "共3页", "序号\t牵头单位", "1\t医政股", "2\t医政股", "表后正文。"]
    assert "页眉" not in text and "— 1 —" not in text and "NUMPAGES" not in text


@pytest.fixture(scope="module")
def printed_pdf(numbered_docx, tmp_path_factory) -> Path:
    return convert_with_libreoffice(numbered_docx[0], "pdf", tmp_path_factory.mktemp("pdf"))


def test_pdf_printed_from_docx_reads_page_by_page_with_numbers(printed_pdf, numbered_docx):
    progress: list[float] = []
    document = load_document(printed_pdf, progress=lambda f, s="": progress.append(f))
    assert document.format == "pdf" and document.page_count == len(document.pages) >= 3
    assert progress == sorted(progress) and progress[-1] == 1.0
    text = "\n".join(page.text for page in document.pages)
    squeezed = re.sub(r"\s+", "", text)
    for heading in ("一、指导思想", "二、工作目标", "3、主要任务", "（一）切实压实安全生产工作责任", "四、时间安排"):
        assert heading in squeezed
    # Every paragraph's words are there, in order (line wraps and spacing aside).
    assert squeezed.index("指导思想") < squeezed.index("工作目标") < squeezed.index("保障措施")


def test_ofd_text_in_reading_order(tmp_path):
    lines = [line.strip() for line in seed("002").read_text(encoding="utf-8").splitlines() if line.strip()][:12]
    path = write_ofd([lines[:6], lines[6:]], tmp_path / "notice.ofd")
    document = load_document(path)
    assert document.format == "ofd" and document.page_count == 2
    assert _lines("\n".join(p.text for p in document.pages)) == [re.sub(r"\s+", "", line) for line in lines]


def test_doc_is_converted_through_libreoffice(numbered_docx, tmp_path):
    doc = convert_with_libreoffice(numbered_docx[0], "doc", tmp_path)
    document = load_document(doc)
    assert document.format == "doc"
    assert "有效建立安全生产监管督查工作机制" in document.pages[0].text


def test_doc_without_libreoffice_says_how_to_convert(tmp_path, monkeypatch):
    from parsing.errors import LoadError

    doc = tmp_path / "old.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(LoadError, match=r"另存为 \.docx"):
        load_document(doc)


def test_cancel_stops_a_long_pdf(tmp_path):
    from builders import write_plain_pdf

    path = write_plain_pdf([f"Page {i}" for i in range(1, 101)], tmp_path / "long.pdf")
    seen: list[float] = []

    def progress(fraction: float, status: str = "") -> None:
        seen.append(fraction)

    with pytest.raises(Cancelled):
        load_document(path, progress=progress, cancelled=lambda: len(seen) > 10)
    assert len(seen) <= 12


def test_fake_bold_overprint_is_read_once():
    from parsing.loaders.pdf import _unique_chars, text_lines

    def char(text: str, x0: float) -> dict:
        return {"text": text, "x0": x0, "x1": x0 + 16, "top": 100.0, "bottom": 116.0, "size": 16}

    # A "bold" heading printed twice, the second copy shifted by a fraction of a point.
    chars = [char(t, 80 + 16 * i) for i, t in enumerate("一、总体要求")]
    chars += [char(t, 80.3 + 16 * i) for i, t in enumerate("一、总体要求")]
    assert [line.text for line in text_lines(_unique_chars(chars))] == ["一、总体要求"]
