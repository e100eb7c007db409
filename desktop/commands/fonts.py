"""``policydesk fonts``: which 公文 fonts this machine has, and what replaces the missing ones."""

from __future__ import annotations

import argparse


def add_parser(subparsers, name: str) -> None:
    parser = subparsers.add_parser(name, help="检查公文字体（方正小标宋简体、仿宋_GB2312、黑体、楷体_GB2312）是否已安装")
    parser.add_argument("--profile", default=None, metavar="版式方案",
                        help="按此版式方案使用的字体检查（默认：standard）")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from drafting.gbt9704.fonts import font_report, format_font_report
    from drafting.gbt9704.profiles import load_profile

    statuses = font_report(load_profile(args.profile) if args.profile else None)
    print(format_font_report(statuses))
    return 0
