"""What a line of a 公文 looks like: sentence ends, dates, document numbers, titles, labels."""

from __future__ import annotations

import re

from parsing.numbering import HeadingNumber, match_heading_number

TERMINAL = frozenset("。！？；…!?;")
COLONS = frozenset("：:")
CLOSERS = "”’」』）)》〉】〕]\"'"
SENTENCE_PUNCT = frozenset("，。；！？：,;!?:")
# A line that ends with one of these stops inside a sentence: the next line continues it.
MID_END = frozenset("，、,“‘《〈（(【「『—") | frozenset("的和与及或并对在为将把以从于向由之其即")
OPENERS = {"“": "”", "《": "》", "（": "）", "(": ")", "〈": "〉", "【": "】", "「": "」", "『": "』", "‘": "’"}
CLOSING = frozenset(OPENERS.values())

GENRE_END = re.compile(
    r"(?:通知|通报|方案|意见|要点|办法|细则|规定|规划|计划|报告|决定|批复|请示|函|纪要|总结|公告|通告"
    r"|决议|指南|清单|预案|条例|规则|标准|制度|实施方案|工作方案)"
    r"(?:[（(][^（）()]{1,24}[）)])?$"
)
_CN_DIGIT = "〇○零一二三四五六七八九"
DATE_LINE = re.compile(
    rf"^[0-9０-９{_CN_DIGIT}]{{4}}\s*年\s*[0-9０-９{_CN_DIGIT}十]{{1,3}}\s*月"
    rf"\s*[0-9０-９{_CN_DIGIT}十]{{1,3}}\s*日$"
)
DOC_NUMBER = re.compile(r"[〔\[［(（【]\s*[2２][0-9０-９OoＯ〇]{3}\s*[〕\]］)）】]\s*第?\s*[0-9０-９]+\s*号$")
LABEL_START = re.compile(
    r"^(?:联\s*系\s*人(?:及(?:联系)?(?:电话|方式))?|联系电话|联系方式|联系邮箱|电子邮箱|电子信箱|咨询电话|电\s*话|手\s*机|邮\s*箱|传\s*真"
    r"|地\s*址|邮\s*编|抄\s*送|抄\s*报|主\s*送|副?\s*组\s*长|成\s*员|组\s*员)\s*[:：]"
    r"|^附\s*(?:件|表)?\s*(?:[0-9０-９]+|[:：]|$)"  # 附件：… / 附：… / 附表1 (never run into the line above)
)
_LABEL_BEFORE_COLON = re.compile(r"(?:邮箱|信箱|电话|手机|传真|地址|联系人|网址|邮编|完成时限|完成时间|时间节点|"
                                 r"(?:牵头|配合|责任|协办|参与|主责|协助)(?:单位|部门|科室|股室|处室))\s*[:：]$")
_PAIRED = re.compile(r"^([\u4e00-\u9fff“”]{2,9})[，,]\s*([\u4e00-\u9fff“”]{2,9})$")
_SPACES = re.compile(r"\s+")


def compact(text: str) -> str:
    """``text`` without any whitespace (for comparisons)."""
    return _SPACES.sub("", text)


def ends_terminal(text: str) -> bool:
    """True when the line ends a sentence: ``。`` ``；`` ``！`` ``？``, possibly inside ``”`` or ``）``."""
    core = text.rstrip(CLOSERS + " ")
    return bool(core) and core[-1] in TERMINAL


def ends_colon(text: str) -> bool:
    return bool(text) and text[-1] in COLONS


def ends_mid_sentence(text: str) -> bool:
    """True when the line stops on a comma, an opening mark or a particle that needs what follows
    (not a noun that ends in one: ``（一）编制目的``)."""
    return bool(text) and text[-1] in MID_END and not text.endswith(_NOUNS_ENDING_IN_PARTICLES)


_NOUNS_ENDING_IN_PARTICLES = ("目的", "祥和", "平和", "总和", "参与")


