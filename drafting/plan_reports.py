"""The reports a plan asks of the county's units: what is reported, to whom, by when, worded as
county plans word it (``各单位请于3月26日前将本单位实施方案报局办公室。``)."""

from __future__ import annotations

import re

from drafting.plan import PlanDeadline
from parsing.model import Deadline

_REPORT_VERB = re.compile(r"^(?:报送|上报|提交|报|反馈|填报)")


def report_object(deadline: Deadline) -> str:
    """What a report deadline asks for (``实施方案``), without its date, verb and recipient."""
    action = (deadline.action or "").strip()
    action = re.sub(r"^(?:于|在)?[\d〇一二三四五六七八九十]+月[\d〇一二三四五六七八九十]+日(?:前|之前)?", "", action)
    action = re.sub(r"^(?:将|把)", "", _REPORT_VERB.sub("", action))
    action = re.sub(r"^(?:本地区|本辖区|本地|本省|本市|本县|本区)", "", action)
    # ``将本地区实施方案报送国家卫生健康委规划司``: the object ends where its recipient begins.
    head = re.sub(r"(?:报送|上报|报|提交|发送)(?:至|到|给)?[^，。；]{0,30}?"
                  r"(?:委|局|厅|办公室|办|司|处|科|股|室|中心|邮箱)[^，。；]{0,4}$", "", action)
    action = head if len(head) >= 2 else action
    action = _REPORT_VERB.sub("", action)
    return action or "有关材料"


def is_report(deadline: Deadline) -> bool:
    text = (deadline.action or "") + deadline.text
    return bool(deadline.to) or any(w in text for w in ("报送", "上报", "报", "提交", "反馈"))


def report_sentence(obj: str, pd: PlanDeadline, office: str) -> str:
    """The county's sentence for one report of ``obj`` (already localised) to ``office``."""
    if pd.kind == "recurring":
        when = re.split(r"报送|上报|提交|报(?=[^告道名])", pd.text)[0] or pd.text
        return f"{obj}于{when}报送至{office}，由{office}汇总后按时上报。"
    if not obj.startswith(("本单位", "各单位")):
        obj = "本单位" + obj
    return f"各单位请于{pd.text}将{obj}报{office}。"


def merge_reports(sentences: list[str]) -> list[str]:
    """``各单位请于A前将X报局办公室。`` + ``各单位请于B前将Y报局办公室。`` →
    ``各单位请于A前将X报局办公室，于B前报送Y。`` (as county plans word it)."""
    merged: list[str] = []
    pattern = re.compile(r"^各单位请于(.+?)将(?:本单位)?(.+?)报(.+?)。$")
    for sentence in sentences:
        m = pattern.match(sentence)
        prev = pattern.match(merged[-1]) if merged else None
        if m and prev and f"报{m.group(3)}" in merged[-1]:
            merged[-1] = merged[-1].rstrip("。") + f"，于{m.group(1)}报送{m.group(2)}。"
        else:
            merged.append(sentence)
    return merged


def report_category(deadline: Deadline) -> str:
    obj = report_object(deadline)
    return f"报送{obj}" if len(obj) <= 20 else "按时报送有关材料"
