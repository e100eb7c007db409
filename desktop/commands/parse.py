"""``policydesk parse FILE…``: what a notice asks, by whom and by when.

``--json`` prints the ``notice/1`` object of each file: for one file, one indented object; for
several files, JSON Lines (one compact object per line, in the order given). Without ``--json``
a readable summary in Chinese.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from desktop.commands.console import progress_line
from parsing.errors import PolicyDeskError

if TYPE_CHECKING:
    from parsing.model import Notice, Section


def add_parser(subparsers, name: str) -> None:
    parser = subparsers.add_parser(
        name, help="解析上级来文：文号、标题、任务、责任单位、时限",
        description="解析公文，提取文号、发文机关、标题、主送机关、任务分工、时限、领导小组、联系人与附件。")
    parser.add_argument("files", nargs="+", metavar="FILE", help=".txt .docx .pdf .ofd .doc .wps 或图片")
    parser.add_argument("--json", action="store_true",
                        help="输出 notice/1 JSON（一个文件输出一个对象；多个文件每行一个对象，即 JSON Lines）")
    parser.add_argument("--text", action="store_true", help="JSON 中附带清理后的正文（各 span 的依据）")
    parser.add_argument("--no-ocr", action="store_true", help="不对扫描页做文字识别")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from parsing.parser import parse_file
    from parsing.text_safety import safe_json

    status = 0
    several = len(args.files) > 1
    for index, file in enumerate(args.files):
        try:
            with progress_line(file) as progress:
                notice = parse_file(file, progress, ocr=not args.no_ocr)
        except PolicyDeskError as exc:
            print(f"错误：{exc}", file=sys.stderr)
            status = 2
            continue
        if args.json:
            data = notice.to_json(include_text=args.text)
            print(json.dumps(safe_json(data), ensure_ascii=False, indent=None if several else 2))
        else:
            if several:
                print(f"{'' if index == 0 else chr(10)}==> {notice.source.file} <==")
            print(summary(notice))
    return status


_RECURRENCE = {"daily": "每日", "weekly": "每周", "monthly": "每月", "quarterly": "每季度", "half-yearly": "每半年",
               "yearly": "每年"}


def _outline_lines(sections: list[Section], depth: int = 0) -> list[str]:
    lines = []
    for section in sections:
        if not section.numbered:
            continue
        number = section.number + ("" if section.number.startswith(("（", "第")) else
                                   ("." if section.number.isdigit() else "、"))
        lines.append(f"{'  ' * depth}{number}{section.heading}")
        lines.extend(_outline_lines(section.children, depth + 1))
    return lines


def summary(notice: Notice) -> str:
    """A readable Chinese summary of a parsed notice."""
    out: list[str] = []

    def field(label: str, value) -> None:
        out.append(f"{label}：{value if value else '（未识别）'}")

    field("标题", notice.title)
    field("文种", notice.genre)
    field("发文字号", notice.doc_number)
    field("发文机关", notice.issuer)
    if notice.urgency:
        field("紧急程度", notice.urgency)
    field("主送机关", "、".join(notice.recipients))
    field("落款", notice.signatory)
    field("成文日期", notice.issue_date)
    if notice.enclosed_title:
        field("所附文件", f"《{notice.enclosed_title}》")
    if notice.basis:
        field("依据", "".join(f"《{b}》" for b in notice.basis))
    outline = _outline_lines(notice.outline)
    if outline:
        out.append("")
        out.append("结构：")
        out.extend(f"  {line}" for line in outline)
    out.append("")
    out.append(f"任务（{len(notice.tasks)} 项）：")
    for k, task in enumerate(notice.tasks, 1):
        units = ""
        if task.lead:
            units += f"　牵头：{'、'.join(task.lead)}"
        if task.support:
            units += f"　配合：{'、'.join(task.support)}"
        due = [notice.deadlines[i] for i in task.deadlines if i < len(notice.deadlines)]
        when = "　时限：" + "；".join(d.text for d in due) if due else ""
        out.append(f"  {k}. [{'/'.join(task.outline_path)}] {task.heading}{units}{when}")
    if notice.deadlines:
        out.append("")
        out.append(f"时限（{len(notice.deadlines)} 项）：")
        for d in notice.deadlines:
            date = d.date or d.event or _RECURRENCE.get(d.recurrence or "", "") or (f"{d.start}起" if d.start else "—")
            if d.start and d.date:
                date = f"{d.start} 至 {d.date}"
            out.append(f"  {date}　{d.text}" + (f"（{d.action}）" if d.action else ""))
    if notice.phases:
        out.append("")
        out.append("阶段：")
        for p in notice.phases:
            out.append(f"  {p.name}：{p.start or '?'} 至 {p.end or '?'}")
    if notice.leadership:
        lead = notice.leadership
        out.append("")
        out.append(f"领导小组：{lead.group or '（未识别名称）'}")
        out.append(f"  组长：{'、'.join(lead.leader) or '—'}")
        out.append(f"  副组长：{'、'.join(lead.deputy) or '—'}")
        if lead.members:
            out.append(f"  成员：{'、'.join(lead.members)}")
        if lead.office:
            out.append(f"  办公室：{lead.office}")
    if notice.contacts:
        out.append("")
        out.append("联系人：")
        for c in notice.contacts:
            out.append("  " + "　".join(v for v in (c.name, c.phone, c.email) if v))
    if notice.attachments:
        out.append("")
        out.append("附件：")
        out.extend(f"  {k}. {name}" for k, name in enumerate(notice.attachments, 1))
    if notice.warnings:
        out.append("")
        out.extend(f"提示：{w}" for w in notice.warnings)
    return "\n".join(out)
