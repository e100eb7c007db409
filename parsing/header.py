"""The head and foot of a 公文: 版头, 发文字号, 标题, 主送机关, 落款, 成文日期, 紧急程度, genre, basis.

GB/T 9704-2012 puts the issuing organ's name (``…文件`` or the organ alone) and the document
number above the title, the recipients on the line after the title ending with ``：``, and the
signature organ with the date of writing (成文日期) below the body. Notices that issue or
forward another document (印发/转发) carry that document after their own signature.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from parsing.cnnum import FULL_DATE
from parsing.document import CleanText
from parsing.header_organs import is_organ, is_organ_line, organ_names, split_joined_organs
from parsing.header_paras import HeadParas
from parsing.header_recipients import looks_like_recipients, split_recipients
from parsing.header_signature import date_only, read_imprint_recipients, read_signature
from parsing.units import compact

__all__ = ["DOC_NUMBER", "Header", "find_basis", "is_organ_line", "normalise_doc_number", "organ_names", "read_header",
           "split_joined_organs"]

Span = tuple[int, int]

DOC_NUMBER = re.compile(
    r"([\u4e00-\u9fa5]{1,12}\s*(?:[〔\[［(（【﹝]\s*[2２][0-9０-９OoＯ〇]{3}\s*[〕\]］)）】﹞]|[0-9]{4})\s*第?\s*[0-9０-９]{1,5}\s*号)")
_DOC_TYPES = ("紧急通知", "通知", "方案", "要点", "意见", "决定", "报告", "函", "请示", "批复", "通报", "办法",
              "规定", "细则", "纪要", "总结", "计划", "公告", "通告", "规划", "制度", "规则", "指引", "指南",
              "预案", "条例", "章程", "倡议书", "公开信", "告知书", "清单", "工作安排", "须知")
# …方案 / …方案（2024—2026年） / …方案（征求意见稿）: a title ends with its genre and maybe a note
_TITLE_END = re.compile("(?:" + "|".join(_DOC_TYPES) + r")[)）]?(?:[（(][^（）()]{1,24}[）)])?$")
_URGENCY = re.compile(r"^(特急|加急|平急|紧急)(?:[★☆]|$|\d)")
_SUMMARY_HINTS = re.compile(r"今年以来|截至目前|截至\d|累计开展|已开展|取得(?:了)?(?:明显|显著)?成效")
_GENRES_BY_ENDING = (("通知", "通知"), ("方案", "方案"), ("要点", "要点"), ("总结", "总结"), ("报告", "报告"),
                     ("函", "函"))
# 根据/按照/依据/依照/遵照 anywhere; 为（深入）贯彻落实 only where it opens a sentence (not 是否贯彻落实《…》;
# 为深入贯彻《…法》 without 落实 cites a law in general, not the basis)
_BASIS_TRIGGER = re.compile(r"根据|按照|依据|依照|遵照|(?:^|(?<=[。；;！？!?\n]))[ \t　]*为(?:深入|认真|全面|进一步|坚决|切实)*贯彻落实",
                            re.M)
_CLAUSE_END = re.compile(r"[，,。；;！？]")


@dataclass
class Header:
    """What the head and foot of a notice say, with spans into the clean text."""

    doc_number: str | None = None
    issuer: str | None = None
    title: str | None = None
    enclosed_title: str | None = None
    recipients: list[str] = field(default_factory=list)
    signatory: str | None = None
    issue_date: str | None = None
    urgency: str | None = None
    genre: str = "其他"
    spans: dict[str, Span] = field(default_factory=dict)
    recipient_spans: list[Span] = field(default_factory=list)
    body_start: int = 0  # first paragraph of the body
    signature_paras: list[int] = field(default_factory=list)  # paragraphs of the signature block
    enclosure_start: int | None = None  # first paragraph after the signature, when more follows


def normalise_doc_number(raw: str) -> str:
    """``始卫 [ 2022 ] 12 号`` → ``始卫〔2022〕12号``; ``（2024）第21号`` → ``〔2024〕21号``."""
    value = compact(raw).translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    # OCR reads the 0 of a year as O (〔2O25〕) and may mix bracket kinds (〔2025))
    value = re.sub(r"(?<=[〔\[［(（【﹝]2)([0-9OoＯ〇]{3})(?=\s*[\]］)）】﹞〕])",
                   lambda m: re.sub("[OoＯ〇]", "0", m.group(1)), value)
    value = re.sub(r"[〔\[［(（【﹝]\s*(\d{4})\s*[\]］)）】﹞〕]", r"〔\1〕", value)
    value = re.sub(r"〔\s*(\d{4})\s*〕", r"〔\1〕", value)
    value = re.sub(r"^([\u4e00-\u9fa5]+?)(\d{4})(\d{1,5}号)$", r"\1〔\2〕\3", value)
    # GB/T 9704: no 第 and no leading zeros before the serial number (〔2024〕第056号 → 〔2024〕56号)
    return re.sub(r"〕第?0*(\d)", r"〕\1", value)


# Closing formulas: the last line of a body, never a title.
_CLOSING = re.compile(r"^(?:特此(?:通知|通报|函告|函复|函达|批复|报告|公告|通告|说明)|此复|此函|专此函告|以上报告)[。！!]?$")
_SENTENCE_END = re.compile(r"[。！？!?；;]$")
# the last line of a title that issues a document: ``的通知``, ``（2024—2026年）的通知``
_TITLE_TAIL = re.compile(r"(?:[（(][^（）()]{1,24}[）)])?》?的(?:紧急)?(?:通知|函|意见|通报|批复|报告|请示|决定)")
# a numbered heading of the body is never the title (``三、工作方案``)
_HEADING_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、](?!\d))")
# a label line (``附件：1.检查方案``, ``联系人：…``) is never the title
_LABEL = re.compile(r"^(?:附\s*件|附|联系人|联系电话|抄送|主送|来源|发布时间)\s*[:：]|^附\s*件\s*\d")
# web-page furniture that can end like a title (``您的位置:首页 > … > 通知公告``)
_NOT_A_TITLE = re.compile(r"[>|]|https?://|www\.|^(?:您的位置|当前位置)")


def read_header(clean: CleanText) -> Header:
    """Find every head and foot field of ``clean``."""
    paras = HeadParas(clean)
    header = Header()
    n = len(paras)
    banner_organs: list[str] = []
    title_para: int | None = None
    last_head = -1
    skipped: int | None = None  # the last line above the title that no head field took
    seen_body = False  # a sentence stood above: organ lines below it are no 版头
    seen_paragraph = False
    limit = min(n, 14 + len(paras.kinds))
    i = 0
    while i < limit:
        start, end, raw = paras.items[i]
        value = compact(raw)
        kind = paras.kinds.get(i)
        if not value:
            i += 1
            continue
        if kind == "body":
            break
        if kind in ("copy", "secrecy"):  # 份号 and 密级 of a run-on head
            last_head = i
            i += 1
            continue
        if len(value) > 120 and title_para is None and kind is None:
            break  # body text before any header: the document has no header
        if kind == "urgency" or (kind is None and _URGENCY.match(value) and len(value) <= 12):
            header.urgency = _URGENCY.match(value).group(1)
            header.spans["urgency"] = (start, end)
            last_head = i
        elif kind == "doc_number" or (kind is None and header.doc_number is None and (m := DOC_NUMBER.search(raw))
                                      and len(value) - len(compact(m.group(1))) <= 16 and "关于" not in value):
            if kind == "doc_number":
                header.doc_number = normalise_doc_number(raw)
                header.spans["doc_number"] = (start, end)
            else:
                header.doc_number = normalise_doc_number(m.group(1))
                header.spans["doc_number"] = (start + m.start(1), start + m.end(1))
            last_head = i
        elif kind == "banner" or (kind is None and title_para is None and value.endswith("文件")
                                  and ((value == "文件" and banner_organs) or is_organ_line(raw.strip()[:-2]))):
            # a joint 版头 over two lines: ``A  B`` then ``C文件``
            banner_organs += organ_names(re.sub(r"文件\s*$", "", raw.strip())) if last_head == i - 1 or not banner_organs \
                else []
            header.spans["issuer"] = (header.spans["issuer"][0] if "issuer" in header.spans else start, end)
            last_head = i
        elif kind is None and title_para is None and not seen_body and is_organ_line(raw) and "关于" not in value \
                and (not banner_organs or last_head == i - 1) and not _opens_title(paras, header, i, banner_organs):
            banner_organs += organ_names(raw)
            header.spans["issuer"] = (header.spans["issuer"][0] if "issuer" in header.spans else start, end)
            last_head = i
        elif kind == "title" or (kind is None and title_para is None and not _CLOSING.match(value)
                                 and not _NOT_A_TITLE.search(value) and not _HEADING_NUMBER.match(value)
                                 and not _LABEL.match(value) and not seen_paragraph
                                 and ("关于" in value or _TITLE_END.search(value)
                                      or _opens_title(paras, header, i, banner_organs))
                                 and len(value) <= 100 and "。" not in value and not value.endswith(("：", ":"))):
            title_para = i
            j = i
            parts = [value]
            while kind is None and not _TITLE_END.search("".join(parts)) and j + 1 < n and j - i < 3:
                nxt = compact(paras.text(j + 1))
                if not nxt or len(nxt) > 60 or nxt.endswith(("：", ":")) or DOC_NUMBER.search(nxt) \
                        or paras.kinds.get(j + 1):
                    break
                j += 1
                parts.append(nxt)
            if not _TITLE_END.search("".join(parts)):
                j, parts = i, [value]
                if len(value) < 8 and not _TITLE_END.search(value):
                    title_para = None  # a fragment with 关于, no title
                    i += 1
                    continue
            if kind is None and j + 1 < n and _TITLE_TAIL.fullmatch(compact(paras.text(j + 1))):
                j += 1  # ``…实施方案`` then ``（2024—2026年）的通知``: the outer genre on a line of its own
                parts.append(compact(paras.text(j)))
            first = start
            if kind is None and skipped is not None and skipped == i - 1 \
                    and _opens_title_line(paras.text(skipped), continued="关于" not in value):
                first = paras.items[skipped][0]  # ``转发省卫生健康委等5部门`` above ``关于…的通知``
                parts.insert(0, compact(paras.text(skipped)))
            header.title = "".join(parts)
            header.spans["title"] = (first, paras.items[j][1])
            last_head = i = j
        elif (kind == "recipients" or title_para is not None or (not seen_body and last_head == i - 1)
              or (not seen_body and last_head < 0)) \
                and _is_recipient_line(clean, start, end, colonless=title_para is not None and last_head == i - 1):
            header.recipients, header.recipient_spans = split_recipients(clean.text, start, end)
            header.spans["recipients"] = (start, end)
            last_head = i
            break
        elif title_para is not None:
            # a line that is no body may stand between the title and the 主送 (a date or a note under the
            # title, a page's 发布时间 / 来源 line): the recipients below it still count
            k = i
            while k < min(n, i + 3) and _between_title_and_recipients(paras.text(k)):
                k += 1
            if k > i and k < n and not paras.kinds.get(k):
                start, end, _ = paras.items[k]
                if _is_recipient_line(clean, start, end):
                    header.recipients, header.recipient_spans = split_recipients(clean.text, start, end)
                    header.spans["recipients"] = (start, end)
                    last_head = k
            break
        else:
            skipped = i
            seen_body = seen_body or bool(_SENTENCE_END.search(value)) or "。" in value
            # a paragraph of body text: what follows is the body (an untitled notice), never its title
            seen_paragraph = seen_paragraph or (len(value) > 30 and bool(re.search(r"[。！]$", value)))
        i += 1
    header.body_start = last_head + 1 if last_head >= 0 else 0
    read_signature(paras, header)
    header.issuer = _issuer(banner_organs, header.signatory)
    if not header.recipients:
        read_imprint_recipients(paras, header)
    opener = re.search(r"关于|转发|印发|批转", header.title or "")
    if header.issuer is None and opener:
        # no 版头 and no signature: the organ that opens the title (始兴县卫生健康局关于…, …局转发…)
        prefix = header.title[:opener.start()]
        organs = [p for p in re.split(r"[、]", prefix) if p]
        if organs and all(is_organ(p) for p in organs):
            header.issuer = "、".join(organs)
            header.spans["issuer"] = header.spans["title"]
    if header.issuer and header.issuer == header.signatory and "signatory" in header.spans \
            and header.issuer != "、".join(banner_organs):
        header.spans["issuer"] = header.spans["signatory"]
    if header.title:
        if header.urgency is None and "紧急通知" in header.title:
            header.urgency = "紧急"
            header.spans["urgency"] = header.spans["title"]
        header.enclosed_title = _enclosed_title(paras, header)
        if header.enclosed_title and "enclosed_title" not in header.spans:
            header.spans["enclosed_title"] = header.spans["title"]
    header.genre = _genre(header.title, clean.text, paras, header)
    # from the items back to the clean text's paragraphs
    header.body_start = paras.paragraph(header.body_start)
    header.signature_paras = sorted({paras.paragraph(k) for k in header.signature_paras})
    if header.enclosure_start is not None:
        header.enclosure_start = paras.paragraph(header.enclosure_start)
    return header


def _is_recipient_line(clean: CleanText, start: int, end: int, colonless: bool = False) -> bool:
    """A 主送 line: organs up to a closing colon, or after a ``主送：`` label; with ``colonless`` (right
    under the title) also a list of recipients whose colon was lost (``各乡镇人民政府，县直各单位``)."""
    value = compact(clean.text[start:end])
    if "。" in value or len(value) > 300 or value.startswith(("附件", "联系人")):
        return False
    if value.endswith(("：", ":")) or re.match(r"主送[:：]", value):
        return looks_like_recipients(clean.text, start, end)
    if not colonless or re.search(r"[：:；;！？]", value):
        return False
    names, _ = split_recipients(clean.text, start, end)
    return bool(names) and all(is_organ(n) and not re.search(r"[要应将请把对的]", n) for n in names) \
        and any(re.search(r"各|有关|所属|直属|委属|局属", n) for n in names) and looks_like_recipients(clean.text, start, end)


def _between_title_and_recipients(text: str) -> bool:
    """A short line that is no body text: ``（2024年3月5日）``, ``（此件公开发布）``, ``发布时间:…``, ``朗读``."""
    value = compact(text)
    if not value:
        return True
    if len(value) > 80 or re.search(r"[。！；]", value) or _HEADING_NUMBER.match(value) or value.endswith(("：", ":")):
        return False
    return bool(re.fullmatch(r"[（(][^（）()]{2,30}[）)]", value) or date_only(value)
                or re.match(r"[\u4e00-\u9fa5]{2,6}[:：]", value) or len(value) <= 4
                or re.search(r"https?://|www\.|[|>]", value))


def _opens_title_line(text: str, continued: bool = False) -> bool:
    """A short line that can only be a title's first line (``转发…``, ``关于…``, ``…关于``); with
    ``continued`` (the next line is no title's start: ``大检查工作方案``) any short phrase that is not furniture."""
    value = compact(text)
    if len(value) > 50 or re.search(r"[。，,；;：:！!？?]", value) or _NOT_A_TITLE.search(value):
        return False
    if value.startswith(("关于", "转发", "印发", "批转")) or value.endswith("关于"):
        return True
    if (m := re.search(r"转发|印发|批转", value)) and organ_names(value[:m.start()]):
        return True  # ``阳城县卫生健康局转发晋城市卫生健康委员会`` above ``关于…的通知``
    return continued and len(value) >= 4 and not is_organ_line(value) and not FULL_DATE.search(value) \
        and not _URGENCY.match(value) and not re.fullmatch(r"[0-9０-９\W]+", value)


def _opens_title(paras: HeadParas, header: Header, i: int, banner: list[str] = ()) -> bool:
    """An organ line below the document number or the 版头, right above ``关于…``: the title's first line."""
    if i + 1 >= len(paras) or not is_organ_line(paras.text(i)):
        return False
    nxt = compact(paras.text(i + 1))
    if "关于" in nxt and not paras.kinds.get(i + 1) and (opening := organ_names(nxt[:nxt.index("关于")])) \
            and not set(opening) & set(organ_names(paras.text(i))):
        return True  # a joint title's organs over two lines: ``A  B`` then ``C关于…`` (not the 版头 above ``A关于…``)
    if header.doc_number is None and not (banner and set(organ_names(paras.text(i))) <= set(banner)):
        return False  # without a number above, only the 版头's organ written again opens the title
    return nxt.startswith("关于")


def _issuer(banner: list[str], signatory: str | None) -> str | None:
    if banner:
        joined = "、".join(banner)
        # a 版头 cut short by the scan (``县卫生健康局`` for ``随县卫生健康局``)
        if signatory and signatory != joined and signatory.endswith(joined):
            return signatory
        return joined
    return signatory


def _outer_book_title(value: str, after: int) -> str | None:
    """The text inside the first 《…》 after ``after``, nested marks kept."""
    open_at = value.find("《", after)
    if open_at < 0:
        return None
    depth = 0
    for k in range(open_at, len(value)):
        if value[k] == "《":
            depth += 1
        elif value[k] == "》":
            depth -= 1
            if depth == 0:
                return value[open_at + 1:k]
    return None


def _enclosed_title(paras: HeadParas, header: Header) -> str | None:
    title = header.title or ""
    m = re.search(r"(印发|转发|批转|发布|颁布|下发)", title)
    if not m:
        return None
    inner = _outer_book_title(title, m.end())
    if inner:
        return inner
    rest = re.sub(r"的(?:紧急)?通知$", "", title[m.end():])
    if not rest or m.group(1) == "转发":
        if rest and not _TITLE_END.search(rest) and "关于" in rest:
            # 转发市卫生健康委关于开展…的通知: the short form of …的通知的通知, the forwarded 通知 whole
            return title[m.end():]
        return rest or None
    # 印发 without 《》: the enclosure's own title as printed at its head
    start = header.enclosure_start or header.body_start
    for i in range(start, min(len(paras), start + 12)):
        value = compact(paras.text(i))
        if not value:
            continue
        if rest in value and len(value) <= len(rest) + 30:
            header.spans["enclosed_title"] = paras.items[i][:2]
            return value
        if len(value) > 60:
            break
    return rest


def _genre(title: str | None, text: str, paras: HeadParas, header: Header) -> str:
    if title:
        bare = re.sub(r"[（(][^）)]*[）)]$", "", title)
        for ending, genre in _GENRES_BY_ENDING:
            if bare.endswith(ending):
                return genre
        return "其他"
    # an untitled notice says what it is in its closing formula (特此通知, 特此函告)
    last = header.signature_paras[0] if header.signature_paras else len(paras)
    for k in range(last - 1, max(header.body_start, last - 4) - 1, -1):
        if m := _CLOSING.match(compact(paras.text(k))):
            closing = m.group(0)
            return "通知" if "通知" in closing else "函" if "函" in closing or closing == "此复" else "其他"
    if _SUMMARY_HINTS.search(text):
        return "总结"
    return "其他"


def find_basis(text: str) -> tuple[list[str], list[Span]]:
    """Titles cited as the basis: every 《…》 in the clause after a basis trigger, first time only."""
    titles: list[str] = []
    spans: list[Span] = []
    for m in _BASIS_TRIGGER.finditer(text):
        k = m.end()
        while k < len(text):
            ch = text[k]
            if ch == "《":
                depth, j = 0, k
                while j < len(text):
                    if text[j] == "《":
                        depth += 1
                    elif text[j] == "》":
                        depth -= 1
                        if depth == 0:
                            break
                    j += 1
                name = compact(text[k + 1:j])
                if name and name not in titles:
                    titles.append(name)
                    spans.append((k, j + 1))
                k = j + 1
                continue
            if _CLAUSE_END.match(ch) or ch == "\n":
                break
            k += 1
    return titles, spans
