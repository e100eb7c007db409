"""The one Jinja2 environment of the documents, and the plain-text structure its templates write.

Templates (``templates/*.j2``: 印发通知, 实施方案, 工作方案, 转发通知) are plain text a user can copy
into ``<user data>/templates`` and edit; a file there overrides the bundled one of the same name.
``StrictUndefined`` makes a misspelt variable an error, never an empty gap in a 通知.

Structure of the rendered text, one paragraph per line (blank lines ignored)::

    # 总体要求                 a level-1 heading (numbered 一、 on export)
    ## 加强组织领导。正文……     a level-2 heading (（一）) with run-in text after the first 。
    ### …                      level 3 (1.), #### level 4 ((1))
    正文……                     a body paragraph of the current section

Numbers are never written in templates: the export numbers headings by level and position,
so a deleted section renumbers the rest.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from drafting.plan import PlanSection
from parsing.errors import PolicyDeskError
from parsing.locations import TEMPLATES_DIR, user_data_dir

TEMPLATE_NAMES = ("印发通知", "实施方案", "工作方案", "转发通知")
_HEADING = re.compile(r"^(#{1,4})\s*(.+)$")


class TemplateError(PolicyDeskError):
    """A template is missing or does not render."""


def user_templates_dir() -> Path:
    """``<user data>/templates``: templates there override the bundled ones by name."""
    return user_data_dir() / "templates"


@lru_cache(maxsize=4)
def _environment(user_dir: str) -> jinja2.Environment:
    # A template in the user's folder is untrusted text: the immutable sandbox lets it read the
    # values it is given, never call into Python (``__class__``/``__globals__``), run a command
    # or change the plan it renders.
    loader = jinja2.FileSystemLoader([user_dir, str(TEMPLATES_DIR)], encoding="utf-8")
    return ImmutableSandboxedEnvironment(loader=loader, undefined=jinja2.StrictUndefined, autoescape=False,
                                         trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False,
                                         auto_reload=True)


def environment() -> jinja2.Environment:
    """The documents' Jinja2 environment: the user's template folder first, then ``templates/``."""
    return _environment(str(user_templates_dir()))


def render(name: str, **context: object) -> str:
    """Render ``<name>.j2`` with ``context``; a :class:`TemplateError` in Chinese on failure."""
    filename = name if name.endswith(".j2") else f"{name}.j2"
    try:
        template = environment().get_template(filename)
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(f"找不到模板 {filename}") from exc
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"模板 {filename} 第{exc.lineno}行语法有误：{exc.message}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateError(f"模板 {filename} 无法读取（不是 UTF-8 文本或没有读取权限）") from exc
    try:
        return template.render(**context)
    except jinja2.TemplateNotFound as exc:  # an {% include %} of a template that is not there
        raise TemplateError(f"模板 {filename}{_at_line(exc, template)}引用的模板 {exc.name} 不存在") from exc
    except jinja2.UndefinedError as exc:
        raise TemplateError(f"模板 {filename}{_at_line(exc, template)}使用了未定义的变量：{exc.message}") from exc
    except SecurityError as exc:
        raise TemplateError(f"模板 {filename}{_at_line(exc, template)}有不允许的操作（模板只能使用给定的内容）："
                            f"{exc}") from exc
    except jinja2.TemplateError as exc:
        raise TemplateError(f"模板 {filename}{_at_line(exc, template)}无法生成：{exc.message or exc}") from exc
    except (ArithmeticError, LookupError, TypeError, ValueError, RecursionError) as exc:
        raise TemplateError(f"模板 {filename}{_at_line(exc, template)}无法生成：{type(exc).__name__}：{exc}") from exc


def _at_line(exc: BaseException, template: jinja2.Template) -> str:
    """``第N行`` of ``template`` where ``exc`` was raised (jinja2 puts the template's own line
    into the traceback), or a space when it cannot tell."""
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if template.filename and tb.tb_frame.f_code.co_filename == template.filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return f"第{line}行" if line else ""


def parse_structured(text: str) -> tuple[list[str], list[PlanSection]]:
    """Split rendered text into the paragraphs before the first heading and the section tree."""
    preamble: list[str] = []
    roots: list[PlanSection] = []
    stack: list[PlanSection] = []
    for raw in text.splitlines():
        line = raw.strip(" \t\r\n")  # full-width spaces are kept: they align 副组长 lines
        if not line.strip():
            continue
        m = _HEADING.match(line)
        if not m:
            (stack[-1].paragraphs if stack else preamble).append(line)
            continue
        level = len(m.group(1))
        heading, run_in = split_run_in(m.group(2).strip()) if level > 1 else (m.group(2).strip(), "")
        section = PlanSection(heading=heading, level=level, paragraphs=[run_in] if run_in else [])
        while stack and stack[-1].level >= level:
            stack.pop()
        (stack[-1].children if stack else roots).append(section)
        stack.append(section)
    return preamble, roots


def split_run_in(text: str) -> tuple[str, str]:
    """``加强组织领导。各单位要……`` → (``加强组织领导``, ``各单位要……``): the heading ends at the
    first 。 outside brackets."""
    depth = 0
    for i, ch in enumerate(text):
        if ch in "（(“《":
            depth += 1
        elif ch in "）)”》" and depth:
            depth -= 1
        elif ch == "。" and depth == 0:
            return text[:i], text[i + 1:].strip()
    return text.rstrip("。"), ""
