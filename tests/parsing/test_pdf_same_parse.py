"""The pdfium reader gives the parse the pdfplumber reader gave: the same page texts, clean text and
notice/1 JSON on every kind of PDF the tests make (LibreOffice prints of the seeds and notice
fixtures, drafted plans with a red 版头 and ruled 任务分工表, a GB/T 9704 notice, hand-written
PDFs), and on small PDFs written here to hold what the two libraries see differently: runs of
spaces, whitespace-only text objects, rotated watermarks, ruled boxes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pdf_identity_corpus import build

from parsing.cleaning import clean
from parsing.loaders.pdf import load_pdf
from parsing.model import Source
from parsing.parser import parse_clean


def _parse(path: Path, reader: str):
    raw = load_pdf(path, ocr=False, reader=reader)
    text = clean(raw)
    notice = parse_clean(text, Source(file=path.name, format="pdf", pages=raw.page_count, ocr=raw.ocr))
    return raw, text.text, json.dumps(notice.to_json(), ensure_ascii=False, sort_keys=True)


def _pages(raw) -> list[tuple[str, bool]]:
    return [(page.text, page.needs_ocr) for page in raw.pages]


def assert_same_parse(path: Path) -> None:
    before, after = _parse(path, "pdfplumber"), _parse(path, "pdfium")
    assert _pages(after[0]) == _pages(before[0]), path.name
    assert after[0].warnings == before[0].warnings, path.name
    assert after[1] == before[1], path.name
    assert after[2] == before[2], path.name


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Path]:
    return build(tmp_path_factory.mktemp("pdf-corpus"))


@pytest.mark.slow
def test_every_printed_pdf_parses_the_same_through_pdfium(corpus):
    assert len(corpus) >= 18
    for path in corpus:
        assert_same_parse(path)


@pytest.mark.slow
def test_the_task_table_pages_are_read_by_pdfplumber_as_rows(corpus):
    plans = [path for path in corpus if path.name.startswith("plan_")]
    rows = [line for path in plans for page in load_pdf(path, ocr=False).pages for line in page.text.splitlines()
            if "\t" in line]
    assert any(line.startswith("序号\t") for line in rows)


def _write_pdf(streams: list[str], path: Path, fonts: str = "/F1 << /Type /Font /Subtype /Type1 "
               "/BaseFont /Helvetica >>") -> Path:
    """A PDF with one content stream a page (Latin text in Helvetica)."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>",
               "<< /Type /Pages /Kids [" + " ".join(f"{3 + 2 * i} 0 R" for i in range(len(streams)))
               + f"] /Count {len(streams)} >>"]
    for i, stream in enumerate(streams):
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << {fonts} >> >> "
                       f"/Contents {4 + 2 * i} 0 R >>")
        objects.append(f"<< /Length {len(stream.encode())} >>\nstream\n{stream}\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))
    return path


def _line(x: float, y: float, text: str, size: int = 12) -> str:
    return f"BT /F1 {size} Tf {x} {y} Td ({text}) Tj ET"


def test_runs_of_spaces_and_whitespace_objects_read_as_pdfplumber_reads_them(tmp_path):
    page = "\n".join([
        _line(72, 760, "Contact  Liu Yang   0311 6616"),  # runs of spaces inside one text object
        _line(72, 740, "Report to") + " " + _line(121.4, 740, " ") + " " + _line(124.8, 740, "the office"),
        _line(72, 720, "Form:        ") + " " + _line(200, 720, "Date"),  # spaces up to the next object
        _line(72, 700, "A line that runs on well past the middle of the page and to the margin"),
        _line(72, 686, "continues here."),
    ])
    path = _write_pdf([page], tmp_path / "spaces.pdf")
    assert_same_parse(path)
    text = load_pdf(path, ocr=False).pages[0].text
    assert "Contact  Liu Yang   0311 6616" in text
    assert "Report to the office" in text


def test_a_rotated_watermark_page_is_left_to_pdfplumber(tmp_path):
    watermark = "BT /F1 48 Tf 0.7071 0.7071 -0.7071 0.7071 150 300 Tm (DRAFT COPY) Tj ET"
    path = _write_pdf(["\n".join([_line(72, 760, "Notice of the county office"), watermark,
                                  _line(72, 740, "All units shall report by 10 June.")])], tmp_path / "mark.pdf")
    assert_same_parse(path)
    assert "DRAFT" not in load_pdf(path, ocr=False).pages[0].text  # rotated text is not upright: dropped


def test_a_ruled_box_is_read_as_a_table_row(tmp_path):
    box = "0.5 w 70 600 200 30 re S 170 600 m 170 630 l S"
    path = _write_pdf(["\n".join([_line(72, 760, "Table of duties"), box, _line(75, 610, "Office"),
                                  _line(175, 610, "Report")])], tmp_path / "box.pdf")
    assert_same_parse(path)
    assert "Office\tReport" in load_pdf(path, ocr=False).pages[0].text


def test_many_pages_and_a_page_without_text_mixed(tmp_path):
    streams = [_line(72, 760, f"Page {i} of the annex") for i in range(1, 30)] + [""]
    path = _write_pdf([*streams, _line(72, 760, "Last page")], tmp_path / "mixed.pdf")
    assert_same_parse(path)
    document = load_pdf(path, ocr=False)
    assert [page.text for page in document.pages][:2] == ["Page 1 of the annex", "Page 2 of the annex"]
    assert document.pages[29].text == "" and not document.pages[29].needs_ocr


@pytest.mark.parametrize("reader", ["pdfium", "pdfplumber"])
def test_the_page_limit_is_named_in_chinese_by_both_readers(tmp_path, monkeypatch, reader):
    from parsing.errors import LoadError
    from parsing.loaders import limits

    path = _write_pdf([_line(72, 760, f"Page {i}") for i in range(1, 6)], tmp_path / "five.pdf")
    monkeypatch.setattr(limits, "MAX_PDF_PAGES", 3)
    with pytest.raises(LoadError, match="PDF 共 5 页，超过可处理的上限 3 页"):
        load_pdf(path, ocr=False, reader=reader)
