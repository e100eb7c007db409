"""One source for the plan body and the 任务分工表 (issue 14.7): an edit of the units or the
measures in either shows in both, and in the export."""

from __future__ import annotations

import copy
import json

from corpus import FIXTURES

from desktop.plan_text import apply_plan_text, plan_to_text
from drafting.gbt9704.model import Heading, Paragraph, Table
from drafting.plan_builder import build_plan
from drafting.plan_export import plan_to_document, task_table_rows
from drafting.plan_sync import parse_units_phrase, sync_plan, task_sections, units_phrase
from drafting.profile import load_sample_profile
from parsing.model import Notice


def _plan(name: str = "reach_national_safety_three_year_plan"):
    data = json.loads((FIXTURES / "superior" / f"{name}.json").read_text(encoding="utf-8"))
    return build_plan(Notice.from_json(data), load_sample_profile())


def _exported_text(plan) -> str:
    document = plan_to_document(plan)
    parts: list[str] = []
    for attachment in document.attachments:
        for block in attachment.blocks:
            if isinstance(block, Heading):
                parts.append(block.text + (block.run_in or ""))
            elif isinstance(block, Paragraph):
                parts.append(block.text)
            elif isinstance(block, Table):
                parts.extend("|".join(row) for row in block.rows)
    return "\n".join(parts)


def test_units_phrase_round_trip():
    phrase = units_phrase(["医政医管股"], ["人事股", "县人民医院"])
    assert phrase == "医政医管股牵头，人事股配合，县人民医院负责落实"
    assert parse_units_phrase(phrase) == (["医政医管股"], ["人事股", "县人民医院"])
    assert parse_units_phrase("局办公室负责") == (["局办公室"], [])
    assert parse_units_phrase("2024年3月") is None  # a parenthesis that names no units


def test_every_task_row_is_printed_by_one_body_section():
    plan = _plan()
    pairs = task_sections(plan)
    carried = [t for t in plan.tasks if t.source_task is not None]
    assert [t.id for t, _ in pairs][:len(carried)] == [t.id for t in carried]
    for task, section in pairs:
        printed = "\n".join(section.paragraphs)
        assert printed.startswith(task.measures.split("\n")[0])
        assert printed.endswith(f"（{units_phrase(task.lead, task.support)}）")


def test_a_table_edit_shows_in_the_body_and_the_export():
    plan = _plan()
    before = copy.deepcopy(plan)
    task = next(t for t in plan.tasks if t.category == "强化消防安全综合治理")
    task.lead, task.support = ["综合监督股"], ["县人民医院"]
    task.measures = task.measures.replace("联合检查", "联合执法检查")
    assert sync_plan(plan, before) == []
    section = dict((t.id, s) for t, s in task_sections(plan))[task.id]
    assert section.paragraphs[-1].endswith("（综合监督股牵头，县人民医院负责落实）")
    assert "联合执法检查" in section.paragraphs[0]
    exported = _exported_text(plan)
    assert "（综合监督股牵头，县人民医院负责落实）" in exported and "联合执法检查" in exported


def test_the_export_prints_the_table_even_without_a_sync():
    plan = _plan()
    task = next(t for t in plan.tasks if t.category == "开展重大事故隐患排查整治")
    task.support = ["县疾病预防控制中心"]
    exported = _exported_text(plan)
    assert "（局办公室牵头，县疾病预防控制中心负责落实）" in exported
    row = next(r for r in task_table_rows(plan) if r[1] == task.category)
    assert row[4] == "县疾病预防控制中心"


def test_a_body_edit_shows_in_the_table_and_the_export():
    plan = _plan()
    text = plan_to_text(plan)
    old = "（卫生应急办公室牵头，各医疗卫生单位负责落实）"
    assert text.count(old) == 1
    edited = apply_plan_text(plan, text.replace(old, "（卫生应急办公室牵头，县急救指挥中心、县人民医院负责落实）")
                             .replace("定期开展实战化演练", "每半年开展1次实战化演练"))
    changed = sync_plan(edited, plan)
    task = next(t for t in edited.tasks if t.category == "加强医疗应急队伍建设")
    assert changed == [task.id]
    assert (task.lead, task.support) == (["卫生应急办公室"], ["县急救指挥中心", "县人民医院"])
    assert "每半年开展1次实战化演练" in task.measures and "（" not in task.measures
    row = next(r for r in task_table_rows(edited) if r[1] == task.category)
    assert row[3:5] == ["卫生应急办公室", "县急救指挥中心、县人民医院"]
    assert "县急救指挥中心、县人民医院负责落实" in _exported_text(edited)
    # nothing else moved
    others = [(t.lead, t.support, t.measures) for t in edited.tasks if t.id != task.id]
    assert others == [(t.lead, t.support, t.measures) for t in plan.tasks if t.id != task.id]


def test_the_draft_page_text_and_the_table_edits_meet():
    """What the 起草 page does: the table was edited after drafting, the body text too."""
    from drafting.plan_sync import sync_body_edits

    plan = _plan()
    text = plan_to_text(plan)  # the text the page shows
    table_task = next(t for t in plan.tasks if t.category == "开展安全生产宣传教育培训")
    table_task.support = ["科教宣传股"]  # edited in the table
    body_edit = "（卫生应急办公室牵头，各医疗卫生单位负责落实）"
    after = apply_plan_text(plan, text.replace(body_edit, "（卫生应急办公室牵头，县急救指挥中心负责落实）"))
    taken = sync_body_edits(plan, after)
    by_id = {t.id: t for t in after.tasks}
    team = next(t for t in after.tasks if t.category == "加强医疗应急队伍建设")
    assert taken == [team.id] and team.support == ["县急救指挥中心"]
    assert by_id[table_task.id].support == ["科教宣传股"]  # the table edit stays …
    exported = _exported_text(after)
    assert "（局办公室牵头，科教宣传股配合）" in exported  # … and is printed
    assert "（卫生应急办公室牵头，县急救指挥中心负责落实）" in exported
