"""Layout spaces: ``2022 年 8月 10 日`` → ``2022年8月10日``, ``于 6 月 17 日`` → ``于6月17日``.

Chinese is not word-spaced, so a space touching a Chinese character or a full-width mark is
layout (PDF character spacing, OCR, justified lines) and goes. A space between two Latin words
or numbers stays (collapsed to one). In a line that is not a sentence — a heading, a list of
names — a space between two words is kept (``加强领导 精心部署``, ``居清平 市卫健委党组书记``),
while letter-spacing inside a word goes (``组 长`` → ``组长``, ``夏 鸿`` → ``夏鸿``).
"""

from __future__ import annotations

import re
import unicodedata

from parsing.cleaning.mapped import Mapped

SPACE_RUN = re.compile(r"[ \x0b\x0c\r\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")
_BULLET = re.compile(r"^[-*•·●▪◆■]\s*(?=[^\x00-\x7f\-—])")  # - 附件： (not ——)
_SENTENCE_MARKS = frozenset("，。；！？")
_LABEL_AHEAD = re.compile(r"(?:联系人|联系电话|联系方式|电话|手机|邮箱|电子邮箱|传真|地址|邮编)\s*[:：]")
_LONG_LINE = 60


def _is_letter(ch: str) -> bool:
    return unicodedata.category(ch).startswith("L")


def _letter_run(text: str, index: int, step: int) -> int:
    """Length of the run of (non-ASCII) letters starting at ``index`` going in direction ``step``."""
    n = 0
    while 0 <= index < len(text) and not text[index].isascii() and _is_letter(text[index]):
        n += 1
        index += step
    return n


def _spaced_letter_before(text: str, start: int) -> bool:
    """True when a single letter precedes a space that ends at ``start`` (``夏 鸿`` seen from 鸿)."""
    m = SPACE_RUN.search(text, max(0, start - 8), start)
    while m and m.end() != start:
        m = SPACE_RUN.search(text, m.end(), start)
    return bool(m) and m.start() > 0 and _letter_run(text, m.start() - 1, -1) == 1


def _spaced_letter_after(text: str, end: int) -> bool:
    """True when a space starting at ``end`` is followed by a single letter."""
    m = SPACE_RUN.match(text, end)
    return bool(m) and m.end() < len(text) and _letter_run(text, m.end(), 1) == 1


def _keep_between_words(text: str, start: int, end: int) -> bool:
    """For a space between two Chinese letters in a non-sentence line: keep it?"""
    left = _letter_run(text, start - 1, -1)
    right = _letter_run(text, end, 1)
    if left == 1 and right == 1:
        return False  # 组 长
    if left == 1:
        # 夏 鸿 市卫健委副主任: 鸿 ends a letter-spaced name, the space before 市 separates words.
        return _spaced_letter_before(text, start - 1)
    if right == 1:
        return _spaced_letter_after(text, end + 1)
    return True


def space_deletions(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` that are layout spaces (a kept run keeps its first character)."""
    spans: list[tuple[int, int]] = []
    sentence = len(text) > _LONG_LINE or any(ch in _SENTENCE_MARKS for ch in text)
    bullet = _BULLET.match(text)
    if bullet:
        spans.append(bullet.span())
    for m in SPACE_RUN.finditer(text):
        start, end = m.span()
        if bullet and start < bullet.end():
            continue
        if start == 0 or end == len(text):
            spans.append((start, end))
            continue
        left, right = text[start - 1], text[end]
        if left == "\t" or right == "\t":
            keep = False
        elif (left in "-–" and right.isdigit()) or (right in "-–%" and left.isdigit()):
            keep = False  # 0731 - 1234567, 10 %
        elif left.isascii() and right.isascii():
            keep = True  # Latin words, numbers
        elif left.isascii() or right.isascii() or not (_is_letter(left) and _is_letter(right)):
            keep = False  # 2022 年, 于 6 月, 1. 安全, （ 2020
        elif _LABEL_AHEAD.match(text, end):
            keep = True  # 联系人：王高鹏 电话：3332127
        else:
            keep = not sentence and _keep_between_words(text, start, end)
        if keep:
            if end - start > 1:
                spans.append((start + 1, end))
        else:
            spans.append((start, end))
    return spans


def tidy_spacing(text: Mapped) -> Mapped:
    """``text`` without layout spaces."""
    if not SPACE_RUN.search(text.text) and not _BULLET.match(text.text):
        return text
    return text.delete(space_deletions(text.text))
