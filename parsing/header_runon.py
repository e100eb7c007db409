"""A run-on head: a PDF text layer that gives the 版头, 发文字号, title and 主送 as one paragraph.

``特急山东省安全生产委员会文件鲁安发〔2024〕1号关于切实做好…的紧急通知各市人民政府，省有关部门、单位：``
is cut back into its parts by their structure: an urgency word, the organs before ``文件`` (or an
organ run on into the 发文机关代字), the document number, a title that ends with its genre, and the
recipients up to the colon. What follows the colon is the body's first paragraph.
"""

from __future__ import annotations

import re

from parsing.header_organs import organ_names, split_organ_prefix
from parsing.header_recipients import looks_like_recipients
from parsing.units import compact

Span = tuple[int, int]

_COPY = re.compile(r"\s*[0-9０-９]{6}(?![0-9０-９])\s*")  # 份号
_SECRECY = re.compile(r"\s*(?:绝密|机密|秘密)(?:\s*[★☆]\s*(?:[0-9一二三四五六七八九十]{1,3}\s*年)?)?\s*")
_URGENCY = re.compile(r"\s*(?:特急|加急|平急|紧急)(?![通公])[★☆]?\s*")
# the bracketed year and serial of a document number; the 机关代字 before it is found separately
_NUMBER_CORE = re.compile(r"[〔\[［(（【﹝]\s*[2２][0-9０-９OoＯ〇]{3}\s*[〕\]］)）】﹞]\s*第?\s*[0-9０-９]{1,5}\s*号")
_SIGNER = re.compile(r"\s*签发人\s*[:：]\s*")
_GENRE_END = re.compile(r"(?:紧急通知|通知|方案|要点|意见|决定|报告|函|请示|批复|通报|办法|规定|细则|纪要|总结|计划|"
                        r"公告|通告|规划|制度|规则|指引|指南|预案|条例|章程|倡议书|公开信|告知书|清单|工作安排|须知)"
                        r"(?:[（(][^（）()]{1,24}[）)])?")
_CODE = re.compile(r"[\u4e00-\u9fa5]{1,10}$")
_RECIPIENT_START = re.compile(r"^(?![的之》）)])(?:各|全|有关|[\u4e00-\u9fa5]{0,12}?(?:省|市|县|区|州|旗|盟|乡|镇|部|厅|局|委|院|兵团)|"
                              r"国务院|国家|中共|中央)")


def split_run_on_head(text: str) -> list[tuple[str, Span]] | None:
    """The parts of a run-on head paragraph as ``(kind, span)`` with kinds ``copy`` (份号), ``secrecy``,
    ``urgency``, ``banner``,
    ``doc_number``, ``title``, ``recipients`` and ``body``; None when ``text`` is no run-on head."""
    parts: list[tuple[str, Span]] = []
    pos = 0
    for kind, pattern in (("copy", _COPY), ("secrecy", _SECRECY), ("urgency", _URGENCY)):
        if (m := pattern.match(text, pos)) and m.end() < len(text):
            parts.append((kind, (m.start(), m.end())))
            pos = m.end()
    number = _NUMBER_CORE.search(text, pos)
    title_from = pos
    if number:
        before = text[pos:number.start()]
        cut = None if "关于" in before else _banner_cut(before)
        if cut is None:
            # ``国务院办公厅关于…的意见国办发〔2024〕12号各省…：``: the title stands before the number
            title_end = _title_before_code(before)
            if title_end is None:
                return None
            parts += [("title", (pos, pos + title_end)), ("doc_number", (pos + title_end, number.end()))]
            rest = _recipients_and_body(text, number.end())
            return parts + rest if rest else None
        if cut:
            parts.append(("banner", (pos, pos + cut)))
        parts.append(("doc_number", (pos + cut, number.end())))
        title_from = _after_signer(text, number.end(), [compact(text[a:b]) for kind, (a, b) in parts if kind == "banner"])
    else:
        m = re.match(r"\s*(.{2,60}?)文件", text[pos:])
        if m and organ_names(m.group(1)):
            parts.append(("banner", (pos, pos + m.end())))
            title_from = pos + m.end()
        elif (cut := _repeated_organs(text, pos)) is not None:
            parts.append(("banner", (pos, cut)))  # ``宁晋县卫生健康局宁晋县卫生健康局关于…``: the 版头, then the title
            title_from = cut
    if not text[title_from:].strip():
        # ``县卫生健康局文件县卫〔2024〕3号``: the 版头 and the number alone, the title on the next line
        return parts if any(kind == "banner" for kind, _ in parts) and number else None
    rest = _title_and_recipients(text, title_from)
    if rest is None or not any(kind == "title" for kind, _ in rest):
        return None
    parts += rest
    if len([kind for kind, _ in parts if kind in ("banner", "doc_number", "title", "recipients")]) < 2:
        return None
    return parts


