"""``policydesk export-sample OUT.docx``: a full sample 通知 in GB/T 9704-2012 format.

The sample uses every element of the format: 份号, 密级, 紧急程度, the red 发文机关标志, 发文字号,
a two-line title, 主送, headings of all four levels, 附件说明, seal, 附注, two attachments (the
实施方案 and a landscape 任务分工表) and the 版记. ``--xlsx`` also writes the 任务分工表 as .xlsx.
"""

from __future__ import annotations

import argparse
from pathlib import Path

KINDS = ("notice", "report", "joint")


def add_parser(subparsers, name: str) -> None:
    parser = subparsers.add_parser(name, help="生成一份符合 GB/T 9704-2012 的示例通知（.docx）")
    parser.add_argument("out", type=Path, metavar="OUT.docx", help="输出文件")
    parser.add_argument("--kind", choices=KINDS, default="notice",
                        help="示例类型：notice 下行文通知（默认）、report 上行文报告（含签发人）、joint 联合行文")
    parser.add_argument("--profile", default=None, metavar="版式方案",
                        help="版式方案名称（默认 standard；另有 bold-level3、pitch-28、pitch-29、"
                             "page-number-center、preprinted-letterhead、windows-fonts）")
    parser.add_argument("--xlsx", type=Path, default=None, metavar="OUT.xlsx", help="同时导出任务分工表 .xlsx")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from drafting.gbt9704 import write_docx
    from drafting.gbt9704.sample import TASK_ROWS, sample_joint_notice, sample_notice, sample_report
    from drafting.xlsx_table import write_task_table_xlsx
    from parsing.errors import PolicyDeskError

    out: Path = args.out
    if out.suffix.lower() != ".docx":
        raise PolicyDeskError(f"{out.name}：输出文件应以 .docx 结尾")
    doc = {"notice": sample_notice, "report": sample_report, "joint": sample_joint_notice}[args.kind]()
    path = write_docx(doc, out, profile=args.profile)
    print(f"已生成示例公文：{path}")
    if args.xlsx:
        xlsx = write_task_table_xlsx("清河县2024年爱国卫生月活动任务分工表", TASK_ROWS, args.xlsx,
                                     unit="清河县卫生健康局")
        print(f"已生成任务分工表：{xlsx}")
    return 0
