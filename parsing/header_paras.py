"""The paragraphs the head and foot readers walk: the clean text's, a run-on head cut into its parts."""

from __future__ import annotations

from parsing.document import CleanText
from parsing.header_runon import split_run_on_head
from parsing.units import compact


class HeadParas:
    """The paragraphs of the clean text, a run-on head paragraph cut into its parts.

    ``real[i]`` is the clean-text paragraph that item ``i`` lies in; ``kinds[i]`` names the part of
    a run-on head the item is (``banner``, ``doc_number``, ``title``, ``recipients``, ``body`` …)."""

    def __init__(self, clean: CleanText):
        self.clean = clean
        self.items: list[tuple[int, int, str]] = []
        self.real: list[int] = []
        self.kinds: dict[int, str] = {}
        seen = 0
        for index, p in enumerate(clean.paragraphs):
            raw = clean.text[p.start:p.end]
            pieces = split_run_on_head(raw) if seen < 6 and compact(raw) else None
            seen += bool(compact(raw))
            if not pieces:
                self.items.append((p.start, p.end, raw))
                self.real.append(index)
                continue
            for kind, (a, b) in pieces:
                self.kinds[len(self.items)] = kind
                self.items.append((p.start + a, p.start + b, raw[a:b]))
                self.real.append(index)

    def text(self, i: int) -> str:
        return self.items[i][2]

    def paragraph(self, i: int) -> int:
        """The clean-text paragraph index of item ``i`` (``len`` past the end)."""
        return self.real[i] if i < len(self.real) else len(self.clean.paragraphs)

    def __len__(self) -> int:
        return len(self.items)
