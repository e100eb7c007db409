"""Run every benchmark stage in its own process and print a table (and JSON) of the results.

Each stage runs in a fresh interpreter so its peak memory (ru_maxrss) is its own; wall time is
the min and median of ``--repeat`` runs after setup. Ratios compare PolicyDesk with the raw library
underneath (or with the code before a change) on the same file, paired: both run in one process,
interleaved run by run, so a load that comes and goes on the machine weighs on both alike; the
ratio shown is the median of the per-run ratios.
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
RATIOS = [("load_pdf100", "load_pdf100_pdfplumber"), ("parse_pdf100", "raw_pdfplumber100"),
          ("parse_pdf100", "raw_pdfium100"), ("text_pdf100", "raw_pdfium100"), ("parse_pdf10", "raw_pdfplumber10"),
          ("draft_cli", "python_pass"), ("parse_docx", "raw_docx")]
GOALS = {"parse_pdf10": ("≤ 0.5 s", lambda r: r["median_s"] <= 0.5),
         "parse_pdf100": ("≤ 0.4 s", lambda r: r["median_s"] <= 0.4),
         "parse_pdf500": ("≤ 2 s", lambda r: r["median_s"] <= 2.0),
         "draft_cli": ("≤ 0.8 s", lambda r: r["median_s"] <= 0.8),
         "parse_docx": ("≤ 0.1 s", lambda r: r["median_s"] <= 0.1),
         "ocr_scan10": ("≤ 3 s/页", lambda r: r["median_s"] / 10 <= 3.0),
         "app_start": ("≤ 1.5 s", lambda r: r["median_s"] <= 1.5),
         "load_pdf100": ("≤ 300 MB", lambda r: r["peak_mb"] <= 300)}
SLOW = {"ocr_scan10": 2, "app_start": 3, "parse_pdf500": 3, "load_pdf100_pdfplumber": 3}


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


def child_pair(names: list[str], repeat: int) -> None:
    """Run two stages interleaved in this process and print both series of times as JSON."""
    from stages import STAGES

    works = [STAGES[name][1]()[0] for name in names]
    if any(work is None for work in works):
        print(json.dumps({"skipped": "一项不可用"}, ensure_ascii=False))
        return
    times: list[list[float]] = [[], []]
    for _ in range(repeat):
        for index, work in enumerate(works):
            start = time.perf_counter()
            work()
            times[index].append(time.perf_counter() - start)
    print(json.dumps({"times": times}))


def run_pair(ours: str, raw: str, repeat: int) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, str(BENCH / "run_bench.py"), "--pair", ours, raw, "--repeat", str(repeat)],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=900)
    if proc.returncode != 0:
        return {"error": (proc.stderr.strip().splitlines() or ["?"])[-1]}
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    if "skipped" in data:
        return data
    a, b = data["times"]
    return {"ratio": statistics.median(x / y for x, y in zip(a, b, strict=True)),
            "ours_median_s": statistics.median(a), "raw_median_s": statistics.median(b), "runs": len(a)}


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
    return {"median_s": median, "min_s": min(data["times"]), "runs": len(data["times"]), "pages": data["pages"],
            "peak_mb": data["peak_mb"],
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


def table(results: dict, labels: dict, pairs: dict | None = None) -> str:
    lines = ["| 阶段 | 最短 | 中位 | 每页 | 峰值内存 | 目标 |", "| --- | ---: | ---: | ---: | ---: | --- |"]
    for name, result in results.items():
        if "median_s" not in result:
            lines.append(f"| {labels[name]} | — | — | — | — | {result.get('skipped') or result.get('error')} |")
            continue
        goal = GOALS.get(name)
        verdict = f"{goal[0]} {'✓' if goal[1](result) else '✗'}" if goal else ""
        per_page = f"{result['per_page_s'] * 1000:.1f} ms" if result["per_page_s"] else ""
        lines.append(f"| {labels[name]} | {result.get('min_s', result['median_s']):.3f} s | {result['median_s']:.3f} s "
                     f"| {per_page} | {result['peak_mb']:.0f} MB | {verdict} |")
    ratio_lines = []
    for (ours, raw), pair in (pairs or {}).items():
        if "ratio" in pair:
            ratio_lines.append(f"| {labels[ours]} ÷ {labels[raw]} | {pair['ours_median_s']:.3f} s ÷ "
                               f"{pair['raw_median_s']:.3f} s | {pair['ratio']:.2f}× |")
    if ratio_lines:
        lines += ["", "| 对比（同一进程内交替运行，逐次配对） | 中位耗时 | 倍数 |", "| --- | ---: | ---: |", *ratio_lines]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description="PolicyDesk benchmarks")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--only", nargs="*")
    parser.add_argument("--json", type=Path, default=BENCH / "out" / "results.json")
    parser.add_argument("--child")
    parser.add_argument("--pair", nargs=2)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.repeat)
        return 0
    if args.pair:
        child_pair(args.pair, args.repeat)
        return 0
    from stages import STAGES

    names = args.only or list(STAGES)
    labels = {name: STAGES[name][0] for name in STAGES}
    started = time.perf_counter()
    results = {}
    for name in names:
        print(f"… {labels[name]}", file=sys.stderr, flush=True)
        results[name] = run_stage(name, min(args.repeat, SLOW.get(name, args.repeat)))
    pairs = {}
    for ours, raw in RATIOS:
        if ours in names and raw in names:
            print(f"… {labels[ours]} ÷ {labels[raw]}", file=sys.stderr, flush=True)
            pairs[(ours, raw)] = run_pair(ours, raw, min(args.repeat, SLOW.get(ours, args.repeat), SLOW.get(raw, args.repeat)))
    info = machine()
    print(f"PolicyDesk 基准测试 {dt.date.today().isoformat()} · {info['cores']} 核 · {info['memory_gb']} GB 内存 · "
          f"Python {info['python']} · 负载 {info['load']:.1f} · 用时 {time.perf_counter() - started:.0f} s\n")
    print(table(results, labels, pairs))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    ratios = {f"{ours}/{raw}": pair for (ours, raw), pair in pairs.items()}
    args.json.write_text(json.dumps({"date": dt.date.today().isoformat(), "machine": info, "results": results,
                                     "ratios": ratios},
                                    ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"\nJSON：{args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
