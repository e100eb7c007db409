"""What the outline, tasks and deadlines cover: the notice and the document it issues or forwards.

Everything else the text carries gives none of them: attachments that are forms, lists and tables
(问题清单, 指标表, 回执, 名单), a table of contents, and the numbered notes under a table
(``注：1.… 2.…``), whose numbers are no headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from parsing.attachments import attachment_regions, is_document_title, is_issued, issued_titles
from parsing.cleaning.shapes import has_sentence_punct
from parsing.document import CleanText
from parsing.units import compact

# 一、总则…………1 / （一）编制目的 ........ 3 / 附则··········12
_LEADER_ENTRY = re.compile(r"(?:[.．·•…‥⋯]\s*){3,}[（(]?\s*[0-9０-９]{1,3}\s*[）)]?$")
# the two halves of an entry a narrow page broke: 一、总则………… | ……………1
_LEADER_OPEN = re.compile(r"(?:[.．·•…‥⋯]\s*){3,}$")
_LEADER_CLOSE = re.compile(r"^(?:[.．·•…‥⋯]\s*)+[（(]?\s*[0-9０-９]{1,3}\s*[）)]?$")
_CONTENTS_HEAD = re.compile(r"^目\s*[录次]$")
_ENTRY_MAX = 60
_NEAR_SIGNATURE = 3  # paragraphs: an attachment head this close follows the signature directly
_CONTENTS_MAX = 80  # entries looked at after 目录 for the body's repeat of the first one
_NOTE = re.compile(r"^(?:注|备注)\s*[:：]\s*[（(]?([0-9０-９]{1,2})\s*[.．、）)]")
_NOTE_ITEM = re.compile(r"^[（(]?([0-9０-９]{1,2})\s*[.．、）)]")
_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


@dataclass
class Scope:
    """Paragraph indexes the notice's own content does not cover."""

    outside: set[int] = field(default_factory=set)  # no outline entry, task or deadline
    not_headings: set[int] = field(default_factory=set)  # no outline entry (notes under a table)

    def excluded(self) -> set[int]:
        return self.outside | self.not_headings

    def char_ranges(self, clean: CleanText) -> list[tuple[int, int]]:
        """Spans of the clean text outside the notice's own content."""
        return [(clean.paragraphs[i].start, clean.paragraphs[i].end) for i in sorted(self.outside)]


def find_scope(clean: CleanText, signature_end: int, enclosed_title: str | None, body_start: int = 0,
               listed: list[str] = (), title: str | None = None) -> Scope:
    """The paragraphs outside the notice and its issued document.

    ``signature_end`` is the last paragraph of the signature (-1 without one); attachments are
    looked for after it (``listed``: the names the attachment list gives). The one the notice
    issues (``enclosed_title``, or a 《…》 the body issues) stays in, without its head line.
    """
    scope = Scope()
    last = signature_end if signature_end >= 0 else len(clean.paragraphs)
    titles = issued_titles(clean, enclosed_title, body_start, last)
    if title and re.search(r"印发|转发|下发|批转", title):  # 关于印发《A》《B》的通知: both
        titles += [t for t in re.findall(r"《([^《》]{4,80})》", title) if t not in titles]
    regions = attachment_regions(clean, signature_end, listed)
    issued = [r for r in regions if is_issued(r, titles)]
    if titles and regions and not issued and regions[0].head - signature_end <= _NEAR_SIGNATURE:
        # the notice issues a document, none is printed before the attachments and no attachment's
        # title reads like it (a slip, a shortened name): the first that is a document, not a form
        # or a list, is the one it issues
        issued = [next((r for r in regions if r.name and is_document_title(r.name)), regions[0])]
    for region in regions:
        if region in issued:
            scope.outside.add(region.head)
        else:
            scope.outside.update(region.paragraphs())
    if signature_end >= 0 and not titles and _has_own_outline(clean, body_start, signature_end):
        # a notice with its own numbered body that issues nothing: what follows its signature
        # before the first attachment head is an attachment whose head was lost
        first = regions[0].head if regions else len(clean.paragraphs)
        scope.outside.update(range(signature_end + 1, first))
    scope.outside.update(contents_paragraphs(clean))
    scope.not_headings.update(note_paragraphs(clean))
    return scope


def _has_own_outline(clean: CleanText, first: int, last: int) -> bool:
    """At least two numbered headings between paragraphs ``first`` and ``last``."""
    texts = clean.paragraph_texts()[max(first, 0):last]
    return sum(bool(_OWN_HEADING.match(compact(t))) for t in texts) >= 2


_OWN_HEADING = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十]{1,3}[）)]|[0-9０-９]{1,2}[.．、](?![0-9０-９]))")


def is_contents_entry(text: str) -> bool:
    """``一、总则……………1``: a line of a table of contents (a dot leader, then the page)."""
    value = compact(text)
    return len(value) <= _ENTRY_MAX + 12 and bool(_LEADER_ENTRY.search(value) or _LEADER_OPEN.search(value)
                                                  or _LEADER_CLOSE.match(value))


def contents_paragraphs(clean: CleanText) -> list[int]:
    """The paragraphs of every table of contents: its ``目录`` head and its entries.

    Entries are lines with dot leaders; after a ``目录`` head without leaders, the short lines up to
    where the body repeats the first of them."""
    texts = [compact(t) for t in clean.paragraph_texts()]
    found: list[int] = [i for i, t in enumerate(texts) if is_contents_entry(t)]
    entries = set(found)
    for i, value in enumerate(texts):
        if not _CONTENTS_HEAD.match(value):
            continue
        following = [k for k in range(i + 1, min(len(texts), i + 4)) if texts[k]]
        if any(k in entries for k in following):
            found.append(i)
            continue
        if not following:
            continue
        first = texts[following[0]]
        run: list[int] = []
        for k in range(following[0], min(len(texts), following[0] + _CONTENTS_MAX)):
            value_k = texts[k]
            if not value_k:
                continue
            if run and value_k == first:
                found.extend([i, *run])  # the body starts again with the first entry
                break
            if len(value_k) > _ENTRY_MAX or has_sentence_punct(value_k.rstrip("。")):
                break
            run.append(k)
    return sorted(set(found))


def _table_cell(text: str) -> bool:
    value = compact(text)
    return "\t" in text or (0 < len(value) <= _CELL_MAX and not has_sentence_punct(value))


_CELL_MAX = 20


def note_paragraphs(clean: CleanText) -> list[int]:
    """``注：1.…`` and the numbered notes that go on from it (``2.…``, ``3.…``)."""
    texts = clean.paragraph_texts()
    found: list[int] = []
    for i, text in enumerate(texts):
        m = _NOTE.match(compact(text))
        if not m or not i or not _table_cell(texts[i - 1]):
            continue  # notes stand under a table: a row, or the cells of one flattened a line each
        found.append(i)
        expected = int(m.group(1).translate(_DIGITS)) + 1
        for k in range(i + 1, len(texts)):
            item = _NOTE_ITEM.match(compact(texts[k]))
            if not item or int(item.group(1).translate(_DIGITS)) != expected:
                break
            found.append(k)
            expected += 1
    return found
