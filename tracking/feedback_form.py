"""The paper and spreadsheet round trip with a unit: its 督办单 (.docx: the unit's tasks, deadlines,
what to report and to whom) and its 反馈表 (.xlsx: locked task columns, open columns 进展情况,
完成情况, 佐证材料). A filled 反馈表 is read back, its changes shown, then applied in one
transaction. A 反馈表 of another plan or version, with edited task columns, for another unit,
or a file that is no workbook is refused with a Chinese message and nothing changes.

The workbook carries a hidden sheet ``_督办`` naming the plan (id, content hash, version), the
unit and, per row, the delegation id and a hash of the row's task cells.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from drafting.atomic import atomic_write_path
from parsing.errors import PolicyDeskError
from parsing.text_safety import clean_input
from tracking.queries import DelegationRow, list_delegations, load_plan
from tracking.store import Store, StoreError

FORM_SCHEMA = "feedback-form/1"
META_SHEET = "_督办"
TASK_COLUMNS = ("序号", "事项编号", "重点任务", "具体措施", "完成时限", "报送对象", "当前状态")
OPEN_COLUMNS = ("进展情况", "完成情况", "佐证材料")
DONE_WORDS = ("已完成", "完成", "已办结", "办结")


class FormError(PolicyDeskError):
    """A 反馈表 that cannot be applied (message in Chinese); nothing was changed."""


def _due(r: DelegationRow) -> str:
    if r.recurring:
        nxt = f"，下次{r.next_due.month}月{r.next_due.day}日" if r.next_due else ""
        return f"{r.deadline_text}（共{r.occurrences}次{nxt}）"
    if r.due_date:
        return f"{r.due_date.year}年{r.due_date.month}月{r.due_date.day}日" + (f"{r.due_time}前" if r.due_time else "前")
    return r.deadline_text or "长期坚持"


def _report_to(store: Store, r: DelegationRow) -> str:
    row = store.conn.execute("SELECT report_to FROM deadlines d JOIN delegations g ON g.deadline_id = d.id"
                             " WHERE g.id = ?", (r.id,)).fetchone()
    return (row["report_to"] if row and row["report_to"] else "") or ""


def _task_cells(store: Store, n: int, r: DelegationRow) -> list[str | int]:
    return [n, r.id, f"{r.task_key} {r.category}".strip(), r.measures, _due(r), _report_to(store, r), r.status]


def _cells_hash(cells: list) -> str:
    text = json.dumps([str(c) if c is not None else "" for c in cells], ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _plan_meta(store: Store, plan_id: int) -> dict:
    row = store.conn.execute("SELECT id, title, source_sha256, version FROM plans WHERE id = ?", (plan_id,)).fetchone()
    if row is None:
        raise StoreError(f"没有编号为 {plan_id} 的方案")
    return {"plan_id": row["id"], "plan_title": row["title"], "plan_sha": row["source_sha256"] or "",
            "plan_version": row["version"]}


def _unit_rows(store: Store, plan_id: int, unit: str, today: date) -> list[DelegationRow]:
    from tracking.delegations import unit_key

    rows = [r for r in list_delegations(store, plan_id=plan_id, today=today) if unit_key(r.unit) == unit_key(unit)]
    if not rows:
        raise StoreError(f"方案 {plan_id} 中没有交办给“{unit}”的事项")
    return rows


# -- 反馈表 out -------------------------------------------------------------------------------------
def write_feedback_form(store: Store, path: str | Path, *, plan_id: int, unit: str,
                        today: date | None = None) -> Path:
    """The unit's 反馈表: task columns locked (sheet protection), the three open columns editable."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill, Protection

    today = today or date.today()
    rows = _unit_rows(store, plan_id, unit, today)
    meta = {"schema": FORM_SCHEMA, **_plan_meta(store, plan_id), "unit": rows[0].unit,
            "exported": today.isoformat()}
    book = Workbook()
    sheet = book.active
    sheet.title = "反馈表"
    sheet.append([f"{meta['plan_title']}任务落实情况反馈表"])
    sheet.append([f"填报单位：{rows[0].unit}    导出日期：{today.isoformat()}（灰色列为交办内容，请勿修改；"
                  "请在进展情况、完成情况、佐证材料三列填写）"])
    sheet.append(list(TASK_COLUMNS + OPEN_COLUMNS))
    hashes = []
    grey = PatternFill("solid", start_color="EDEDED")
    for n, r in enumerate(rows, 1):
        cells = _task_cells(store, n, r)
        hashes.append({"row": sheet.max_row + 1, "id": r.id, "hash": _cells_hash(cells)})
        sheet.append([*cells, "", "", ""])
        for col, cell in enumerate(sheet[sheet.max_row], 1):
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if col > len(TASK_COLUMNS):
                cell.protection = Protection(locked=False)
            else:
                cell.fill = grey
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    sheet["A1"].font = Font(bold=True, size=14)
    for letter, width in zip("ABCDEFGHIJ", (5, 8, 18, 40, 18, 12, 9, 36, 12, 20), strict=False):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A4"
    sheet.protection.sheet = True
    sheet.protection.formatRows = False  # the unit may make rows taller for long answers
    hidden = book.create_sheet(META_SHEET)
    hidden.append(["meta", json.dumps(meta, ensure_ascii=False)])
    hidden.append(["rows", json.dumps(hashes, ensure_ascii=False)])
    hidden.sheet_state = "veryHidden"
    hidden.protection.sheet = True
    target = Path(path)
    with atomic_write_path(target) as temp:
        book.save(temp)
    return target


