"""``policydesk track``: the 督办 store from the command line.

    policydesk track import 方案.json            (plan/1, or a notice/1 来文)
    policydesk track list [--overdue] [--unit U] [--today 2021-06-23]
    policydesk track delegate T3 县人民医院
    policydesk track update 12 --status 已反馈 --feedback "……" --file 报告.pdf
    policydesk track export 台账.xlsx | 台账.docx
    policydesk track remind 催办通知.docx
    policydesk track report 进展情况报告.docx
    policydesk track ics 督办时限.ics
    policydesk track plans
    policydesk track log [ID]
    policydesk track history ID                (every move of one delegation: who, when)
    policydesk track show ID                   (a recurring duty's occurrences)
    policydesk track pending                   (unit names waiting on the clerk)
    policydesk track resolve 3 县人民医院 [--each]
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime
from pathlib import Path

from parsing.errors import PolicyDeskError
from parsing.os_errors import os_reason
from parsing.text_safety import NestingTooDeep, loads_json, safe_json
from tracking.schema import STATUSES

LIGHTS = {"红": "red", "黄": "yellow", "蓝": "blue"}


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD：{text}") from exc


MAX_ID = 2**63 - 1  # SQLite's largest integer


def _id(text: str) -> int:
    """A store id: a whole number SQLite can hold (a 20-digit one is refused here, not overflowed)."""
    try:
        value = int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"编号应为正整数：{text}") from exc
    if not 1 <= value <= MAX_ID:
        raise argparse.ArgumentTypeError(f"编号应为 1 至 {MAX_ID} 之间的整数：{text[:30]}")
    return value


def _count(text: str) -> int:
    """A number of working days (0 – 3660)."""
    try:
        value = int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"工作日数应为整数：{text}") from exc
    if not 0 <= value <= 3660:
        raise argparse.ArgumentTypeError(f"工作日数应在 0 至 3660 之间：{text[:30]}")
    return value


def add_parser(subparsers, name: str) -> None:
    parser = subparsers.add_parser(name, help="督办：导入方案、交办、跟踪进度、催办、报告进展",
                                   description="督办台账：任务交办、签收、办理、反馈、办结的全过程跟踪。")
    parser.add_argument("--db", type=Path, help="督办数据库文件（默认在用户数据目录）")
    parser.add_argument("--user", help="操作人姓名（记入督办日志）")
    sub = parser.add_subparsers(dest="track_command", metavar="操作", required=True)

    def command(cmd: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(cmd, help=help_text, description=help_text)
        p.add_argument("--today", type=_day, help="把这一天当作今天（YYYY-MM-DD），用于核对和测试")
        p.set_defaults(run=run)
        return p

    p = command("import", "导入方案（plan/1 JSON）或来文（notice/1 JSON）")
    p.add_argument("file", type=Path)
    p.add_argument("--no-delegate", action="store_true", help="只导入任务，不自动交办给牵头、配合单位")
    p.add_argument("--until", type=_day, help="周期性任务展开到这一天（默认到方案最后时限）")
    p.add_argument("--dry-run", action="store_true", help="修订已导入的方案时只列出变化，不应用")
    p = command("list", "列出交办事项")
    p.add_argument("--overdue", action="store_true", help="只列逾期未反馈的事项")
    p.add_argument("--unit", help="只列该单位的事项")
    p.add_argument("--plan", type=_id, help="方案编号")
    p.add_argument("--due-within", type=_count, metavar="N", help="只列 N 个工作日内到期的事项")
    p.add_argument("--open", action="store_true", help="只列未反馈的事项")
    p.add_argument("--light", choices=list(LIGHTS), help="只列亮该色灯的事项：红（逾期）、黄（滞后）、蓝（临期）")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p = command("delegate", "把任务交办给单位")
    p.add_argument("task", help="任务编号，如 T3")
    p.add_argument("unit", help="责任单位")
    p.add_argument("--plan", type=_id, help="方案编号（默认最近导入的方案）")
    p.add_argument("--role", choices=["牵头", "配合"], default="牵头")
    p.add_argument("--each", action="store_true", help="单位组（如各乡镇卫生院）分别交办给每个成员单位")
    p = command("update", "更新交办事项的办理状态、反馈和附件")
    p.add_argument("id", type=_id, help="交办事项编号（track list 的第一列）")
    p.add_argument("--status", choices=list(STATUSES), help="新状态")
    p.add_argument("--feedback", help="单位反馈的办理情况")
    p.add_argument("--file", action="append", type=Path, default=[], help="单位报送的附件（可多次给出）")
    p.add_argument("--occurrence", type=_id, metavar="N", help="周期性任务的第 N 次报送（默认最早未报送的一次）")
    for cmd, help_text in (("export", "导出督办台账（.xlsx 或 .docx）"), ("remind", "起草催办通知（.docx）"),
                           ("report", "起草进展情况报告（.docx）"), ("ics", "导出时限日历（.ics）")):
        p = command(cmd, help_text)
        p.add_argument("out", type=Path)
        p.add_argument("--plan", type=_id, help="方案编号（默认最近导入的方案）")
    command("plans", "列出已导入的方案")
    p = command("form", "导出某单位的反馈表（.xlsx，任务列锁定）或督办单（.docx）")
    p.add_argument("unit", help="责任单位")
    p.add_argument("out", type=Path, help="反馈表.xlsx 或 督办单.docx")
    p.add_argument("--plan", type=_id, help="方案编号（默认最近导入的方案）")
    p = command("feedback", "导入单位填好的反馈表（先列出变化，再一次性应用）")
    p.add_argument("file", type=Path, help="填好的反馈表 .xlsx")
    p.add_argument("--unit", help="核对反馈表属于该单位")
    p.add_argument("--dry-run", action="store_true", help="只列出变化，不应用")
    p = command("summary", "按单位、按任务统计交办、完成、逾期和工作达成率")
    p.add_argument("--plan", type=_id, help="方案编号（默认最近导入的方案）")
    p = command("log", "查看督办日志")
    p.add_argument("id", type=_id, nargs="?", help="只看该交办事项")
    p = command("history", "查看一件交办事项的全部办理记录（何人、何时、做了什么）")
    p.add_argument("id", type=_id, help="交办事项编号")
    p = command("show", "查看一件交办事项，周期性任务列出每次报送")
    p.add_argument("id", type=_id, help="交办事项编号")
    p = command("pending", "列出单位资料中没有、等待确认的责任单位")
    p.add_argument("--plan", type=_id, help="方案编号")
    p = command("resolve", "确认待定单位：交办给单位资料中的单位，或不交办")
    p.add_argument("id", type=_id, help="待确认单位编号（track pending 的第一列）")
    p.add_argument("unit", nargs="?", help="交办给的单位；不给出则不交办")
    p.add_argument("--each", action="store_true", help="单位组分别交办给每个成员单位")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from tracking.store import open_store

    with open_store(args.db, actor=args.user) as store:
        handler = globals()[f"_cmd_{args.track_command}"]
        return int(handler(store, args) or 0)


def _now(args) -> datetime:
    if args.today:
        return datetime.combine(args.today, datetime.now().time())
    return datetime.now()


def _today(args) -> date:
    return args.today or date.today()


def _plan_id(store, args) -> int:
    from tracking.queries import latest_plan_id

    return args.plan if getattr(args, "plan", None) is not None else latest_plan_id(store)


def _cmd_import(store, args) -> int:
    from drafting.plan import CountyPlan
    from tracking.delegations import import_notice, import_plan
    from tracking.plan_validation import check_plan_json
    from tracking.queries import list_delegations

    try:
        data = loads_json(args.file.read_text(encoding="utf-8"))
    except NestingTooDeep as exc:
        raise PolicyDeskError(f"{args.file.name}：{exc}") from exc
    except OSError as exc:
        raise PolicyDeskError(f"{args.file.name}：无法读取（{os_reason(exc)}）") from exc
    except ValueError as exc:
        raise PolicyDeskError(f"{args.file.name}：不是有效的 JSON：{exc}") from exc
    schema = data.get("schema") if isinstance(data, dict) else None
    if schema == "notice/1":
        notice_id = import_notice(store, data, source_path=args.file, now=_now(args))
        print(f"已登记来文 {notice_id}：{data.get('title', '')}")
        return 0
    if schema == "plan/1":
        check_plan_json(data, args.file.name)
    try:
        plan = CountyPlan.from_json(data)
    except (ValueError, TypeError) as exc:
        raise PolicyDeskError(f"{args.file.name}：不是方案（plan/1）或来文（notice/1）JSON：{exc}") from exc
    from tracking.plan_revision import revise_plan, same_plan

    previous = same_plan(store, plan) if not args.no_delegate else None
    if previous is not None:
        changes = revise_plan(store, previous, plan, apply=not args.dry_run, until=args.until, now=_now(args))
        print(f"方案 {previous} 已导入过，本次为修订（第{changes.old_version}版 → 第{changes.new_version}版）：")
        for line in changes.lines() or ["任务、责任单位和时限均无变化"]:
            print(f"  {line}")
        print(f"已更新方案 {previous} 至第{changes.new_version}版，原有反馈、附件和办理记录均保留。"
              if changes.applied else "（预览，未更改；去掉 --dry-run 即应用）")
        return 0
    plan_id = import_plan(store, plan, source_path=args.file, delegate_units=not args.no_delegate,
                          until=args.until, now=_now(args), revise=False)
    from tracking.queries import pending_units

    rows = list_delegations(store, plan_id=plan_id, today=_today(args))
    print(f"已导入方案 {plan_id}：{plan.title}")
    recurring = sum(r.recurring for r in rows)
    note = f"（其中周期性任务 {recurring} 件，共 {sum(r.occurrences for r in rows)} 次报送）" if recurring else ""
    print(f"任务 {len(plan.tasks)} 项，交办 {len(rows)} 件{note}，涉及单位 {len({r.unit for r in rows})} 个。")
    waiting = pending_units(store, plan_id)
    if waiting:
        print(f"另有 {len(waiting)} 个责任单位不在单位资料中，未交办，请确认（policydesk track pending）：" +
              "、".join(dict.fromkeys(p.unit for p in waiting)))
    return 0


def _cmd_list(store, args) -> int:
    from tracking.queries import LIGHT_MEANING, list_delegations, workday_caveats

    rows = list_delegations(store, today=_today(args), plan_id=args.plan, unit=args.unit, overdue=args.overdue,
                            due_within=args.due_within, open_only=args.open,
                            light=LIGHTS[args.light] if args.light else None)
    if args.json:
        print(json.dumps(safe_json([_row_json(r) for r in rows]), ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("没有符合条件的交办事项。")
        return 0
    print("编号\t任务\t责任单位\t时限\t状态\t督办提示")
    for r in rows:
        due = r.due_date.isoformat() if r.due_date else (r.deadline_text or "无时限")
        if r.due_time:
            due += f" {r.due_time}"
        hint = f"{r.light_name}（{LIGHT_MEANING[r.light]}）" if r.light else ""
        if r.overdue_days:
            hint = f"{r.light_name}（逾期{r.overdue_days}个工作日）"
        if r.recurring:
            due = f"{r.deadline_text}（下次 {r.next_due.isoformat() if r.next_due else '无'}）"
            hint += f" 已报{r.occurrences_reported}/{r.occurrences}次" + (
                f"，缺报{r.occurrences_missed}次" if r.occurrences_missed else "")
        print(f"{r.id}\t{r.task_key} {r.category}\t{r.unit}（{r.role}）\t{due}\t{r.status}\t{hint}")
    overdue = sum(1 for r in rows if r.overdue_days)
    print(f"共 {len(rows)} 件，其中逾期 {overdue} 件。")
    for note in workday_caveats([_today(args)] + [r.due_date for r in rows if r.due_date]):
        print(f"提示：{note}", file=sys.stderr)
    return 0


def _row_json(r) -> dict:
    return {"id": r.id, "plan": r.plan_id, "task": r.task_key, "category": r.category, "unit": r.unit,
            "role": r.role, "due": r.due_date.isoformat() if r.due_date else None, "time": r.due_time,
            "status": r.status, "light": r.light, "overdue_days": r.overdue_days, "feedback": r.feedback,
            "recurring": r.recurring, "occurrences": r.occurrences, "reported": r.occurrences_reported,
            "missed": r.occurrences_missed, "next_due": r.next_due.isoformat() if r.next_due else None,
            "plan_version": r.plan_version}


def _cmd_delegate(store, args) -> int:
    from tracking.delegations import delegate, find_task

    plan_id = args.plan
    task_id = find_task(store, args.task, plan_id)
    ids = delegate(store, task_id, args.unit, role=args.role, each=args.each, now=_now(args))
    print(f"已将任务 {args.task} 交办给{args.unit}（{args.role}），交办事项编号：{'、'.join(map(str, ids))}")
    return 0


def _cmd_update(store, args) -> int:
    from tracking.delegations import update_status

    if not (args.status or args.feedback or args.file):
        raise PolicyDeskError("请给出 --status、--feedback 或 --file")
    change = update_status(store, args.id, args.status, feedback=args.feedback, files=args.file, now=_now(args),
                           occurrence=args.occurrence)
    note = f"交办事项 {args.id}：{change.old_status} → {change.new_status}"
    if change.occurrence:
        note += f"，第{change.occurrence}次报送已记录"
    if change.feedback_id:
        note += "，已记录反馈"
    if change.attachment_paths:
        note += f"，附件 {len(change.attachment_paths)} 个"
    print(note)
    return 0


def _cmd_export(store, args) -> int:
    from tracking.ledger import write_ledger

    path = write_ledger(store, args.out, plan_id=_plan_id(store, args), today=_today(args))
    print(f"已导出督办台账：{path}")
    return 0


def _cmd_remind(store, args) -> int:
    from tracking.reminder import write_reminder

    result = write_reminder(store, args.out, plan_id=_plan_id(store, args), today=_today(args), now=_now(args))
    if result is None:
        print("没有逾期或滞后的事项，无需催办。")
        return 0
    print(f"已起草催办通知：{result.path}（催办单位 {len(result.units)} 个，事项 {len(result.delegation_ids)} 件）")
    return 0


def _cmd_report(store, args) -> int:
    from tracking.report import write_report

    path = write_report(store, args.out, plan_id=_plan_id(store, args), today=_today(args))
    print(f"已起草进展情况报告：{path}")
    return 0


def _cmd_ics(store, args) -> int:
    from tracking.ics import write_ics

    path = write_ics(store, args.out, plan_id=_plan_id(store, args), now=_now(args))
    print(f"已导出时限日历：{path}")
    return 0


def _cmd_plans(store, args) -> int:
    from tracking.queries import list_plans, summarize

    plans = list_plans(store)
    if not plans:
        print("督办库中还没有方案。")
        return 0
    print("编号\t方案\t文号\t交办\t已办结\t逾期")
    for plan in plans:
        s = summarize(store, plan.id, _today(args))
        print(f"{plan.id}\t{plan.title}\t{plan.doc_number or ''}\t{s.delegations}\t{s.by_status['办结']}\t{s.overdue}")
    return 0


def _cmd_log(store, args) -> int:
    events = store.events("delegation", args.id) if args.id else store.events()
    for e in events:
        detail = json.loads(e["detail"])
        text = "，".join(f"{k}：{v}" for k, v in detail.items() if v not in (None, [], ""))
        print(f"{e['at'].replace('T', ' ')}\t{e['actor']}\t{e['action']}\t{e['entity']} {e['entity_id'] or ''}\t{text}")
    return 0


def _cmd_history(store, args) -> int:
    from tracking.queries import current_delegation_id, history

    head = current_delegation_id(store, args.id)
    if head != args.id:
        print(f"交办事项 {args.id} 已并入周期性任务事项 {head}，以下为其全部记录：")
    for e in history(store, head):
        text = "，".join(f"{k}：{'是' if v is True else ('、'.join(map(str, v)) if isinstance(v, list) else v)}"
                        for k, v in e.detail.items() if v not in (None, [], "", False))
        where = f"（原事项 {e.delegation_id}）" if e.delegation_id != head else ""
        print(f"{e.at:%Y-%m-%d %H:%M}\t{e.actor}\t{e.action}{where}\t{text}")
    return 0


def _cmd_show(store, args) -> int:
    from tracking.queries import get_delegation, occurrences_of

    r = get_delegation(store, args.id, _today(args))
    print(f"交办事项 {r.id}：{r.task_key} {r.category} — {r.unit}（{r.role}），{r.status}，方案 {r.plan_id} 第{r.plan_version}版")
    print(f"任务：{r.measures}")
    if not r.recurring:
        print(f"时限：{r.due_date.isoformat() if r.due_date else (r.deadline_text or '无时限')}")
        return 0
    print(f"时限：{r.deadline_text}，共 {r.occurrences} 次，已报送 {r.occurrences_reported} 次，"
          f"缺报 {r.occurrences_missed} 次，下次 {r.next_due.isoformat() if r.next_due else '无'}")
    print("次数\t应报日期\t状态\t报送时间\t报送内容")
    for o in occurrences_of(store, r.id, _today(args)):
        at = f"{o.reported_at:%Y-%m-%d %H:%M}" if o.reported_at else ""
        due = o.due.isoformat() + (f" {o.due_time}" if o.due_time else "")
        print(f"{o.number}\t{due}\t{o.state}\t{at}\t{o.feedback}")
    return 0


def _cmd_pending(store, args) -> int:
    from tracking.queries import pending_units

    rows = pending_units(store, args.plan)
    if not rows:
        print("没有待确认的责任单位。")
        return 0
    print("编号\t方案\t任务\t单位\t角色\t原因")
    for p in rows:
        print(f"{p.id}\t{p.plan_id}\t{p.task_key} {p.category}\t{p.unit}\t{p.role}\t{p.reason}")
    return 0


def _cmd_resolve(store, args) -> int:
    from tracking.delegations import resolve_pending

    ids = resolve_pending(store, args.id, args.unit, each=args.each, now=_now(args))
    if args.unit:
        print(f"已交办给{args.unit}，交办事项编号：{'、'.join(map(str, ids))}")
    else:
        print(f"待确认单位 {args.id} 已标记为不交办")
    return 0


def _cmd_summary(store, args) -> int:
    from tracking.queries import achievement, list_delegations

    plan_id = _plan_id(store, args)
    today = _today(args)
    by_unit, by_task = achievement(list_delegations(store, plan_id=plan_id, today=today), today)
    for label, items in (("单位", by_unit), ("任务", by_task)):
        print(f"{label}\t交办\t完成\t逾期\t应完成\t按时完成\t工作达成率\t")
        for a in items:
            bar = "█" * round(10 * a.rate) if a.rate is not None else ""
            print(f"{a.name}\t{a.assigned}\t{a.done}\t{a.overdue}\t{a.due}\t{a.on_time}\t{a.rate_text}\t{bar}")
        print()
    print(f"统计截至{today.isoformat()}；工作达成率 = 按时完成 ÷ 截至当日应完成（周期性任务按次计）。")
    return 0


def _cmd_form(store, args) -> int:
    from tracking.feedback_form import write_feedback_form, write_supervision_sheet

    plan_id = _plan_id(store, args)
    suffix = args.out.suffix.lower()
    if suffix == ".xlsx":
        path = write_feedback_form(store, args.out, plan_id=plan_id, unit=args.unit, today=_today(args))
        print(f"已导出{args.unit}的反馈表：{path}")
    elif suffix == ".docx":
        path = write_supervision_sheet(store, args.out, plan_id=plan_id, unit=args.unit, today=_today(args))
        print(f"已导出{args.unit}的督办单：{path}")
    else:
        raise PolicyDeskError(f"{args.out.name}：反馈表应为 .xlsx，督办单应为 .docx")
    return 0


def _cmd_feedback(store, args) -> int:
    from tracking.feedback_form import apply_feedback_form, read_feedback_form

    preview = read_feedback_form(store, args.file, unit=args.unit, today=_today(args))
    print(f"{preview.unit}的反馈表（方案 {preview.plan_id}）：")
    for line in preview.lines():
        print(f"  {line}")
    if args.dry_run or not preview.changes:
        print("（预览，未更改）" if preview.changes else "未作更改。")
        return 0
    count = apply_feedback_form(store, preview, now=_now(args))
    print(f"已导入反馈 {count} 项。")
    return 0
