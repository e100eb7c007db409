"""Rejoin hard-wrapped lines into paragraphs.

A text exported from a PDF or a scan breaks every line at the page width. A break is kept as a
paragraph break only when the text says so: the line ends a sentence and is shorter than the
page width, the next line opens with a heading number, a date or a label (联系人：…), or the line
is a short one standing alone (a heading, a title line, the organ in a signature).

Blank lines are a signal only where the document uses them sparingly: some .txt exports put a
blank line after every wrapped line, and then they say nothing.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

from parsing.cleaning.lines import Line
from parsing.cleaning.shapes import (
    bracket_depth,
    compact,
    ends_colon,
    ends_mid_sentence,
    ends_terminal,
    ends_with_genre,
    ends_with_label_colon,
    has_sentence_punct,
    heading_number,
    is_date_line,
    is_heading_text,
    is_label_line,
    is_paired_heading,
    opens_paragraph,
)

_MIN_WIDTH = 15  # em: narrower "pages" are lists or a few short lines, not wrapped prose
_MIN_WRAPPED_LINES = 5
_WIDTH_WINDOW = 3  # wrapped lines vary by a few characters (punctuation, digits)
_WRAPPED_SHARE = 0.4  # share of lines near the typical width for a document to count as wrapped
_RUNNING_ON_SHARE = 0.7  # share of the lines at the common width that stop mid-sentence in wrapped text
_NEAR_BEST = 0.8
_BLANK_NOISE_SHARE = 0.4  # blank lines inside this share of sentences mean nothing
_LONG_LINE = 32  # in unwrapped text, an unpunctuated line this long was broken by a page end
_PARAGRAPH_LINE = 45  # em: wider than any page, so the line is a whole paragraph
_PARAGRAPH_LINES_SHARE = 0.2
_TITLE_MAX = 90
_INNER_PUNCT = frozenset("，。；,;")
_COLON_THEN_TEXT = re.compile(r"[:：]\s*\S")
_PAGE_END_LINE = 25  # em
_LONGEST_HEADING = 32  # em: a numbered line this long that stops without a full stop is wrapped prose
# A heading number alone on its line (a PDF that set the label apart): the heading follows.
_BARE_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]+[、．.]|[（(]\s*(?:[一二三四五六七八九十]+|\d{1,2})\s*[）)]|\d{1,2}[、．.])$")
_ORGAN_END = re.compile(r"(?:局|委|委员会|办公室|办公厅|政府|中心|院|厅|部|处|科|股|室|所|站|会)$")
# an attachment's own head alone on its line (附件 / 附件2 / 附): its title follows on a line of its own
_ATTACHMENT_HEAD = re.compile(r"^附\s*(?:件|表)?\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})?\s*[:：]?$")
# the 附注 under the date of a published notice: （此件公开发布） / （此件依申请公开）
_PUBLICITY_NOTE = re.compile(r"^\s*[（(]\s*此\s*件[^）)]{1,12}[）)]\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[0-9０-９]{1,2}\s*[.．、]|[（(][0-9０-９]{1,2}[）)])")
_INDENT = 1.5  # em of leading space that marks a paragraph's first line
_INDENT_SHARE = (0.02, 0.6)  # indents carry meaning only when some lines, not most, have one


@dataclass
class Layout:
    """What the document's line breaks look like."""

    width: float | None  # typical width of a full wrapped line (em), None when lines are paragraphs
    blanks_mean_breaks: bool
    indent_marks_paragraphs: bool = False  # first lines are indented (PDF loader: two 全角 spaces)
    lines_are_paragraphs: bool = False  # no page is that wide: each line is a whole paragraph

    def full(self, line: Line, strict: bool) -> bool:
        if self.width is None:
            return False
        margin = 1.5 if strict else _WIDTH_WINDOW
        return line.width >= self.width - margin

    def first_line_of_paragraph(self, line: Line) -> bool:
        """A line two characters short of the width, running on: a first line whose 2-character
        indent the export dropped."""
        if self.width is None or line.page_start or ends_terminal(line.s):
            return False
        return self.width - 2.5 <= line.width <= self.width - 1.5

    def long(self, line: Line) -> bool:
        return self.width is None and line.width >= _LONG_LINE


