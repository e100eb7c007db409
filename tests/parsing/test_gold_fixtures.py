"""Every test notice with a hand-written gold parse (tests/fixtures/gold) parses exactly to it.

The gold files follow notice-json.md; each is checked against the notice/1 schema, then scored with
the shared scorer: any missed, invented or differing item fails the test and is listed."""

from __future__ import annotations

import json

import jsonschema
import pytest
from corpus import SCHEMA_PATH
from gold_scoring import FIXTURE_GOLD, cases, judge

FIXTURE_CASES = [case for case in cases() if case.gold.parent == FIXTURE_GOLD]


@pytest.mark.parametrize("case", FIXTURE_CASES, ids=[case.name for case in FIXTURE_CASES])
def test_fixture_parses_to_its_gold(case):
    gold = json.loads(case.gold.read_text(encoding="utf-8"))
    jsonschema.validate(gold, json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
    misses = judge(case).misses
    assert not misses, "\n".join(f"{family} {tag} {text}" for family, tag, text in misses)
