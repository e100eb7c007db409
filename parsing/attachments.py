"""Attachments: the list (附件说明, ``附件：1. 名称`` or ``附：名称``) and the attachments themselves.

An attachment printed after the signature opens with its own head (``附件``, ``附件2``, ``附``) and
then its title; :func:`attachment_regions` finds where each one stands, so that the parser can tell
the document a notice issues (its outline and tasks count) from forms, lists and tables (they don't).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from parsing.cleaning.shapes import has_sentence_punct
from parsing.document import CleanText
from parsing.units import compact

# 附件：… / 附件:… / 附：… / 附件 1.… / 附件 alone above 1.… 2.…
_HEAD = re.compile(r"^[\s\-—·•*]*附\s*(?:件\s*[:：]|[:：]|件\s+(?=[（(]?[0-9０-９])|件\s*$)\s*(.*)$")
_ITEM = re.compile(r"^\s*(?:[0-9０-９]{1,2}\s*[.．、]|[（(][0-9０-９]{1,2}[）)])\s*(.+)$")

Span = tuple[int, int]


def find_attachments(clean: CleanText, after: int = -1) -> tuple[list[str], list[Span], list[int]]:
    """(names, spans, paragraph indexes of the list) of the first attachment list; without a list,
    the attachments' own heads (``附件1：名称`` lines, or the title under a ``附件`` head after
    paragraph ``after``, the signature)."""
    text = clean.text
    paras = clean.paragraphs
    for i, para in enumerate(paras):
        line = text[para.start:para.end]
        m = _HEAD.match(line)
        if not m:
            continue
        inline = m.group(1)
        if not compact(inline) and not re.search(r"[:：]", line) and 0 <= after < i:
            continue  # 附件 alone after the signature heads an attachment, not a list
        names: list[str] = []
        spans: list[Span] = []
        used = [i]
        if compact(inline):
            item = _ITEM.match(inline)
            value = item.group(1) if item else inline
            offset = para.start + m.start(1) + (item.start(1) if item else 0)
            for name, span in _inline_items(value, offset, first=_item_number(inline) if item else None):
                names.append(_tidy(name))
                spans.append(span)
        for k in range(i + 1, min(len(paras), i + 30)):
            nxt = paras[k]
            line = text[nxt.start:nxt.end]
            if not compact(line):
                continue
            item = _ITEM.match(line)
            if not item and _FILE.search(line) and len(compact(line)) <= 80:
                names.append(_tidy(line))  # 粤卫通〔2016〕4号.pdf: a web page lists the files, unnumbered
                spans.append((nxt.start, nxt.end))
                used.append(k)
                continue
            if not item or len(compact(line)) > 80 or "。" in line.rstrip("。")[:-1]:
                break
            names.append(_tidy(item.group(1)))
            spans.append((nxt.start + item.start(1), nxt.end))
            used.append(k)
        names = [n for n in names if n]
        if names:
            return names, spans, used
    found = _numbered_heads(clean)
    if found[0]:
        return found
    regions = attachment_regions(clean, after)
    heads = [r for r in regions if r.name]
    if heads:
        return [r.name for r in heads], [clean_span(clean, r.title) for r in heads], [r.head for r in heads]
    return _contents_names(clean)


# 附件1  某县防汛工作方案……………3: a contents list naming the attachments
_CONTENTS_ITEM = re.compile(r"^附\s*件\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*[:：.．、]?\s*(.+?)\s*"
                            r"(?:[.．·•…‥⋯]\s*){3,}[（(]?\s*[0-9０-９]{1,3}\s*[）)]?$")


def _contents_names(clean: CleanText) -> tuple[list[str], list[Span], list[int]]:
    names: list[str] = []
    spans: list[Span] = []
    used: list[int] = []
    for i, para in enumerate(clean.paragraphs):
        m = _CONTENTS_ITEM.match(clean.text[para.start:para.end])
        if m and _tidy(m.group(2)) and _tidy(m.group(2)) not in names:
            names.append(_tidy(m.group(2)))
            spans.append((para.start + m.start(2), para.start + m.end(2)))
            used.append(i)
    return names, spans, used


def clean_span(clean: CleanText, index: int) -> Span:
    return clean.paragraphs[index].start, clean.paragraphs[index].end


_NUMBERED_HEAD = re.compile(r"^[\s\-—·•*]*附\s*件\s*([0-9０-９]{1,2})\s*[:：.．、]\s*(\S.*)$")


def _numbered_heads(clean: CleanText) -> tuple[list[str], list[Span], list[int]]:
    """``附件1：名称`` lines, when the list is written that way."""
    names: list[str] = []
    spans: list[Span] = []
    used: list[int] = []
    for i, para in enumerate(clean.paragraphs):
        m = _NUMBERED_HEAD.match(clean.text[para.start:para.end])
        if m and _tidy(m.group(2)) and _tidy(m.group(2)) not in names:
            names.append(_tidy(m.group(2)))
            spans.append((para.start + m.start(2), para.end))
            used.append(i)
    return names, spans, used


def _item_number(item: str) -> int | None:
    m = re.match(r"\s*[（(]?([0-9０-９]{1,2})", item)
    return int(m.group(1).translate(_FULL_DIGITS)) if m else None


_FULL_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _inline_items(value: str, offset: int, first: int | None) -> list[tuple[str, Span]]:
    """``统计表  2.回执`` (after ``附件：1.``) → both names: the list runs on at 2., 3. … on one line
    (cleaning may have removed the spaces: ``统计表2.回执``)."""
    if first is None:
        return [(value, (offset, offset + len(value)))]
    out: list[tuple[str, Span]] = []
    start, n = 0, first + 1
    while m := re.compile(rf"(?<![0-9０-９.．])[（(]?{n}\s*[.．、）)]\s*(?!(?![0-9０-９]{{4}}年)[0-9０-９])").search(value, start + 1):
        out.append((value[start:m.start()], (offset + start, offset + m.start())))
        start, n = m.end(), n + 1
    out.append((value[start:], (offset + start, offset + len(value))))
    return out


_FILE = re.compile(r"\.(?:pdf|docx?|wps|xlsx?|et|ofd|zip|rar|7z|jpe?g|png)\s*$", re.IGNORECASE)


def _tidy(value: str) -> str:
    """The name as written, without trailing punctuation, a file extension (``….pdf`` on a web
    page) or book-title marks around all of it."""
    name = _FILE.sub("", compact(value).rstrip("。；;，,"))
    if name.startswith("《") and name.endswith("》") and name.count("《") == 1:
        name = name[1:-1]  # 《医疗机构自查表》 → 医疗机构自查表 (as basis and enclosed titles are given)
    return name


# an attachment's own head, alone on its line: 附件 / 附件2 / 附件二： / 附 / 附表1
_BARE_HEAD = re.compile(r"^[\s\-—·•*]*附\s*(?:件|表|录)?\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})?\s*[:：]?\s*$")
_TITLE_MAX = 80
_STYLE_NOTE = re.compile(r"^\s*[（(](?:参考)?(?:样式|样表|格式|式样|模板|范本|参考格式|供参考|示例)[）)]\s*$")


@dataclass(frozen=True)
class AttachmentRegion:
    """One attachment printed in the document: paragraphs ``head`` to ``end`` (exclusive)."""

    head: int  # the 附件 / 附件2 line (or the 附件2：名称 line)
    title: int  # the paragraph that names it (the head itself when it names it inline)
    end: int
    name: str | None

    def paragraphs(self) -> range:
        return range(self.head, self.end)


def attachment_regions(clean: CleanText, after: int, listed: list[str] = ()) -> list[AttachmentRegion]:
    """The attachments printed after paragraph ``after`` (the signature), each from its head to
    the next head or the end of the text. Besides ``附件`` heads, a paragraph that is one of the
    ``listed`` names opens an attachment whose head line was lost."""
    texts = clean.paragraph_texts()
    wanted = {_bare(name) for name in listed if len(_bare(name)) >= 4}
    heads: list[tuple[int, int, str | None]] = []  # (head, title paragraph, name)
    i = max(after + 1, 0)
    while i < len(texts):
        line = texts[i]
        if _BARE_HEAD.match(line) and compact(line):
            # the title, past a note such as （参考样式） printed above it
            k = next((k for k in range(i + 1, len(texts)) if compact(texts[k]) and not _STYLE_NOTE.match(texts[k])), None)
            if k is None:
                break
            title = compact(texts[k])
            if len(title) > _TITLE_MAX or has_sentence_punct(title.rstrip("。")) or _ITEM.match(texts[k]) \
                    or _BARE_HEAD.match(texts[k]):
                i += 1
                continue  # 附件 then 1.…: a list, not an attachment's head
            heads.append((i, k, _tidy(title)))
            i = k + 1
            continue
        if (m := _NUMBERED_HEAD.match(line)) and len(compact(m.group(2))) <= _TITLE_MAX and after >= 0:
            heads.append((i, i, _tidy(m.group(2))))
        elif after >= 0 and wanted and _names_listed(_bare(_tidy(line)), wanted):
            heads.append((i, i, _tidy(line)))
        i += 1
    regions = []
    for n, (head, title, name) in enumerate(heads):
        end = heads[n + 1][0] if n + 1 < len(heads) else len(texts)
        regions.append(AttachmentRegion(head, title, end, name or None))
    return regions


def _names_listed(title: str, wanted: set[str]) -> bool:
    """A short title line after the signature that is one of the listed attachment names."""
    if not title or len(title) > _TITLE_MAX or has_sentence_punct(title):
        return False
    return any(title == name or (len(name) >= 6 and name in title and len(title) <= len(name) + 8)
               or difflib.SequenceMatcher(None, title, name).ratio() >= 0.85 for name in wanted)


def is_issued(region: AttachmentRegion, issued_titles: list[str]) -> bool:
    """Whether the attachment is a document the notice issues or forwards (印发 / 转发 《X》)."""
    name = _bare(region.name or "")
    if not name:
        return False
    for title in issued_titles:
        want = _bare(title)
        if want and (want in name or name in want or difflib.SequenceMatcher(None, want, name).ratio() >= 0.8):
            return True
    return False


# 现将《X》《Y》印发给你们 / 现将《X》转发给你们 / 制定了《X》，现予印发 / 《X方案》（见附件），请认真组织实施
_ISSUING = re.compile(r"印发|转发|下发|发给你们|现予")
_ATTACHED = re.compile(r"《([^《》]{4,80})》\s*[（(]\s*(?:见|详见)?\s*附\s*件\s*[0-9０-９一二三四五六七八九十]{0,2}\s*[）)]")
_CARRY_OUT = re.compile(r"(?:贯彻|遵照|认真|抓好|组织)\s*(?:执行|落实|实施)")
_PLAN_GENRE = re.compile(r"(?:方案|要点|意见|计划|办法|细则|规定|预案|规划|指南|通知)(?:[（(][^）)]*[）)])?$")


def is_document_title(name: str) -> bool:
    """A plan, opinion, notice… (what a notice issues), not a form, list or table."""
    return bool(_PLAN_GENRE.search(_bare(name)))


def issued_titles(clean: CleanText, enclosed_title: str | None, first: int, last: int) -> list[str]:
    """The titles of the documents the notice issues or forwards: the one its title names and
    every 《…》 of a body sentence (paragraphs ``first`` to ``last``) that issues it."""
    titles = [enclosed_title] if enclosed_title else []
    texts = clean.paragraph_texts()
    for i in range(max(first, 0), min(last, len(texts))):
        for sentence in re.split(r"[。；;！]", texts[i]):
            # 《X工作方案》（附件1）: a plan the notice itself attaches, whatever the sentence says
            titles += [t for t in _ATTACHED.findall(sentence) if t not in titles and _PLAN_GENRE.search(t)]
            if re.search(r"根据|按照|依据|依照", sentence):
                continue
            issuing = bool(_ISSUING.search(sentence))
            if not issuing and not _CARRY_OUT.search(sentence):
                continue
            titles += [t for t in re.findall(r"《([^《》]{4,80})》", sentence)
                       if t not in titles and (issuing or _PLAN_GENRE.search(t))]
    return titles


def _bare(title: str) -> str:
    return re.sub(r"[《》〈〉“”\"\s]", "", title)
