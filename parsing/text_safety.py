"""One cleaner for every string that enters or leaves the desk.

Word's Shift+Enter (``\\x0b``), a pasted terminal escape (``\\x1b[31m``), a stray ``\\x01``, the
non-characters U+FFFE/U+FFFF or a lone surrogate (from a file name in a wrong encoding) are
not text: XML 1.0 forbids most of them, so one of them in a feedback or a notice would make
every later .docx/.xlsx export fail, and a terminal would act on the escapes. The same rules
apply at both edges:

* :func:`clean_input` — text typed or loaded (feedback, notices, plan and profile JSON):
  vertical tab / form feed / line and paragraph separators become line breaks, escape
  sequences and other control characters are dropped, CRLF becomes LF;
* :func:`xml_safe` — text written into .docx / .xlsx / .ics / JSON: whatever XML 1.0 cannot
  hold is dropped (a line-break control becomes ``\\n``), a lone surrogate becomes U+FFFD;
* :func:`clean_json` / :func:`safe_json` — the same over every string (keys too) of a
  JSON value, bounded in depth.
"""

from __future__ import annotations

import re
from typing import Any

# ESC-introduced sequences: CSI (ESC [ … final), OSC (ESC ] … BEL/ST), and two-byte escapes.
_ESCAPES = re.compile(r"\x1b(?:\[[0-?]{0,64}[ -/]{0,8}[@-~]|\][^\x07\x1b]{0,512}(?:\x07|\x1b\\)?|[@-Z\\-_]|)")
_C1_CSI = re.compile(r"\x9b[0-?]{0,64}[ -/]{0,8}[@-~]")
_LINE_BREAKS = re.compile(r"\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
# What XML 1.0 (and so .docx/.xlsx) cannot hold: C0 controls but tab/LF/CR, surrogates, U+FFFE/U+FFFF.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Also dropped from input: DEL, the C1 controls and the other non-characters (U+FDD0–U+FDEF).
_INPUT_ILLEGAL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
MAX_JSON_DEPTH = 64


def _fix_surrogates(text: str) -> str:
    """Pair surrogates (``\\ud83d\\ude00``) become their character; a lone one becomes U+FFFD."""
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def clean_input(text: str | None) -> str:
    """``text`` normalised for storing and parsing (see the module docstring); None gives ''."""
    if not text:
        return ""
    text = _fix_surrogates(text)
    text = _C1_CSI.sub("", _ESCAPES.sub("", text))
    text = _LINE_BREAKS.sub("\n", text)
    return _INPUT_ILLEGAL.sub("", text)


def xml_safe(text: str) -> str:
    """``text`` with every character XML 1.0 forbids removed (``\\x0b``/``\\x0c`` become ``\\n``)."""
    if not _XML_ILLEGAL.search(text):
        return text
    text = _fix_surrogates(text).replace("\x0b", "\n").replace("\x0c", "\n")
    return _XML_ILLEGAL.sub("", text)


def terminal_safe(text: str) -> str:
    """``text`` fit to print: escape sequences and control characters (but tab/LF) removed."""
    return clean_input(text)


class NestingTooDeep(ValueError):
    """A JSON value nested deeper than :data:`MAX_JSON_DEPTH`."""

    def __init__(self, limit: int = MAX_JSON_DEPTH):
        super().__init__(f"JSON 嵌套层数超过 {limit} 层，不是本程序的数据文件")


def _walk(value: Any, fix, depth: int) -> Any:
    if depth > MAX_JSON_DEPTH:
        raise NestingTooDeep()
    if isinstance(value, str):
        return fix(value)
    if isinstance(value, dict):
        return {(fix(k) if isinstance(k, str) else k): _walk(v, fix, depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_walk(v, fix, depth + 1) for v in value]
    return value


def clean_json(value: Any) -> Any:
    """Every string of a loaded JSON value through :func:`clean_input` (raises NestingTooDeep)."""
    return _walk(value, clean_input, 0)


def safe_json(value: Any) -> Any:
    """Every string of a JSON value about to be written through :func:`xml_safe`."""
    return _walk(value, xml_safe, 0)


def loads_json(text: str) -> Any:
    """``json.loads`` that refuses deep nesting with :class:`NestingTooDeep` (never RecursionError)
    and cleans every string."""
    import json

    if _nesting_depth(text) > MAX_JSON_DEPTH:
        raise NestingTooDeep()
    try:
        value = json.loads(text)
    except RecursionError as exc:
        raise NestingTooDeep() from exc
    return clean_json(value)


_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_BRACKET = re.compile(r"[\[\]{}]")


def _nesting_depth(text: str) -> int:
    """The deepest bracket nesting in JSON text, strings skipped (linear scan)."""
    depth = deepest = 0
    for m in _BRACKET.finditer(_JSON_STRING.sub("", text)):
        if m.group() in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_JSON_DEPTH:
                    return deepest
        else:
            depth -= 1
    return deepest
