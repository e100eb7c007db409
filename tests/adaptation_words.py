"""Measure how far a drafted county plan is adapted to the county's level.

For every superior notice in ```tests/fixtures/superior/`` (parsed from its source text, so the
restated 总体要求 and 工作目标 are in), the plan is drafted with the sample profile and the
superior-level words left in the county's own sentences are counted: 全国, 全省, 我市, 各地,
各级…部门, 省级, 地方政府 … Text inside 《》 and “” is cited as it was, and a sentence the plan
attributes to the superior (``据省卫生健康委通报，近期全省…``) states the superior's fact, so neither
counts; nor do names of national events (全国消防日, 全国安全生产月, 全国“两会”).

Run ``.venv/bin/python tests/adaptation_words.py [-v]`` for the table (``-v`` prints each word
with its sentence).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus import FIXTURES

from drafting.completeness import iter_body_text, iter_table_text
from drafting.plan import CountyPlan
from drafting.plan_builder import build_plan, load_notice
from drafting.profile import load_sample_profile
from parsing.model import Notice

SUPERIOR_DIR = FIXTURES / "superior"

# Words that name a level above the county, or the superior's lower levels, as the speaker's own.
LEVEL_WORDS = re.compile(
    r"(?<![健完安齐顾两万双])(?:全国(?![\u4e00-\u9fff]{0,8}?(?:日|周|宣传月|生产月|会议|大会)|“?两会)|全省|全市|全州)|本省|本市|本州|我省|我市|我州|各省|各市|各州|各地(?![址点])|"
    r"(?<![县乡镇村内])各级[^，。；、：\s]{0,12}?(?:部门|机构|政府|党委)|"
    r"(?<![县])(?:省|地市|市|州)级|地方政府|地方各级|辖区内各县")
_QUOTED = re.compile(r"《[^《》]*(?:《[^《》]*》[^《》]*)*》|“[^“”]*”|〈[^〈〉]*〉")
_SENTENCE = re.compile(r"[^。；！？\n]+[。；！？]?")
# A sentence the county attributes to its source: 据省卫生健康委通报，… / 据上级通报，…
ATTRIBUTED = re.compile(r"^(?:[（(]?[一二三四五六七八九十\d]+[)）、.]?)?据[^，。]{0,20}(?:通报|统计|报告|通知|显示|介绍)")


@dataclass
class Leftover:
    word: str
    sentence: str
    where: str


@dataclass
class Measure:
    name: str
    leftovers: list[Leftover] = field(default_factory=list)
    attributed: list[str] = field(default_factory=list)  # sentences kept as the superior's facts

    @property
    def count(self) -> int:
        return len(self.leftovers)


def printed_text(plan: CountyPlan) -> Iterator[tuple[str, str]]:
    """The plan as printed: titles, cover notice, body (the table repeats the body's tasks). A
    转发通知 takes the superior's own title: that one is cited, not the county's sentence."""
    for where, text in iter_body_text(plan):
        if not (where == "标题" and text == (plan.superior or {}).get("title")):
            yield where, text


def table_text(plan: CountyPlan) -> Iterator[tuple[str, str]]:
    yield from iter_table_text(plan)


def level_words(text: str) -> tuple[list[tuple[str, str]], list[str]]:
    """(word, sentence) for every superior-level word outside quotations and attributed
    sentences in ``text``; and the attributed sentences."""
    found: list[tuple[str, str]] = []
    attributed: list[str] = []
    for m in _SENTENCE.finditer(text):
        sentence = m.group(0)
        if ATTRIBUTED.match(sentence.strip()):
            attributed.append(sentence)
            continue
        plain = _QUOTED.sub("", sentence)
        found.extend((w.group(0), sentence) for w in LEVEL_WORDS.finditer(plain))
    return found, attributed


def measure_plan(name: str, plan: CountyPlan, with_table: bool = False) -> Measure:
    result = Measure(name)
    pieces = list(printed_text(plan)) + (list(table_text(plan)) if with_table else [])
    for where, text in pieces:
        words, attributed = level_words(text)
        result.leftovers.extend(Leftover(w, s, where) for w, s in words)
        result.attributed.extend(attributed)
    return result


def superior_sources() -> list[Path]:
    return sorted(SUPERIOR_DIR.glob("*.txt"))


def load_superior(path: Path) -> Notice:
    """The parser's own output for the fixture (its stored .json has no section bodies, which the
    plan restates as 总体要求 and 工作目标)."""
    return load_notice(path)


def draft(path: Path, kind: str = "实施方案") -> CountyPlan:
    return build_plan(load_superior(path), load_sample_profile(), kind=kind)


def measure_all(with_table: bool = False) -> list[Measure]:
    return [measure_plan(p.stem, draft(p), with_table) for p in superior_sources()]


def main(argv: list[str]) -> None:
    verbose = "-v" in argv
    total = 0
    for m in measure_all(with_table="--table" in argv):
        total += m.count
        print(f"{m.count:4d}  {m.name}  (attributed facts: {len(m.attributed)})")
        if verbose:
            for left in m.leftovers:
                print(f"        {left.word}  [{left.where}] {left.sentence[:90]}")
    print(f"{total:4d}  total")


if __name__ == "__main__":
    main(sys.argv[1:])
