"""Every notice written for the tests, its head run on into one paragraph as a PDF text layer gives it
(版头, 发文字号, title and 主送 joined with a space or with nothing), parses to the same header fields.

Left out is the one head a run-on cannot tell apart: an organ-only 版头 right above a title that opens
with 关于 (``随县卫生健康局关于印发…`` reads as a title with its organ, printed as titles often are)."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus import seed_paths

from parsing.header import read_header
from parsing.header_organs import is_organ_line
from parsing.model import Source
from parsing.parser import parse_clean
from parsing.pipeline import read_text, text_from_string
from parsing.units import compact

NOTICES = Path(__file__).resolve().parents[1] / "fixtures" / "notices"
FIELDS = ("doc_number", "issuer", "title", "recipients", "signatory", "issue_date")


def heads() -> list[Path]:
    """The documents whose head ends with a 主送 line below a title, but for the ambiguous one."""
    chosen = []
    for path in [*seed_paths(), *sorted(NOTICES.glob("*.txt"))]:
        _, clean = read_text(path)
        header = read_header(clean)
        if "recipients" not in header.spans or "title" not in header.spans \
                or header.spans["recipients"][1] not in {p.end for p in clean.paragraphs}:
            continue  # no 主送 line of its own (a notice already run on into one paragraph)
        texts = [clean.text[p.start:p.end] for p in clean.paragraphs if p.end <= header.spans["title"][0]]
        texts = [t for t in texts if compact(t)]
        if texts and is_organ_line(texts[-1]) and compact(header.title or "").startswith("关于"):
            continue
        chosen.append(path)
    return chosen


@pytest.mark.parametrize("separator", [" ", ""], ids=["spaced", "joined"])
@pytest.mark.parametrize("path", heads(), ids=lambda p: p.stem)
def test_a_run_on_head_parses_like_the_original(path, separator):
    _, clean = read_text(path)
    expected = parse_clean(clean, Source(path.name))
    end = read_header(clean).spans["recipients"][1]
    head = [clean.text[p.start:p.end].strip() for p in clean.paragraphs if p.end <= end]
    body = [clean.text[p.start:p.end] for p in clean.paragraphs if p.start >= end]
    text = separator.join(h for h in head if h) + "\n" + "\n".join(body) + "\n"
    _, run_on = text_from_string(text, name=path.name)
    got = parse_clean(run_on, Source(path.name))
    assert {f: getattr(got, f) for f in FIELDS} == {f: getattr(expected, f) for f in FIELDS}
    assert [s.number for s in got.outline] == [s.number for s in expected.outline]
