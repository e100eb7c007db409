"""Run every benchmark stage in its own process and print a table (and JSON) of the results.

Each stage runs in a fresh interpreter so its peak memory (ru_maxrss) is its own; wall time is
the median of ``--repeat`` runs after setup. Ratios compare PolicyDesk with the raw library
underneath on the same file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(ROOT))

# (PolicyDesk stage, raw stage) pairs shown as ratios, and the goals from the issue (seconds / MB).
RATIOS = [("text_pdf100", "raw_pdfplumber100"), ("parse_pdf100", "raw_pdfplumber100"),
          ("parse_pdf10", "raw_pdfplumber10"), ("text_pdf100", "raw_pdfium100"), ("parse_docx", "raw_docx")]
GOALS = {"parse_pdf10": ("≤ 0.5 s", lambda r: r["median_s"] <= 0.5),
         "parse_docx": ("≤ 0.1 s", lambda r: r["median_s"] <= 0.1),
         "ocr_scan10": ("≤ 3 s/页", lambda r: r["median_s"] / 10 <= 3.0),
         "app_start": ("≤ 1.5 s", lambda r: r["median_s"] <= 1.5),
         "parse_pdf100": ("≤ 300 MB", lambda r: r["peak_mb"] <= 300)}
SLOW = {"ocr_scan10": 2, "app_start": 3}


def child(name: str, repeat: int) -> None:
    """Run one stage in this process and print its measurements as JSON."""
    from stages import STAGES

    work, pages = STAGES[name][1]()
    if work is None:
        print(json.dumps({"skipped": pages}, ensure_ascii=False))
        return
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    # A stage that runs its work in a child process (app start) is measured by that child's peak.
    peak_kb = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    print(json.dumps({"times": times, "pages": pages, "peak_mb": peak_kb / 1024}))


def run_stage(name: str, repeat: int) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, str(BENCH / "run_bench.py"), "--child", name, "--repeat", str(repeat)],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["?"])[-1]
        return {"error": last}
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    if "skipped" in data:
        return data
    median = statistics.median(data["times"])
    return {"median_s": median, "runs": len(data["times"]), "pages": data["pages"], "peak_mb": data["peak_mb"],
            "per_page_s": median / data["pages"] if data["pages"] else None}


def machine() -> dict:
    mem_kb = 0
    try:
        with open("/proc/meminfo", encoding="utf-8") as handle:
            mem_kb = int(handle.readline().split()[1])
    except OSError:
        pass
    return {"cores": os.cpu_count(), "memory_gb": round(mem_kb / 1024 / 1024, 1), "python": platform.python_version(),
            "platform": platform.platform(), "load": os.getloadavg()[0]}


def table(results: dict, labels: dict) -> str:
    lines = ["| 阶段 | 中位耗时 | 每页 | 峰值内存 | 目标 |", "| --- | ---: | ---: | ---: | --- |"]
    for name, result in results.items():
        if "median_s" not in result:
            lines.append(f"| {labels[name]} | — | — | — | {result.get('skipped') or result.get('error')} |")
            continue
        goal = GOALS.get(name)
        verdict = f"{goal[0]} {'✓' if goal[1](result) else '✗'}" if goal else ""
        per_page = f"{result['per_page_s'] * 1000:.1f} ms" if result["per_page_s"] else ""
        lines.append(f"| {labels[name]} | {result['median_s']:.3f} s | {per_page} | {result['peak_mb']:.0f} MB | {verdict} |")
    ratio_lines = []
    for ours, raw in RATIOS:
        if "median_s" in results.get(ours, {}) and "median_s" in results.get(raw, {}):
            ratio = results[ours]["median_s"] / results[raw]["median_s"]
            ratio_lines.append(f"| {labels[ours]} ÷ {labels[raw]} | {ratio:.2f}× |")
    if ratio_lines:
        lines += ["", "| 对比 | 倍数 |", "| --- | ---: |", *ratio_lines]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description="PolicyDesk benchmarks")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--only", nargs="*")
    parser.add_argument("--json", type=Path, default=BENCH / "out" / "results.json")
    parser.add_argument("--child")
    args = parser.parse_args()
    if args.child:
        child(args.child, args.repeat)
        return 0
    from stages import STAGES

    names = args.only or list(STAGES)
    labels = {name: STAGES[name][0] for name in STAGES}
    started = time.perf_counter()
    results = {}
    for name in names:
        print(f"… {labels[name]}", file=sys.stderr, flush=True)
        results[name] = run_stage(name, min(args.repeat, SLOW.get(name, args.repeat)))
    info = machine()
    print(f"PolicyDesk 基准测试 {dt.date.today().isoformat()} · {info['cores']} 核 · {info['memory_gb']} GB 内存 · "
          f"Python {info['python']} · 负载 {info['load']:.1f} · 用时 {time.perf_counter() - started:.0f} s\n")
    print(table(results, labels))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({"date": dt.date.today().isoformat(), "machine": info, "results": results},
                                    ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"\nJSON：{args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
