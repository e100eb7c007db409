"""The benchmarked stages. Each returns ``(work, pages)``: a no-argument callable timed on its own
after setup, and the page count it handles (for per-page figures), or None for a stage that
cannot run here (a part not installed), with the reason."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable
from pathlib import Path

import inputs

Stage = Callable[[], tuple[Callable[[], object], int | None]]
STAGES: dict[str, tuple[str, Stage]] = {}


def stage(name: str, label: str):
    def register(fn: Stage) -> Stage:
        STAGES[name] = (label, fn)
        return fn
    return register


def _parse(path: Path, pages: int | None):
    from parsing.parser import parse_file

    parse_file(path)  # warm-up: jieba and the dictionaries load once per process
    return lambda: parse_file(path), pages


def _page_count(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return len(pdf.pages)


@stage("parse_txt", "PolicyDesk 解析 .txt（10 页）")
def parse_txt():
    return _parse(inputs.notice_txt(10), 10)


@stage("parse_docx", "PolicyDesk 解析 .docx（10 页）")
def parse_docx():
    return _parse(inputs.notice_docx(10), 10)


@stage("parse_pdf10", "PolicyDesk 解析文字版 PDF（10 页）")
def parse_pdf10():
    path = inputs.notice_pdf(10)
    return _parse(path, _page_count(path))


@stage("parse_pdf100", "PolicyDesk 解析文字版 PDF（100 页）")
def parse_pdf100():
    path = inputs.notice_pdf(100)
    return _parse(path, _page_count(path))


@stage("text_pdf100", "PolicyDesk 读取+清理 PDF（100 页，不解析）")
def text_pdf100():
    from parsing.pipeline import read_text

    path = inputs.notice_pdf(100)
    return (lambda: read_text(path)), _page_count(path)


@stage("raw_pdfplumber100", "原始库：pdfplumber extract_text（100 页）")
def raw_pdfplumber100():
    import pdfplumber

    path = inputs.notice_pdf(100)

    def work():
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.close()

    return work, _page_count(path)


@stage("raw_pdfplumber10", "原始库：pdfplumber extract_text（10 页）")
def raw_pdfplumber10():
    import pdfplumber

    path = inputs.notice_pdf(10)

    def work():
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.close()

    return work, _page_count(path)


@stage("raw_pdfium100", "原始库：pypdfium2 文本提取（100 页）")
def raw_pdfium100():
    import pypdfium2

    path = inputs.notice_pdf(100)

    def work():
        pdf = pypdfium2.PdfDocument(path)
        for page in pdf:
            page.get_textpage().get_text_range()
        pdf.close()

    return work, _page_count(path)


@stage("raw_docx", "原始库：python-docx 读段落（10 页）")
def raw_docx():
    import docx

    path = inputs.notice_docx(10)
    return (lambda: [p.text for p in docx.Document(path).paragraphs]), 10


@stage("ocr_scan10", "PolicyDesk 识别扫描件（10 页 OCR）")
def ocr_scan10():
    path = inputs.scan_pdf(10)
    if path is None:
        return None, "扫描件生成模块不可用"
    from parsing import ocr

    if not ocr.available():
        return None, "OCR 组件不可用"

    def work():
        with tempfile.TemporaryDirectory() as home:
            import os

            os.environ["POLICYDESK_HOME"] = home  # an empty cache: every run really recognises
            return ocr.ocr_pdf_pages(path, list(range(1, 11)))

    return work, 10


def _notice_for_drafting():
    from parsing.parser import parse_file

    return parse_file(inputs.SEEDS / "002_99f2e0c5d8a631cb.txt")


@stage("draft_docx", "起草方案并导出 .docx")
def draft_docx():
    from drafting.plan_builder import build_plan
    from drafting.plan_export import write_plan_docx

    from drafting.profile import sample_profile

    notice = _notice_for_drafting()
    profile = sample_profile()
    out = Path(tempfile.mkdtemp()) / "plan.docx"
    return (lambda: write_plan_docx(build_plan(notice, profile), out)), None


@stage("table_xlsx", "导出任务分工表 .xlsx")
def table_xlsx():
    from drafting.plan_builder import build_plan
    from drafting.plan_export import write_task_table_xlsx

    from drafting.profile import sample_profile

    plan = build_plan(_notice_for_drafting(), sample_profile())
    out = Path(tempfile.mkdtemp()) / "table.xlsx"
    return (lambda: write_task_table_xlsx(plan, out)), None


def _big_store():
    """A store holding 10,000 delegations over 2,000 tasks of 20 plans."""
    import os

    os.environ["POLICYDESK_HOME"] = tempfile.mkdtemp()
    from tracking.bench_data import fill_store

    return fill_store(delegations=10_000)


@stage("track_overdue", "督办：10000 条交办中查逾期")
def track_overdue():
    from tracking.queries import overdue

    store = _big_store()
    today = dt.date(2026, 6, 1)
    return (lambda: overdue(store, today=today)), None


@stage("track_ledger", "督办：导出 10000 条台账 .xlsx")
def track_ledger():
    from tracking.ledger import export_ledger_xlsx

    store = _big_store()
    out = Path(tempfile.mkdtemp()) / "ledger.xlsx"
    return (lambda: export_ledger_xlsx(store, out)), None


@stage("app_start", "桌面程序启动到首次绘制（offscreen）")
def app_start():
    import os
    import subprocess
    import sys

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", POLICYDESK_HOME=tempfile.mkdtemp())
    code = "from desktop.app import measure_first_paint; print(measure_first_paint())"

    def work():
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
        return float(out.stdout.strip().splitlines()[-1])

    return work, None
