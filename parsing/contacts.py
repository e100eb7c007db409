"""Contact people (联系人) with their phone numbers and e-mail addresses.

``联系人：江婷婷，联系电话：18792161603，电子邮箱：…`` on one line or spread over lines; phones
may be mobiles, landlines with or without area code (``0350-3032111``, ``(0751)8889999``) and
extensions (``转8012``). Each ``联系人`` starts a new contact; numbers and addresses that follow
before the next one belong to it.
"""

from __future__ import annotations

import re

from parsing.document import CleanText
from parsing.model import Contact
from parsing.units import is_unit

_CONTACT = re.compile(r"(?:联\s*系\s*人(?:\s*及\s*(?:联系)?(?:电话|方式))?|联\s*系\s*方\s*式)\s*[:：]\s*")
_PHONE = re.compile(
    r"(?<![0-9])("
    r"1[3-9][0-9](?:[\s-]?[0-9]{4}){2}"  # mobile
    r"|(?:[（(]?0[0-9]{2,3}[）)]?[\s\-－—]*[1-9]|[2-9])[0-9]{6,7}(?:\s*(?:转|-|－|ext\.?)\s*[0-9]{2,5})?"  # landline
    r")(?![0-9])")
# an address a hard wrap broke (``…电子邮箱：22`` / ``92456039@qq.com``) is read whole
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+(?:[ \t]*\n[ \t]*[A-Za-z0-9._%+\-]+)?@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")
_NAME = re.compile(r"^([\u4e00-\u9fa5·]{2,4}?)(?=$|[\s，,；;、。：:（(0-9]|同志|电话|联系|手机|邮箱|办公)")
# 张三，电话…；李四… or 王芳 0354-5621234，李军 13903541234: each person starts a segment
# …0311-66165123省医保局医药价格处 周晓…: a phone number running into the next office or person
_SEGMENT_BREAK = re.compile(r"(?<=[；;])|(?<=[0-9]{7})(?=[\u4e00-\u9fa5]{2})|(?<=[，,])(?=\s*[\u4e00-\u9fa5·]{2,4}(?:同志)?\s*[（(]?(?:0[0-9]|1[3-9]))")
_WINDOW = 160  # characters after 联系人 that may still hold its phone and mail


def _norm_phone(raw: str) -> str:
    value = re.sub(r"\s+", "", raw)
    value = value.replace("（", "(").replace("）", ")").replace("－", "-").replace("—", "-")
    return value[1:] if value.startswith("(") and ")" not in value else value  # 张三（0351-1234567）


def find_contacts(clean: CleanText, start: int = 0) -> list[Contact]:
    """Contacts named after ``start`` in the clean text."""
    text = clean.text
    marks = list(_CONTACT.finditer(text, start))
    contacts: list[Contact] = []
    for index, m in enumerate(marks):
        stop = marks[index + 1].start() if index + 1 < len(marks) else len(text)
        stop = min(stop, m.end() + _WINDOW)
        here: list[Contact] = []
        offset = m.end()
        # 联系人：张三，电话：…；李四，电话：… — each segment may name its own person
        for line_no, line in enumerate(text[m.end():stop].split("\n")):
            # a later line holds another person only when it gives a number or an address too
            # (``        省医保局医药价格处  周晓  0311-86990123`` under the 联系人 line)
            if line_no and not (_PHONE.search(line) or _EMAIL.search(line)):
                break
            for segment in _SEGMENT_BREAK.split(line):
                _read_segment(segment, offset, m.start(), here)
                offset += len(segment)
            offset += 1
        contacts.extend(here)
    return contacts