def _repeated_organs(text: str, pos: int) -> int | None:
    """Where the title starts when the organs before its 关于 are written twice (the 版头, then the title's)."""
    at = text.find("关于", pos)
    if at < 0:
        return None
    organs = organ_names(text[pos:at])
    half = len(organs) // 2
    if not organs or len(organs) % 2 or organs[:half] != organs[half:]:
        return None
    return _raw_end(text, pos, len("".join(organs[:half])))


def _raw_end(text: str, pos: int, count: int) -> int | None:
    """The position in ``text`` after ``count`` non-space characters from ``pos``."""
    seen = 0
    for k in range(pos, len(text)):
        if not text[k].isspace():
            seen += 1
            if seen == count:
                return k + 1
    return None


def _after_signer(text: str, start: int, banner: list[str]) -> int:
    """Past ``签发人：张建国`` after the number: the name has two or three characters; the title opens with
    关于 or with the 版头's organ written again, which tells which."""
    m = _SIGNER.match(text, start)
    if not m:
        return start
    name_at = m.end()
    for size in (3, 2):
        name = text[name_at:name_at + size]
        after = text[name_at + size:].lstrip()
        if re.fullmatch(r"[\u4e00-\u9fa5]+", name) and (after.startswith("关于") or any(
                compact(after).startswith(b.removesuffix("文件")) for b in banner if b)):
            return name_at + size
        if re.fullmatch(r"[\u4e00-\u9fa5]+", name) and text[name_at + size:name_at + size + 1].isspace():
            return name_at + size
    return name_at + 3


def _banner_cut(before: str) -> int | None:
    """Where the 机关代字 starts in the text before a document number's bracket (0: no 版头 before it)."""
    value = before.rstrip()
    if not compact(value):
        return None
    if "文件" in value:
        cut = value.rindex("文件") + 2
        return cut if organ_names(value[:cut - 2]) and _CODE.fullmatch(compact(value[cut:])) else None
    if _CODE.fullmatch(compact(value)) and len(compact(value)) <= 8 and not organ_names(value):
        return 0
    split = split_organ_prefix(value)
    # an organ of five characters or more before a code of two or more (``江安委办`` is a code alone)
    if split is None or not _CODE.fullmatch(split[1]) or not 2 <= len(split[1]) <= 10 or len(split[0]) < 5:
        return None
    return _raw_end(value, 0, len(split[0]))  # the cleaner may have kept spaces


def _title_before_code(before: str) -> int | None:
    """Where a title ends that runs on into the 机关代字 of the number after it."""
    for m in reversed(list(_GENRE_END.finditer(before))):
        code = compact(before[m.end():])
        title = compact(before[:m.end()])
        if code and len(code) <= 10 and _CODE.fullmatch(code) and "关于" in title and 6 <= len(title) <= 100 \
                and not re.search(r"[。，,；;：:]", title):
            return m.end()
    return None


def _recipients_and_body(text: str, start: int) -> list[tuple[str, Span]] | None:
    """The recipients from ``start`` up to the colon, then the body; None when no 主送 list follows."""
    colon = min((k for k in (text.find("：", start), text.find(":", start)) if k >= 0), default=-1)
    if colon < 0:
        return None
    recipients = text[start:colon]
    probe = recipients + "："
    if not _RECIPIENT_START.match(compact(recipients)) or not looks_like_recipients(probe, 0, len(probe)):
        return None
    found = [("recipients", (start, colon + 1))]
    body = colon + 1
    while body < len(text) and text[body].isspace():
        body += 1
    if body < len(text):
        found.append(("body", (body, len(text))))
    return found


def _title_and_recipients(text: str, start: int) -> list[tuple[str, Span]] | None:
    """The title from ``start`` and the recipients that follow it up to the colon."""
    while start < len(text) and text[start].isspace():
        start += 1
    colon = min((k for k in (text.find("：", start), text.find(":", start)) if k >= 0), default=-1)
    if colon < 0:
        segment = text[start:].rstrip()
        ends = [m for m in _GENRE_END.finditer(segment) if m.end() == len(segment)]
        if ends and "关于" in segment and "。" not in segment:
            return [("title", (start, start + ends[-1].end()))]
        return None
    segment = text[start:colon]
    for m in _GENRE_END.finditer(segment):
        title = segment[:m.end()]
        if not 6 <= len(compact(title)) <= 100 or re.search(r"[。，,；;]", title):
            continue
        if rest := _recipients_and_body(text, start + m.end()):
            return [("title", (start, start + m.end())), *rest]
    return None
