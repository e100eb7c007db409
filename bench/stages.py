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


@stage("parse_pdf500", "PolicyDesk 解析文字版 PDF（500 页）")
def parse_pdf500():
    path = inputs.notice_pdf(500)
    return _parse(path, _page_count(path))


def _load_pdf(pages: int, reader: str):
    from parsing.loaders.pdf import load_pdf

    path = inputs.notice_pdf(pages)
    load_pdf(path, reader=reader)
    return (lambda: load_pdf(path, reader=reader)), _page_count(path)


@stage("load_pdf100", "PolicyDesk 读取 PDF 页面（100 页，pdfium）")
def load_pdf100():
    return _load_pdf(100, "pdfium")


@stage("load_pdf100_pdfplumber", "改前：按 pdfplumber 读取 PDF 页面（100 页）")
def load_pdf100_pdfplumber():
    return _load_pdf(100, "pdfplumber")


@stage("text_pdf100", "PolicyDesk 读取+清理 PDF（100 页，不解析）")
def text_pdf100():
    from parsing.pipeline import read_text

    path = inputs.notice_pdf(100)
    return (lambda: read_text(path)), _page_count(path)


def _pdfplumber_extract(pages: int):
    import pdfplumber

    path = inputs.notice_pdf(pages)

    def work():
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.close()

    return work, _page_count(path)


@stage("raw_pdfplumber100", "原始库：pdfplumber extract_text（100 页）")
def raw_pdfplumber100():
    return _pdfplumber_extract(100)


@stage("raw_pdfplumber10", "原始库：pdfplumber extract_text（10 页）")
def raw_pdfplumber10():
    return _pdfplumber_extract(10)


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


@stage("draft_cli", "命令 policydesk draft（notice/1 JSON → 方案 .docx，含解释器启动）")
def draft_cli():
    import json
    import os
    import subprocess
    import sys

    from parsing.parser import parse_file

    folder = Path(tempfile.mkdtemp())
    notice = folder / "notice.json"
    notice.write_text(json.dumps(parse_file(inputs.SEEDS / "002_99f2e0c5d8a631cb.txt").to_json(), ensure_ascii=False),
                      encoding="utf-8")
    env = dict(os.environ, POLICYDESK_HOME=str(folder))
    command = [sys.executable, "-c", "import sys; from desktop.cli import main; sys.exit(main())", "draft",
               str(notice), "-o", str(folder / "plan.docx")]

    def work():
        subprocess.run(command, env=env, capture_output=True, check=True, timeout=120)

    return work, None


@stage("python_pass", "python -c pass（解释器启动，对照）")
def python_pass():
    import subprocess
    import sys

    return (lambda: subprocess.run([sys.executable, "-c", "pass"], check=True)), None


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
    from drafting.profile import load_sample_profile

    notice = _notice_for_drafting()
    profile = load_sample_profile()
    out = Path(tempfile.mkdtemp()) / "plan.docx"
    return (lambda: write_plan_docx(build_plan(notice, profile), out)), None


@stage("table_xlsx", "导出任务分工表 .xlsx")
def table_xlsx():
    from drafting.plan_builder import build_plan
    from drafting.plan_export import write_task_table_xlsx
    from drafting.profile import load_sample_profile

    plan = build_plan(_notice_for_drafting(), load_sample_profile())
    out = Path(tempfile.mkdtemp()) / "table.xlsx"
    return (lambda: write_task_table_xlsx(plan, out)), None


def _big_store(delegations: int = 10_000):
    """A store holding ``delegations`` delegations: a plan of tasks with one lead and one support unit."""
    import os

    os.environ["POLICYDESK_HOME"] = tempfile.mkdtemp()
    from drafting.plan import CountyPlan, PlanDeadline, PlanTask
    from tracking.delegations import import_plan
    from tracking.store import open_store

    start = dt.date(2026, 1, 5)
    tasks = [PlanTask(id=f"T{i}", number=str(i), category=f"重点任务{i}", measures=f"第{i}项具体措施。",
                      lead=[f"第{i % 40}股"], support=[f"第{i % 25}卫生院"],
                      deadlines=[PlanDeadline(kind="due", date=(start + dt.timedelta(days=i % 300)).isoformat(),
                                              text="前")])
             for i in range(1, delegations // 2 + 1)]
    plan = CountyPlan(title="基准测试实施方案", cover_title="关于印发《基准测试实施方案》的通知",
                      issuer="示例县卫生健康局", issue_date="2026-01-05", tasks=tasks)
    store = open_store()
    plan_id = import_plan(store, plan, profile=_bench_profile())
    return store, plan_id


def _bench_profile():
    """The sample profile with the benchmark's 40 股 and 25 卫生院 (only profile units are delegated)."""
    from drafting.profile import Department, load_sample_profile

    profile = load_sample_profile()
    profile.departments += [Department(name=f"第{i}股") for i in range(40)]
    profile.departments += [Department(name=f"第{i}卫生院") for i in range(25)]
    return profile


def _duty_store(plans: int = 10_000):
    """``plans`` plans of one monthly duty each (10 reports): 10,000 recurring delegations, 100k occurrences."""
    import os

    os.environ["POLICYDESK_HOME"] = tempfile.mkdtemp()
    from drafting.plan import CountyPlan, PlanDeadline, PlanTask
    from tracking.delegations import import_plan
    from tracking.store import open_store

    profile = _bench_profile()
    store = open_store()
    for p in range(plans):
        task = PlanTask(id="T1", number="1", category="月度报送", measures="每月5日前报送进展。", lead=[f"第{p % 40}股"],
                        deadlines=[PlanDeadline(kind="recurring", recurrence="monthly", text="每月5日前")])
        import_plan(store, CountyPlan(title=f"基准方案{p}", cover_title="", issuer="示例县卫生健康局",
                                      issue_date="2026-01-01", tasks=[task]),
                    until=dt.date(2026, 10, 31), profile=profile)
    return store


@stage("track_duties_overdue", "督办：10000 项周期性任务（10万次报送）中查逾期")
def track_duties_overdue():
    from tracking.queries import list_delegations

    store = _duty_store()
    today = dt.date(2026, 6, 10)
    return (lambda: list_delegations(store, today=today, overdue=True)), None


@stage("track_overdue", "督办：10000 条交办中查逾期")
def track_overdue():
    from tracking.queries import list_delegations

    store, _ = _big_store()
    today = dt.date(2026, 6, 1)
    return (lambda: list_delegations(store, today=today, overdue=True)), None


@stage("track_ledger", "督办：导出 10000 条台账 .xlsx")
def track_ledger():
    from tracking.ledger import write_ledger

    store, plan_id = _big_store()
    out = Path(tempfile.mkdtemp()) / "ledger.xlsx"
    today = dt.date(2026, 6, 1)
    return (lambda: write_ledger(store, out, plan_id=plan_id, today=today)), None


@stage("app_start", "桌面程序启动到首次绘制（offscreen，含解释器启动）")
def app_start():
    import os
    import subprocess
    import sys

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", POLICYDESK_HOME=tempfile.mkdtemp())
    script = Path(__file__).resolve().parent / "first_paint.py"

    def work():
        subprocess.run([sys.executable, str(script)], env=env, capture_output=True, check=True, timeout=60)

    return work, None
