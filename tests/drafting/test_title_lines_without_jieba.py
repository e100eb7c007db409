"""Titles are broken from the vocabulary of 公文 titles, without jieba: the same lines jieba's words
gave on every title the drafting makes, government terms never cut, and a draft that never loads
jieba (it cost about a second of every ``draft``)."""

from __future__ import annotations

import itertools
import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest
from corpus import FIXTURES, seed_paths

from drafting.gbt9704 import title_lines
from drafting.gbt9704.title_lines import break_title, display_width
from drafting.gbt9704.title_tokens import TITLE_WORDS, title_tokens, vocabulary
from parsing.locations import RESOURCES_DIR

ROOT = Path(__file__).resolve().parents[2]
TITLES = [
    "关于印发《青阳县2024年爱国卫生月活动实施方案》的通知",
    "关于进一步加强基层医疗卫生机构药品管理工作的通知",
    "关于做好2024年全县基本公共卫生服务项目绩效评价和资金结算工作的通知",
    "关于印发《临江市深入开展爱国卫生运动巩固国家卫生城市创建成果三年行动实施方案（2024—2026年）》的通知",
    "关于转发省卫生健康委员会关于开展2024年度医疗机构依法执业自查工作的通知的通知",
    "关于切实做好强降雨防范应对卫生应急工作的紧急通知",
    "关于2024年第一季度基本公共卫生服务项目推进情况的报告",
]


def _jieba_tokens():
    """The words the breaker read from jieba before (its dictionary, gov_terms.dict, TITLE_WORDS)."""
    import jieba

    from parsing.jieba_cache import private_tokenizer

    jieba.setLogLevel(logging.WARNING)
    tokenizer = private_tokenizer()
    with open(RESOURCES_DIR / "gov_terms.dict", "rb") as handle:
        tokenizer.load_userdict(handle)
    for word in TITLE_WORDS:
        tokenizer.add_word(word, freq=100000)
    return lambda title: [t for t in tokenizer.lcut(title, HMM=True) if t]


def _drafted_titles() -> list[str]:
    """The cover and plan titles the drafting makes from the seeds and the superior notices."""
    from drafting.plan_builder import DraftingError, build_plan, load_notice
    from drafting.profile import load_sample_profile

    titles = []
    for source in [*seed_paths(), *sorted((FIXTURES / "superior").glob("*.txt"))]:
        try:
            plan = build_plan(load_notice(source), load_sample_profile())
        except DraftingError:  # a report, not a notice to carry out
            continue
        titles += [plan.cover_title, plan.title]
    return titles


@pytest.mark.slow
def test_the_lines_are_those_jiebas_words_gave(monkeypatch):
    titles = TITLES + _drafted_titles()
    ours = {(title, width): break_title(title, width) for title in titles for width in (16, 19, 20, 24)}
    monkeypatch.setattr(title_lines, "_tokens", _jieba_tokens())
    differing = {key: break_title(*key) for key, lines in ours.items() if break_title(*key) != lines}
    # The one change: jieba cut an unknown place (示例 | 县卫健系统…); a place stays whole now.
    for key, before in differing.items():
        assert any(line[0] in "省市县区" for line in before[1:]), (key, before, ours[key])
        assert not any(line[0] in "省市县区" for line in ours[key][1:]), (key, ours[key])
    assert len(differing) <= 2
    assert sum(len(lines) > 1 for lines in ours.values()) >= 40  # most of them are broken at all


def test_government_terms_are_never_cut():
    terms = [line.split()[0] for line in (RESOURCES_DIR / "gov_terms.dict").read_text(encoding="utf-8").splitlines()
             if line.split()]
    for term in [*terms, *TITLE_WORDS]:
        title = f"关于进一步做好全县{term}相关工作的通知"
        assert term in title_tokens(title) or any(term in token for token in title_tokens(title)), term
        for width in (8, 12, 16):
            lines = break_title(title, width)
            assert "".join(lines) == title
            if all(display_width(line) <= width for line in lines) and len(term) <= width:
                starts = list(itertools.accumulate(len(line) for line in lines))[:-1]
                at = title.index(term)
                assert not any(at < cut < at + len(term) for cut in starts), (term, lines)


def test_a_title_breaks_after_its_organ_and_before_the_kind_of_document():
    assert title_tokens("关于印发《示例县医疗机构消防安全隐患排查整治实施方案》的通知")[:5] == [
        "关于", "印发", "《", "示例", "县"]
    assert title_tokens("关于做好2024年春季学校传染病防控工作的通知")[-2:] == ["的", "通知"]
    lines = break_title("关于进一步加强基层医疗卫生机构药品管理工作的通知", 20)
    assert lines == ["关于进一步加强基层医疗卫生机构", "药品管理工作的通知"]
    assert "gov_terms" not in " ".join(sorted(vocabulary()))  # the file is read as words, not kept as a name


def test_drafting_a_plan_never_loads_jieba(tmp_path):
    notice = ROOT / "tests/reference/seeds/002_99f2e0c5d8a631cb.txt"
    probe = ("import json, sys; from drafting.plan_builder import build_plan, load_notice; "
             "from drafting.plan_export import write_plan_docx; from drafting.profile import load_sample_profile; "
             "write_plan_docx(build_plan(load_notice(sys.argv[1]), load_sample_profile()), sys.argv[2]); "
             "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] == 'jieba')))")
    done = subprocess.run([sys.executable, "-c", probe, str(notice), str(tmp_path / "plan.docx")], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", timeout=120, check=True)
    assert json.loads(done.stdout.splitlines()[-1]) == []
    assert (tmp_path / "plan.docx").stat().st_size > 10_000
