"""One notice, many formats, the same paragraphs: a seed as UTF-8 and GBK text, as a .docx with
automatic numbering made from its clean paragraphs, and as the PDF LibreOffice prints from it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from builders import convert_with_libreoffice, write_numbered_docx
from corpus import seed_paths

from parsing.pipeline import read_text


def _squeeze(paragraphs: list[str]) -> list[str]:
    return [re.sub(r"\s+", "", p) for p in paragraphs if p.strip()]


@pytest.fixture(scope="module", params=seed_paths(), ids=lambda p: p.name[:3])
def seed_formats(request, tmp_path_factory) -> dict[str, list[str]]:
    """Clean paragraphs of one seed read from each format."""
    seed_path: Path = request.param
    out = tmp_path_factory.mktemp(seed_path.stem[:3])
    reference = read_text(seed_path)[1].paragraph_texts()
    text = seed_path.read_text(encoding="utf-8")
    gbk = out / "gbk.txt"
    gbk.write_bytes(text.encode("gbk", errors="ignore"))
    docx_path = write_numbered_docx(reference, out / "numbered.docx")
    pdf_path = convert_with_libreoffice(docx_path, "pdf", out)
    return {
        "reference": reference,
        "gbk": read_text(gbk)[1].paragraph_texts(),
        "docx": read_text(docx_path)[1].paragraph_texts(),
        "pdf": read_text(pdf_path)[1].paragraph_texts(),
    }


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["gbk", "docx", "pdf"])
def test_same_paragraphs_in_every_format(seed_formats, fmt):
    expected = _squeeze(seed_formats["reference"])
    got = _squeeze(seed_formats[fmt])
    if fmt == "gbk":  # characters GBK cannot hold are lost by the encoding itself
        expected = [p.encode("gbk", errors="ignore").decode("gbk") for p in expected]
    assert got == expected
