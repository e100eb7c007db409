"""Every test notice with its signature date written in another form (二〇二四年三月五日, 2024.3.5,
2024-03-05, 2024/3/5, 2024年03月05日) keeps its issue date and its signatory."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from corpus import seed_paths

from parsing.cnnum import FULL_DATE
from parsing.header import read_header
from parsing.model import Source
from parsing.parser import parse_clean
from parsing.pipeline import read_text, text_from_string

NOTICES = Path(__file__).resolve().parents[1] / "fixtures" / "notices"
_CN = "〇一二三四五六七八九"


def chinese_number(n: int) -> str:
    """3 → 三, 12 → 十二, 20 → 二十, 31 → 三十一 (months and days as a 成文日期 writes them)."""
    tens, units = divmod(n, 10)
    return (_CN[tens] if tens > 1 else "") + ("十" if tens else "") + (_CN[units] if units else "")


def forms(day: dt.date) -> list[str]:
    return [f"{''.join(_CN[int(c)] for c in str(day.year))}年{chinese_number(day.month)}月{chinese_number(day.day)}日",
            f"{day.year}.{day.month}.{day.day}", day.isoformat(), f"{day.year}/{day.month}/{day.day}",
            f"{day.year}年{day.month:02d}月{day.day:02d}日"]


def signed() -> list[Path]:
    chosen = []
    for path in [*seed_paths(), *sorted(NOTICES.glob("*.txt"))]:
        _, clean = read_text(path)
        header = read_header(clean)
        if header.issue_date and "issue_date" in header.spans:
            chosen.append(path)
    return chosen


def test_chinese_numbers():
    assert [chinese_number(n) for n in (3, 10, 12, 20, 31)] == ["三", "十", "十二", "二十", "三十一"]


@pytest.mark.parametrize("path", signed(), ids=lambda p: p.stem)
def test_a_signature_date_in_every_form_keeps_date_and_signatory(path):
    _, clean = read_text(path)
    expected = parse_clean(clean, Source(path.name))
    a, b = read_header(clean).spans["issue_date"]
    m = FULL_DATE.search(clean.text, a, b)
    if m is None:
        pytest.skip("the date is written in another form already")
    for form in forms(dt.date.fromisoformat(expected.issue_date)):
        _, rewritten = text_from_string(clean.text[:m.start()] + form + clean.text[m.end():], name=path.name)
        got = parse_clean(rewritten, Source(path.name))
        assert (got.issue_date, got.signatory, got.title) == (expected.issue_date, expected.signatory, expected.title), form
