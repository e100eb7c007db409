"""Page-level decisions the writer takes once the text is in place (see :mod:`pagination`):

* no keep-with-next chain is longer than the room it has — the cover's title, 主送 and text must
  start under the 版头 on page 1, not be pushed whole onto page 2 by a chain that runs on to the
  署名; an over-long chain is cut after its last paragraph of running text. Any other chain (the
  last paragraph of the text with the 署名) may move to the next page whole, so the 署名 never
  stands there alone, and is cut only when it is longer than a page;
* the 版记 goes at the foot of the last page when that page is even and has room for it; else on
  a page of its own, after a blank page when needed, so the last page is even (GB/T 9704 practice).
"""

from __future__ import annotations

from typing import Literal

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn

from drafting.gbt9704.pagination import Block, Layout, chains, first_part, measure, paginate
from drafting.gbt9704.profiles import LayoutProfile

ColophonPlace = Literal["share", "next", "after_blank"]
SHARE_ROOM_LINES = 0.5  # at least half a line between the text and the 版记


def _layout(document: DocxDocument, profile: LayoutProfile) -> Layout:
    return paginate(measure(document, profile.body_size_pt, profile.pitch_pt))


def _text(block: Block) -> str:
    return "".join(t.text or "" for t in block.element.iter(qn("w:t")))


def _is_running_text(block: Block) -> bool:
    """A paragraph of the text itself: not blank, not a title (kept whole), not a heading."""
    if block.is_row or block.keep_lines or not _text(block).strip():
        return False
    ppr = block.element.find(qn("w:pPr"))
    return ppr is None or ppr.find(qn("w:outlineLvl")) is None


def _chain_need(blocks: list[Block], run: list[int]) -> float:
    *kept, last = run
    return sum(blocks[i].height for i in kept) + first_part(blocks[last])


def limit_keep_chains(document: DocxDocument, profile: LayoutProfile) -> int:
    """Cut every keep-with-next chain that needs more than its room (a page; on page 1, what the
    版头 leaves). Returns how many were cut."""
    cut = 0
    for _ in range(20):  # each pass cuts one chain; a document has few
        blocks = measure(document, profile.body_size_pt, profile.pitch_pt)
        if not blocks:
            return cut
        frame = blocks[0].frame
        assert frame is not None
        before = 0.0  # the height above a chain, while everything so far is on page 1
        offsets: dict[int, float] = {}
        for index, block in enumerate(blocks):
            if block.page_break and index > 0:
                break
            offsets[index] = before
            before += block.height
        for run in chains(blocks):
            room = (blocks[run[0]].frame or frame).height
            # The chain that holds the title (kept whole) must fit under the 版头; any other one
            # may move to the next page as a whole, and only has to fit on a page.
            heads_page_one = run[0] in offsets and any(blocks[i].keep_lines for i in run)
            if heads_page_one and offsets[run[0]] < room:
                room -= offsets[run[0]]
            if _chain_need(blocks, run) <= room + 0.5:
                continue
            candidates = [i for i in run[:-1] if _is_running_text(blocks[i])] or \
                [i for i in run[:-1] if not blocks[i].is_row]
            if not candidates:  # a table's header rows stay with its first row
                continue
            # Cut after the last paragraph up to which the chain still fits its room.
            fitting = [i for i in candidates if _chain_need(blocks, run[:run.index(i) + 1]) <= room + 0.5]
            chosen = fitting[-1] if fitting else candidates[0]
            target = blocks[chosen].element.find(qn("w:pPr"))
            keep = target.find(qn("w:keepNext")) if target is not None else None
            if keep is None:
                return cut
            target.remove(keep)
            cut += 1
            break
        else:
            return cut
    return cut


def colophon_place(document: DocxDocument, profile: LayoutProfile, height_pt: float) -> ColophonPlace:
    """Where the 版记 goes so that it ends the last page and that page is even."""
    layout = _layout(document, profile)
    frame = layout.frames[-1] if layout.frames else None
    pages = layout.pages
    fits = frame is not None and layout.last_used + height_pt + SHARE_ROOM_LINES * profile.pitch_pt <= frame.height
    if pages % 2 == 0 and fits:
        return "share"
    return "next" if pages % 2 == 1 else "after_blank"
