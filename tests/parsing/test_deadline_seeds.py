"""Deadlines and phases of the seed notices, scored against the gold with the project's scorer."""

from __future__ import annotations

import importlib.util
import json
import sys
from datetime import date

import pytest
from corpus import GOLD_DIR, SCORER_PATH, seed

from parsing.deadlines import extract_times
from parsing.pipeline import read_text


def _scorer():
    spec = importlib.util.spec_from_file_location("score", SCORER_PATH)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("score", module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _prediction(name: str) -> tuple[dict, dict]:
    gold = json.loads((GOLD_DIR / f"{name}.json").read_text(encoding="utf-8"))
    _, clean = read_text(seed(name[:3]))
    issue = date.fromisoformat(gold["issue_date"]) if gold["issue_date"] else None
    result = extract_times(clean, issue)
    pred = dict(gold, deadlines=[d.to_json() for d in result.deadlines],
                phases=[p.to_json() for p in result.phases])
    for deadline in result.deadlines:
        start, end = deadline.span
        assert deadline.text == "".join(clean.text[start:end].split())
    return gold, pred


def test_seed_deadlines_and_phases_score():
    score = _scorer()
    names = sorted(p.stem for p in GOLD_DIR.glob("*.json"))
    tallies = []
    for name in names:
        gold, pred = _prediction(name)
        tallies.append(score.Judge(gold, pred).tallies)
    total = score.metric_values(score.add_up(tallies))
    assert total["deadlines.f1"] >= 0.95
    assert total["phases.f1"] == 1.0


@pytest.mark.parametrize("name", ["002_99f2e0c5d8a631cb", "004_344c48cfc74ac375"])
def test_seed_actions_and_recipients(name):
    gold, pred = _prediction(name)
    by_date = {d["date"]: d for d in pred["deadlines"] if d["date"]}
    for item in gold["deadlines"]:
        if item["to"] and item["date"]:
            assert by_date[item["date"]]["to"] == item["to"]
            assert by_date[item["date"]]["action"] == item["action"]


def test_report_seed_has_no_deadlines():
    _, pred = _prediction("003_fe65c6187436f3b4")
    assert pred["deadlines"] == [] and pred["phases"] == []
