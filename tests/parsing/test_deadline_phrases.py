"""The deadline phrase table (deadline_phrases.tsv): every form a notice uses, and what is no deadline."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from parsing.deadlines import extract_times
from parsing.document import CleanText, Paragraph

TABLE = Path(__file__).with_name("deadline_phrases.tsv")


def clean_text(text: str) -> CleanText:
    """A CleanText whose paragraphs are the lines of ``text`` (cleaning is not under test here)."""
    paragraphs, pos = [], 0
    for line in text.split("\n"):
        paragraphs.append(Paragraph(pos, pos + len(line)))
        pos += len(line) + 1
    return CleanText(text, paragraphs)


def _rows() -> list:
    rows = []
    for number, line in enumerate(TABLE.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        issue, text, expected = line.split("\t")
        rows.append(pytest.param(date.fromisoformat(issue), text.replace("\\n", "\n").replace("\\t", "\t"), expected,
                                 id=f"L{number}"))
    return rows


def _parse_expected(expected: str) -> list[dict]:
    if expected.strip() == "-":
        return []
    items = []
    for part in expected.split(" ; "):
        tokens = part.split()
        kind, value, options = tokens[0], tokens[1], tokens[2:]
        item: dict = {"kind": kind, "options": dict(o.split("=", 1) for o in options)}
        if kind == "due":
            item["date"] = None if value == "null" else value
        elif kind == "range":
            start, end = value.split("..")
            item["start"], item["date"] = start or None, end or None
        elif kind == "recurring":
            item["recurrence"] = value
        elif kind == "event":
            item["event"] = value
        items.append(item)
    return items


def test_table_is_large_and_has_enough_negatives():
    rows = _rows()
    negatives = [r for r in rows if r.values[2] == "-"]
    assert len(rows) >= 200
    assert len(negatives) >= 30


@pytest.mark.parametrize(("issue", "text", "expected"), _rows())
def test_phrase(issue: date, text: str, expected: str):
    result = extract_times(clean_text(text), issue)
    want = _parse_expected(expected)
    got = result.deadlines
    summary = [(d.kind, d.date, d.start, d.time, d.recurrence, d.event, d.text) for d in got]
    assert len(got) == len(want), summary
    for deadline, item in zip(got, want, strict=True):
        assert deadline.kind == item["kind"], summary
        for key in ("date", "start", "recurrence", "event"):
            if key in item:
                assert getattr(deadline, key) == item[key], (key, summary)
        options = item["options"]
        if item["kind"] in ("event", "recurring") and "start" in options:
            assert deadline.start == options["start"]
        assert deadline.time == options.get("time"), summary
        if "to" in options:  # to=- : no recipient named
            assert deadline.to == (None if options["to"] == "-" else options["to"]), (deadline.to, deadline.action)
        if "action" in options:
            assert deadline.action == options["action"]
        if "action~" in options:
            assert options["action~"] in (deadline.action or ""), deadline.action
        if "action!" in options:  # action!=WORD : the action is not just that word
            assert deadline.action != options["action!"], deadline.action
        if "text~" in options:
            assert options["text~"] in deadline.text
        assert deadline.span is not None
        start, end = deadline.span
        assert deadline.text == "".join(text[start:end].split())
        if deadline.date or deadline.kind in ("recurring", "event") or deadline.start:
            assert deadline.explanation, "every normalisation is explained"
