"""extract_times never fails on odd text, and every span it returns points into the text."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from parsing.deadlines import extract_times
from parsing.document import CleanText, Paragraph

_PIECES = [" ", "2024年", "3月", "15日", "前", "至", "即日起", "每日", "17时", "每季度", "上旬", "底前", "、",
           "，", "。", "（一）", "阶段", "时间安排", "\n", "二〇二四年", "十二月", "春节", "收到通知后",
           "5个工作日内", "于", "报送", "县卫健局", "2月30日", "13月", "“", "”", "\t", "自", "起", "年内"]


def _clean(text: str) -> CleanText:
    paragraphs, pos = [], 0
    for line in text.split("\n"):
        paragraphs.append(Paragraph(pos, pos + len(line)))
        pos += len(line) + 1
    return CleanText(text, paragraphs)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30), st.sampled_from([None, date(2024, 3, 7)]))
def test_any_mix_of_time_words_is_read_without_error(pieces, issue):
    text = "".join(pieces)
    result = extract_times(_clean(text), issue)
    for item in [*result.deadlines, *result.phases]:
        start, end = item.span
        assert 0 <= start <= end <= len(text)
    for deadline in result.deadlines:
        assert deadline.kind in ("due", "range", "recurring", "event")
        for value in (deadline.text, deadline.action, deadline.to, deadline.event):
            assert value is None or not any(ch.isspace() for ch in value)
        if deadline.kind in ("recurring", "event"):
            assert deadline.date is None


def test_invalid_date_is_reported_not_invented():
    result = extract_times(_clean("请于2月30日前报送。"), date(2024, 3, 7))
    (deadline,) = result.deadlines
    assert deadline.date is None
    assert any("2月30日" in w for w in result.warnings)
