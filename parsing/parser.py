"""From clean text to a :class:`~parsing.model.Notice`: every field of ``notice/1`` with its spans.

``parse_clean`` runs the extractors in order (head and foot, attachments, outline, tasks,
leading group, contacts, basis) and, when ``parsing.deadlines`` is present, its
``extract_times`` for deadlines and phases; each task is linked to the deadlines inside it.
"""

from __future__ import annotations

import datetime as dt
import importlib
import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from parsing.attachments import find_attachments
from parsing.cleaning.shapes import is_printing_line
from parsing.contacts import find_contacts
from parsing.document import CleanText
from parsing.header import Header, find_basis, read_header
from parsing.leadership import find_leadership
from parsing.model import Notice, Section, Source
from parsing.outline import build_outline, find_headings
from parsing.progress import CancelCheck, ProgressCallback, check_cancelled, never, noop, wrap_callback
from parsing.scope import Scope, find_scope
from parsing.tasks import find_tasks, table_tasks

_IMPRINT = re.compile(r"^(?:抄\s*送|抄\s*报|分\s*送)\s*[:：]")

log = logging.getLogger(__name__)
T = TypeVar("T")


def _extract_times():
    """``parsing.deadlines.extract_times`` when that module is present, else None."""
    try:
        module = importlib.import_module("parsing.deadlines")
    except ImportError:
        return None
    return getattr(module, "extract_times", None)


def _flatten(sections: list[Section]) -> list[Section]:
    return [s for root in sections for s in root.walk()]


def _guarded(notice: Notice, label: str, run: Callable[[], T], default: T) -> T:
    """``run()``, or ``default`` with a warning when it fails: one faulty extractor must not lose
    the rest of the parse of a notice nobody has seen before."""
    try:
        return run()
    except Exception as exc:
        log.exception("%s failed", label)
        notice.warnings.append(f"{label}识别出错（{type(exc).__name__}），该项结果可能不完整")
        return default


