"""``policydesk draft``: from a notice (source file or notice/1 JSON) to the .docx, .xlsx and JSON."""

from __future__ import annotations

import json

import docx
from corpus import FIXTURES

from desktop.cli import main
from drafting.plan import CountyPlan
from drafting.profile import load_sample_profile, save_profile

CITY = FIXTURES / "superior" / "city_urgent_fire_safety"


def test_draft_from_a_source_file_writes_all_three(tmp_path, capsys):
    out, table, plan_json = tmp_path / "plan.docx", tmp_path / "table.xlsx", tmp_path / "plan.json"
    status = main(["draft", str(CITY.with_suffix(".txt")), "-o", str(out), "--table", str(table),
                   "--json", str(plan_json), "--number", "41"])
    assert status == 0
    assert out.is_file() and table.is_file()
    plan = CountyPlan.loads(plan_json.read_text(encoding="utf-8"))
    assert plan.doc_number == "示卫健〔2025〕41号"
    assert plan.title == "示例县医疗机构消防安全隐患排查整治实施方案"
    assert not [c for c in plan.checks if "发文字号" in c.message]
    printed = capsys.readouterr().out
    assert plan.title in printed and f"任务 {len(plan.tasks)} 项" in printed
    assert "示卫健〔2025〕41号" in "".join(p.text for p in docx.Document(str(out)).paragraphs)


def test_draft_from_notice_json_with_a_given_profile(tmp_path):
    profile = load_sample_profile()
    profile.bureau, profile.county = "青阳县卫生健康委员会", "青阳县"
    profile.bureau_short, profile.bureau_abbr, profile.organ_word = "县卫生健康委", "县卫健委", "委"
    profile.lead_days = 2
    profile_path = save_profile(profile, tmp_path / "qy.json")
    plan_json = tmp_path / "plan.json"
    status = main(["draft", str(CITY.with_suffix(".json")), "--profile", str(profile_path),
                   "-o", str(tmp_path / "p.docx"), "--json", str(plan_json), "--today", "2025-09-16"])
    assert status == 0
    plan = CountyPlan.loads(plan_json.read_text(encoding="utf-8"))
    assert plan.issuer == "青阳县卫生健康委员会" and plan.issue_date == "2025-09-16"
    assert plan.title.startswith("青阳县医疗机构")
    report = next(t for t in plan.tasks if t.category == "严格信息报送")
    # 9月19日 minus 2 working days is 9月17日.
    assert report.deadlines[0].date == "2025-09-17"
    assert "县卫健委将成立督导组" in next(t for t in plan.tasks if t.category == "强化督导检查").measures


def test_draft_errors_are_one_chinese_line(tmp_path, capsys):
    status = main(["draft", str(tmp_path / "missing.json"), "-o", str(tmp_path / "x.docx")])
    assert status == 2
    assert capsys.readouterr().err.startswith("错误：missing.json：找不到文件")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"schema": "notice/0"}), encoding="utf-8")
    assert main(["draft", str(bad), "-o", str(tmp_path / "x.docx")]) == 2
    assert "不是有效的 notice/1" in capsys.readouterr().err
    assert main(["draft", str(CITY.with_suffix(".json")), "-o", str(tmp_path / "x.docx"),
                 "--today", "16/9/2025"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
