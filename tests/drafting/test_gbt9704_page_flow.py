"""Page flow without a renderer: the line estimate, keep-with-next chains that fit their page, and
where the 版记 goes (checked against LibreOffice renders in test_render_plan_pages.py)."""

from __future__ import annotations

import dataclasses

from docx.oxml.ns import qn

from drafting.gbt9704.model import OfficialDocument, Paragraph
from drafting.gbt9704.page_flow import colophon_place
from drafting.gbt9704.pagination import chains, measure, paginate
from drafting.gbt9704.profiles import resolve_profile
from drafting.gbt9704.sample import sample_notice, sample_report
from drafting.gbt9704.writer import build_document

PROFILE = resolve_profile(None)
PAGE = PROFILE.lines_per_page * PROFILE.pitch_pt


def _blocks(document):
    return measure(document, PROFILE.body_size_pt, PROFILE.pitch_pt)


def _text(block) -> str:
    return "".join(t.text or "" for t in block.element.iter(qn("w:t")))


def test_body_lines_are_counted_on_the_28_character_grid():
    body = "为" * 28 * 3 + "止"  # three full lines and one character, after the two-character indent
    doc = OfficialDocument(title="关于测试的通知", body=[Paragraph(body)])
    blocks = _blocks(build_document(doc, PROFILE))
    (paragraph,) = [b for b in blocks if _text(b) == body]
    assert len(paragraph.lines) == 4 and abs(paragraph.height - 4 * PROFILE.pitch_pt) < 0.1


def test_a_full_page_holds_22_body_lines_then_the_text_goes_on():
    doc = OfficialDocument(title="关于测试的通知", body=[Paragraph("字" * 25 + "。") for _ in range(30)])
    layout = paginate(_blocks(build_document(doc, PROFILE)))
    assert layout.pages == 2
    assert all(abs(f.height - 225 * 72 / 25.4) < 1 for f in layout.frames)
    assert max(p.bottom for p in layout.placements if p.last_page == 1) <= PAGE + 0.5


def test_a_long_single_paragraph_cover_does_not_drag_its_title_off_page_one():
    long_text = "为切实做好有关工作，现将有关事项通知如下，请认真贯彻落实。" * 12
    doc = dataclasses.replace(sample_notice(), body=[Paragraph(long_text)])
    document = build_document(doc, PROFILE)
    blocks = _blocks(document)
    for run in chains(blocks):  # no chain needs more than the page it starts on
        need = sum(blocks[i].height for i in run[:-1])
        assert need <= blocks[run[0]].frame.height, [_text(blocks[i])[:8] for i in run]
    layout = paginate(blocks)
    title = next(i for i, b in enumerate(blocks) if _text(b).startswith("关于印发"))
    body = next(i for i, b in enumerate(blocks) if _text(b) == long_text)
    assert layout.placements[title].first_page == 1 and layout.placements[body].first_page == 1
    ppr = blocks[body].element.find(qn("w:pPr"))
    assert ppr.find(qn("w:keepNext")) is None  # the chain to the 署名 was cut after the text
    closing = blocks[body + 1:]
    signature = next(i for i, b in enumerate(closing) if _text(b) == doc.signature[0])
    assert all(b.keep_next for b in closing[:signature + 1])  # 附件说明 … 署名 … 日期 stay together


def test_the_colophon_shares_an_even_last_page_and_otherwise_makes_the_count_even():
    for doc in (sample_report(), sample_notice()):
        document = build_document(dataclasses.replace(doc, colophon=None), PROFILE)
        layout = paginate(_blocks(document))
        place = colophon_place(document, PROFILE, 3 * PROFILE.pitch_pt)
        if layout.pages % 2:
            assert place == "next"
        else:
            assert place in ("share", "after_blank")
            room = layout.frames[-1].height - layout.last_used
            assert (place == "share") == (room >= 3.5 * PROFILE.pitch_pt)
