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

_CONTACT = re.compile(r"(?:联\s*系\s*人(?:\s*及\s*(?:联系)?(?:电话|方式))?|联\s*系\s*方\s*式)\s*[:：]\s*")
_PHONE = re.compile(
    r"(?<![0-9])("
    r"1[3-9][0-9](?:[\s-]?[0-9]{4}){2}"  # mobile
    r"|(?:[（(]?0[0-9]{2,3}[）)]?[\s\-－—]*)?[2-9][0-9]{6,7}(?:\s*(?:转|-|－|ext\.?)\s*[0-9]{2,5})?"  # landline
    r")(?![0-9])")
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")
_NAME = re.compile(r"^([\u4e00-\u9fa5·]{2,4}?)(?=$|[\s，,；;、。：:（(0-9]|同志|电话|联系|手机|邮箱|办公)")
_WINDOW = 160  # characters after 联系人 that may still hold its phone and mail


def _norm_phone(raw: str) -> str:
    value = re.sub(r"\s+", "", raw)
    return value.replace("（", "(").replace("）", ")").replace("－", "-").replace("—", "-")


def find_contacts(clean: CleanText, start: int = 0) -> list[Contact]:
    """Contacts named after ``start`` in the clean text."""
    text = clean.text
    marks = [m for m in _CONTACT.finditer(text, start)]
    contacts: list[Contact] = []
    for index, m in enumerate(marks):
        stop = marks[index + 1].start() if index + 1 < len(marks) else min(len(text), m.end() + _WINDOW)
        stop = min(stop, m.end() + _WINDOW)
        chunk = text[m.end():stop]
        names = _names(chunk)
        phones = [(p.group(1), p.start(1)) for p in _PHONE.finditer(chunk)]
        emails = [(e.group(0), e.start()) for e in _EMAIL.finditer(chunk)]
        # e-mail digits are not phones
        phones = [(p, at) for p, at in phones if not any(e_at <= at < e_at + len(e) for e, e_at in emails)]
        if not names and not phones and not emails:
            continue
        count = max(len(names), 1)
        for k in range(count):
            name = names[k] if k < len(names) else None
            # one number or mailbox for several people is shared by them
            phone = phones[k][0] if k < len(phones) else (phones[0][0] if len(phones) == 1 else None)
            email = emails[k][0] if k < len(emails) else (emails[0][0] if len(emails) == 1 else None)
            end = m.end()
            for value, at in ((phone, phones[k][1] if k < len(phones) else None),
                              (email, emails[k][1] if k < len(emails) else None)):
                if value and at is not None:
                    end = max(end, m.end() + at + len(value))
            contacts.append(Contact(name=name, phone=_norm_phone(phone) if phone else None, email=email,
                                    span=(m.start(), max(end, m.end() + len(name or "")))))
    return contacts


def _names(chunk: str) -> list[str]:
    """Names right after 联系人：, several when listed with 、."""
    head = re.split(r"[，,；;。\n]|电话|手机|联系方式|邮箱", chunk, maxsplit=1)[0].strip()
    head = re.sub(r"^[^\u4e00-\u9fa5]+", "", head)
    names = []
    pieces = [p for p in re.split(r"[、\s]+", head) if p]
    if pieces:
        # 联系人：市卫生健康委医政医管处周晓雯 → the person after the office
        office = re.match(r"^(.{2,30}?(?:办公室|处|科|股|室|局|委|中心|院|站|所|队|组))([\u4e00-\u9fa5·]{2,4})$",
                          pieces[0])
        if office and len(pieces[0]) > 5:
            pieces[0] = office.group(2)
    for piece in pieces:
        piece = re.sub(r"[0-9（）()\-－]+.*$", "", piece)
        m = _NAME.match(piece)
        if m:
            names.append(m.group(1))
    return names
