"""Whether a name's first character is a preposition (对医疗机构) or starts a longer word (自然资源部)
is decided from dictionary words read as plain text, not from jieba's tokenizer, which costs
about a second to build in every process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from parsing.units import CLAUSE_OPENINGS, is_unit, opening_words, tokenizer

ROOT = Path(__file__).resolve().parents[2]


def test_the_words_read_are_exactly_those_jiebas_tokenizer_knows():
    firsts = {w for w in CLAUSE_OPENINGS if len(w) == 1}
    known = {word for word, freq in tokenizer().FREQ.items() if freq and 2 <= len(word) <= 4 and word[0] in firsts}
    words = opening_words()
    assert words == known
    assert {"自然", "当地", "有关单位", "无锡"} <= words  # jieba's list, and gov_terms.dict (有关单位)
    assert "对医" not in words


def test_a_place_or_word_opening_with_a_preposition_character_is_a_name():
    for name in ("自然资源部", "当地政府", "无锡市卫生健康委员会", "经济和信息化局", "和平区教育局", "不动产登记中心"):
        assert is_unit(name), name
    for phrase in ("对医疗机构", "由县卫健委", "当前各单位", "对于医疗机构", "对照有关部门", "自县卫健委"):
        assert not is_unit(phrase), phrase


def test_parsing_a_notice_never_builds_jiebas_tokenizer():
    probe = ("import json, sys; from parsing.parser import parse_file; notice = parse_file(sys.argv[1]); "
             "print(json.dumps({'units': sorted({u for t in notice.tasks for u in t.lead}), "
             "'jieba': sorted(m for m in sys.modules if m.split('.')[0] == 'jieba')}, ensure_ascii=False))")
    seed = ROOT / "tests/reference/seeds/002_99f2e0c5d8a631cb.txt"
    done = subprocess.run([sys.executable, "-c", probe, str(seed)], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", timeout=120, check=True)
    result = json.loads(done.stdout.splitlines()[-1])
    assert result["units"]  # the tasks were read, with their lead units
    assert result["jieba"] == []
