"""Lines of a PDF page from its characters, whichever library read them.

Lines come out in reading order, and the page geometry settles what plain text cannot: a line
that runs to the right margin is wrapped and continues on the next (joined here), and a line
indented from the left margin starts a paragraph (prefixed with two ideographic spaces, the
2-character indent of 公文). A paragraph running over a page break is left for cleaning to join.
Characters are dicts with pdfplumber's keys (``text``, ``x0``, ``x1``, ``top``, ``bottom``,
``size``, ``upright``).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from parsing.numbering import match_heading_number

INDENT = "\u3000\u3000"
MIN_CHARS_FOR_TEXT = 5  # fewer characters than this and a page with images is a scan
_SENTENCE_END = ("。", "！", "？", "；", "：", "”", "）")
_CLAUSE_PUNCT = re.compile(r"[。，；：！？,;]")


def _inside(obj: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


@dataclass
class TextLine:
    """One printed line: its baseline, horizontal extent, font size and text."""

    bottom: float
    x0: float
    x1: float
    size: float
    text: str


def unique_chars(chars: list[dict]) -> list[dict]:
    """Characters with the copies a "fake bold" prints over each other dropped.

    pdfplumber's ``dedupe_chars`` does the same through a derived page at a quarter of the
    page's whole reading cost; a key on text and rounded position is enough here."""
    seen: set[tuple[str, int, int]] = set()
    out = []
    for char in chars:
        key = (char["text"], round(char["x0"]), round(char["top"]))
        if key not in seen:
            seen.add(key)
            out.append(char)
    return out


def text_lines(chars: list[dict]) -> list[TextLine]:
    """Group characters into lines by their baseline, top to bottom.

    Characters of one line share a baseline even when their sizes differ (a numbering label in
    another size), so lines are clustered on ``bottom``, not ``top``. A gap wider than a third of
    the font size becomes a space; cleaning later removes layout spaces between CJK characters.
    """
    groups: list[list[dict]] = []
    for char in sorted(chars, key=lambda c: (round(c["bottom"], 1), c["x0"])):
        size = char.get("size") or 12
        if groups and abs(char["bottom"] - groups[-1][0]["bottom"]) <= 0.3 * size:
            groups[-1].append(char)
        else:
            groups.append([char])
    out = []
    for group in groups:
        group.sort(key=lambda c: c["x0"])
        size = max(c.get("size") or 12 for c in group)
        parts = [group[0]["text"]]
        for before, char in itertools.pairwise(group):
            if char["x0"] - before["x1"] > (char.get("size") or size) / 3:
                parts.append(" ")
            parts.append(char["text"])
        out.append(TextLine(group[0]["bottom"], group[0]["x0"], group[-1]["x1"], size, "".join(parts)))
    return out


def _join(lines: list[TextLine], left: float, right: float) -> list[tuple[float, str]]:
    """Rows of text with wrapped lines joined.

    A line that ends within four characters of the right margin (ragged-right text breaks early
    before punctuation that may not start a line) continues on the next line, unless that one is
    indented (a new paragraph), starts with a heading number, is set in another size (a title), or
    is a short unpunctuated line after a finished sentence (an unnumbered heading).
    Indented lines are prefixed with two ideographic spaces, the 2-character indent of 公文."""
    rows: list[tuple[float, str]] = []
    running = False
    previous_size = 0.0
    for line in lines:
        indented = line.x0 - left >= 1.5 * line.size
        same_size = abs(line.size - previous_size) <= 0.5
        heading_like = (match_heading_number(line.text) is not None
                        or (rows and rows[-1][1].endswith(_SENTENCE_END) and right - line.x1 >= 3 * line.size
                            and not _CLAUSE_PUNCT.search(line.text) and not line.text.startswith(("（", "("))))
        if running and same_size and not indented and not heading_like:
            glue = " " if rows[-1][1][-1:].isascii() and line.text[:1].isascii() and line.text[:1].isalnum() else ""
            rows[-1] = (rows[-1][0], rows[-1][1] + glue + line.text)
        else:
            rows.append((line.bottom, (INDENT if indented else "") + line.text))
        running = right - line.x1 < 4 * line.size
        previous_size = line.size
    return rows


def page_rows_text(chars: list[dict], rows: list[tuple[float, str]], boxes: list[tuple[float, float, float, float]],
                   right_margin: float) -> tuple[str, float]:
    """(text, right margin) of a page: its lines outside the table ``boxes`` with wrapped lines
    joined, merged by height with the table ``rows`` (one row per line, cells separated by tabs).

    ``right_margin`` is the furthest right edge of text seen on earlier pages: a page whose
    lines are all short (the last page of a notice) must not take its longest line as full width.
    """
    chars = [c for c in unique_chars(chars) if c.get("upright", True) and not _inside(c, boxes)]
    lines = text_lines(chars)
    rows = list(rows)
    if lines:
        right_margin = max(right_margin, *(line.x1 for line in lines))
        rows += _join(lines, min(line.x0 for line in lines), right_margin)
    rows.sort(key=lambda row: row[0])
    return "\n".join(text for _, text in rows), right_margin
