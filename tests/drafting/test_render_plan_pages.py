"""Drafted plans on paper (LibreOffice → PDF): the cover 通知 starts under the 版头 on page 1, the
版记 ends the last page, the page count is even, and the 任务分工表 repeats its header on every page."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import docx
import pdfplumber
import pytest
from corpus import FIXTURES, seed
from docx.oxml.ns import qn

from drafting.gbt9704.page_flow import limit_keep_chains
from drafting.gbt9704.pagination import chains, measure
from drafting.gbt9704.profiles import resolve_profile
from drafting.plan_builder import build_plan, load_notice
from drafting.plan_export import write_plan_docx
from drafting.profile import load_sample_profile

MM = 72 / 25.4
SOURCES = [FIXTURES / "superior" / f"{name}.txt" for name in (
    "city_urgent_fire_safety", "province_plan_infection_control", "adapt_national_safety_three_year_plan",
    "festival_city_holiday_safety")] + [seed("000"), seed("002")]


def _pdftotext(pdf: Path, first: int, last: int) -> str:
    out = subprocess.run(["pdftotext", "-f", str(first), "-l", str(last), str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s", "", out)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """(plan, .docx, .pdf) for each source, converted by LibreOffice in one run."""
    office = shutil.which("libreoffice") or shutil.which("soffice")
    assert office, "LibreOffice is required (make test installs libreoffice-writer)"
    tmp = tmp_path_factory.mktemp("plans")
    items = []
    for source in SOURCES:
        plan = build_plan(load_notice(source), load_sample_profile())
        items.append((plan, write_plan_docx(plan, tmp / f"{source.stem[:24]}.docx")))
    subprocess.run([office, f"-env:UserInstallation={(tmp / 'lo').as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp), *(str(d) for _, d in items)], check=True, capture_output=True,
                   timeout=400, env={"HOME": str(tmp), "PATH": "/usr/bin:/bin:/usr/local/bin"})
    return [(plan, path, path.with_suffix(".pdf")) for plan, path in items]


pytestmark = pytest.mark.slow


def test_cover_title_and_text_start_under_the_letterhead_on_page_one(rendered):
    for plan, _, pdf in rendered:
        first = _pdftotext(pdf, 1, 1)
        assert plan.issuer in first
        assert re.sub(r"\s", "", plan.cover_title) in first, pdf.name
        assert plan.recipients[0] in first, pdf.name
        assert re.sub(r"\s", "", plan.cover_body[0])[:20] in first, pdf.name  # and the text begins there


def test_colophon_ends_an_even_last_page(rendered):
    for _, _, pdf in rendered:
        with pdfplumber.open(pdf) as document:
            pages = len(document.pages)
            assert pages % 2 == 0, f"{pdf.name}: {pages} pages"
            last = document.pages[-1]
            text = re.sub(r"\s", "", last.extract_text() or "")
            assert text.endswith("印发") or re.search(r"印发—\d+—$", text), pdf.name
            rules = sorted((r for r in last.rects + last.lines if abs(r["top"] - r["bottom"]) < 3),
                           key=lambda r: r["top"])
            bottom = last.height - (35 * MM if last.height > last.width else 26 * MM)
            assert rules and abs(rules[-1]["top"] - bottom) < 1.5 * MM, pdf.name  # on the foot of the 版心
            # every page before the last carries text, except one blank page before a 版记 page
            blank = [i for i, page in enumerate(document.pages[:-1], 1) if not (page.extract_text() or "").strip()]
            assert blank in ([], [pages - 1]), (pdf.name, blank)


def test_colophon_shares_the_last_page_where_it_fits(rendered):
    shared = 0
    for _, _, pdf in rendered:
        with pdfplumber.open(pdf) as document:
            text = re.sub(r"\s", "", document.pages[-1].extract_text() or "")
            shared += "序号" in text or len(text) > 80  # table rows or text above the 版记
    assert shared >= 2


def test_task_table_repeats_its_header_and_long_rows_may_break(rendered):
    for _, path, pdf in rendered:
        document = docx.Document(str(path))
        table = next(t for t in document.tables if t.rows[0].cells[0].text == "序号")
        header = table.rows[0]._tr.trPr
        assert header.find(qn("w:tblHeader")) is not None and header.find(qn("w:cantSplit")) is not None
        for row in table.rows[1:]:
            assert row._tr.trPr is None or row._tr.trPr.find(qn("w:cantSplit")) is None
        with pdfplumber.open(pdf) as rendered_pdf:
            landscape = [p for p in rendered_pdf.pages if p.width > p.height]
            for page in landscape:
                words = re.sub(r"\s", "", page.extract_text() or "")
                if words.strip("—0123456789") and not words.startswith("附件"):
                    assert words.startswith("序号重点任务具体措施"), (pdf.name, words[:30])


def test_no_keep_with_next_chain_is_longer_than_its_page():
    plan = build_plan(load_notice(seed("000")), load_sample_profile())
    from drafting.gbt9704.writer import build_document
    from drafting.plan_export import plan_to_document

    profile = resolve_profile(None)
    document = build_document(plan_to_document(plan), profile)
    assert limit_keep_chains(document, profile) == 0  # the writer has cut them already
    blocks = measure(document, profile.body_size_pt, profile.pitch_pt)
    for run in chains(blocks):
        need = sum(blocks[i].height for i in run[:-1])
        assert need <= blocks[run[0]].frame.height
