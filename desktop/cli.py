"""The ``policydesk`` command: one subcommand per module of :mod:`desktop.commands`.

Every subcommand drives the Qt-free core except ``gui``. Errors print one line naming the file
and what is wrong, and the exit status is non-zero.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
from collections.abc import Sequence

from parsing.errors import PolicyDeskError
from parsing.os_errors import describe_os_error
from parsing.progress import Cancelled
from parsing.text_safety import terminal_safe

# Subcommand name -> module. A module that is not present yet is simply not offered.
COMMANDS = {
    "text": "desktop.commands.text",
    "parse": "desktop.commands.parse",
    "draft": "desktop.commands.draft",
    "track": "desktop.commands.track",
    "export-sample": "desktop.commands.export_sample",
    "fonts": "desktop.commands.fonts",
    "gui": "desktop.commands.gui",
}


class _Parser(argparse.ArgumentParser):
    """Argument errors as one Chinese line (``错误：…``) and exit status 2, like every other error;
    subcommand parsers are made of the same class."""

    def error(self, message: str):
        message = (message.replace("the following arguments are required", "缺少参数")
                   .replace("invalid choice", "无效的选项").replace("argument ", "参数 ")
                   .replace("unrecognized arguments", "无法识别的参数"))
        self.exit(2, f"错误：{terminal_safe(message)}（用 {self.prog} --help 查看用法）\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="policydesk",
        description="PolicyDesk 公文助手：解析上级来文，起草实施方案，督办任务落实。",
    )
    sub = parser.add_subparsers(dest="command", metavar="命令")
    for name in available_commands():
        importlib.import_module(COMMANDS[name]).add_parser(sub, name)
    return parser


def available_commands() -> list[str]:
    """The subcommands whose module is present."""
    return [name for name, module in COMMANDS.items() if importlib.util.find_spec(module) is not None]


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not argv:
        argv = ["gui"] if "gui" in parser._subparsers._group_actions[0].choices else ["--help"]
    args = parser.parse_args(argv)
    stdout = sys.stdout
    sys.stdout = TerminalSafeStream(stdout)
    try:
        return int(args.run(args) or 0)
    except PolicyDeskError as exc:
        print(f"错误：{terminal_safe(str(exc))}", file=sys.stderr)
        return 2
    except Cancelled:
        print("已取消。", file=sys.stderr)
        return 130
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # a disk or folder problem no command turned into its own message
        print(f"错误：{terminal_safe(describe_os_error(exc))}", file=sys.stderr)
        return 2
    finally:
        sys.stdout = stdout


class TerminalSafeStream:
    """``sys.stdout`` with every string passed through :func:`terminal_safe`: a feedback holding
    ``\\x1b]…`` or a lone surrogate prints as text, never as a terminal command or a crash."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(terminal_safe(text) if text else text)
        return len(text)

    def __getattr__(self, name: str):
        return getattr(self._stream, name)
