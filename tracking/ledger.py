"""The 督办台账: every delegation with its unit, dates, status, feedback and light, as .xlsx
(through :mod:`drafting.xlsx_table`) or .docx (through the GB/T 9704 writer)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from drafting.gbt9704.model import Attachment, CellValue, OfficialDocument, Paragraph, Table, TableColumn
from parsing.errors import PolicyDeskError
from tracking.queries import (
    LIGHT_MEANING,
    Achievement,
    DelegationRow,
    PlanSummary,
    achievement,
    feedback_of,
    summarize,
    workday_caveats,
)
from tracking.store import Store

LEDGER_COLUMNS: tuple[TableColumn, ...] = (
    TableColumn("序号", 0.5, "center"),
    TableColumn("编号", 0.5, "center"),
    TableColumn("重点任务", 1.2),
    TableColumn("具体措施", 2.6),
    TableColumn("责任单位", 1.3),
    TableColumn("牵头/配合", 0.6, "center"),
    TableColumn("完成时限", 1.0, "center"),
    TableColumn("办理状态", 0.7, "center"),
    TableColumn("交办日期", 1.0, "center"),
    TableColumn("签收日期", 1.0, "center"),
    TableColumn("反馈日期", 1.0, "center"),
    TableColumn("办结日期", 1.0, "center"),
    TableColumn("反馈情况", 2.6),
    TableColumn("催办次数", 0.6, "center"),
    TableColumn("督办提示", 1.0, "center"),
)
UNIT_COLUMNS: tuple[TableColumn, ...] = (
    TableColumn("序号", 0.5, "center"), TableColumn("责任单位", 2.0), TableColumn("交办事项", 0.8, "center"),
    TableColumn("已办结", 0.8, "center"), TableColumn("已反馈", 0.8, "center"),
    TableColumn("未反馈", 0.8, "center"), TableColumn("逾期", 0.8, "center"),
    TableColumn("逾期反馈", 0.8, "center"),
)

RATE_COLUMNS: tuple[TableColumn, ...] = (
    TableColumn("类别", 0.5, "center"), TableColumn("单位或任务", 2.0), TableColumn("交办", 0.6, "center"),
    TableColumn("完成", 0.6, "center"), TableColumn("逾期", 0.6, "center"), TableColumn("应完成", 0.7, "center"),
    TableColumn("按时完成", 0.7, "center"), TableColumn("工作达成率", 0.8, "center"), TableColumn("达成率图示", 1.4),
)


def rate_bar(a: Achievement) -> str:
    """A small in-cell bar: one block per 10% of the on-time rate."""
    return "" if a.rate is None else "█" * round(10 * a.rate) + "░" * (10 - round(10 * a.rate))


def rate_rows(summary: PlanSummary) -> list[list[CellValue]]:
    """Per unit, then per task: assigned, done, overdue, due, on time, 工作达成率 and its bar."""
    by_unit, by_task = achievement(summary.rows, summary.today)
    return [[label, a.name, a.assigned, a.done, a.overdue, a.due, a.on_time, a.rate_text, rate_bar(a)]
            for label, items in (("单位", by_unit), ("任务", by_task)) for a in items]


def md(day: date) -> str:
    """``6月22日``."""
    return f"{day.month}月{day.day}日"


def cn_date(day: date) -> str:
    """``2021年6月22日``."""
    return f"{day.year}年{day.month}月{day.day}日"


def due_cell(row: DelegationRow) -> CellValue:
    """完成时限: the date (with the clock time), else the deadline as written, else 长期坚持; a
    recurring duty as written, with its count and next report."""
    if row.recurring:
        return recurring_due(row)
    if row.due_date is None:
        return row.deadline_text or "长期坚持"
    if row.due_time:
        return f"{cn_date(row.due_date)}{row.due_time}前"
    return row.due_date


def recurring_due(row: DelegationRow) -> str:
    """每日16时前（共24次，已报3次，缺报4次，下次6月19日）."""
    parts = [f"共{row.occurrences}次", f"已报{row.occurrences_reported}次"]
    if row.occurrences_missed:
        parts.append(f"缺报{row.occurrences_missed}次")
    if row.next_due and row.is_open:
        parts.append(f"下次{md(row.next_due)}")
    return f"{row.deadline_text or '周期性报送'}（{'，'.join(parts)}）"


def hint_cell(row: DelegationRow) -> str:
    """督办提示: the light and what it means (逾期N个工作日)."""
    if row.light is None:
        return "逾期反馈" if row.late_report else ""
    text = f"{row.light_name}（{LIGHT_MEANING[row.light]}"
    if row.overdue_days:
        text += f"{row.overdue_days}个工作日"
    return text + "）"


def feedback_cell(store: Store, row: DelegationRow) -> str:
    """Every feedback the unit gave, dated, with its attached file names."""
    parts = []
    for item in feedback_of(store, row.id):
        text = f"{md(item['at'].date())}：{item['text']}"
        if item["files"]:
            text += f"（附件：{'、'.join(item['files'])}）"
        parts.append(text)
    return "\n".join(parts)


def ledger_rows(store: Store, rows: Sequence[DelegationRow]) -> list[list[CellValue]]:
    def day(value) -> CellValue:
        return value.date() if value else None

    return [[n, r.task_key, r.category, r.measures, r.unit, r.role, due_cell(r), r.status,
             day(r.assigned_at), day(r.signed_at), day(r.reported_at), day(r.closed_at),
             feedback_cell(store, r), r.reminder_count, hint_cell(r)]
            for n, r in enumerate(rows, 1)]


def unit_rows(summary: PlanSummary) -> list[list[CellValue]]:
    return [[n, u.unit, u.total, u.closed, u.reported, u.open, u.overdue, u.late_reports]
            for n, u in enumerate(summary.by_unit, 1)]


def ledger_caption(summary: PlanSummary) -> str:
    s = summary
    return (f"统计截至{cn_date(s.today)}：交办事项{s.delegations}件，已办结{s.by_status['办结']}件，"
            f"已反馈{s.by_status['已反馈']}件，办理中{s.by_status['办理中']}件，已签收{s.by_status['签收']}件，"
            f"未签收{s.by_status['交办']}件；红灯{s.lights['red']}件、黄灯{s.lights['yellow']}件、"
            f"蓝灯{s.lights['blue']}件。" + "".join(f"（注：{note}）" for note in workday_caveats(
                [s.today] + [r.due_date for r in s.rows if r.due_date])))


def write_ledger(store: Store, path: str | os.PathLike[str], *, plan_id: int,
                 today: date | None = None) -> Path:
    """Write the plan's 台账 to ``path``: .xlsx (sheets 督办台账, 单位汇总, 工作达成率) or .docx."""
    target = Path(path)
    summary = summarize(store, plan_id, today)
    title = f"{summary.plan.title}督办台账"
    suffix = target.suffix.lower()
    if suffix == ".xlsx":
        rows = ledger_rows(store, summary.rows)
        from drafting.xlsx_table import XlsxSheet, write_tables_xlsx

        subtitle = f"制表单位：{summary.plan.issuer}    {ledger_caption(summary)}"
        return write_tables_xlsx([
            XlsxSheet(title, list(LEDGER_COLUMNS), rows, name="督办台账", subtitle=subtitle,
                      fills=light_fills(rows)),
            XlsxSheet(f"{summary.plan.title}单位落实情况汇总", list(UNIT_COLUMNS), unit_rows(summary),
                      name="单位汇总", subtitle=f"统计截至{cn_date(summary.today)}"),
            XlsxSheet(f"{summary.plan.title}工作达成率", list(RATE_COLUMNS), rate_rows(summary), name="工作达成率",
                      subtitle=f"统计截至{cn_date(summary.today)}；工作达成率＝按时完成÷应完成（周期性任务按次计）"),
        ], target)
    if suffix == ".docx":
        from drafting.gbt9704 import write_docx

        return write_docx(ledger_document(summary, print_rows(store, summary.rows)), target)
    raise PolicyDeskError(f"{target.name}：台账只能导出为 .xlsx 或 .docx")


