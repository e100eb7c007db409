"""``policydesk draft NOTICE -o plan.docx``: the county's 实施方案 from a superior notice.

NOTICE is a source file (.txt .docx .pdf …, parsed first) or a ``notice/1`` .json. Writes the
cover 通知 with the plan and the 任务分工表 as attachments (.docx, GB/T 9704), and optionally the
task table (.xlsx, or .docx by its suffix) and the ``plan/1`` JSON. Prints the completeness check.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from parsing.errors import PolicyDeskError

# The kinds drafting.plan_builder builds (its PLAN_KINDS; a test keeps the two equal). Written out
# here so that building the command list does not import the drafting stack.
PLAN_KINDS = ("实施方案", "工作方案", "转发通知")


def add_parser(subparsers, name: str) -> None:
    parser = subparsers.add_parser(
        name, help="起草县级实施方案、印发通知和任务分工表",
        description="根据上级来文起草本级实施方案（含印发通知和任务分工表），时限按单位资料提前若干个工作日倒排。")
    parser.add_argument("notice", metavar="NOTICE", help="上级来文（.txt .docx .pdf 等）或 notice/1 JSON")
    parser.add_argument("--profile", metavar="PROFILE", help="单位资料 profile.json（默认：用户资料，没有则用示例县）")
    parser.add_argument("-o", "--output", required=True, metavar="PLAN.docx", help="输出的通知及方案 .docx")
    parser.add_argument("--table", metavar="TABLE.xlsx", help="另存任务分工表（.xlsx 或 .docx）")
    parser.add_argument("--json", metavar="PLAN.json", help="另存方案数据（plan/1 JSON）")
    parser.add_argument("--kind", choices=PLAN_KINDS, default="实施方案", help="文种（默认：实施方案）")
    parser.add_argument("--today", metavar="YYYY-MM-DD", help="方案印发日期（默认：上级来文的成文日期）")
    parser.add_argument("--number", metavar="N", help="发文字号的序号，如 12 → 示卫健〔2025〕12号")
    parser.set_defaults(run=run)


def _date(text: str | None) -> datetime.date | None:
    if not text:
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError as exc:
        raise PolicyDeskError(f"日期格式应为 YYYY-MM-DD：{text}") from exc


def run(args: argparse.Namespace) -> int:
    from drafting.atomic import atomic_write_text, check_target
    from drafting.plan_builder import build_plan, load_notice
    from drafting.plan_export import write_plan_docx, write_task_table_docx, write_task_table_xlsx
    from drafting.profile import load_profile, load_user_profile
    from parsing.text_safety import xml_safe

    profile = load_profile(args.profile) if args.profile else load_user_profile()
    notice = load_notice(args.notice)
    plan = build_plan(notice, profile, today=_date(args.today), kind=args.kind)
    if args.number:
        year = (plan.issue_date or datetime.date.today().isoformat())[:4]
        plan.doc_number = f"{profile.doc_prefix}〔{year}〕{args.number.strip()}号"
        plan.checks = [c for c in plan.checks if "发文字号" not in c.message]
    output = Path(args.output)
    for target in (args.output, args.table, args.json):
        if target:
            check_target(target)
    write_plan_docx(plan, output)
    written = [str(output)]
    if args.table:
        table = Path(args.table)
        if table.suffix.lower() == ".docx":
            write_task_table_docx(plan, table)
        else:
            write_task_table_xlsx(plan, table)
        written.append(str(table))
    if args.json:
        json_path = Path(args.json)
        atomic_write_text(json_path, xml_safe(plan.dumps()))
        written.append(str(json_path))
    print(f"{plan.title}")
    print(f"任务 {len(plan.tasks)} 项，替换 {sum(s.count for s in plan.substitutions)} 处，已写入：{'、'.join(written)}")
    for check in plan.checks:
        mark = "错误" if check.level == "error" else "提示"
        print(f"  [{mark}] {check.message}", file=sys.stderr)
    return 1 if any(c.level == "error" for c in plan.checks) else 0
