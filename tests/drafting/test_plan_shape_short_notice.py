"""The plan's length fits the superior (issue 14.6): a one-page provincial 紧急通知 is answered by
one short 通知 carrying the county's steps, not a 实施方案 with a leading group and a 分工表."""

from __future__ import annotations

import json

import pytest
from corpus import FIXTURES

from drafting.completeness import iter_plan_text
from drafting.plan_builder import build_plan
from drafting.plan_export import plan_to_document
from drafting.plan_shape import ONE_PAGE_CHARS, is_short_urgent
from drafting.profile import load_sample_profile
from parsing.model import Notice

SUPERIOR = FIXTURES / "superior"


def _notice(name: str) -> Notice:
    return Notice.from_json(json.loads((SUPERIOR / f"{name}.json").read_text(encoding="utf-8")))


def _printed_chars(plan) -> int:
    return sum(len(text) for where, text in iter_plan_text(plan) if not where.startswith("任务分工表"))


def test_a_one_page_urgent_notice_gets_a_short_notice_with_the_countys_steps():
    notice = _notice("reach_province_urgent_rainstorm")
    assert is_short_urgent(notice)
    plan = build_plan(notice, load_sample_profile())
    assert plan.shape == "notice"
    assert plan.cover_title == "关于切实做好强降雨防范应对卫生应急工作的紧急通知"
    assert plan.cover_body[0].endswith("现就有关事项通知如下：")
    headings = [s.heading for s in plan.sections]
    assert headings == ["加强应急值守", "做好医疗救治准备", "做好灾后卫生防疫", "按时报送信息"]
    assert not any(h in ("组织领导", "总体要求", "时间安排") for h in headings)
    # each step names its county units, from the same tasks the tracking gets
    steps = {s.heading: s.paragraphs[0] for s in plan.sections}
    assert steps["做好灾后卫生防疫"].endswith("（疾病预防控制股牵头，县疾病预防控制中心负责落实）")
    assert "报卫生应急办公室" in steps["按时报送信息"]
    assert [t.source_task for t in plan.tasks if t.source_task is not None] == [0, 1, 2]
    # one 通知, no enclosed plan nor table: it fits on about a page
    document = plan_to_document(plan)
    assert document.attachments == [] and document.title == plan.cover_title
    assert _printed_chars(plan) <= ONE_PAGE_CHARS


def test_a_longer_urgent_notice_with_stages_still_gets_a_plan():
    notice = _notice("city_urgent_fire_safety")
    assert not is_short_urgent(notice)  # nine items in two stages
    plan = build_plan(notice, load_sample_profile())
    assert plan.shape == "plan" and plan.cover_title.startswith("关于印发《")
    assert [a.title for a in plan_to_document(plan).attachments][-1] == "任务分工表"


def test_the_short_notice_is_far_shorter_than_a_plan_would_be():
    notice = _notice("reach_province_urgent_rainstorm")
    short = build_plan(notice, load_sample_profile())
    full = build_plan(notice, load_sample_profile(), kind="工作方案")
    assert full.shape == "plan"  # an office that asks for a 方案 gets one
    assert _printed_chars(short) * 2 < _printed_chars(full)


@pytest.mark.slow
def test_the_short_notice_renders_on_one_sheet(tmp_path):
    """Rendered through LibreOffice: the county's short 通知 fills at most one sheet (two pages,
    the 版记 at the foot of the last), where the plan drafted from a three-year plan runs on."""
    import shutil
    import subprocess

    import pdfplumber

    from drafting.plan_export import write_plan_docx

    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        pytest.skip("LibreOffice is not installed")

    def pages(name: str) -> tuple[int, str]:
        docx = write_plan_docx(build_plan(_notice(name), load_sample_profile()), tmp_path / f"{name}.docx")
        subprocess.run([office, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx)],
                       check=True, capture_output=True, timeout=180,
                       env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin:/usr/local/bin"})
        with pdfplumber.open(tmp_path / f"{name}.pdf") as pdf:
            return len(pdf.pages), (pdf.pages[0].extract_text() or "").replace(" ", "")

    short, first_page = pages("reach_province_urgent_rainstorm")
    assert short <= 2
    assert "紧急通知" in first_page and "通知如下" in first_page
    full, _ = pages("reach_national_safety_three_year_plan")
    assert full >= 3 * short
