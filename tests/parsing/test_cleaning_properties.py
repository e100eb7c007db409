"""Properties of clean() on arbitrary input: it never crashes and its map always fits."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parsing.cleaning import clean
from parsing.cleaning.lines import EDGE_SPACE
from parsing.document import RawDocument, RawPage

PIECES = st.sampled_from([
    "各单位要", "加强领导", "，", "。", "；", "：", "、", "“", "”", "《", "》", "（", "）", "一、", "（一）", "1.",
    "（1）", "第一条", "2024", " 年 ", "6 月 17 日", "24 小时", " ", "  ", "\u3000", "\n", "\n\n", "\n \n", "\t",
    "扫描全能王 创建", "\n— 3 —\n", "\n第3页 共5页\n", "Word", "LED ", "[bookmark: _GoBack]", "县卫生健康局",
    "关于印发", "的通知", "联系人：", "附件：", "2024年1月29日", "〔2024〕12号", "的", "x", "\r\n", "\ufeff",
])
PAGE_TEXT = st.lists(PIECES | st.text(max_size=6), max_size=60).map("".join)


@st.composite
def documents(draw) -> RawDocument:
    texts = draw(st.lists(PAGE_TEXT, min_size=1, max_size=4))
    docx = draw(st.booleans())
    pages = []
    for number, text in enumerate(texts, start=1):
        spans = draw(st.lists(st.tuples(st.integers(-2, len(text) + 2), st.integers(-2, len(text) + 2)),
                              max_size=3))
        pages.append(RawPage(number, text, lines_are_paragraphs=docx, low_confidence=spans))
    return RawDocument(Path("x.txt"), "docx" if docx else "pdf", pages, len(pages))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_clean_never_crashes_and_maps_every_character(raw):
    result = clean(raw)
    text = result.text
    assert len(text) == len(result.pages) == len(result.offsets)
    by_number = {page.number: page.text for page in raw.pages}
    previous: tuple[int, int] | None = None
    for i, ch in enumerate(text):
        page, offset = result.pages[i], result.offsets[i]
        assert page in by_number
        source = by_number[page]
        if ch not in "\n ":
            assert source[offset] == ch  # every character is the one it maps to
        if previous is not None and previous[0] == page:
            assert offset >= previous[1]  # cleaning never reorders a page
        previous = (page, offset)
    # Paragraphs tile the text, separated by one newline, each non-empty and trimmed.
    position = 0
    for n, para in enumerate(result.paragraphs):
        assert para.start == position + (1 if n else 0)
        assert para.end > para.start
        body = text[para.start:para.end]
        assert body == body.strip(EDGE_SPACE) and body.strip() and "\n" not in body  # tabs: empty cells
        assert para.kind in ("body", "heading", "table_row")
        position = para.end
    assert position == len(text)
    for start, end in result.low_confidence:
        assert 0 <= start < end <= len(text)
    assert "扫描全能王" not in text
