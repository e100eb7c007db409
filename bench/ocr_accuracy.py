"""OCR accuracy and speed on scans made from the seeds.

    .venv/bin/python bench/ocr_accuracy.py            # every seed, 150 and 300 dpi, clean + degraded
    .venv/bin/python bench/ocr_accuracy.py --quick    # first two pages of each seed at 150 dpi
    .venv/bin/python bench/ocr_accuracy.py --speed    # only the 10-page timing
    .venv/bin/python bench/ocr_accuracy.py --scores   # score.py: OCR'd seed scans vs the .txt seeds

Character error rate (CER) = edit distance / reference length, whitespace removed on both sides;
"CER" folds full/half-width forms (NFKC: "：" and ":" count as the same character), "raw CER"
does not. Degraded copies get a red seal over the 落款, a slight rotation, blur, noise and JPEG
artefacts. The speed run OCRs a 10-page image-only PDF through the public API with an empty
cache and prints the machine load next to the time.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

from rapidfuzz.distance import Levenshtein

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "reference" / "seeds"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import cv2  # noqa: E402
import numpy as np  # noqa: E402
from make_scans import ScanPage, degrade, render_seed  # noqa: E402

RED_HEADER = "县卫生健康局文件"


def _squash(text: str, fold: bool) -> str:
    if fold:
        text = unicodedata.normalize("NFKC", text)
    return "".join(text.split())


def char_errors(reference: str, hypothesis: str, fold: bool = True) -> tuple[int, int]:
    """(edit distance, reference length) with whitespace removed."""
    ref, hyp = _squash(reference, fold), _squash(hypothesis, fold)
    return Levenshtein.distance(ref, hyp), len(ref)


def cer(reference: str, hypothesis: str, fold: bool = True) -> float:
    errors, length = char_errors(reference, hypothesis, fold)
    return errors / max(1, length)


def to_bgr(image) -> np.ndarray:
    return np.ascontiguousarray(np.asarray(image.convert("RGB"))[:, :, ::-1])


def seed_scans(dpi: int, limit: int | None = None) -> list[tuple[str, int, ScanPage]]:
    """(seed name, page index, page) for every seed; the first page gets a red 版头."""
    scans = []
    for path in sorted(SEEDS.glob("*.txt")):
        pages = render_seed(path, dpi, red_header=RED_HEADER)
        for index, page in enumerate(pages[:limit]):
            scans.append((path.stem[:3], index, page))
    return scans


def measure(dpi: int, limit: int | None) -> dict[str, list[int]]:
    from parsing.ocr.page_reader import read_page

    totals = {"clean": [0, 0, 0], "degraded": [0, 0, 0]}  # errors, raw errors, length
    for name, index, page in seed_scans(dpi, limit):
        variants = {"clean": page.image, "degraded": degrade(page, seed=index * 7 + dpi, dpi=dpi)}
        for kind, image in variants.items():
            started = time.perf_counter()
            text = read_page(to_bgr(image)).text
            seconds = time.perf_counter() - started
            errors, length = char_errors(page.reference, text)
            raw, _ = char_errors(page.reference, text, fold=False)
            totals[kind][0] += errors
            totals[kind][1] += raw
            totals[kind][2] += length
            print(f"{dpi} dpi  seed {name} page {index + 1:2d}  {kind:8s}  "
                  f"CER {errors / max(1, length):6.2%}  raw {raw / max(1, length):6.2%}  {seconds:5.1f} s",
                  flush=True)
    return totals


def load() -> str:
    return os.popen("uptime").read().strip()


def speed(pages: int = 10, dpi: int = 150) -> float:
    """Seconds to OCR a ``pages``-page image-only PDF through ocr_pdf_pages, cache empty."""

    from parsing.ocr import ocr_pdf_pages

    scans = [page for _name, _index, page in seed_scans(dpi)][:pages]
    images = [degrade(page, seed=k, dpi=dpi).convert("RGB") for k, page in enumerate(scans)]
    with tempfile.TemporaryDirectory() as folder:
        os.environ["POLICYDESK_HOME"] = folder
        pdf = Path(folder) / "scan.pdf"
        images[0].save(pdf, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
        print(f"load before: {load()}", flush=True)
        started, cpu_started = time.perf_counter(), time.process_time()
        result = ocr_pdf_pages(pdf, list(range(1, pages + 1)))
        seconds = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
        print(f"load after:  {load()}", flush=True)
        reference = "\n".join(page.reference for page in scans)
        text = "\n".join(result[n].text for n in sorted(result))
        started = time.perf_counter()
        ocr_pdf_pages(pdf, list(range(1, pages + 1)))
        cached = time.perf_counter() - started
    print(f"{pages}-page scan PDF ({dpi} dpi, degraded): {seconds:.1f} s "
          f"({seconds / pages:.2f} s/page, {os.cpu_count()} cores); CPU time {cpu:.1f} s "
          f"(= {cpu / (os.cpu_count() or 1):.1f} s of wall time on idle cores); CER {cer(reference, text):.2%}; "
          f"reopened from cache in {cached:.2f} s", flush=True)
    return seconds


def parse_scores(dpi: int = 150) -> None:
    """Parse each seed as text and as a degraded image-only scan PDF; score both with score.py."""
    import json
    import subprocess

    from parsing.parser import parse_file

    gold = SEEDS.parent / "gold"
    score = SEEDS.parent / "score.py"
    with tempfile.TemporaryDirectory() as folder:
        os.environ["POLICYDESK_HOME"] = folder
        text_dir, scan_dir = Path(folder) / "text", Path(folder) / "scan"
        text_dir.mkdir()
        scan_dir.mkdir()
        for path in sorted(SEEDS.glob("*.txt")):
            pages = render_seed(path, dpi, red_header=None)
            images = [degrade(page, seed=k, dpi=dpi) for k, page in enumerate(pages)]
            pdf = Path(folder) / f"{path.stem}.pdf"
            images[0].save(pdf, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
            for source, out in ((path, text_dir), (pdf, scan_dir)):
                notice = parse_file(source)
                (out / f"{path.stem}.json").write_text(
                    json.dumps(notice.to_json(), ensure_ascii=False), encoding="utf-8")
            print(f"parsed {path.stem} ({len(pages)} scan pages)", flush=True)
        totals = {}
        for name, pred in (("text", text_dir), ("scan", scan_dir)):
            result = subprocess.run([sys.executable, str(score), "--gold", str(gold), "--pred", str(pred), "--json"],
                                    capture_output=True, text=True, encoding="utf-8", check=False)
            totals[name] = json.loads(result.stdout)["total"]
    print(f"{'metric':24s} {'text':>6s} {'scan':>6s}  diff")
    for metric in sorted(totals["text"]):
        a, b = totals["text"][metric], totals["scan"][metric]
        if isinstance(a, (int, float)) and isinstance(b, (int, float)):
            mark = "  <-- outside 0.05" if abs(a - b) > 0.05 else ""
            print(f"{metric:24s} {a:6.3f} {b:6.3f} {b - a:+.3f}{mark}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="two pages per seed, 150 dpi only")
    parser.add_argument("--speed", action="store_true", help="only the 10-page timing")
    parser.add_argument("--scores", action="store_true", help="only the score.py comparison")
    parser.add_argument("--dpi", type=int, nargs="*", default=None)
    args = parser.parse_args()
    if args.scores:
        parse_scores()
        return 0
    if not args.speed:
        limit = 2 if args.quick else None
        for dpi in args.dpi or ([150] if args.quick else [150, 300]):
            totals = measure(dpi, limit)
            for kind, (errors, raw, length) in totals.items():
                print(f"== {dpi} dpi {kind}: CER {errors / max(1, length):.2%} "
                      f"(raw {raw / max(1, length):.2%}) over {length} characters", flush=True)
    speed()
    return 0


if __name__ == "__main__":
    cv2.setNumThreads(1)
    raise SystemExit(main())
