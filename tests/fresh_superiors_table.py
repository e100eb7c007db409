"""The issue-14 table measured on the fresh superior notices (``tests/fixtures/superior/fresh_*``),
drafted with the sample profile: level words, units, deadlines, task-text recall and the classes of
fault a county office director found reading those plans (label lines, doubled names, headings,
deadline texts, duty periods, the county named twice, units organising a 辖区).

Run ``.venv/bin/python tests/fresh_superiors_table.py``.
"""

from __future__ import annotations

import re
import sys
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent / "drafting"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from adaptation_words import measure_plan
from corpus import FIXTURES
from test_task_reach_units import recall_of_task_text

from drafting.completeness import iter_plan_text
from drafting.county_units import profile_unit_names
from drafting.plan_builder import build_plan, load_notice
from drafting.profile import load_sample_profile

_CLASSES = {
    "label lines in text (责任单位：/完成时限：)": lambda text, dls: len(re.findall(r"(?:责任|配合)单位[：:]|完成时限[：:]", text)),
    "doubled group names": lambda text, dls: len(re.findall(r"(县直各医疗卫生单位|各医疗卫生单位)、\1", text)),
    "superior organ in a deadline text": lambda text, dls: sum(
        1 for d in dls if re.search(r"报[省市国]|局应急办|局规划股|设在县市", d.text)),
    "part of day with a 24h hour (下午15时)": lambda text, dls: len(re.findall(
        r"(?:上午|中午|下午|晚上)(?:1[3-9]|2[0-3]|10)时", text + "".join(d.text for d in dls))),
    "county named twice / a peer as 上级": lambda text, dls: len(re.findall(r"示例县全县|关于示例县|根据《绛县", text)),
    "units organising a 辖区 / 会同 the health dept": lambda text, dls: len(re.findall(
        r"各医疗卫生单位(?:要)?(?:[^，。；]{0,20}，)?(?:组织对?辖区|会同应急|会同卫生)|各医疗卫生单位疾控部门", text)),
}


def main() -> None:
    profile = load_sample_profile()
    known = profile_unit_names(profile)
    totals: dict[str, int] = {}
    recalls: list[float] = []
    for path in sorted((FIXTURES / "superior").glob("fresh_*")):
        notice = load_notice(path)
        today = date.fromisoformat(notice.issue_date) + timedelta(days=3) if notice.issue_date else None
        plan = build_plan(notice, profile, today=today)
        text = "\n".join(t for _, t in iter_plan_text(plan))
        dls = [d for t in plan.tasks for d in t.deadlines]
        units = [u for t in plan.tasks for u in t.lead + t.support]
        row = {
            "level words": measure_plan(path.stem, plan, True).count,
            "units": len(units),
            "units in profile": sum(u in known for u in units),
            "names shown as unresolved": sum(len(t.unresolved) for t in plan.tasks),
            "dated county deadlines": sum(1 for d in dls if d.date and d.superior_date),
            "county deadlines later than the superior's": sum(
                1 for d in dls if d.date and d.superior_date and d.date > d.superior_date),
            "heading twice / empty section": sum(1 for s in plan.sections for c in s.children if c.heading == s.heading)
            + sum(1 for s in plan.sections if s.heading and not s.children and not s.paragraphs),
            "duty period shortened": sum(
                1 for t in plan.tasks for d in t.deadlines if d.kind == "range" and d.date != d.superior_date
                and any(o.kind == "recurring" for o in t.deadlines) and re.search(r"汛期|报告制度", t.measures)),
        }
        row.update({name: count(text, dls) for name, count in _CLASSES.items()})
        for key, value in row.items():
            totals[key] = totals.get(key, 0) + value
        recalls.append(recall_of_task_text(notice)[0])
    for key, value in totals.items():
        print(f"{value:5d}  {key}")
    print(f"task-text recall: min {min(recalls):.3f}, mean {sum(recalls) / len(recalls):.3f}")


if __name__ == "__main__":
    main()
