"""The notice/1 JSON of the model: round trip, and numbered headings under unnumbered ones."""

from __future__ import annotations

import json

import jsonschema
from corpus import GOLD_DIR, SCHEMA_PATH

from parsing.model import Notice, Section, Source


def test_gold_parses_round_trip_through_the_model():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    for path in sorted(GOLD_DIR.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        data = Notice.from_json(gold).to_json()
        jsonschema.validate(data, schema)
        for key, value in gold.items():
            if key == "outline":
                continue
            if isinstance(value, list) and value and isinstance(value[0], dict):
                assert [{k: v for k, v in item.items() if k in value[0]} for item in data[key]] == value, key
            elif isinstance(value, dict) and key != "source":
                assert {k: v for k, v in data[key].items() if k in value} == value, key
            else:
                assert data[key] == value, key


def test_numbered_headings_under_an_unnumbered_heading_stay_in_the_outline():
    numbered = Section("一", 1, "总体要求", children=[Section("（一）", 2, "目标")])
    unnumbered = Section("", 1, "加强领导 精心部署", numbered=False, children=[Section("二", 1, "主要任务")])
    outline = Notice(Source("x.txt"), outline=[numbered, unnumbered]).to_json()["outline"]
    assert [s["number"] for s in outline] == ["一", "二"]
    assert outline[0]["children"][0]["number"] == "（一）"
