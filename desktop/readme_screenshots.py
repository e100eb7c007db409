"""The README's screenshots (docs/screenshots/*.png), retaken on the real app at one window size.

``python -m desktop.readme_screenshots OUT_DIR [1366x768 [HOME]]`` under ``xvfb-run -a``: opens four
seed notices, a county government .docx and the bundled sample as a text PDF (made with
LibreOffice), then the sample as text; shows 解析 with a 时限 selected, drafts, exports and
previews the .docx, delegates and views the board two days after the first due date. The store and
the exports go under HOME (a fresh temporary folder by default; the README's pictures used
``/home/clerk``, so the paths they show are a clerk's), never into the user's own data.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from parsing.locations import resource

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ("000", "001", "004")
DOCX_NOTICE = ROOT / "tests" / "fixtures" / "notices" / "blind_county_gov_food.docx"
PDF_NAME = "忻州市卫健委紧急通知.pdf"


def sample_pdf(folder: Path) -> Path:
    """The bundled sample notice as a text PDF (LibreOffice), named as a clerk would save it."""
    source = folder / (Path(PDF_NAME).stem + ".txt")
    shutil.copyfile(resource("sample_notice.txt"), source)
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        raise RuntimeError("需要 LibreOffice 才能生成示例 PDF")
    subprocess.run([office, f"-env:UserInstallation={(folder / 'lo').as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(folder), str(source)], check=True, capture_output=True, timeout=180)
    return folder / PDF_NAME


def take(out: Path, size: tuple[int, int] = (1366, 768), home: Path | None = None) -> list[Path]:
    """Write receive, parse, parse-pdf, draft, draft-preview, table, tracking and settings .png."""
    home = home or Path(tempfile.mkdtemp(prefix="pd-clerk-")) / "clerk"
    data = home / ".local" / "share" / "PolicyDesk"
    shutil.rmtree(data, ignore_errors=True)  # a fresh store each run
    os.environ["POLICYDESK_HOME"] = str(data)
    documents = home / "文档"
    documents.mkdir(parents=True, exist_ok=True)
    from desktop.demo import _track_a_few
    from desktop.headless import grab, make_window, settle, wait_for

    out.mkdir(parents=True, exist_ok=True)
    pdf = sample_pdf(documents)
    sample = resource("sample_notice.txt")
    seeds = [p for p in sorted((ROOT / "tests" / "reference" / "seeds").glob("*.txt")) if p.name[:3] in SEEDS]
    window = make_window(size)
    wait_for(window.load_received())
    made: list[Path] = []

    def opened(path: Path):
        return next(o for o in window.session.notices if o.path == Path(path))

    for state in window.open_files([*seeds, DOCX_NOTICE, pdf]):
        wait_for(state)
    window.session.set_current(opened(pdf))
    made.append(grab(window, "收文", out / "receive.png"))
    for state in window.open_files([sample]):  # the same notice as text, for the highlighted 解析
        wait_for(state)
    window.session.set_current(opened(sample))
    window.show_page("解析")
    settle()
    deadlines = window.session.current.notice.deadlines
    window.parse_page.select_field(("deadlines", min(1, max(len(deadlines) - 1, 0)), "date"))
    made.append(grab(window, "解析", out / "parse.png"))
    window.session.set_current(opened(pdf))
    settle(400)
    made.append(grab(window, "解析", out / "parse-pdf.png"))
    window.session.set_current(opened(sample))
    wait_for(window.draft_page.draft())
    made.append(grab(window, "起草", out / "draft.png"))
    wait_for(window.draft_page.export_docx(documents / "实施方案.docx"))
    wait_for(window.draft_page.preview())
    settle(800)
    made.append(grab(window, "起草", out / "draft-preview.png"))
    made.append(grab(window, "分工", out / "table.png"))
    wait_for(window.table_page.delegate_all())
    _track_a_few(window, lambda _: None)
    settle()
    made.append(grab(window, "督办", out / "tracking.png"))
    made.append(grab(window, "设置", out / "settings.png"))
    window.close()
    return made


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    size = tuple(int(v) for v in (args[1] if len(args) > 1 else "1366x768").lower().split("x"))
    home = Path(args[2]) if len(args) > 2 else None
    for path in take(Path(args[0] if args else "out/screenshots"), (size[0], size[1]), home):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
