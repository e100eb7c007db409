"""The long jobs of the app as plain functions ``fn(progress, cancelled, *args)``.

No Qt here: :class:`desktop.worker.JobRunner` runs them off the UI thread, tests call them with
plain callbacks. Each job adapts one core call and turns a missing core piece into a clear
Chinese :class:`~desktop.core_bridge.FeatureMissing`.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from desktop.cases import CaseStore
from desktop.core_bridge import core
from parsing.document import CleanText
from parsing.errors import LoadError, PolicyDeskError
from parsing.locations import user_data_dir
from parsing.model import Notice, Source
from parsing.progress import CancelCheck, ProgressCallback, check_cancelled, wrap_callback

NOTICE_SUFFIXES = (".txt", ".docx", ".pdf", ".ofd", ".doc", ".wps", ".png", ".jpg", ".jpeg", ".tif",
                   ".tiff", ".bmp", ".json")


@dataclass
class OpenedNotice:
    """A received notice as the app holds it: the parse, its clean text, where it came from."""

    path: Path
    notice: Notice
    clean: CleanText | None = None
    digest: str = ""
    corrected: bool = False  # loaded from the user's saved corrections
    warnings: list[str] = field(default_factory=list)
    case: object | None = None  # the saved case it was restored from (read off the UI thread)

    @property
    def text(self) -> str:
        return self.clean.text if self.clean is not None else self.notice.text

    @property
    def low_confidence(self) -> list[tuple[int, int]]:
        return list(self.clean.low_confidence) if self.clean is not None else []

    def page_of(self, start: int) -> int | None:
        if self.clean is None or not self.clean.text:
            return None
        return self.clean.page_of_span(start, start + 1)


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def corrections_dir() -> Path:
    path = user_data_dir() / "notices"
    path.mkdir(parents=True, exist_ok=True)
    return path


def corrected_path(digest: str) -> Path:
    """Where the user's corrected parse of the source with this hash is saved."""
    return corrections_dir() / f"{digest[:24]}.notice.json"


def save_corrected(opened: OpenedNotice) -> Path:
    """Save the (corrected) notice with its text, atomically; returns the file."""
    target = corrected_path(opened.digest or hashlib.sha256(opened.path.name.encode()).hexdigest())
    data = opened.notice.to_json(include_text=True)
    data["source_path"] = str(opened.path)
    from drafting.atomic import atomic_write_text

    return atomic_write_text(target, json.dumps(data, ensure_ascii=False, indent=2))


def _load_json_notice(path: Path) -> Notice:
    try:
        with open(path, encoding="utf-8") as handle:
            return Notice.from_json(json.load(handle))
    except (ValueError, KeyError, TypeError) as exc:
        raise LoadError(path, f"不是有效的解析结果文件（notice/1）：{exc}") from exc


def open_notice(progress: ProgressCallback, cancelled: CancelCheck, path: Path) -> OpenedNotice:
    """Load and parse one received file (or open a saved ``notice/1`` JSON)."""
    path = Path(path)
    if not path.is_file():
        raise LoadError(path, "文件不存在或不是普通文件。")
    progress(0.02, f"正在读取 {path.name}…")
    if path.suffix.lower() == ".json":
        notice = _load_json_notice(path)
        progress(1.0, "已打开解析结果")
        return OpenedNotice(path=path, notice=notice, digest=file_digest(path))
    digest = file_digest(path)
    pipeline = core("parsing.pipeline", "读取公文", "read_text")
    raw, clean = pipeline.read_text(path, wrap_callback(progress, 0.05, 0.75), cancelled)
    check_cancelled(cancelled)
    case = CaseStore().load(digest)
    if case is not None and case.corrected and case.notice is not None and case.notice.text == clean.text:
        progress(1.0, "已载入您上次校对的结果")
        return OpenedNotice(path, case.notice, clean, digest, corrected=True,
                            warnings=list(raw.warnings) + list(clean.warnings))
    saved = corrected_path(digest)  # corrections saved before cases existed
    if saved.is_file():
        notice = _load_json_notice(saved)
        if notice.text == clean.text:
            progress(1.0, "已载入您上次校对的结果")
            return OpenedNotice(path, notice, clean, digest, corrected=True,
                                warnings=list(raw.warnings) + list(clean.warnings))
    parser = core("parsing.parser", "解析公文", "parse_clean")
    progress(0.8, "正在解析结构、任务和时限…")
    source = Source(file=path.name, format=raw.format, pages=raw.page_count, ocr=raw.ocr)
    notice = parser.parse_clean(clean, source)
    if not notice.text:
        notice.text = clean.text
    progress(1.0, "解析完成")
    return OpenedNotice(path, notice, clean, digest, warnings=list(raw.warnings) + list(clean.warnings))


# --- drafting --------------------------------------------------------------------------------

