"""Hostile inputs, made on the fly (no checked-in blobs): texts that used to hang the
extractors, plans that used to flood the store, strings XML cannot hold."""

from __future__ import annotations

import random

from drafting.plan import CountyPlan, PlanDeadline, PlanTask

# Characters XML 1.0 cannot hold, or a terminal acts on, as they arrive from Word and pastes.
POISON = ("\x0b", "\x0c", "\x1b[31m", "\x1b]0;title\x07", "\x01", "\x7f", "\ufffe", "\uffff", "\ud800", "\udfff")


def poisoned(text: str, seed: int = 0) -> str:
    """``text`` with every poison character put in somewhere."""
    rng = random.Random(seed)
    chars = list(text)
    for p in POISON:
        chars.insert(rng.randrange(len(chars) + 1), p)
    return "".join(chars)


def leadership_run(size: int = 48_000) -> str:
    """A long unpunctuated run of the words the leading-group sentences look for — the shape of
    text (a pasted table flattened, an OCR page without punctuation) that made the sentence
    patterns scan the rest of the text from every position."""
    words = ("县卫生健康局局长", "张国栋", "同志", "负责", "领导小组", "成员单位", "县人民医院", "主要负责人", "组织", "协调")
    rng = random.Random(7)
    return _run(["成立县卫健系统安全生产工作领导小组"], words, size, rng)


def _run(out: list[str], words: tuple[str, ...], size: int, rng: random.Random) -> str:
    length = sum(map(len, out))
    while length < size:
        out.append(rng.choice(words))
        length += len(out[-1])
    return "".join(out)[:size]


def leadership_groups(count: int = 3000) -> str:
    """One sentence setting up a group, repeated: every one used to be read to the text's end."""
    return "\n".join("成立安全生产工作领导小组，组长由局长张国栋同志担任" for _ in range(count))


def contacts_run(size: int = 48_000) -> str:
    """Digits, 联系人 and 电话 words without the punctuation that would end a contact line."""
    rng = random.Random(11)
    words = ("联系人", "联系电话", "电话", "0351", "-", "1", "2", "邮箱", "@", "张三", "传真", "（", "）")
    return _run([], words, size, rng)


def daily_duty_plan(until: str = "2099-12-31", units: int = 3) -> CountyPlan:
    """A plan whose one daily duty runs to ``until`` (the 83 030-delegation import)."""
    # The sample profile's 卫生院 (only the profile's units are delegated).
    lead = ["城关镇中心卫生院", "河口镇卫生院", "石桥乡卫生院", "新安镇卫生院"][:units]
    return CountyPlan(
        title="县卫健系统疫情防控信息日报工作方案", cover_title="关于印发《县卫健系统疫情防控信息日报工作方案》的通知",
        issuer="示例县卫生健康局", issue_date="2025-01-02",
        tasks=[
            PlanTask(id="T1", number="1", category="信息日报", measures="每日17时前报送当日防控信息。", lead=lead,
                     deadlines=[PlanDeadline(kind="recurring", recurrence="daily", time="17:00", text="每日17时前报送")]),
            PlanTask(id="T2", number="2", category="总结", measures="报送工作总结。", lead=["局办公室"],
                     deadlines=[PlanDeadline(kind="due", date=until, text="年底前")]),
        ],
    )


def plan_json(**changes) -> dict:
    """A small valid plan/1 JSON with ``changes`` applied to its first task (or the plan)."""
    task = {"id": "T1", "number": "1", "category": "排查整治", "measures": "开展隐患排查。",
            "lead": ["局办公室"], "support": [],
            "deadlines": [{"kind": "due", "date": "2025-03-31", "text": "3月31日前"}]}
    data = {"schema": "plan/1", "title": "县安全生产排查整治工作方案", "cover_title": "关于印发的通知",
            "issuer": "示例县卫生健康局", "issue_date": "2025-03-01", "tasks": [task]}
    for key, value in changes.items():
        if key.startswith("task_"):
            task[key[5:]] = value
        elif key.startswith("deadline_"):
            task["deadlines"][0][key[9:]] = value
        else:
            data[key] = value
    return data


def nested_json(depth: int = 100_000) -> str:
    """A JSON text nested ``depth`` deep (RecursionError bait)."""
    return '{"schema": "plan/1", "tasks": ' + "[" * depth + "]" * depth + "}"