# The printed 台账 has fewer, wider columns than the workbook: step dates share one cell.
PRINT_COLUMNS: tuple[TableColumn, ...] = (
    TableColumn("序号", 0.4, "center"),
    TableColumn("任务", 1.1),
    TableColumn("具体措施", 2.4),
    TableColumn("责任单位", 1.2),
    TableColumn("时限", 0.9, "center"),
    TableColumn("状态", 0.6, "center"),
    TableColumn("办理过程", 1.2),
    TableColumn("反馈情况", 2.6),
    TableColumn("提示", 0.9, "center"),
)


def print_rows(store: Store, rows: Sequence[DelegationRow]) -> list[list[CellValue]]:
    out: list[list[CellValue]] = []
    for n, r in enumerate(rows, 1):
        steps = [(name, when) for name, when in (("交办", r.assigned_at), ("签收", r.signed_at),
                                                  ("反馈", r.reported_at), ("办结", r.closed_at)) if when]
        due = recurring_due(r) if r.recurring else (
            f"{md(r.due_date)}{r.due_time or ''}前" if r.due_date else (r.deadline_text or "长期坚持"))
        hint = hint_cell(r)
        if r.reminder_count:
            hint += f"\n已催办{r.reminder_count}次"
        out.append([n, f"{r.task_key} {r.category}", r.measures, f"{r.unit}（{r.role}）", due, r.status,
                    "\n".join(f"{name} {md(when.date())}" for name, when in steps), feedback_cell(store, r),
                    hint.strip()])
    return out


LIGHT_FILLS = {"红灯": "FFC7CE", "黄灯": "FFEB9C", "蓝灯": "BDD7EE"}


def light_fills(rows: list[list[CellValue]]) -> dict[tuple[int, int], str]:
    """The 督办提示 cells of the 台账 filled in their light's colour: (row, column) -> RGB."""
    column = next(i for i, c in enumerate(LEDGER_COLUMNS) if c.title == "督办提示")
    fills = {}
    for index, row in enumerate(rows):
        value = row[column]
        fill = LIGHT_FILLS.get(value[:2]) if isinstance(value, str) else None
        if fill:
            fills[(index, column)] = fill
    return fills


def ledger_document(summary: PlanSummary, rows: list[list[CellValue]]) -> OfficialDocument:
    """The 台账 as a landscape table document (the way write_task_table_docx prints a table)."""
    title = f"{summary.plan.title}督办台账"
    blocks = [Paragraph(ledger_caption(summary)),
              Table(list(PRINT_COLUMNS), rows),
              Paragraph("单位落实情况汇总", indent=False, align="center"),
              Table(list(UNIT_COLUMNS), unit_rows(summary)),
              Paragraph("工作达成率（按时完成÷应完成，周期性任务按次计）", indent=False, align="center"),
              Table(list(RATE_COLUMNS), rate_rows(summary))]
    return OfficialDocument(title=title, date=summary.today,
                            attachments=[Attachment(title=title, blocks=blocks, landscape=True)])