def estimate_layout(lines: list[Line]) -> Layout:
    """Guess the page width and whether blank lines separate paragraphs."""
    flowing = [line for line in lines if not line.whole_paragraph and not line.table]
    widths = [round(line.width) for line in flowing]
    widths = [w for w in widths if w >= 8]
    width: float | None = None
    if len(widths) >= 5:
        counts = Counter(widths)
        best, best_n = 0, 0
        for w in sorted(counts):
            n = sum(counts.get(w - d, 0) for d in range(_WIDTH_WINDOW + 1))
            if n >= best_n:  # on a tie the wider: wrapped lines are the widest of a page
                best, best_n = w, n
        window = {w: sum(counts.get(w - d, 0) for d in range(_WIDTH_WINDOW + 1)) for w in counts}
        # short label and list lines may cluster too: a nearly as common wider width is the page's
        wider = [w for w, n in window.items() if w > best and n >= max(_MIN_WRAPPED_LINES, _NEAR_BEST * best_n)]
        if wider:
            best = max(wider)
            best_n = window[best]
        at_best = [line for line in flowing if best - _WIDTH_WINDOW <= round(line.width) <= best]
        # a short letter has few wrapped lines among its head and foot lines, but they run on
        running_on = sum(not ends_terminal(line.s) for line in at_best) >= _RUNNING_ON_SHARE * len(at_best)
        if best_n >= max(_MIN_WRAPPED_LINES, _WRAPPED_SHARE * len(widths)) \
                or (best_n >= _MIN_WRAPPED_LINES and running_on):
            mode = max(range(best - _WIDTH_WINDOW, best + 1), key=lambda w: (counts.get(w, 0), w))
            if mode >= _MIN_WIDTH:
                width = float(mode)
    layout = Layout(width, True)
    blanks = inside_sentences = 0
    for a, b in itertools.pairwise(flowing):
        if b.gap > 0 and not b.page_start:
            blanks += 1
            inside_sentences += _wrapped_body_line(a, layout)
    # Blank lines are noise when many of them stand inside sentences (an export that double-spaces).
    blanks_mean_breaks = inside_sentences < _BLANK_NOISE_SHARE * blanks or blanks == 0
    indented = sum(line.indent >= _INDENT for line in flowing)
    indent_share = indented / len(flowing) if flowing else 0.0
    very_long = sum(line.width > _PARAGRAPH_LINE for line in flowing)
    return Layout(width, blanks_mean_breaks,
                  indented >= 2 and _INDENT_SHARE[0] <= indent_share <= _INDENT_SHARE[1],
                  width is None and very_long >= _PARAGRAPH_LINES_SHARE * len(flowing))


def _wrapped_body_line(line: Line, layout: Layout) -> bool:
    """A line that stops inside a sentence: the next line continues it."""
    text = line.s
    if ends_terminal(text) or ends_colon(text):
        return False
    return ends_mid_sentence(text) or _inside_sentence(text) or layout.full(line, strict=False)


def _heading_like(line: Line, layout: Layout) -> bool:
    """A short line without sentence punctuation: a heading or title standing between paragraphs."""
    text = line.s
    if has_sentence_punct(text) or ends_mid_sentence(text) or text.startswith(("（", "(")):
        return False
    if text.endswith(("）", ")")) and "（" not in text and "(" not in text:
        return False
    limit = 0.75 * layout.width if layout.width else 30
    return line.width < limit


def _inside_sentence(text: str) -> bool:
    """A line with a comma or full stop inside that does not end a sentence stops mid-sentence.

    Headings, titles, signatures and list entries carry no ``，`` — except the paired headings of
    reports (``聚焦重点，精准发力``); an item that closes with its responsible units in brackets
    (``（局办公室牵头，各股室负责）``) and label lines do end.
    """
    if text.endswith(("）", ")")) or is_label_line(text) or is_paired_heading(text):
        return False
    if any(ch in _INNER_PUNCT for ch in text):
        return True
    number = heading_number(text)  # 4. 医疗安全：主要检查…
    return number is not None and bool(_COLON_THEN_TEXT.search(text, number.end))


def _title_continues(paragraph: str, nxt: str) -> bool:
    """True when ``nxt`` is the next line of a title broken over several lines."""
    para, b = compact(paragraph), compact(nxt)
    if not para or not b or len(para) + len(b) > _TITLE_MAX:
        return False
    if has_sentence_punct(para) or has_sentence_punct(b) or b.startswith("关于"):
        return False
    if heading_number(para) or is_label_line(para):
        return False
    if b.startswith("的") and ends_with_genre(b):
        return True  # …方案（2024—2026年）》 / 的通知
    if ends_with_genre(para) and _TITLE_NOTE.match(b) and not _PAREN_NUMBER.match(b):
        return True  # …实施方案 | （征求意见稿） / （试行）: the title's own note on the next line
    if ends_with_genre(para):
        return False
    return "关于" in para or bracket_depth(para) > 0 or ends_with_genre(b)