# -- 反馈表 in --------------------------------------------------------------------------------------
@dataclass
class FormChange:
    delegation_id: int
    task: str
    progress: str
    done: bool
    evidence: list[str]
    files: list[Path] = field(default_factory=list)
    missing_files: list[str] = field(default_factory=list)

    def line(self) -> str:
        what = "报告完成" if self.done else "报告进展"
        text = f"事项 {self.delegation_id}（{self.task}）{what}：{self.progress or '（未填写进展）'}"
        if self.files:
            text += f"；附件 {'、'.join(f.name for f in self.files)}"
        if self.missing_files:
            text += f"；佐证材料 {'、'.join(self.missing_files)}（文件未随表提供，仅记录名称）"
        return text


@dataclass
class FormPreview:
    plan_id: int
    unit: str
    changes: list[FormChange]
    unchanged: int

    def lines(self) -> list[str]:
        return [c.line() for c in self.changes] or ["反馈表中没有新填写的内容"]


def read_feedback_form(store: Store, path: str | Path, *, unit: str | None = None,
                       today: date | None = None) -> FormPreview:
    """Check a filled 反馈表 against the store and list what it would change (nothing is changed)."""
    from tracking.delegations import unit_key

    path = Path(path)
    book = _open_book(path)
    if META_SHEET not in book.sheetnames or "反馈表" not in book.sheetnames:
        raise FormError(f"{path.name}：不是本系统导出的反馈表（缺少校验信息），请使用导出的反馈表填写")
    meta_rows = {r[0]: r[1] for r in book[META_SHEET].iter_rows(values_only=True) if r and r[0]}
    try:
        meta = json.loads(meta_rows["meta"])
        hashes = json.loads(meta_rows["rows"])
    except (KeyError, TypeError, ValueError) as exc:
        raise FormError(f"{path.name}：反馈表的校验信息已损坏，请重新导出") from exc
    if meta.get("schema") != FORM_SCHEMA:
        raise FormError(f"{path.name}：反馈表格式版本不符（{meta.get('schema')}），请重新导出")
    plan = store.conn.execute("SELECT id, title, source_sha256, version FROM plans WHERE id = ?",
                              (meta.get("plan_id"),)).fetchone()
    same_content = plan is not None and (plan["source_sha256"] or "") == meta.get("plan_sha")
    if plan is None or (not same_content and plan["version"] == meta.get("plan_version")):
        raise FormError(f"{path.name}：该反馈表属于另一方案《{meta.get('plan_title', '')}》，与督办库中的方案不符，未导入")
    if not same_content:
        raise FormError(f"{path.name}：反馈表按第{meta.get('plan_version')}版方案导出，方案已修订为第{plan['version']}版，"
                        "请重新导出反馈表后填写")
    if unit and unit_key(unit) != unit_key(meta.get("unit", "")):
        raise FormError(f"{path.name}：这是“{meta.get('unit')}”的反馈表，不是“{unit}”的，未导入")
    today = today or date.today()
    current = {r.id: r for r in list_delegations(store, plan_id=plan["id"], today=today)}
    sheet = book["反馈表"]
    changes: list[FormChange] = []
    unchanged = 0
    width = len(TASK_COLUMNS)
    header = [c.value for c in sheet[3]][:width + len(OPEN_COLUMNS)]
    if tuple(header) != TASK_COLUMNS + OPEN_COLUMNS:
        raise FormError(f"{path.name}：反馈表的表头被修改，未导入；请使用导出的反馈表填写")
    for entry in hashes:
        values = [c.value for c in sheet[entry["row"]]][:width + len(OPEN_COLUMNS)]
        values += [None] * (width + len(OPEN_COLUMNS) - len(values))
        task_cells = values[:width]
        row = current.get(entry["id"])
        if row is None or unit_key(row.unit) != unit_key(meta.get("unit", "")):
            raise FormError(f"{path.name}：第{entry['row']}行的事项 {entry['id']} 已不是“{meta.get('unit')}”的交办事项，未导入")
        if str(task_cells[1]) != str(entry["id"]) or _cells_hash(_stored_cells(task_cells)) != entry["hash"]:
            raise FormError(f"{path.name}：第{entry['row']}行的任务内容被修改（任务列不应修改），未导入；请恢复原内容或重新导出")
        progress, status, evidence = (clean_input(str(v)).strip() if v is not None else "" for v in values[width:])
        if not (progress or status or evidence):
            unchanged += 1
            continue
        if row.status == "办结":
            raise FormError(f"{path.name}：第{entry['row']}行的事项 {row.id} 已办结，不能再填报；请删去该行填写的内容")
        if progress and store.conn.execute("SELECT 1 FROM feedback WHERE delegation_id = ? AND substr(text, 1, ?) = ?",
                                           (row.id, len(progress), progress)).fetchone():
            unchanged += 1  # the same 反馈表 read twice: already recorded
            continue
        names = [n.strip() for n in evidence.replace("，", "、").replace(",", "、").split("、") if n.strip()]
        files = [path.parent / n for n in names if (path.parent / n).is_file()]
        change = FormChange(row.id, f"{row.task_key} {row.category}".strip(), progress,
                            any(w == status or status.startswith(w) for w in DONE_WORDS), names, files,
                            [n for n in names if not (path.parent / n).is_file()])
        changes.append(change)
    extra = sheet.max_row - (hashes[-1]["row"] if hashes else 3)
    if extra > 0 and any(any(c.value not in (None, "") for c in sheet[hashes[-1]["row"] + k]) for k in range(1, extra + 1)):
        raise FormError(f"{path.name}：反馈表末尾多出了行，任务列表不应增减，未导入")
    return FormPreview(int(plan["id"]), meta.get("unit", ""), changes, unchanged)


