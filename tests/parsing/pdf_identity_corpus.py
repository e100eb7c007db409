"""PDFs of every kind the tests make, for checking that the pdfium reader and the pdfplumber reader
give the same parse: the seeds and notice fixtures printed by LibreOffice (titles in 2号, Word
automatic numbering), drafted plans (red 版头, rules, landscape 任务分工表 tables), a GB/T 9704
notice, and the small hand-written PDFs (Helvetica, several pages).

``build(out, names)`` converts in one LibreOffice run; ``python tests/parsing/pdf_identity_corpus.py
OUT [all]`` writes the corpus for a manual comparison (``all``: every notice fixture, ~100 PDFs).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TESTS))

from builders import write_numbered_docx, write_plain_pdf  # noqa: E402
from corpus import FIXTURES, seed_paths  # noqa: E402

# A few notice fixtures with tables, forms and title shapes the seeds do not have.
FEW = ["city_task_table", "county_flood_task_table", "head_city_joint_runon_pdf", "county_rules_chapters",
       "letter_with_receipt", "county_self_check_page_break"]
PLANS = ["city_urgent_fire_safety", "festival_city_holiday_safety"]


def _paragraphs(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def build(out: Path, every_fixture: bool = False) -> list[Path]:
    """Write the corpus into ``out`` and return its PDFs."""
    out.mkdir(parents=True, exist_ok=True)
    docs: list[Path] = []
    notices = sorted((FIXTURES / "notices").glob("*.txt")) + sorted((FIXTURES / "superior").glob("*.txt"))
    if not every_fixture:
        notices = [p for p in notices if p.stem in FEW]
    for source in [*seed_paths(), *notices]:
        docs.append(write_numbered_docx(_paragraphs(source), out / f"{source.stem}.docx"))
    from drafting.gbt9704 import write_docx
    from drafting.gbt9704.sample import sample_notice
    from drafting.plan_builder import build_plan, load_notice
    from drafting.plan_export import write_plan_docx
    from drafting.profile import load_sample_profile

    docs.append(write_docx(sample_notice(), out / "gbt9704_sample_notice.docx"))
    plans = [FIXTURES / "superior" / f"{name}.txt" for name in PLANS] + seed_paths()[:2]
    for source in plans:
        plan = build_plan(load_notice(source), load_sample_profile())
        docs.append(write_plan_docx(plan, out / f"plan_{source.stem[:24]}.docx"))
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        raise RuntimeError("LibreOffice is not installed")
    subprocess.run([office, f"-env:UserInstallation={(out / 'lo').as_uri()}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(out), *map(str, docs)],
                   check=True, capture_output=True, timeout=900,
                   env={"HOME": str(out), "PATH": "/usr/bin:/bin:/usr/local/bin"})
    pdfs = [doc.with_suffix(".pdf") for doc in docs]
    pdfs.append(write_plain_pdf([f"Page {i} of a long annex" for i in range(1, 13)], out / "plain_12p.pdf"))
    pdfs.append(write_plain_pdf(["Notice page one", "Page two text"], out / "plain_2p.pdf"))
    return [pdf for pdf in pdfs if pdf.exists()]


if __name__ == "__main__":
    for pdf in build(Path(sys.argv[1]), every_fixture=sys.argv[2:] == ["all"]):
        print(pdf)