def draft_plan(progress: ProgressCallback, cancelled: CancelCheck, notice: Notice, profile,
               kind: str = "实施方案", today=None):
    """Build the county plan (实施方案, 工作方案 or 转发通知) from a superior notice and the profile;
    ``today`` is its 成文日期 (the county's deadlines are counted back from the superior's ones)."""
    builder = core("drafting.plan_builder", "起草实施方案", "build_plan")
    progress(0.1, f"正在起草{kind}…")
    check_cancelled(cancelled)
    plan = builder.build_plan(notice, profile, today=today, kind=kind)
    progress(1.0, "起草完成")
    return plan


def export_plan_docx(progress: ProgressCallback, cancelled: CancelCheck, plan, path: Path,
                     layout: str | None = None) -> Path:
    """Write the cover notice with the plan and the 任务分工表 as attachments to ``path`` (.docx)."""
    export = core("drafting.plan_export", "导出实施方案", "write_plan_docx")
    return Path(export.write_plan_docx(plan, Path(path), layout or None, progress=progress, cancelled=cancelled))


def export_task_table(progress: ProgressCallback, cancelled: CancelCheck, plan, path: Path,
                      layout: str | None = None) -> Path:
    """Write the 任务分工表 as .docx or .xlsx, by the suffix of ``path``."""
    export = core("drafting.plan_export", "导出任务分工表", "write_task_table_xlsx")
    progress(0.1, "正在生成任务分工表…")
    check_cancelled(cancelled)
    suffix = Path(path).suffix.lower()
    if suffix == ".xlsx":
        result = export.write_task_table_xlsx(plan, Path(path))
    elif suffix == ".docx":
        result = export.write_task_table_docx(plan, Path(path), layout or None)
    else:
        raise PolicyDeskError(f"任务分工表只能导出为 .docx 或 .xlsx：{Path(path).name}")
    progress(1.0, "已导出")
    return Path(result)


# --- preview ---------------------------------------------------------------------------------

