"""The foot of a 公文: the signature organs and the 成文日期 below the body, and a 主送 in the 版记.

The signature is the organ line(s) above a date, the organ and the date on one line, a date alone whose
organ is only in the seal, a date above the organ, or organ and date closing the last body paragraph.
Dates are read in every form a signature writes them (二〇二四年三月五日, 2024年3月5日, 2024.3.5,
2024-03-05, 2024/3/5, 3月5号).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from parsing.cnnum import FULL_DATE, parse_full_date, to_halfwidth_digits
from parsing.header_organs import is_organ_line, organ_names
from parsing.header_paras import HeadParas
from parsing.header_recipients import split_recipients
from parsing.units import compact

if TYPE_CHECKING:
    from parsing.header import Header


def date_only(text: str) -> bool:
    """A line that holds a full date and at most a short note after it (``2024年3月5日（此件公开发布）``)."""
    value = compact(text)
    m = FULL_DATE.search(value)
    return bool(m) and m.start() == 0 and re.fullmatch(r"[（(]?[^）)]*[）)]?", value[m.end():]) is not None \
        and len(value) - m.end() <= 8


_NUMERIC_DATE = re.compile(r"(20[0-9]{2})\s*[.．\-－/]\s*(0?[1-9]|1[0-2])\s*[.．\-－/]\s*(0?[1-9]|[12][0-9]|3[01])"
                           r"(?=\s*(?:[（(][^（）()]{1,16}[）)])?$)")
_MIXED_YEAR = re.compile(r"(?=[一二三四五六七八九〇○零0０OoＯ]{4}年)(?=[^年]*[一二三四五六七八九])[一二三四五六七八九〇○零0０OoＯ]{4}(?=年)")
_HAO_DATE = re.compile(r"(月\s*[0-9０-９〇○一二三四五六七八九十]{1,3})\s*号$")  # 2024年3月5号
_IMPRINT_RECIPIENTS = re.compile(r"^\s*主\s*送\s*[:：]")
_PUBLICATION_NOTE = re.compile(r"[（(](?:此件|信息公开)[^（）()]{1,14}[）)]")


def _written_date(value: str) -> str:
    """A signature line's date in the ``YYYY年M月D日`` form: ``2024.3.5``, ``2024-03-05``, ``2024/3/5``,
    ``２０２４．３．５`` and ``2024年3月5号`` (alone or after the organ) are rewritten, others kept."""
    digits = to_halfwidth_digits(value)
    if numeric := _NUMERIC_DATE.search(digits):
        return f"{digits[:numeric.start()]}{numeric.group(1)}年{int(numeric.group(2))}月{int(numeric.group(3))}日"
    # 二0二四年: a zero typed (or read) as a digit or a letter inside a year written in Chinese numerals
    value = _MIXED_YEAR.sub(lambda m: re.sub(r"[0０OoＯ]", "〇", m.group(0)), value)
    return _HAO_DATE.sub(r"\1日", value)


def read_imprint_recipients(paras: HeadParas, header: Header) -> None:
    """``主送：…`` in the 版记 below the signature, where the head names none (纪要, 报告, some 函)."""
    for i in range(max(header.body_start, len(paras) - 12), len(paras)):
        start, end, raw = paras.items[i]
        if _IMPRINT_RECIPIENTS.match(raw) and len(compact(raw)) <= 300:
            header.recipients, header.recipient_spans = split_recipients(paras.clean.text, start, end)
            if header.recipients:
                header.spans["recipients"] = (start, end)
            return


def read_signature(paras: HeadParas, header: Header) -> None:
    """The first signature block after the body starts: organ line(s) then the date."""
    for i in range(header.body_start, len(paras)):
        if header.signature_paras and i > header.signature_paras[-1] + 2:
            return  # a date alone closed the notice; what follows is an enclosure with its own signature
        start, end, raw = paras.items[i]
        value = compact(raw)
        written = _written_date(value)
        if written != value:  # 2025.3.1 / 2025-03-01 / 3月1号 under the organ (a WPS or scanned 函)
            raw = value = written
        if value.endswith("印发") or "\t" in raw or not FULL_DATE.search(value):
            continue
        organs: list[str] = []
        organ_paras: list[int] = []
        inline = False
        if date_only(raw):
            k = i - 1
            while k >= header.body_start and i - k <= 8 and len(organ_paras) < 6:
                prev = paras.text(k)
                if not compact(prev):
                    k -= 1
                    continue
                if re.fullmatch(r"[（(]?(?:盖章|印章|公章|代章|签章|章|印)[）)]?", compact(prev)):
                    k -= 1
                    continue
                if is_organ_line(prev):
                    organs[:0] = organ_names(prev)
                    organ_paras.insert(0, k)
                    k -= 1
                    continue
                if not organs and (tail := _glued_organs(prev)):
                    organs = tail  # ``联系人：…0531-67876543山东省卫生健康委员会 …``: a wrap ran the line into the organs
                break
            if not organs and i + 1 < len(paras) and is_organ_line(paras.text(i + 1)) \
                    and (i + 2 == len(paras) or _after_signature(paras.text(i + 2))):
                organs, organ_paras = organ_names(paras.text(i + 1)), [i + 1]  # the date above the organ
            if not organs and header.issue_date is None and i > header.body_start:
                # a date alone under the body with the organ only in the seal (scans): the date counts
                day = parse_full_date(value)
                if day is not None and _closes_body(paras, i):
                    header.issue_date = day.isoformat()
                    header.spans["issue_date"] = (start, end)
                    header.signature_paras = [i]
                    header.enclosure_start = i + 1 if i + 1 < len(paras) else None
        else:
            m = list(FULL_DATE.finditer(value))[-1]
            before = value[:m.start()]
            note = value[m.end():]
            if not (len(note) <= 2 or _PUBLICATION_NOTE.fullmatch(note)):
                continue
            if before and is_organ_line(before):
                organs, organ_paras = organ_names(before) or [before], []
            else:
                # ``…请认真贯彻执行。国务院2017年11月3日（此件公开发布）``: a notice flattened into one paragraph
                tail = re.split(r"[。！!；;]", before)[-1]
                if not (tail and tail != before and is_organ_line(tail)
                        and (i + 1 == len(paras) or _after_signature(paras.text(i + 1)))):
                    continue
                organs = organ_names(tail)
                inline = True
                value = value[m.start():]
        # a seal's text read by OCR (``XX县卫生健康局（章）``) beside the printed organ names it again: once
        organs = list(dict.fromkeys(organs))
        if not organs:
            continue
        day = parse_full_date(value)
        if day is None:
            continue
        header.signatory = "、".join(organs)
        if organ_paras:
            header.spans["signatory"] = (paras.items[organ_paras[0]][0], paras.items[organ_paras[-1]][1])
        else:
            header.spans["signatory"] = (start, end)
        header.issue_date = day.isoformat()
        header.spans["issue_date"] = (start, end)
        # a signature at the end of a body paragraph leaves that paragraph in the body
        header.signature_paras = sorted([*organ_paras, *([] if inline else [i])])
        if i + 1 < len(paras):
            header.enclosure_start = max(header.signature_paras, default=i) + 1
        return


def _glued_organs(text: str) -> list[str]:
    """The organs that close a line after a sentence, a label or a phone number (a wrap joined them)."""
    tail = re.split(r"[0-9０-９。！；;：:，,)）]", text.strip())[-1]
    if tail == text.strip() or len(compact(tail)) < 4 or not is_organ_line(tail):
        return []
    return organ_names(tail)


def _closes_body(paras: HeadParas, i: int) -> bool:
    """Whether the last paragraph above ``i`` ends a body: a full stop, 特此通知, an attachment list
    (``附件：1.…`` / ``2.回执``) or a contact line."""
    for k in range(i - 1, max(-1, i - 4), -1):
        value = compact(paras.text(k))
        if not value:
            continue
        if re.search(r"[。！]$|特此通知$", value) or re.match(r"附\s*件|联系人|联系电话", value):
            return True
        # an item of an attachment list right below 附件：
        return bool(re.match(r"\d{1,2}[.．、]", value)) and any(
            re.match(r"附\s*件", compact(paras.text(j))) for j in range(max(0, k - 8), k))
    return False


def _after_signature(text: str) -> bool:
    """What may stand right below a signature: nothing, the 版记, an attachment, a publication note."""
    value = compact(text)
    return not value or value.startswith(("抄送", "主送", "附件", "（此件", "(此件", "（信息公开"))
