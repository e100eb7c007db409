"""``policydesk gui``: the desktop app; with ``--screenshot`` a headless picture of one page."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

PAGE_NAMES = ("收文", "解析", "起草", "分工", "督办", "设置")


def add_parser(subparsers, name: str) -> None:
    parser = subparsers.add_parser(name, help="打开桌面程序（可先打开文件，或无界面截图）")
    parser.add_argument("--open", dest="open_files", type=Path, metavar="文件", action="append", default=[],
                        help="启动后打开并解析此来文（可重复，打开多个文件）")
    parser.add_argument("--screenshot", type=Path, metavar="OUT.png",
                        help="不显示窗口：打开文件、等待解析完成、切换到指定页面，把窗口截图保存后退出")
    parser.add_argument("--page", choices=PAGE_NAMES, default=None, help="截图的页面（默认：有文件时为“解析”）")
    parser.add_argument("--size", default="1360x860", metavar="宽x高", help="截图时窗口大小（默认 1360x860）")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from desktop.app import has_display

    if args.screenshot is None:
        if not has_display():
            print("没有可用的图形显示（未设置 DISPLAY/WAYLAND_DISPLAY），无法打开窗口；"
                  "可用 --screenshot OUT.png 无界面截图，或在有桌面的电脑上运行。", file=sys.stderr)
            return 3
        from desktop.app import main

        return main(args.open_files)
    if not has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from desktop.headless import screenshot

    try:
        width, height = (int(v) for v in args.size.lower().split("x"))
    except ValueError:
        print(f"窗口大小格式应为 宽x高，例如 1360x860：{args.size}", file=sys.stderr)
        return 2
    page = args.page or ("解析" if args.open_files else "收文")
    out = screenshot(args.screenshot, page, args.open_files, size=(width, height))
    print(f"已保存截图：{out}")
    return 0