def _read_segment(chunk: str, base: int, mark_start: int, here: list[Contact]) -> None:
    """Add the people of one segment to ``here``; numbers without a name go to the last people."""
    names = _names(chunk)
    phones = [(p.group(1), p.start(1)) for p in _PHONE.finditer(chunk)]
    emails = [(re.sub(r"\s+", "", e.group(0)), e.start()) for e in _EMAIL.finditer(chunk)]
    # e-mail digits are not phones
    phones = [(p, at) for p, at in phones if not any(e_at <= at < e_at + len(e) for e, e_at in emails)
              and "传真" not in chunk[max(0, at - 4):at]]
    if not names:
        for found, key in ((phones, "phone"), (emails, "email")):
            waiting = [c for c in here if getattr(c, key) is None]
            pairs = [(c, found[0]) for c in waiting] if len(found) == 1 else zip(waiting, found, strict=False)
            for contact, (value, at) in pairs:
                setattr(contact, key, _norm_phone(value) if key == "phone" else value)
                contact.span = (contact.span[0], max(contact.span[1], base + at + len(value)))
        if not here and (phones or emails):
            here.append(Contact(name=None, phone=_norm_phone(phones[0][0]) if phones else None,
                                email=emails[0][0] if emails else None, span=(mark_start, base + len(chunk))))
        return
    for k, name in enumerate(names):
        # one number or mailbox for several people is shared by them
        phone = phones[k] if k < len(phones) else (phones[0] if len(phones) == 1 else None)
        email = emails[k] if k < len(emails) else (emails[0] if len(emails) == 1 else None)
        end = base + chunk.find(name) + len(name)
        for value in (phone, email):
            if value:
                end = max(end, base + value[1] + len(value[0]))
        here.append(Contact(name=name, phone=_norm_phone(phone[0]) if phone else None,
                            email=email[0] if email else None, span=(mark_start if not here else base, end)))


def _person_like(piece: str) -> bool:
    m = _NAME.match(re.sub(r"[0-9（）()\-－]+.*$", "", piece))
    return bool(m) and not is_unit(m.group(1))


def _is_office(piece: str) -> bool:
    """An office named before the person (``委应急办``, ``医政科``), not a two- or three-character name."""
    return is_unit(piece) and (len(piece) >= 4 or piece[0] in "委局县市省区乡镇院各")


def _join_spaced_names(pieces: list[str]) -> list[str]:
    """``医政股 陈 静`` → 医政股, 陈静: single characters in a row are one name set with spaces."""
    out: list[str] = []
    run = False  # the last piece is a run of single characters
    for piece in pieces:
        single = len(piece) == 1 and "\u4e00" <= piece <= "\u9fa5"
        if single and run and len(out[-1]) < 3:
            out[-1] += piece
            continue
        out.append(piece)
        run = single
    return out


def _names(chunk: str) -> list[str]:
    """Names right after 联系人：, several when listed with 、."""
    if re.match(r"^\s*(?![\u4e00-\u9fa5]{0,5}(?:电话|手机|邮箱|联系|传真|座机|电子|方式))[\u4e00-\u9fa5]{2,6}\s*[:：]", chunk):
        return []  # a blank form (回执): 联系人：  修改意见： — the next field's label is no one
    # the name stops at the next label, even when only spaces separate them (``刘晓燕  联系电话：``)
    head = re.split(r"[，,；;。\n]|联系|电话|手机|邮箱|电子|传真|座机|地址|[Ee]-?mail", chunk, maxsplit=1)[0].strip()
    head = re.sub(r"^[^\u4e00-\u9fa5]+", "", head)
    names = []
    pieces = _join_spaced_names([p for p in re.split(r"[、\s]+", head) if p])
    if pieces:
        # 联系人：市卫生健康委医政医管处周晓雯 → the person after the office
        office = re.match(r"^(.{2,30}?(?:办公室|办|处|科|股|室|局|委|中心|院|站|所|队|组))([\u4e00-\u9fa5·]{2,4})$",
                          pieces[0])
        if office and not is_unit(office.group(2)) and (len(pieces[0]) > 5 or is_unit(office.group(1))):
            pieces[0] = office.group(2)
        # 联系人：委应急办  郑凯 → the office before the person is not a person
        while len(pieces) > 1 and (_is_office(pieces[0]) or (is_unit(pieces[0]) and _person_like(pieces[1]))):
            pieces.pop(0)
    for piece in pieces:
        piece = re.sub(r"[0-9（）()\-－]+.*$", "", piece)
        m = _NAME.match(piece)
        if m and not (is_unit(m.group(1)) and len(piece) > len(m.group(1))):  # 县卫健委办公室 is no one
            names.append(m.group(1))
    return names
