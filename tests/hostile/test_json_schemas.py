"""plan/1 and profile/1 have schemas of their own beside notice/1 (resources/*.schema.json); the
checkers the program runs say the same as the schemas, in Chinese."""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path

import jsonschema
import pytest
from generators import plan_json

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tracking"))
from wutai_plan import wutai_plan

from desktop.cli import main
from drafting.profile_check import profile_problems
from parsing.locations import resource
from tracking.plan_validation import plan_problems


def schema(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads(resource(f"{name}.schema.json").read_text(encoding="utf-8")),
                                           format_checker=jsonschema.FormatChecker())


def test_the_shipped_plan_and_profile_pass_schema_and_checker():
    plan = wutai_plan().to_json()
    assert not list(schema("plan").iter_errors(plan)) and plan_problems(plan) == []
    profile = json.loads(resource("sample_profile.json").read_text(encoding="utf-8"))
    assert not list(schema("profile").iter_errors(profile)) and profile_problems(profile) == []


@pytest.mark.parametrize("changes", [{"deadline_date": "2025-02-30"}, {"task_lead": "局办公室"},
                                     {"deadline_kind": "sometimes"}, {"deadline_time": "25:00"},
                                     {"task_support": [1]}, {"tasks": "T1"}])
def test_schema_and_checker_refuse_the_same_plans(changes):
    data = plan_json(**changes)
    assert list(schema("plan").iter_errors(data)) and plan_problems(data)


@pytest.mark.parametrize("key, value", [("lead_days", "3"), ("lead_days", 99), ("leaders", [{"name": "张三"}]),
                                        ("departments", "局办公室"), ("county", 5), ("unit_aliases", {"疾控": 1})])
def test_schema_and_checker_refuse_the_same_profiles(tmp_path, capsys, key, value):
    profile = copy.deepcopy(json.loads(resource("sample_profile.json").read_text(encoding="utf-8")))
    profile[key] = value
    assert list(schema("profile").iter_errors(profile)) and profile_problems(profile)
    path = tmp_path / "profile.json"
    path.write_text(json.dumps(profile, ensure_ascii=False), encoding="utf-8")
    source = tmp_path / "通知.txt"
    source.write_text("关于开展隐患排查的通知\n各单位：\n请于2025年3月31日前报送自查报告。\n", encoding="utf-8")
    code = main(["draft", str(source), "--profile", str(path), "-o", str(tmp_path / "a.docx")])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1 and "单位资料" in err[0] and key in err[0], err
