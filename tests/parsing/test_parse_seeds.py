"""The parse of every seed agrees with its gold annotation on the fields this parser owns."""

from __future__ import annotations

import json
import re

import pytest
from conftest import GOLD_DIR, seed_paths

from parsing.parser import parse_file

SEEDS = seed_paths()


def _flat(outline: list[dict], out: list | None = None) -> list[tuple[int, str, str]]:
    out = [] if out is None else out
    for s in outline:
        out.append((s["level"], s["number"], re.sub(r"\s", "", s["heading"])))
        _flat(s["children"], out)
    return out


@pytest.fixture(scope="module", params=SEEDS, ids=lambda p: p.name[:3])
def parsed(request):
    path = request.param
    gold = json.loads((GOLD_DIR / f"{path.stem}.json").read_text(encoding="utf-8"))
    return parse_file(path).to_json(), gold


def test_header_fields_match_gold(parsed):
    pred, gold = parsed
    for key in ("doc_number", "issuer", "title", "enclosed_title", "signatory", "issue_date", "genre"):
        assert pred[key] == gold[key], key
    assert pred["recipients"] == gold["recipients"]
    assert pred["basis"] == gold["basis"]
    assert pred["attachments"] == gold["attachments"]


def test_outline_matches_gold(parsed):
    pred, gold = parsed
    assert _flat(pred["outline"]) == _flat(gold["outline"])


def test_tasks_and_their_units_match_gold(parsed):
    pred, gold = parsed
    assert [t["outline_path"] for t in pred["tasks"]] == [t["outline_path"] for t in gold["tasks"]]
    for p, g in zip(pred["tasks"], gold["tasks"], strict=True):
        assert p["heading"] == g["heading"]
        assert p["lead"] == g["lead"], p["outline_path"]
        assert p["support"] == g["support"], p["outline_path"]


def test_leadership_and_contacts_match_gold(parsed):
    pred, gold = parsed
    if gold["leadership"] is None:
        assert pred["leadership"] is None
    else:
        for key in ("group", "leader", "deputy", "members", "office"):
            assert pred["leadership"][key] == gold["leadership"][key], key
    strip = [{k: c[k] for k in ("name", "phone", "email")} for c in pred["contacts"]]
    assert strip == gold["contacts"]


def test_every_value_span_points_at_its_text():
    notice = parse_file(next(p for p in SEEDS if p.name.startswith("002")))
    text = notice.text
    a, b = notice.spans["doc_number"]
    assert re.sub(r"\s", "", text[a:b]) == notice.doc_number
    a, b = notice.spans["issue_date"]
    assert "2021年6月15日" in re.sub(r"\s", "", text[a:b])
    for task in notice.tasks:
        a, b = task.span
        assert task.heading in re.sub(r"\s", "", text[a:b])
        for (ua, ub), unit in zip(task.unit_spans, task.lead + task.support, strict=True):
            assert re.sub(r"\s", "", text[ua:ub]) == unit
        for index in task.deadlines:
            da, db = notice.deadlines[index].span
            assert a <= da and db <= b


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_header_spans_hold_their_values(path):
    notice = parse_file(path)
    text = notice.text
    for key in ("doc_number", "title", "signatory", "issuer", "enclosed_title"):
        value = getattr(notice, key)
        if value is None:
            continue
        a, b = notice.spans[key]
        assert value.split("、")[0] in re.sub(r"\s", "", text[a:b]), key
    for name in notice.recipients:
        a, b = notice.spans["recipients"]
        assert name in re.sub(r"\s", "", text[a:b])
