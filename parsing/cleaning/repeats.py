"""Blocks a scanner repeated across a page break: the same run of lines twice in a row.

A copier or scanning app that overlaps pages leaves the end of one page again at the top of
the next. The run may differ by an OCR character or two, so lines are compared with
rapidfuzz. Earlier lines sharing a line's first, middle or last few characters are its candidates
(a bounded number, not far back); only then is the whole run compared, which keeps the search
linear.
"""

from __future__ import annotations

import re
from collections import defaultdict

from rapidfuzz import fuzz

from parsing.cleaning.lines import Line

_KEY_CHARS = 6
_MIN_LINE_CHARS = 6
_MAX_PERIOD = 400  # lines: a repeated block is at most a page or two
_MIN_BLOCK_CHARS = 30
_MAX_WARNINGS = 5
_MAX_CANDIDATES = 16  # per key: lines sharing a beginning (各单位要…) must not make the search quadratic
_LINE_RATIO = 70.0
_BLOCK_RATIO = 90.0
_SPACES = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _SPACES.sub("", text)


def _same_block(norm: list[str], i: int, j: int, period: int) -> bool:
    """True when lines ``i..i+period`` are repeated as ``j..j+period`` (``j == i + period``)."""
    total = 0
    for t in range(period):
        a, b = norm[i + t], norm[j + t]
        if not a or not b:
            return False
        if a != b and fuzz.ratio(a, b) < _LINE_RATIO:
            return False
        total += len(a)
    if total < _MIN_BLOCK_CHARS:
        return False
    first = "".join(norm[i:j])
    second = "".join(norm[j:j + period])
    return first == second or fuzz.ratio(first, second) >= _BLOCK_RATIO


def _recent(indices: list[int], j: int) -> list[int]:
    """Indices in ``indices`` (ascending) within ``_MAX_PERIOD`` lines before ``j``, nearest first."""
    out = []
    for i in reversed(indices):
        if j - i > _MAX_PERIOD or len(out) >= _MAX_CANDIDATES:
            break
        out.append(i)
    return out


def drop_repeated_blocks(lines: list[Line], paged: bool = False) -> tuple[list[Line], list[str]]:
    """The lines without the second copy of each repeated block, and a warning per block.

    ``paged``: the document has real pages, so the warning can say where the block is.
    """
    norm = [("" if line.table else _norm(line.s)) for line in lines]
    by_key: dict[str, list[int]] = defaultdict(list)
    keep = [True] * len(lines)
    warnings: list[str] = []
    n = len(lines)
    j = 0
    while j < n:
        text = norm[j]
        found = 0
        if len(text) >= _MIN_LINE_CHARS:
            middle = len(text) // 2
            keys = ("<" + text[:_KEY_CHARS], ">" + text[-_KEY_CHARS:],
                    "=" + text[middle - _KEY_CHARS // 2:middle + _KEY_CHARS // 2])
            candidates = sorted({i for key in keys for i in _recent(by_key.get(key, []), j)},
                                reverse=True)
            for i in candidates:
                period = j - i
                if j + period <= n and all(keep[i:j]) and _same_block(norm, i, j, period):
                    found = period
                    break
            if not found:
                for key in keys:
                    by_key[key].append(j)
        if found:
            for t in range(j, j + found):
                keep[t] = False
            if j + found < n:  # the line after the copy now follows the page break the copy followed
                after = lines[j + found]
                after.page_start = after.page_start or lines[j].page_start
                after.gap = max(after.gap, lines[j].gap)
            preview = lines[j].s[:20]
            where = f"第{lines[j].text.pages[0]}页附近" if paged else ""
            warnings.append(
                f"{where}有一段内容连续出现了两次（“{preview}……”，共{found}行），"
                "疑为扫描时页面重叠，已删去重复的一份，保留第一份。"
            )
            j += found
        else:
            j += 1
    if len(warnings) > _MAX_WARNINGS:
        more = len(warnings) - _MAX_WARNINGS
        warnings = [*warnings[:_MAX_WARNINGS], f"另有{more}处连续重复的内容也已删去，请核对原件。"]
    return [line for line, k in zip(lines, keep, strict=True) if k], warnings