def docx_to_pdf(progress: ProgressCallback, cancelled: CancelCheck, docx: Path, out_dir: Path) -> Path:
    """Convert a .docx to PDF with LibreOffice (for the page preview); cancellable."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise PolicyDeskError("未找到 LibreOffice，无法生成页面预览（.docx 已正常导出）。")
    out_dir.mkdir(parents=True, exist_ok=True)
    profile_dir = Path(tempfile.mkdtemp(prefix="pd-lo-"))
    cmd = [soffice, f"-env:UserInstallation={profile_dir.as_uri()}", "--headless", "--convert-to", "pdf",
           "--outdir", str(out_dir.resolve()), str(Path(docx).resolve())]  # absolute: never read as an option
    progress(0.05, "正在用 LibreOffice 排版预览…")
    started = time.monotonic()
    with tempfile.TemporaryFile() as errors, subprocess.Popen(cmd, stdout=subprocess.DEVNULL,
                                                               stderr=errors) as proc:
        try:
            while proc.poll() is None:
                if cancelled():
                    proc.kill()
                    proc.wait()
                    check_cancelled(cancelled)
                elapsed = time.monotonic() - started
                if elapsed > 120:
                    proc.kill()
                    proc.wait()
                    raise PolicyDeskError("LibreOffice 转换超时（超过 2 分钟）。")
                progress(min(0.9, 0.05 + elapsed / 30), "正在用 LibreOffice 排版预览…")
                time.sleep(0.1)
        finally:
            shutil.rmtree(profile_dir, ignore_errors=True)
        errors.seek(0)
        err = errors.read().decode("utf-8", "replace").strip()
    pdf = out_dir / (Path(docx).stem + ".pdf")
    if proc.returncode != 0 or not pdf.is_file():
        raise PolicyDeskError(f"LibreOffice 未能转换 {Path(docx).name}：{err[:200] or '未知原因'}")
    progress(1.0, "预览已生成")
    return pdf


# --- tracking (each job opens its own connection: sqlite connections stay in their thread) ----

def _open_store(store_path: Path):
    return core("tracking.store", "督办", "Store").Store(store_path)


def _plan_or_latest(store, plan_id: int | None) -> int:
    """The chosen plan, or the newest one when the board shows every plan."""
    if plan_id is not None:
        return plan_id
    return core("tracking.queries", "督办", "latest_plan_id").latest_plan_id(store)


def record_received(progress: ProgressCallback, cancelled: CancelCheck, store_path: Path, notice_json: dict,
                    source: Path) -> int:
    """Record a received notice (its JSON with text, the source's hash and path) in the store."""
    delegations = core("tracking.delegations", "收文登记", "import_notice")
    check_cancelled(cancelled)
    store = _open_store(store_path)
    try:
        return delegations.import_notice(store, notice_json, source_path=source)
    finally:
        store.close()


def import_plan_to_store(progress: ProgressCallback, cancelled: CancelCheck, plan, store_path: Path,
                         notice_json: dict | None = None, source: Path | None = None) -> int:
    """Record the plan (and its notice) in the store and delegate each task to its units."""
    delegations = core("tracking.delegations", "交办", "import_plan")
    store = _open_store(store_path)
    try:
        notice_id = None
        if notice_json is not None:
            notice_id = delegations.import_notice(store, notice_json, source_path=source)
        progress(0.1, "正在登记方案和任务…")
        return delegations.import_plan(store, plan, notice_id=notice_id,
                                       progress=wrap_callback(progress, 0.1, 1.0), cancelled=cancelled)
    finally:
        store.close()


def _write_from_store(progress: ProgressCallback, cancelled: CancelCheck, store_path: Path, plan_id: int | None,
                      write, status: str, done: str):
    """Open the store, call ``write(store, plan_id)`` for the chosen (or latest) plan, close it."""
    progress(0.1, status)
    check_cancelled(cancelled)
    store = _open_store(store_path)
    try:
        result = write(store, _plan_or_latest(store, plan_id))
    finally:
        store.close()
    progress(1.0, done)
    return result


def export_ledger(progress: ProgressCallback, cancelled: CancelCheck, store_path: Path, path: Path,
                  plan_id: int | None, today) -> Path:
    """Write the 督办台账 (.xlsx or .docx by suffix)."""
    ledger = core("tracking.ledger", "导出台账", "write_ledger")
    return Path(_write_from_store(
        progress, cancelled, store_path, plan_id,
        lambda store, plan: ledger.write_ledger(store, path, plan_id=plan, today=today),
        "正在生成台账…", "台账已导出"))


def draft_reminder(progress: ProgressCallback, cancelled: CancelCheck, store_path: Path, path: Path,
                   plan_id: int | None, today) -> Path | None:
    """Draft the 催办 notice for late units; None when nobody is late."""
    reminder = core("tracking.reminder", "催办通知", "write_reminder")
    result = _write_from_store(
        progress, cancelled, store_path, plan_id,
        lambda store, plan: reminder.write_reminder(store, path, plan_id=plan, today=today),
        "正在起草催办通知…", "催办通知已起草")
    return Path(result.path) if result is not None else None


def draft_report(progress: ProgressCallback, cancelled: CancelCheck, store_path: Path, path: Path,
                 plan_id: int | None, today) -> Path:
    """Draft the progress report back up (进展情况报告) from the tracked data."""
    report = core("tracking.report", "进展报告", "write_report")
    return Path(_write_from_store(
        progress, cancelled, store_path, plan_id,
        lambda store, plan: report.write_report(store, path, plan_id=plan, today=today),
        "正在起草进展情况报告…", "进展情况报告已起草"))


def export_calendar(progress: ProgressCallback, cancelled: CancelCheck, store_path: Path, path: Path,
                    plan_id: int | None, today) -> Path:
    """Write the open delegations' deadlines as an .ics calendar for the office's calendar app."""
    ics = core("tracking.ics", "导出日历", "write_ics")
    progress(0.1, "正在生成日历…")
    check_cancelled(cancelled)
    store = _open_store(store_path)
    try:
        result = ics.write_ics(store, path, plan_id=plan_id, open_only=True)
    finally:
        store.close()
    progress(1.0, "日历已导出")
    return Path(result)


def load_received(progress: ProgressCallback, cancelled: CancelCheck, store_path: Path | None,
                  dismissed: frozenset[str] = frozenset()) -> list[OpenedNotice]:
    """The notices already received, oldest first, for the 收文 list at start-up: every saved case
    (the clerk's work), then the notices only the tracking store knows. ``dismissed``: the digests
    the clerk removed from 收文."""
    items: list[OpenedNotice] = []
    seen: set[str] = set(dismissed)
    for case in CaseStore().all():
        check_cancelled(cancelled)
        if case.digest in seen or case.notice is None:
            continue
        seen.add(case.digest)
        items.append(OpenedNotice(path=Path(case.source_path), notice=case.notice, digest=case.digest,
                                  corrected=case.corrected, case=case))
    if store_path is None or not Path(store_path).is_file():
        return items
    store = _open_store(store_path)
    try:
        rows = store.conn.execute("SELECT json, source_path, source_sha256 FROM notices ORDER BY id").fetchall()
        for i, row in enumerate(rows):
            check_cancelled(cancelled)
            digest = row["source_sha256"] or ""
            if digest and digest in seen:
                continue
            try:
                notice = Notice.from_json(json.loads(row["json"]))
            except (ValueError, KeyError, TypeError):
                continue
            path = Path(row["source_path"] or notice.source.file)
            corrected = bool(digest) and corrected_path(digest).is_file()
            if corrected:
                notice = _load_json_notice(corrected_path(digest))
            seen.add(digest)
            items.append(OpenedNotice(path=path, notice=notice, digest=digest, corrected=corrected))
            progress((i + 1) / max(len(rows), 1), "正在载入已收来文…")
    finally:
        store.close()
    return items
