"""Page furniture: page numbers (``— 3 —``, ``-3-``, ``第3页 共5页``) and running headers/footers."""

from __future__ import annotations

import re
from collections import defaultdict

from parsing.cleaning.lines import Line

_DASH = r"[-—–－─―~～_=·•\s]"
_NUM = r"[0-9０-９]{1,4}"
_CN_NUM = r"[一二三四五六七八九十百〇零]{1,4}"
PAGE_NUMBER = re.compile(
    rf"^(?:[0-9０-９]{{1,3}}"  # 3 (a bare year such as 2024 is not a page number)
    rf"|{_DASH}*[-—–－─―~～_=·•]{_DASH}*{_NUM}{_DASH}*"  # - 3 -, — 3 —, -3
    rf"|{_DASH}*{_NUM}{_DASH}*[-—–－─―~～_=·•]{_DASH}*"
    rf"|[-—–－─―]\s*{_CN_NUM}\s*[-—–－─―]"  # — 三 —
    rf"|第\s*{_NUM}\s*页\s*[,，/、]?\s*(?:共\s*{_NUM}\s*页)?"  # 第3页 共5页
    rf"|共\s*{_NUM}\s*页\s*[,，/、]?\s*第\s*{_NUM}\s*页"
    rf"|{_NUM}\s*/\s*{_NUM}"  # 3/5
    rf"|(?:Page|页码)\s*[:：]?\s*{_NUM}(?:\s*(?:of|/)\s*{_NUM})?"
    r")$",
    re.IGNORECASE,
)
_HEADER_MAX_CHARS = 40
_EDGE_LINES = 2  # lines looked at the top and bottom of each page


def is_page_number(text: str) -> bool:
    """True for a line that is only a page number in one of the usual dressings."""
    return bool(PAGE_NUMBER.match(text))


def _header_key(text: str) -> str:
    return re.sub(r"[0-9０-９]+", "#", re.sub(r"\s+", "", text))


def remove_running_headers(pages: list[list[Line]]) -> int:  # pages: the lines of each printed page
    """Mark lines repeated at the top (or bottom) of several pages; returns how many were marked.

    A line counts as a running header when the same short text (page numbers aside) opens, or
    closes, at least two pages and at least 40 % of them. The first page keeps its copy: there
    the line is usually the document's own 版头.
    """
    counted = [page for page in pages if page]
    if len(counted) < 2:
        return 0
    removed = 0
    for edge in ("top", "bottom"):
        where: dict[str, list[Line]] = defaultdict(list)
        seen_pages: dict[str, set[int]] = defaultdict(set)  # ids of the pages a key was seen on
        for page in counted:
            kept = [line for line in page if line.removed is None]
            candidates = kept[:_EDGE_LINES] if edge == "top" else kept[-_EDGE_LINES:]
            for line in candidates:
                if len(line.s) > _HEADER_MAX_CHARS or line.table:
                    continue
                key = _header_key(line.s)
                if id(page) in seen_pages[key]:
                    continue
                seen_pages[key].add(id(page))
                where[key].append(line)
        first_page = counted[0]
        for key, lines in where.items():
            if len(lines) >= 2 and len(lines) >= 0.4 * len(counted) and len(key) >= 2:
                for line in lines:
                    if not any(line is first for first in first_page):
                        line.removed = "running header"
                        removed += 1
    return removed
