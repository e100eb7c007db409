"""State shared by the deadline readers while they walk one notice."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from parsing.deadlines.phrases import YearResolver
from parsing.deadlines.structure import Span, overlaps
from parsing.model import Deadline


@dataclass
class Context:
    text: str
    issue_date: date | None
    years: YearResolver
    quiet: list[Span] = field(default_factory=list)  # no deadline here (signature, 《titles》)
    claimed: list[Span] = field(default_factory=list)  # already read by another reader or a phase
    warnings: list[str] = field(default_factory=list)
    found: list[Deadline] = field(default_factory=list)
    # Sections such as 一、会议时间: (body start, body end, what attending means)
    meeting_zones: list[tuple[int, int, str]] = field(default_factory=list)
    # Numbered headings: (heading words start, heading part end, section end)
    heading_parts: list[tuple[int, int, int]] = field(default_factory=list)

    def free(self, span: Span) -> bool:
        return not overlaps(span, self.claimed) and not overlaps(span, self.quiet)

    def claim(self, span: Span) -> None:
        self.claimed.append(span)

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)


def squash(text: str) -> str:
    """Whitespace removed (the contract's form of every string value)."""
    return re.sub(r"\s+", "", text)
