"""The county plan on paper: the cover 通知 with the 实施方案 and the 任务分工表 as attachments
(.docx through the GB/T 9704 writer), and the 任务分工表 alone as .xlsx or .docx.

Headings are numbered here, by level and position (一、 （一） 1. （1）), so a plan edited in the
app renumbers itself; level-2 and deeper headings run in with their first paragraph
(``（一）迅速研究部署。各单位要……``) as county plans print them.
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path

from drafting.gbt9704.model import (
    TASK_TABLE_COLUMNS,
    Attachment,
    Block,
    CellValue,
    Colophon,
    Heading,
    Letterhead,
    OfficialDocument,
    Paragraph,
    Table,
)
from drafting.plan import CountyPlan, PlanSection, PlanTask
from drafting.plan_sync import print_task_units
from parsing.errors import PolicyDeskError
from parsing.progress import CancelCheck, ProgressCallback, check_cancelled, never, noop

TABLE_TITLE = "任务分工表"
TASK_COLUMNS = list(TASK_TABLE_COLUMNS)
_CN = "零一二三四五六七八九"


class PlanExportError(PolicyDeskError):
    """The plan could not be exported."""


def cn_ordinal(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 23 → 二十三 (headings go no further)."""
    if n < 10:
        return _CN[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN[tens]) + "十" + (_CN[ones] if ones else "")


def heading_number(level: int, n: int) -> str:
    """The printed number of the n-th heading at ``level``: 一、 （一） 1. （1）."""
    if level <= 1:
        return f"{cn_ordinal(n)}、"
    if level == 2:
        return f"（{cn_ordinal(n)}）"
    if level == 3:
        return f"{n}."
    return f"（{n}）"


def plan_blocks(sections: list[PlanSection]) -> list[Block]:
    """The body blocks of the plan's sections, numbered."""
    blocks: list[Block] = []

    def walk(items: list[PlanSection]) -> None:
        counter = 0
        for section in items:
            if section.level <= 0 or not section.heading:
                blocks.extend(Paragraph(p) for p in section.paragraphs)
                walk(section.children)
                continue
            counter += 1
            level = min(section.level, 4)
            number = heading_number(level, counter)
            if level == 1 or not section.paragraphs:
                blocks.append(Heading(number + section.heading, level))
                blocks.extend(Paragraph(p) for p in section.paragraphs)
            else:
                blocks.append(Heading(f"{number}{section.heading}。", level, run_in=section.paragraphs[0]))
                blocks.extend(Paragraph(p) for p in section.paragraphs[1:])
            walk(section.children)

    walk(sections)
    return blocks


def deadline_cell(task: PlanTask) -> str:
    """完成时限 as the table prints it."""
    texts = []
    for d in task.deadlines:
        if d.text and d.text not in texts:
            texts.append(d.text)
    return "；".join(texts) or "长期坚持"


def task_table_rows(plan: CountyPlan) -> list[list[str]]:
    """Rows of the 任务分工表: 序号 · 重点任务 · 具体措施 · 牵头单位 · 配合单位 · 完成时限."""
    return [[task.number, task.category, task.measures, "、".join(task.lead), "、".join(task.support),
             deadline_cell(task)] for task in plan.tasks]


def task_table(plan: CountyPlan, caption: str | None = None) -> Table:
    return Table(list(TASK_COLUMNS), task_table_rows(plan), caption=caption)  # type: ignore[arg-type]


def contact_note(plan: CountyPlan) -> str | None:
    """附注: 联系人：刘芳，联系电话：… (the writer adds the parentheses)."""
    c = plan.contact or {}
    if not c.get("name"):
        return None
    text = f"联系人：{c['name']}"
    if c.get("phone"):
        text += f"，联系电话：{c['phone']}"
    return text


def plan_to_document(plan: CountyPlan, *, with_table: bool = True) -> OfficialDocument:
    """The cover notice with the plan (and the 任务分工表, landscape) as its attachments."""
    plan = print_task_units(plan)  # the body prints every task as the table has it
    day = datetime.date.fromisoformat(plan.issue_date) if plan.issue_date else datetime.date.today()
    forward = plan.cover_title.startswith(("关于转发", "转发")) or plan.shape == "notice"
    body: list[Block] = [Paragraph(p) for p in plan.cover_body]
    attachments: list[Attachment] = []
    if forward:
        body.extend(plan_blocks(plan.sections))
    else:
        attachments.append(Attachment(title=plan.title, blocks=plan_blocks(plan.sections)))
    if with_table and plan.tasks and plan.shape != "notice":  # a short 通知 names its units in each step
        attachments.append(Attachment(title=TABLE_TITLE, blocks=[task_table(plan)], landscape=True))
    return OfficialDocument(
        title=plan.cover_title,
        letterhead=Letterhead([plan.issuer]),
        doc_number=plan.doc_number,
        signer=list(plan.signer),
        secrecy=plan.secrecy or None,
        urgency=plan.urgency or None,
        recipients=list(plan.recipients),
        body=body,
        attachments=attachments,
        signature=[plan.issuer],
        date=day,
        note=contact_note(plan),
        colophon=Colophon(printer=f"{plan.issuer}办公室", print_date=day, cc=list(plan.cc)),
    )


def write_plan_docx(plan: CountyPlan, path: str | os.PathLike[str], layout: object | None = None,
                    progress: ProgressCallback = noop, cancelled: CancelCheck = never) -> Path:
    """Write the cover notice with its attachments to ``path`` (atomically) and return it."""
    from drafting.gbt9704 import write_docx

    progress(0.1, "正在排版方案")
    document = plan_to_document(plan)
    check_cancelled(cancelled)
    progress(0.4, "正在写入 Word 文件")
    result = write_docx(document, path, layout)  # type: ignore[arg-type]
    progress(1.0, "方案已保存")
    return result


def task_table_document(plan: CountyPlan) -> OfficialDocument:
    """The 任务分工表 as a document of its own: the title on top of landscape pages, then the table;
    no 附件 label, 署名 or 成文日期 (it is not a 公文 but the table the plan's attachment prints)."""
    return OfficialDocument(title=f"{plan.title}{TABLE_TITLE}", body=[task_table(plan)], landscape=True,
                            sealed=False)


def write_task_table_docx(plan: CountyPlan, path: str | os.PathLike[str], layout: object | None = None) -> Path:
    """The 任务分工表 alone, as a landscape .docx."""
    from drafting.gbt9704 import write_docx

    return write_docx(task_table_document(plan), path, layout)  # type: ignore[arg-type]


def write_task_table_xlsx(plan: CountyPlan, path: str | os.PathLike[str]) -> Path:
    """The 任务分工表 as .xlsx, by the same writer as the sample export (:mod:`drafting.xlsx_table`)."""
    from drafting.xlsx_table import write_task_table_xlsx as write_xlsx

    rows: list[list[CellValue]] = [[int(r[0]) if r[0].isdigit() else r[0], *r[1:]] for r in task_table_rows(plan)]
    return write_xlsx(f"{plan.title}{TABLE_TITLE}", rows, Path(path), unit=plan.issuer)  # 序号 a number