def parse_clean(clean: CleanText, source: Source) -> Notice:
    """Parse clean text into a notice (spans index into ``clean.text``)."""
    text = clean.text
    notice = Notice(source=source, text=text)
    notice.warnings.extend(clean.warnings)

    header = _guarded(notice, "版头与落款", lambda: read_header(clean), Header())
    notice.genre = header.genre
    notice.doc_number = header.doc_number
    notice.issuer = header.issuer
    notice.title = header.title
    notice.enclosed_title = header.enclosed_title
    notice.recipients = header.recipients
    notice.signatory = header.signatory
    notice.issue_date = header.issue_date
    notice.urgency = header.urgency
    notice.spans.update(header.spans)

    signature_end = header.signature_paras[-1] if header.signature_paras else -1
    names, att_spans, att_paras = _guarded(notice, "附件", lambda: find_attachments(clean, signature_end), ([], [], []))
    notice.attachments = names
    if att_spans:
        notice.spans["attachments"] = (att_spans[0][0], att_spans[-1][1])

    body_offset = clean.paragraphs[header.body_start].start if header.body_start < len(clean.paragraphs) else 0
    contacts = _guarded(notice, "联系人", lambda: find_contacts(clean, body_offset), [])
    notice.contacts = contacts

    # The outline covers the body: not the head, the signature, the attachment list, nor what lies
    # outside the notice and the document it issues (forms, lists, tables, a table of contents).
    scope = _guarded(notice, "附件范围", lambda: find_scope(clean, signature_end, header.enclosed_title,
                                                                  header.body_start, names, header.title), Scope())
    excluded = set(att_paras) | set(header.signature_paras) | scope.excluded()
    outside = scope.char_ranges(clean)
    body = [i for i in range(header.body_start, len(clean.paragraphs)) if i not in excluded]
    lines = _guarded(notice, "结构", lambda: find_headings(clean, body), [])
    # the 版记 (抄送：…, …印发) ends the body even where no signature stands above it
    imprint = [p.start for p in clean.paragraphs if _IMPRINT.match(text[p.start:p.end].strip()) or is_printing_line(text[p.start:p.end])]
    stops = sorted([clean.paragraphs[i].start for i in excluded]
                   + [c.span[0] for c in contacts if c.span] + imprint)
    last_start = lines[-1].start if lines else 0
    region_end = next((s for s in stops if s > last_start), len(text))
    notice.outline, flat = _guarded(notice, "结构", lambda: build_outline(clean, lines, region_end), ([], []))
    for line in lines:
        if line.repaired_from:
            notice.warnings.append(f"标题编号“{line.repaired_from}”与上下文不符，已按“{line.number}”处理")

    notice.tasks = (_guarded(notice, "任务", lambda: find_tasks(clean, notice.outline, region_end,
                                                                reporting=notice.genre in ("总结", "报告"),
                                                                issuer=notice.issuer or notice.signatory), [])
                    + [t for t in _guarded(notice, "任务分工表", lambda: table_tasks(clean, notice.outline), [])
                       if not _inside(t.span, outside)])  # a problem list's table assigns nothing
    notice.tasks.sort(key=lambda t: t.span[0] if t.span else 0)
    notice.leadership = _guarded(notice, "领导小组", lambda: find_leadership(clean), None)
    notice.basis, basis_spans = _guarded(notice, "依据文件", lambda: find_basis(text), ([], []))
    if basis_spans:
        notice.spans["basis"] = (basis_spans[0][0], basis_spans[-1][1])

    _add_times(notice, clean, flat, scope)
    if notice.title is None and notice.genre not in ("总结", "报告"):
        notice.warnings.append("未找到公文标题")
    if notice.title and notice.recipients and notice.issue_date is None:
        notice.warnings.append("未找到成文日期（落款日期）")
    orphans = ["/".join(t.outline_path) for t in notice.tasks if not t.lead and not t.support]
    if orphans:
        shown = "、".join(orphans[:5]) + ("等" if len(orphans) > 5 else "")
        notice.warnings.append(f"{len(orphans)} 项任务未写明责任单位（{shown}），请在分工时指定")
    if notice.leadership and not notice.leadership.leader:
        notice.warnings.append("领导小组未识别出组长")
    return notice


def _inside(span: tuple[int, int] | None, ranges: list[tuple[int, int]]) -> bool:
    return span is not None and any(a <= span[0] < b for a, b in ranges)


def _add_times(notice: Notice, clean: CleanText, flat: list[Section], scope: Scope) -> None:
    extract = _extract_times()
    if extract is None:
        return
    issue = dt.date.fromisoformat(notice.issue_date) if notice.issue_date else None
    try:
        times = extract(clean, issue, flat)
    except Exception as exc:  # a bug there must not lose the rest of the parse
        log.exception("extract_times failed")
        notice.warnings.append(f"时限识别出错：{exc}")
        return
    outside = scope.char_ranges(clean)  # a form's or a problem list's dates are not the notice's
    notice.deadlines = [d for d in times.deadlines if not _inside(d.span, outside)]
    notice.phases = [p for p in times.phases if not _inside(getattr(p, "span", None), outside)]
    notice.warnings.extend(w for w in times.warnings if w not in notice.warnings)
    for task in notice.tasks:
        if not task.span:
            continue
        a, b = task.span
        task.deadlines = [k for k, d in enumerate(notice.deadlines) if d.span and a <= d.span[0] and d.span[1] <= b]


def parse_file(path: str | Path, progress: ProgressCallback = noop, cancelled: CancelCheck = never,
               ocr: bool = True) -> Notice:
    """Load, clean and parse one file (``ocr=False``: leave image-only pages unread)."""
    from parsing.pipeline import read_text

    raw, clean = read_text(path, wrap_callback(progress, 0.0, 0.8), cancelled, ocr=ocr)
    check_cancelled(cancelled)
    progress(0.85, "正在分析公文结构")
    source = Source(file=Path(path).name, format=raw.format, pages=raw.page_count, ocr=raw.ocr)
    notice = parse_clean(clean, source)
    progress(1.0, "解析完成")
    return notice
