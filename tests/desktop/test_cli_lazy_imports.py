"""Start-up of the ``policydesk`` command: building the command list, ``--help`` and ``track list``
import none of the heavy libraries (readers, writers, templates, jieba) — checked in a fresh
interpreter by what lands in ``sys.modules``, not by timing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from desktop.cli import main
from drafting.plan import CountyPlan, PlanDeadline, PlanTask

ROOT = Path(__file__).resolve().parents[2]

# Libraries and our own modules that only the command that uses them may load.
HEAVY = ("pdfplumber", "pdfminer", "pypdfium2", "docx", "openpyxl", "jinja2", "jieba", "lxml", "PySide6",
         "rapidfuzz", "rapidocr", "drafting.plan_builder", "drafting.plan_export", "drafting.gbt9704",
         "drafting.templating", "parsing.parser", "parsing.pipeline", "parsing.loaders", "parsing.units",
         "tracking.ledger", "tracking.reminder", "tracking.report", "desktop.app", "desktop.main_window")

_PROBE = """
import json, sys
from desktop.cli import main
try:
    code = main(json.loads(sys.argv[1]))
except SystemExit as exc:
    code = exc.code
sys.stdout = sys.__stdout__
print("\\n" + json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def loaded_by(*argv: str) -> tuple[str, list[str]]:
    """(output, modules) of ``policydesk ARGV`` run in a fresh interpreter."""
    done = subprocess.run([sys.executable, "-c", _PROBE, json.dumps(list(argv))], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)
    output, _, last = done.stdout.rstrip("\n").rpartition("\n")
    result = json.loads(last)
    assert result["code"] in (0, None), done.stderr
    return output, result["modules"]


def heavy_among(modules: list[str]) -> list[str]:
    return [m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY)]


def test_help_lists_every_command_without_loading_heavy_modules():
    output, modules = loaded_by("--help")
    assert "PolicyDesk 公文助手" in output
    for name in ("parse", "draft", "track", "export-sample", "fonts", "gui", "text"):
        assert name in output
    assert "desktop.commands.draft" in modules  # the command list was built, with every command
    assert heavy_among(modules) == []


def test_a_command_help_loads_only_its_parser():
    output, modules = loaded_by("draft", "--help")
    assert "实施方案" in output and "转发通知" in output  # the --kind choices
    assert heavy_among(modules) == []


def test_track_list_reads_the_store_without_the_drafting_or_parsing_stack(tmp_path):
    plan = CountyPlan(title="清河县秋冬季传染病防控工作实施方案", cover_title="关于印发《清河县秋冬季传染病防控工作实施方案》的通知",
                      issuer="清河县卫生健康局", issue_date="2025-10-09",
                      tasks=[PlanTask(id="T1", number="1", category="健全监测预警", lead=["县疾病预防控制中心"],
                                      measures="每日汇总发热门诊就诊情况，发现聚集性病例及时报告。",
                                      deadlines=[PlanDeadline(kind="due", date="2025-10-20", text="10月20日前")])])
    plan_file = tmp_path / "方案.json"
    plan_file.write_text(plan.dumps(), encoding="utf-8")
    db = str(tmp_path / "督办.db")
    assert main(["track", "--db", db, "import", str(plan_file), "--today", "2025-10-09"]) == 0
    output, modules = loaded_by("track", "--db", db, "list", "--today", "2025-10-10")
    assert "县疾病预防控制中心" in output and "共 1 件" in output
    assert "tracking.queries" in modules
    assert heavy_among(modules) == []


def test_the_draft_command_offers_exactly_the_kinds_the_builder_builds():
    from desktop.commands.draft import PLAN_KINDS
    from drafting.plan_builder import PLAN_KINDS as BUILDER_KINDS

    assert PLAN_KINDS == BUILDER_KINDS