def bracket_depth(text: str, depth: int = 0) -> int:
    """Unclosed brackets and quotes after ``text``, starting from ``depth`` (never below zero).

    A full stop closes everything: a bracket left open across ``。`` is an OCR slip (``（（``),
    not a parenthesis that runs on.
    """
    for ch in text:
        if ch == "。":
            depth = 0
        elif ch in OPENERS:
            depth += 1
        elif ch in CLOSING and depth:
            depth -= 1
    return depth


_HEADING_STARTS = frozenset("第一二三四五六七八九十（(0123456789０１２３４５６７８９①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳ \u3000")


def heading_number(text: str) -> HeadingNumber | None:
    """The heading number that opens ``text`` (a quick look at the first character first)."""
    if not text or text[0] not in _HEADING_STARTS:
        return None
    return match_heading_number(text)


# a signature date written 2025.5.6 / 2025-05-06 / 2025/5/6 (WPS, scans, web pages)
_NUMERIC_DATE_LINE = re.compile(r"^20[0-9]{2}[.．\-－/](?:0?[1-9]|1[0-2])[.．\-－/](?:0?[1-9]|[12][0-9]|3[01])$")


def is_date_line(text: str) -> bool:
    if len(text) > 30:
        return False
    value = compact(text)
    return (text.rstrip()[-1:] == "日" and bool(DATE_LINE.match(value))) or bool(_NUMERIC_DATE_LINE.match(value))


def is_doc_number(text: str) -> bool:
    return len(text) <= 30 and text.rstrip()[-1:] == "号" and bool(DOC_NUMBER.search(compact(text)))


def is_label_line(text: str) -> bool:
    """联系人：…, 联系电话：…, 附件：…, 抄送：… — each stands on its own line."""
    return bool(LABEL_START.match(text))


def has_sentence_punct(text: str) -> bool:
    return any(ch in SENTENCE_PUNCT for ch in text)


def is_heading_text(text: str) -> bool:
    """A numbered line that is a heading by itself (``一、总体要求``), not the start of a paragraph."""
    number = heading_number(text)
    if number is None:
        return False
    rest = text[number.end:]
    return (bool(rest.strip()) and not any(ch in "。；！？：:;!?" for ch in rest) and len(rest) <= 50
            and bracket_depth(rest) == 0)


def ends_with_genre(text: str) -> bool:
    """True for a title that is complete: it ends with 通知, 方案, 意见… (and maybe ``（2024—2026年）``)."""
    return bool(GENRE_END.search(compact(text)))


def ends_with_label_colon(text: str) -> bool:
    """``电子邮箱：`` at the end of a line: what it labels is on the next line."""
    return bool(_LABEL_BEFORE_COLON.search(text))


# 版记: 始兴县卫生健康局办公室  2022年8月10日印发
_PRINTING_LINE = re.compile(rf"^\S.{{1,40}}?[0-9０-９{_CN_DIGIT}]{{4}}\s*年.{{1,6}}月.{{1,6}}日\s*印\s*发$")


def is_printing_line(text: str) -> bool:
    """The 版记 line ``县卫生健康局办公室  2025年6月13日印发``."""
    return bool(_PRINTING_LINE.match(text.strip()))


def opens_paragraph(text: str) -> bool:
    """Lines that always start a paragraph of their own."""
    return (heading_number(text) is not None or is_date_line(text) or is_doc_number(text)
            or is_label_line(text) or bool(_PRINTING_LINE.match(text.strip())))


def closes_paragraph(text: str) -> bool:
    """Lines after which a paragraph always ends (a colon ends the 主送 line and 如下：)."""
    if ends_colon(text):
        return not ends_with_label_colon(text)  # 电子邮箱： then the address on the next line
    return is_date_line(text) or is_doc_number(text)


def is_paired_heading(text: str) -> bool:
    """Two short phrases of the same length around one comma: ``坚持问题导向，狠抓隐患整改``."""
    m = _PAIRED.match(text)
    return bool(m) and abs(len(m.group(1)) - len(m.group(2))) <= 1
