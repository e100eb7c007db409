"""Seeds hard-wrapped at 28–32 characters a line, as a PDF export or a narrow .txt would break
them, with and without a blank line after every line: the parse must not change."""

from __future__ import annotations

import json

import pytest
from corpus import GOLD_DIR, seed_paths

from parsing.model import Source
from parsing.parser import parse_clean, parse_file
from parsing.pipeline import read_text, text_from_string

HEADER_FIELDS = ("doc_number", "issuer", "title", "enclosed_title", "recipients", "signatory", "issue_date")


def rewrap(path, width: int, blank: bool) -> str:
    """The seed's paragraphs broken every ``width`` characters."""
    _, clean = read_text(path)
    lines: list[str] = []
    for para in clean.paragraphs:
        text = "".join(clean.text[para.start:para.end].split())
        lines.extend(text[i:i + width] for i in range(0, len(text), width))
    return ("\n\n" if blank else "\n").join(lines) + "\n"


@pytest.mark.parametrize("path", seed_paths(), ids=lambda p: p.name[:3])
@pytest.mark.parametrize(("width", "blank"), [(28, False), (30, True), (32, False), (32, True)])
def test_wrapped_seed_parses_like_the_gold(path, width, blank):
    gold = json.loads((GOLD_DIR / f"{path.stem}.json").read_text(encoding="utf-8"))
    _, clean = text_from_string(rewrap(path, width, blank), name=path.name)
    got = parse_clean(clean, Source(file=path.name, format="txt")).to_json()
    for key in HEADER_FIELDS:
        assert got[key] == gold[key], key
    assert [c["name"] for c in got["contacts"]] == [c["name"] for c in gold["contacts"]]
    assert [c["email"] for c in got["contacts"]] == [c["email"] for c in gold["contacts"]]
    if gold["leadership"]:
        assert got["leadership"]["leader"] == gold["leadership"]["leader"]
        assert got["leadership"]["deputy"] == gold["leadership"]["deputy"]
    gold_tasks = {tuple(t["outline_path"]): t for t in gold["tasks"]}
    got_tasks = {tuple(t["outline_path"]): t for t in got["tasks"]}
    assert got_tasks.keys() == gold_tasks.keys()
    for key, task in gold_tasks.items():
        assert got_tasks[key]["lead"] == task["lead"], key


def test_original_seed_still_parses_like_the_gold():
    path = seed_paths()[2]
    gold = json.loads((GOLD_DIR / f"{path.stem}.json").read_text(encoding="utf-8"))
    got = parse_file(path).to_json()
    assert {k: got[k] for k in HEADER_FIELDS} == {k: gold[k] for k in HEADER_FIELDS}