_TITLE_NOTE = re.compile(r"^[（(](?:征求意见稿|送审稿|讨论稿|试行|暂行|修订|修订稿|草案|代拟稿|[0-9０-９]{4}\s*[—\-－–~～至]\s*[0-9０-９]{4}\s*年)[）)]$")
_PAREN_NUMBER = re.compile(r"^[（(][一二三四五六七八九十0-9]+[）)]")
# a mail address without its domain's end yet (…@12, …@126.)
_OPEN_ADDRESS = re.compile(r"[A-Za-z0-9._%+\-]+@(?![A-Za-z0-9\-.]*\.[A-Za-z]{2,}$)[A-Za-z0-9\-.]*$")
_CONTACT_WORDS = re.compile(r"联系人|电话|手机|邮箱|信箱|传真|[Ee]-?mail")
_TOKEN_END = re.compile(r"[0-9A-Za-z@._\-]$")
_TOKEN_START = re.compile(r"^[0-9A-Za-z@]")


def _splits_contact_token(text_a: str, text_b: str) -> bool:
    """A contact line that stops inside a number or an e-mail address the next line finishes."""
    a, b = text_a.rstrip(), text_b.lstrip()
    return bool(_CONTACT_WORDS.search(a) and _TOKEN_END.search(a) and _TOKEN_START.match(b)
                and not opens_paragraph(b))


_CLOSING_PUNCT = re.compile(r"^\s*[。，、；：！？,;:!?）)》」』”’]")
_DIGIT_END = re.compile(r"[0-9０-９]$")
_UNIT_AFTER_NUMBER = re.compile(r"^(?:年|月|日|号|时|点|分|个|万|元|次|名|人|家|项|条|天|周|%|％)")


def _splits_number(text_a: str, text_b: str) -> bool:
    """``…至2025年9`` | ``月30日…``: the wrap fell between a number and its unit."""
    return bool(_DIGIT_END.search(text_a.rstrip())) and bool(_UNIT_AFTER_NUMBER.match(text_b.lstrip())) \
        and not opens_paragraph(text_b)


_DATE_END = re.compile(r"[0-9０-９一二三四五六七八九十]\s*[月日号]$")


def _clause_ends_on_date(text: str) -> bool:
    """``（一）各单位要落实…，即日起至2025年9月30日``: a sentence stopped at a date, not a heading
    (a heading's date stands in brackets, and a heading of two phrases has no date at its end)."""
    return bool(_DATE_END.search(text.rstrip())) and any(ch in "，," for ch in text)


_TAIL_MAX = 8  # characters: the end of a sentence the wrap carried over, not a paragraph


def _sentence_tail(text_a: str, text_b: str) -> bool:
    """``（二）县疾控中心…情况，报局疾`` | ``控股。``: a few characters closing the sentence of a
    numbered line that has a clause already (a heading is followed by a paragraph, not a stub)."""
    b = compact(text_b)
    return (len(b) <= _TAIL_MAX and ends_terminal(b) and not has_sentence_punct(b[:-1])
            and any(ch in "，," for ch in text_a) and not is_paired_heading(text_a))


def _organ_only(text: str) -> bool:
    """A line that is only an organ's name (a signature line), no sentence, no number."""
    value = compact(text)
    return (4 <= len(value) <= 30 and bool(_ORGAN_END.search(value)) and not has_sentence_punct(value)
            and not re.search(r"[0-9０-９《》“”、]", value))


def _title_ends(par: _Paragraph, text_a: str, text_b: str) -> bool:
    """Whether ``a`` is the last line of a title (``…关于…的通知``): what follows is a new paragraph.

    A title has no sentence punctuation, no open bracket, at most three lines, and names its
    genre at its end; a line opening with ``的`` / ``》`` / a bracket still belongs to it.
    """
    if par.depth > 0 or len(par.lines) > 3 or not ends_with_genre(text_a):
        return False
    whole = par.short_text()
    if not whole or has_sentence_punct(whole) or not (re.search("关于|转发|印发", whole) or par.opening):
        return False
    return not compact(text_b).startswith(("的", "》", "（", "(", "〔", "通知", "方案", "意见"))


class _Paragraph:
    """A paragraph being built from lines."""

    def __init__(self, first: Line, opening: bool = False, after_attachment_head: bool = False,
                 attachment_list: bool = False):
        self.lines = [first]
        self.after_attachment_head = after_attachment_head  # the title under 附件 / 附件2
        self.attachment_list = attachment_list  # 附件：1.… or a numbered name below it
        self.depth = bracket_depth(first.s)
        self.chars = len(first.s)
        # the first paragraph of the text or the first after a date (an enclosure's head): where a
        # title without 关于 (``XX县…实施方案``) may stand
        self.opening = opening

    def add(self, line: Line) -> None:
        self.lines.append(line)
        self.depth = bracket_depth(line.s, self.depth)
        self.chars += len(line.s)

    def short_text(self) -> str:
        return "".join(line.s for line in self.lines) if self.chars <= _TITLE_MAX else ""


