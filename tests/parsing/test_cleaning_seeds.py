"""Cleaning on the five real seeds, each read as one raw page of text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from parsing.cleaning import clean
from parsing.document import CleanText, RawDocument, RawPage

# The seeds copied into tests/reference (as in tests/corpus.py).
SEEDS_DIR = Path(__file__).resolve().parents[1] / "reference" / "seeds"


def seed_paths() -> list[Path]:
    return sorted(SEEDS_DIR.glob("*.txt"))


def seed(prefix: str) -> Path:
    (path,) = [p for p in seed_paths() if p.name.startswith(prefix)]
    return path

SENTENCE_END = "。！？；：:）)”"


def _clean_seed(prefix: str) -> CleanText:
    path = seed(prefix)
    return _clean_path(path)


def _clean_path(path: Path) -> CleanText:
    raw = RawDocument(path, "txt", [RawPage(1, path.read_text(encoding="utf-8"))], None)
    return clean(raw)


def _paragraphs(clean_text: CleanText) -> list[tuple[str, str]]:
    return [(clean_text.text[p.start:p.end], p.kind) for p in clean_text.paragraphs]


@pytest.mark.parametrize("path", seed_paths(), ids=lambda p: p.name[:3])
def test_no_watermark_blank_or_spaced_date_survives(path):
    result = _clean_path(path)
    assert "扫描全能王" not in result.text
    assert "bookmark" not in result.text
    for text, _kind in _paragraphs(result):
        assert text and text == text.strip(), repr(text)
    assert not re.search(r"\d\s+年|年\s+\d|\d\s+月|月\s+\d|\d\s+日", result.text)
    assert len(result.pages) == len(result.offsets) == len(result.text)


@pytest.mark.parametrize("prefix", ["000", "004"])
def test_wrapped_body_paragraphs_end_with_a_sentence(prefix):
    """In the hard-wrapped seeds every body paragraph is whole: no break inside a sentence."""
    result = _clean_seed(prefix)
    dangling = []
    for text, kind in _paragraphs(result):
        if kind != "body" or text[-1] in SENTENCE_END:
            continue
        dangling.append(text)
    # What may end without punctuation: the signing organ, a date, a document number, an 印发 line.
    for text in dangling:
        assert re.fullmatch(r"\S{2,20}(局|委员会|办公室)|\d{4}年\d{1,2}月\d{1,2}日|.*〔\d{4}〕\d+号|.*印发",
                            text), text


def test_seed_000_title_letter_and_signature():
    paras = _paragraphs(_clean_seed("000"))
    texts = [t for t, _ in paras]
    assert "关于印发《迅速采取有效措施坚决遏制重大事故专项行动工作方案》的通知" in texts
    assert "迅速采取有效措施坚决遏制重大事故专项行动工作方案" in texts
    assert "各医疗卫生单位，局机关各股室：" in texts
    signature = texts.index("随县卫生健康局")
    assert texts[signature + 1] == "2024年1月29日"
    letter = [t for t in texts if t.startswith("为深刻汲取近期国内重特大生产安全事故惨痛教训")]
    assert len(letter) == 1 and letter[0].endswith("请认真抓好贯彻落实。")
    headings = [t for t, kind in paras if kind == "heading"]
    for number in ("一、总体要求", "二、组织领导", "三、时间安排", "四、排查整治重点", "五、工作要求"):
        assert number in headings


def test_seed_001_numbering_glitch_stays_a_heading():
    paras = _paragraphs(_clean_seed("001"))
    texts = [t for t, _ in paras]
    assert ("3、主要任务", "heading") in paras
    assert "关于印发《青阳县卫生健康系统安全生产（消防）治本攻坚三年行动方案（2024—2026年）》的通知" in texts
    assert "青阳县卫生健康系统安全生产（消防）治本攻坚三年行动方案（2024—2026年）" in texts
    assert "青阳县卫生健康委员会" in texts and "2024年3月7日" in texts
    assert texts[-1] == "联系人：江婷婷，联系电话：18792161603，电子邮箱：2292456039@qq.com。"
    assert texts[3].startswith("现将《")  # the [bookmark: _GoBack] artefact is gone


def test_seed_002_repeated_block_kept_once_and_rejoined():
    result = _clean_seed("002")
    text = result.text
    assert text.count("确保一旦发生重大紧急情况能够迅速启动响应") == 1
    assert text.count("9.电气火灾防范") == 1
    assert text.count("12.氧气、天然气等燃气、用水排查整治") == 1
    assert "横线到底" in text and "横线到边" not in text  # the first copy is the one kept
    assert "排查整治隐蔽致灾隐患" in text
    assert len(result.warnings) == 1 and "重复" in result.warnings[0]
    texts = [t for t, _ in _paragraphs(result)]
    item8 = next(t for t in texts if t.startswith("8.应急值守管理"))
    assert "做到有备无患，确保一旦发生重大紧急情况" in item8
    item12 = next(t for t in texts if t.startswith("12.氧气"))
    assert item12.endswith("确保群众饮水安全。")
    # Paragraphs broken by a page end and a watermark are whole again.
    assert any("拉网式的安全风险隐患排查治理" in t for t in texts)
    assert any("市级抽查比例不低于10%；" in t for t in texts)
    assert any("疏散预案制定及演练情况" in t for t in texts)
    # The leading group is a list: one member a line, name and post still apart.
    assert "组长：居清平 市卫健委党组书记、主任" in texts
    assert "夏鸿 市卫健委副主任" in texts
    assert texts[-2:] == ["忻州市卫生健康委员会办公室", "2021年6月15日"]
    assert "附件：" in texts and "1.忻州市安全生产工作督导检查分组" in texts


def test_seed_003_unnumbered_headings_and_wrapped_quotes():
    paras = _paragraphs(_clean_seed("003"))
    assert ("加强领导 精心部署", "heading") in paras
    assert ("突出重点 全面落实", "heading") in paras
    texts = [t for t, _ in paras]
    assert any("严格落实“党政同责、一岗双责、齐抓共管、失职追责”" in t for t in texts)
    assert any(t.startswith("今年6月是全国第23个“安全生产月”，主题是") and t.endswith("各类事故发生。")
               for t in texts)
    assert texts[0].startswith("今年以来") and texts[0].endswith("活动方案》。")


def test_seed_004_header_and_items():
    paras = _paragraphs(_clean_seed("004"))
    texts = [t for t, _ in paras]
    assert texts[:3] == ["始卫〔2022〕12号", "始兴县卫生健康局关于印发2022年安全生产工作要点的通知",
                         "局直属各单位，局机关各股室:"]
    assert "2022年8月10日" in texts
    item1 = next(t for t in texts if t.startswith("1.加强学习提高认识"))
    assert item1.endswith("（局办公室、人事股、工委办牵头，各股室、局直属各单位分工负责）")
    assert "（2020年版）" in "".join(texts)
    assert texts[-1] == "始兴县卫生健康局办公室2022年8月10日印发"


@pytest.mark.parametrize("path", seed_paths(), ids=lambda p: p.name[:3])
def test_offset_map_points_every_character_back_into_the_seed(path):
    source = path.read_text(encoding="utf-8")
    result = _clean_path(path)
    joiners = 0
    for i, ch in enumerate(result.text):
        page, offset = result.source_position(i)
        assert page == 1
        if ch == "\n" or (ch == " " and source[offset] != " "):
            joiners += 1
            continue
        assert source[offset] == ch
    assert joiners == len(result.paragraphs) - 1  # only the breaks between paragraphs were added
    # A value found in the clean text can be shown where it stands in the source.
    if path.name.startswith("002"):
        start = result.text.index("于6月17日前报市卫健委办公室")
        first, last = result.offsets[start], result.offsets[start + len("于6月17日前") - 1]
        assert source[first:last + 1] == "于6月17日前"
        start = result.text.index("即日起至7月10日")
        first, last = result.offsets[start], result.offsets[start + len("即日起至7月10日") - 1]
        assert source[first:last + 1] == "即日起至 7 月 10 日"
