"""profile/1 JSON checked before it is used (``resources/profile.schema.json`` says the same):
each field of the type it must have, said in Chinese — not a TypeError deep in the drafting."""

from __future__ import annotations

from typing import Any

_REQUIRED = {"county": "县名", "bureau": "单位全称", "bureau_short": "单位简称", "bureau_abbr": "单位略称",
             "doc_prefix": "发文字号前缀"}
_STRINGS = ("organ_word", "office", "township_word", "units_word")
_INTEGERS = {"lead_days": (0, 30, "提前工作日数"), "report_hours_before": (0, 24, "日报提前小时数")}
_LISTS = {"departments": ("name",), "unit_groups": ("name",), "leaders": ("name", "post")}


def _is_strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def profile_problems(data: Any) -> list[str]:
    """Every problem found in a profile/1 JSON value (empty when it can be used)."""
    if not isinstance(data, dict):
        return ["单位资料的最外层应为一个 JSON 对象"]
    problems = []
    for key, label in _REQUIRED.items():
        if key in data and not isinstance(data[key], str):
            problems.append(f"{label}（{key}）应为文字")
    for key in _STRINGS:
        if key in data and not isinstance(data[key], str):
            problems.append(f"{key} 应为文字")
    for key, (low, high, label) in _INTEGERS.items():
        value = data.get(key)
        if key in data and (isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high):
            problems.append(f"{label}（{key}）应为{low}到{high}之间的整数：{str(value)[:20]}")
    for key, required in _LISTS.items():
        items = data.get(key, [])
        if not isinstance(items, list):
            problems.append(f"{key} 应为列表")
            continue
        for n, item in enumerate(items, 1):
            if not isinstance(item, dict) or not all(isinstance(item.get(r), str) for r in required):
                problems.append(f"{key} 的第 {n} 项应为含 {'、'.join(required)} 文字的对象")
                continue
            for sub in ("keywords", "aliases", "members"):
                if sub in item and not _is_strings(item[sub]):
                    problems.append(f"{key} 的第 {n} 项的 {sub} 应为文字的列表")
    contact = data.get("contact")
    if contact is not None and not (isinstance(contact, dict) and all(isinstance(v, str) for v in contact.values())):
        problems.append("联系人 contact 应为各项均为文字的对象")
    aliases = data.get("unit_aliases", {})
    if not (isinstance(aliases, dict) and all(isinstance(v, str) for v in aliases.values())):
        problems.append("unit_aliases 应为“简称: 全称”的对象")
    return problems
