"""Benchmark inputs, generated from the seeds and cached in ``bench/out/inputs``.

A 10-page and a 100-page notice as .docx (seeds repeated, heading numbers as Word automatic
numbering), the PDFs LibreOffice prints from them, the seed texts as .txt, and a 10-page scan.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "inputs"
SEEDS = ROOT / "tests" / "reference" / "seeds"
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from builders import convert_with_libreoffice, write_numbered_docx  # noqa: E402

# One seed page of 公文 holds ~22 lines of 28 characters: ~600 characters.
_CHARS_PER_PAGE = 600


def seed_paragraphs() -> list[str]:
    """Every seed's non-empty lines, stripped, in order: one long run of real notice text."""
    lines: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        lines += [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines


def paragraphs_for_pages(pages: int) -> list[str]:
    base = seed_paragraphs()
    out: list[str] = []
    total = 0
    while total < pages * _CHARS_PER_PAGE:
        for line in base:
            out.append(line)
            total += len(line)
            if total >= pages * _CHARS_PER_PAGE:
                break
    return out


def notice_docx(pages: int) -> Path:
    path = OUT / f"notice_{pages}p.docx"
    if not path.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        write_numbered_docx(paragraphs_for_pages(pages), path)
    return path


def notice_pdf(pages: int) -> Path:
    path = OUT / f"notice_{pages}p.pdf"
    if not path.exists():
        convert_with_libreoffice(notice_docx(pages), "pdf", OUT)
    return path


def notice_txt(pages: int) -> Path:
    path = OUT / f"notice_{pages}p.txt"
    if not path.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(paragraphs_for_pages(pages)), encoding="utf-8")
    return path


def scan_pdf(pages: int = 10) -> Path | None:
    """A scanned (image-only) PDF of ``pages`` rendered seed pages, or None without the scan maker."""
    path = OUT / f"scan_{pages}p.pdf"
    if path.exists():
        return path
    try:
        import make_scans
    except ImportError:
        return None
    images = make_scans.render_pages("\n".join(paragraphs_for_pages(pages)), dpi=150)[:pages]
    OUT.mkdir(parents=True, exist_ok=True)
    first, *rest = [page.image.convert("RGB") for page in images]
    first.save(path, save_all=True, append_images=rest, resolution=150)
    return path
