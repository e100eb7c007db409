"""``policydesk text FILE…``: print the cleaned text of each file (``--json``: pages, warnings, map)."""

from __future__ import annotations

import argparse
import json
import sys

from desktop.commands.console import progress_line
from parsing.errors import PolicyDeskError


def add_parser(subparsers, name: str) -> None:
    parser = subparsers.add_parser(name, help="输出文件清理后的正文", description="读取文件并输出清理后的正文。")
    parser.add_argument("files", nargs="+", metavar="FILE", help=".txt .docx .pdf .ofd .doc .wps 或图片")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出：正文、页数、警告与偏移映射")
    parser.add_argument("--no-ocr", action="store_true", help="不对扫描页做文字识别")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from parsing.pipeline import read_text

    status = 0
    for index, file in enumerate(args.files):
        try:
            with progress_line(file) as progress:
                raw, clean = read_text(file, progress, ocr=not args.no_ocr)
        except PolicyDeskError as exc:
            print(f"错误：{exc}", file=sys.stderr)
            status = 2
            continue
        if args.json:
            print(json.dumps({
                "file": raw.path.name, "format": raw.format, "pages": raw.page_count, "ocr": raw.ocr,
                "encoding": raw.encoding, "text": clean.text,
                "paragraphs": [[p.start, p.end, p.kind] for p in clean.paragraphs],
                "warnings": clean.warnings, "map": {"pages": list(clean.pages), "offsets": list(clean.offsets)},
            }, ensure_ascii=False))
        else:
            if len(args.files) > 1:
                print(f"{'' if index == 0 else chr(10)}==> {raw.path.name} <==")
            print(clean.text)
            for warning in clean.warnings:
                print(f"提示：{warning}", file=sys.stderr)
    return status
