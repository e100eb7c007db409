"""The extractors run in time linear in the text: long unpunctuated runs and thousands of
repeated sentences no longer make a pattern rescan the text from every position, and a
time-bounded fuzz over the extractors finds no crash and no slow input."""

from __future__ import annotations

import time

import pytest
from generators import contacts_run, leadership_groups, leadership_run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parsing.contacts import find_contacts
from parsing.leadership import find_leadership
from parsing.model import Source
from parsing.parser import parse_clean
from parsing.pipeline import text_from_string


@pytest.fixture(autouse=True, scope="module")
def _warm():
    """Load the unit dictionary (jieba) before anything is timed."""
    _, clean = text_from_string("成立领导小组，组长由局长张国栋同志担任。联系人：张三，电话：0351-1234567")
    parse_clean(clean, Source(file="warm.txt"))


def timed(run, *args) -> float:
    start = time.perf_counter()
    run(*args)
    return time.perf_counter() - start


def test_a_48_kb_run_without_punctuation_is_read_at_once():
    _, clean = text_from_string(leadership_run(48_000))
    assert timed(find_leadership, clean) < 2.0  # was over 200 s


def test_thousands_of_group_sentences_are_not_each_read_to_the_end():
    _, clean = text_from_string(leadership_groups(1500))
    assert timed(find_leadership, clean) < 3.0  # was 16 s
    found = find_leadership(clean)
    assert found is not None and found.leader == ["张国栋"]


def test_contacts_stay_linear_on_long_runs():
    for text in (contacts_run(48_000), "联系人：" * 12_000, "联系人：张三" + "1" * 48_000):
        _, clean = text_from_string(text)
        assert timed(find_contacts, clean) < 2.0


def test_sentence_forms_still_read_after_the_bound():
    _, clean = text_from_string("为加强领导，成立县安全生产工作领导小组，由局长张国栋同志任组长，副局长王丽、陈芳任副组长，"
                                "各股室负责人为成员。领导小组办公室设在局办公室。")
    found = find_leadership(clean)
    assert (found.leader, found.deputy, found.office) == (["张国栋"], ["王丽", "陈芳"], "局办公室")
    assert found.members == ["各股室负责人"]


# Words the extractors look for, and the punctuation that ends their clauses.
_WORDS = ["成立", "领导小组", "组长", "副组长", "由", "担任", "任", "为", "成员", "同志", "局长", "张国栋", "办公室设在",
          "联系人", "：", "电话", "0351-1234567", "13903541234", "@", "qq.com", "各单位", "要", "于", "2025年",
          "3月", "31日", "前", "每月", "报送", "根据", "《", "》", "一、", "（一）", "附件", "，", "。", "；", "\n", "\x0b",
          "、", "（", "）", " "]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(st.lists(st.sampled_from(_WORDS), max_size=300), st.integers(1, 40))
def test_fuzzed_texts_never_crash_or_stall_the_extractors(words, repeat):
    """Every extractor on the text (no extractor may fail: a failure is a warning), and the
    leading-group and contact readers on the text repeated up to 40 times (≈ 40 KB), where a
    pattern rescanning from every position would take tens of seconds."""
    text = "".join(words) or "空"
    _, clean = text_from_string(text)
    notice = parse_clean(clean, Source(file="fuzz.txt"))
    assert not [w for w in notice.warnings if "识别出错" in w]
    _, long = text_from_string(text * repeat)
    assert timed(find_leadership, long) < 3.0
    assert timed(find_contacts, long) < 3.0
