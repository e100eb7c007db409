"""Writes an :class:`OfficialDocument` to .docx following GB/T 9704-2012 (work in progress)."""

from __future__ import annotations

import os
from pathlib import Path

from drafting.gbt9704.model import OfficialDocument


def write_docx(doc: OfficialDocument, path: str | os.PathLike[str], profile: object | None = None) -> Path:
    """Write ``doc`` to ``path`` atomically and return the path. ``profile``: a profile name or
    LayoutProfile; None uses ``doc.profile``."""
    raise NotImplementedError("the GB/T 9704 writer is being written (issue 6)")
