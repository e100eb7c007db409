"""Breaking a long 公文 title into lines by meaning, in a trapezoid or diamond.

GB/T 9704-2012 7.3.1: a title in several lines is broken "by meaning, keeping words whole",
arranged as a trapezoid or a diamond — never a rectangle of equal lines or an hourglass.
Break points are word boundaries (title_tokens.py: the vocabulary of 公文 titles, no segmenter)
scored by how natural the break is: before 《 and after 》 are good; inside a number-with-unit,
before a closing mark or after ``的`` are not.
"""

from __future__ import annotations

import itertools
import unicodedata

from drafting.gbt9704.title_tokens import TITLE_WORDS, title_tokens

__all__ = ["TITLE_WORDS", "break_title", "display_width"]

OPENERS = set("《（(“‘〔[【")
CLOSERS = set("》）)”’〕]】、，,。；：:！？")
WEAK_STARTS = {"的", "之", "和", "与", "及", "等"}
UNITS_AFTER_NUMBER = set("年月日号次届期批个项")
FORBIDDEN = 100.0


def display_width(text: str) -> float:
    """Width in full-width character cells: half-width characters (ASCII, half-width forms) count ½;
    ambiguous ones such as — “ ” … are full width in a Chinese font."""
    return sum(0.5 if unicodedata.east_asian_width(ch) in ("Na", "H", "N") else 1.0 for ch in text)


def _tokens(title: str) -> list[str]:
    return [t for t in title_tokens(title) if t]


def _boundary_penalty(prev: str, nxt: str, inside_book: bool) -> float:
    """How bad a line break between tokens ``prev`` and ``nxt`` is (0 good … FORBIDDEN)."""
    if nxt[0] in CLOSERS or prev[-1] in OPENERS:
        return FORBIDDEN
    if prev[-1].isdigit() and (nxt[0].isdigit() or nxt[0] in UNITS_AFTER_NUMBER or nxt[0] in "-—－~～"):
        return FORBIDDEN
    if prev.isascii() and nxt.isascii() and prev[-1].isalnum() and nxt[0].isalnum():
        return FORBIDDEN
    if nxt[0] in "《" or prev[-1] in "》、，,；":
        return 0.0
    penalty = 1.0
    if nxt in WEAK_STARTS or nxt[0] == "的":
        penalty += 3.0
    if prev in WEAK_STARTS or prev[-1] == "的":
        penalty += 2.5
    if len(nxt) == 1 and nxt not in "《":
        penalty += 1.5  # a single character opening a line usually belongs to the word before
    if len(prev) == 1 and prev not in "》":
        penalty += 1.0
    if inside_book:
        penalty += 1.0
    if prev == "关于":
        penalty -= 0.5
    return penalty


def _shape_penalty(widths: list[float], max_width: float) -> float:
    if any(w > max_width for w in widths):
        return FORBIDDEN
    if len(widths) == 1:
        return 0.0
    penalty = 0.0
    longest = max(widths)
    for w in widths:
        if w < 0.4 * longest:
            penalty += 3.0  # a stub line
    steps = [b - a for a, b in itertools.pairwise(widths)]
    if all(abs(s) < 1.5 for s in steps):
        penalty += 4.0  # a rectangle
    if len(widths) == 2:
        diff = abs(steps[0])
        penalty += 0.3 * max(0.0, diff - 6)
    else:
        increasing = all(s >= 1 for s in steps)
        decreasing = all(s <= -1 for s in steps)
        diamond = all(s >= 1 for s in steps[: len(steps) // 2]) and all(s <= -1 for s in steps[len(steps) // 2:])
        if not (increasing or decreasing or diamond):
            penalty += 4.0  # hourglass or zigzag
    return penalty


def break_title(title: str, max_width: float) -> list[str]:
    """The lines of ``title`` set in lines at most ``max_width`` full-width characters wide."""
    title = title.strip()
    if display_width(title) <= max_width:
        return [title]
    tokens = _tokens(title)
    # Boundaries: (index into tokens where a line may start, penalty)
    depth = 0
    penalties: list[float] = []
    for prev, nxt in itertools.pairwise(tokens):
        depth += prev.count("《") - prev.count("》")
        penalties.append(_boundary_penalty(prev, nxt, depth > 0))
    widths = [display_width(t) for t in tokens]
    n_min = max(2, int(-(-display_width(title) // max_width)))
    best: tuple[float, list[str]] | None = None
    for n_lines in (n_min, n_min + 1):
        if n_lines > len(tokens):
            break
        for cuts in itertools.combinations(range(1, len(tokens)), n_lines - 1):
            bounds = (0, *cuts, len(tokens))
            line_widths = [sum(widths[a:b]) for a, b in itertools.pairwise(bounds)]
            score = _shape_penalty(line_widths, max_width) + sum(penalties[c - 1] for c in cuts)
            score += 2.0 * (n_lines - n_min)
            if best is None or score < best[0]:
                best = (score, ["".join(tokens[a:b]) for a, b in itertools.pairwise(bounds)])
        if best is not None and best[0] < FORBIDDEN:
            break
    if best is None or best[0] >= FORBIDDEN:
        return _hard_wrap(title, max_width)
    return best[1]


def _hard_wrap(title: str, max_width: float) -> list[str]:
    lines, current = [], ""
    for ch in title:
        if current and display_width(current + ch) > max_width:
            lines.append(current)
            current = ""
        current += ch
    return [*lines, current] if current else lines
