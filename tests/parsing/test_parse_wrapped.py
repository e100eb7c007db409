"""Seeds hard-wrapped at 28–32 characters a line, as a PDF export or a narrow .txt would break
them, with and without a blank line after every line: the parse must not change."""

from __future__ import annotations

import json

import pytest
from corpus import FIXTURES, GOLD_DIR, seed_paths

from parsing.cleaning.lines import display_width
from parsing.model import Source
from parsing.parser import parse_clean, parse_file
from parsing.pipeline import read_text, text_from_string

HEADER_FIELDS = ("doc_number", "issuer", "title", "enclosed_title", "recipients", "signatory", "issue_date")
NOTICES = sorted((FIXTURES / "notices").glob("*.txt"))


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


def em_wrap(text: str, width: float) -> list[str]:
    """``text`` broken into lines of at most ``width`` em, as a page of that width would set it
    (digits and Latin letters are half as wide as Chinese characters)."""
    lines, line, used = [], "", 0.0
    for ch in text:
        w = display_width(ch)
        if line and used + w > width:
            lines.append(line)
            line, used = "", 0.0
        line += ch
        used += w
    return [*lines, line] if line else lines


def summary(notice) -> dict:
    data = notice.to_json()
    out = {key: data[key] for key in (*HEADER_FIELDS, "attachments", "basis", "genre")}
    out["tasks"] = [(t["outline_path"], t["lead"], t["support"]) for t in data["tasks"]]
    out["contacts"] = [(c["name"], c["phone"], c["email"]) for c in data["contacts"]]
    group = data["leadership"]
    out["leadership"] = group and (group["leader"], group["deputy"], group["office"])
    return out


@pytest.mark.parametrize("path", NOTICES, ids=lambda p: p.stem)
@pytest.mark.parametrize(("width", "blank"), [(24, False), (28, True), (32, False), (36, True)])
def test_wrapped_notice_parses_like_the_original(path, width, blank):
    """Every notice written for the tests, set on a narrow page: phone numbers and mail addresses
    broken at the margin, a short letter with few full lines, an attachment list above the signature."""
    expected = summary(parse_file(path))
    _, clean = read_text(path)
    lines: list[str] = []
    for para in clean.paragraphs:
        text = clean.text[para.start:para.end]
        lines.extend([text] if "\t" in text else em_wrap(text, width))  # table rows stay rows
    _, wrapped = text_from_string(("\n\n" if blank else "\n").join(lines) + "\n", name=path.name)
    assert summary(parse_clean(wrapped, Source(file=path.name, format="txt"))) == expected


@pytest.mark.parametrize("path", seed_paths(), ids=lambda p: p.name[:3])
@pytest.mark.parametrize("width", [24, 36])
def test_seed_set_on_a_page_of_another_width(path, width):
    """Lines broken by display width (digits are half as wide), the 版记 line included."""
    gold = json.loads((GOLD_DIR / f"{path.stem}.json").read_text(encoding="utf-8"))
    _, clean = read_text(path)
    lines: list[str] = []
    for para in clean.paragraphs:
        text = clean.text[para.start:para.end]
        lines.extend([text] if "\t" in text else em_wrap(text, width))
    _, wrapped = text_from_string("\n".join(lines) + "\n", name=path.name)
    got = parse_clean(wrapped, Source(file=path.name, format="txt")).to_json()
    assert {k: got[k] for k in HEADER_FIELDS} == {k: gold[k] for k in HEADER_FIELDS}
    got_tasks = {tuple(t["outline_path"]): (t["lead"], t["support"]) for t in got["tasks"]}
    assert got_tasks == {tuple(t["outline_path"]): (t["lead"], t["support"]) for t in gold["tasks"]}