def _joins(par: _Paragraph, a: Line, b: Line, layout: Layout) -> bool:
    """Whether line ``b`` continues the paragraph ``par`` whose last line is ``a``."""
    if a.whole_paragraph or b.whole_paragraph or a.table or b.table:
        return False
    text_a, text_b = a.s, b.s
    if _OPEN_ADDRESS.search(text_a) and re.match(r"[A-Za-z0-9.\-]", text_b.lstrip()):
        return True  # hywjwyzk@12 | 6.com: the wrap broke a mail address, the next line is not a list item
    if b.opens_paragraph or a.closes_paragraph:
        return False
    if _PUBLICITY_NOTE.match(text_a) or _PUBLICITY_NOTE.match(text_b):
        return False  # （此件公开发布） under the date stands alone
    if _CLOSING_PUNCT.match(text_b) and not ends_terminal(text_a):
        return True  # a full stop or a comma the wrap pushed to a line of its own never opens one
    terminal = ends_terminal(text_a)
    mid = (ends_mid_sentence(text_a) or ends_with_label_colon(text_a) or bool(_BARE_NUMBER.match(text_a))
           or _splits_number(text_a, text_b))
    open_bracket = par.depth > 0 and not terminal
    complete_title = ends_with_genre(text_a) and not has_sentence_punct(text_a)  # …的通知
    # Where each line is a paragraph, a short line with a comma is a list item, not half a sentence.
    comma_inside = _inside_sentence(text_a) and not (layout.lines_are_paragraphs and a.width < _PAGE_END_LINE)
    unfinished = not terminal and (layout.full(a, strict=False) or (layout.long(a) and not complete_title)
                                   or comma_inside)
    if is_heading_text(text_a) and par.depth == 0 and not mid and not layout.full(a, strict=False) \
            and a.width < _LONGEST_HEADING and not _clause_ends_on_date(text_a) \
            and not _sentence_tail(text_a, text_b):
        return False  # 一、总体要求 / （一）提高政治站位，加强组织领导
    if _splits_contact_token(text_a, text_b):
        return True  # 电话：0736-52211 | 86。: a phone number or an address broken by the wrap
    if par.attachment_list and _LIST_ITEM.match(text_b):
        return False  # 附件：1.…台账 | 2.2023年…回执: the next name, though 2.2023 reads like a number
    if par.attachment_list and _organ_only(text_b):
        return False  # 附件：1.…  2.… | 绿川县卫生健康局: the signature follows the list
    if _title_ends(par, text_a, text_b):
        return False  # …专项行动的紧急通知 | 各县（市、区）卫健委，…：even when the title fills the line
    if b.gap > 0 and par.after_attachment_head and not mid and not open_bracket:
        return _title_continues(par.short_text(), text_b)  # 附件1 | …名单 | (blank) | 第一检查组
    if b.gap > 0 and layout.blanks_mean_breaks and _organ_only(text_b) and not mid and not open_bracket \
            and not ends_mid_sentence(text_a):
        return False  # 2.…分解表 | (blank) | 和顺县卫生健康局: the signature after the last attachment name
    if b.gap > 0 and (layout.blanks_mean_breaks or b.gap >= 3):
        # OCR puts each line of a centred title in a block of its own; an organ's name above a
        # title is the 版头, not the title's first half.
        return (mid or open_bracket or unfinished
                or (not _ORGAN_END.search(text_a) and _title_continues(par.short_text(), text_b)))
    if layout.indent_marks_paragraphs and b.indent >= _INDENT:
        return mid or _title_continues(par.short_text(), text_b)
    if mid:
        return True
    if terminal:
        return (layout.full(a, strict=True) and not _heading_like(b, layout)
                and not layout.first_line_of_paragraph(b) and not _organ_only(text_b))
    if b.page_start and a.width >= _PAGE_END_LINE:
        return True  # a long line that stops without punctuation at the foot of a page runs on
    if _title_continues(par.short_text(), text_b):
        return True
    if text_a.endswith(("）", ")")) and not layout.full(a, strict=False):
        return False  # （局办公室牵头，各股室分工负责） closes its item
    return open_bracket or unfinished


def join_lines(lines: list[Line], layout: Layout) -> list[list[Line]]:
    """Group consecutive lines into paragraphs."""
    paragraphs: list[_Paragraph] = []
    for line in lines:
        if paragraphs:
            par = paragraphs[-1]
            if _joins(par, par.lines[-1], line, layout):
                par.add(line)
                continue
        previous = paragraphs[-1].lines if paragraphs else []
        listed = is_label_line(line.s) or (bool(paragraphs) and paragraphs[-1].attachment_list
                                           and bool(_LIST_ITEM.match(line.s)))
        paragraphs.append(_Paragraph(line, opening=not paragraphs or is_date_line(previous[-1].s),
                                     after_attachment_head=len(previous) == 1 and bool(
                                         _ATTACHMENT_HEAD.match(previous[0].s)),
                                     attachment_list=listed))
    return [par.lines for par in paragraphs]