def _stored_cells(task_cells: list) -> list:
    """The task cells as read (a number may come back as float or int)."""
    return [int(v) if isinstance(v, float) and v.is_integer() else v for v in task_cells]


def apply_feedback_form(store: Store, preview: FormPreview, *, now: datetime | None = None) -> int:
    """Apply a checked 反馈表 in one transaction: each row's 进展情况 as feedback (完成 → 已反馈,
    else 办理中), its 佐证材料 attached. Returns the number of delegations changed."""
    from tracking.delegations import update_status

    with store.transaction():
        for c in preview.changes:
            text = c.progress or ("已完成" if c.done else "")
            if c.missing_files:
                text += f"（佐证材料：{'、'.join(c.missing_files)}）"
            row = store.conn.execute("SELECT status FROM delegations WHERE id = ?", (c.delegation_id,)).fetchone()
            # 完成 is the unit's report (已反馈); progress alone keeps it 办理中 (never a 退回).
            status = None if c.done or row["status"] not in ("交办", "签收", "办理中") else "办理中"
            update_status(store, c.delegation_id, status, feedback=text or "见佐证材料", files=c.files, now=now)
        store.log("导入反馈表", "plan", preview.plan_id, {"单位": preview.unit, "事项数": len(preview.changes)}, at=now)
    return len(preview.changes)


def _open_book(path: Path):
    from openpyxl import load_workbook

    if not path.is_file():
        raise FormError(f"{path.name}：文件不存在")
    try:
        return load_workbook(path)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        raise FormError(f"{path.name}：文件已损坏或不是 Excel 反馈表（.xlsx），未导入") from exc


# -- 督办单 ------------------------------------------------------------------------------------------
def draft_supervision_sheet(store: Store, *, plan_id: int, unit: str, today: date | None = None):
    """The unit's 督办单: each task, its deadline, what to report and to whom."""
    from drafting.gbt9704.model import OfficialDocument, Paragraph, Table, TableColumn

    today = today or date.today()
    rows = _unit_rows(store, plan_id, unit, today)
    plan = load_plan(store, plan_id)
    named = [t for t in (_report_to(store, r) for r in rows) if t]
    office = max(set(named), key=named.count) if named else (
        (plan.contact or {}).get("office") or f"{plan.issuer}办公室")
    contact = plan.contact or {}
    columns = [TableColumn("序号", 0.4, "center"), TableColumn("任务", 1.2), TableColumn("具体措施", 2.6),
               TableColumn("完成时限", 1.2, "center"), TableColumn("报送对象", 0.9, "center"),
               TableColumn("当前状态", 0.7, "center")]
    body_rows = [[n, f"{r.task_key} {r.category}".strip(), r.measures, _due(r), _report_to(store, r) or office, r.status]
                 for n, r in enumerate(rows, 1)]
    missed = [r for r in rows if r.overdue_days or r.occurrences_missed]
    body = [Paragraph(f"根据《{plan.title}》分工，现将你单位承担的{len(rows)}项任务督办如下，请按时限落实，"
                      f"并将进展情况、完成情况及佐证材料填入反馈表，报送{office}。"),
            Table(columns, body_rows)]
    if missed:
        body.append(Paragraph(f"截至{today.year}年{today.month}月{today.day}日，其中{len(missed)}项已超过时限，请抓紧办理。"))
    if contact.get("name") or contact.get("phone"):
        body.append(Paragraph(f"联系人：{contact.get('name', '')}，电话：{contact.get('phone', '')}。"))
    return OfficialDocument(title=f"{plan.title}督办单", recipients=[rows[0].unit], body=body,
                            signature=[plan.issuer] if plan.issuer else [], date=today, sealed=False)


def write_supervision_sheet(store: Store, path: str | Path, *, plan_id: int, unit: str,
                            today: date | None = None) -> Path:
    from drafting.gbt9704 import write_docx

    return write_docx(draft_supervision_sheet(store, plan_id=plan_id, unit=unit, today=today), Path(path))
