"""Score the parser on every document that has a gold parse: the seeds and the test notices.

Run it to see where the parser stands (``--verbose`` lists every miss)::

    .venv/bin/python tests/gold_scoring.py [--verbose] [NAME ...]

Gold for ``tests/fixtures/notices/X.txt`` (or ``.docx``, ``.pdf``) lives in ``tests/fixtures/gold/X.json``,
written by hand to the notice/1 contract. Besides the scorer's tables this prints the corrections a clerk
would make per notice: missed and invented tasks and deadlines, wrong leads and wrong header fields.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

TESTS = Path(__file__).resolve().parent
REFERENCE = TESTS / "reference"
FIXTURE_NOTICES = TESTS / "fixtures" / "notices"
FIXTURE_GOLD = TESTS / "fixtures" / "gold"
HEADER_FIELDS = ("doc_number", "title", "issuer", "issue_date", "signatory")
COUNTED_FAMILIES = ("tasks", "deadlines", "attachments", "recipients", "outline")


def scorer():
    """The scorer copied from the shared tools (``tests/reference/score.py``)."""
    if "score" in sys.modules and hasattr(sys.modules["score"], "Judge"):
        return sys.modules["score"]
    spec = importlib.util.spec_from_file_location("score", REFERENCE / "score.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["score"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@dataclass
class Case:
    name: str
    source: Path
    gold: Path


def cases() -> list[Case]:
    """Every document with a gold parse, seeds first."""
    found = [Case(p.stem, REFERENCE / "seeds" / f"{p.stem}.txt", p) for p in sorted((REFERENCE / "gold").glob("*.json"))]
    for gold in sorted(FIXTURE_GOLD.glob("*.json")):
        sources = [p for p in FIXTURE_NOTICES.glob(f"{gold.stem}.*") if p.suffix != ".json"]
        if len(sources) != 1:
            raise FileNotFoundError(f"{gold}: expected one source document beside it in {FIXTURE_NOTICES}")
        found.append(Case(gold.stem, sources[0], gold))
    return found


def corrections(misses: list[tuple[str, str, str]]) -> int:
    """What a clerk fixes by hand: each missed or invented task, deadline, attachment, recipient or
    heading, each wrong lead and each wrong header field."""
    count = 0
    for family, tag, _ in misses:
        if (family in COUNTED_FAMILIES and tag in ("FN", "FP")) or family == "tasks.lead" or family in HEADER_FIELDS:
            count += 1
    return count


def judge(case: Case):
    """Parse the case's document and score it: the scorer's Judge."""
    from parsing.parser import parse_file

    gold = json.loads(case.gold.read_text(encoding="utf-8"))
    pred = parse_file(case.source).to_json()
    return scorer().Judge(gold, json.loads(json.dumps(pred, ensure_ascii=False)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("names", nargs="*", help="only these documents (name prefixes)")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(TESTS.parent))
    score = scorer()
    chosen = [c for c in cases() if not args.names or any(c.name.startswith(n) for n in args.names)]
    tallies, documents, fixes, lines = [], {}, {}, []
    for case in chosen:
        result = judge(case)
        tallies.append(result.tallies)
        documents[case.name] = score.metric_values(result.tallies)
        fixes[case.name] = corrections(result.misses)
        if args.verbose and result.misses:
            lines.append(f"--- {case.name}")
            lines += [f"  {family:<18} {tag:<4} {text}" for family, tag, text in result.misses]
    report = {"documents": documents, "total": score.metric_values(score.add_up(tallies)), "missing": [], "notes": {}}
    print(score.format_tables(report))
    values = list(fixes.values())
    print(f"\ncorrections per notice: mean {statistics.mean(values):.2f}, median {statistics.median(values):g}, "
          f"worst {max(values)} ({max(fixes, key=fixes.get)}) over {len(values)} documents")
    below = {name: n for name, n in fixes.items() if n}
    if below:
        print("  " + ", ".join(f"{name}={n}" for name, n in sorted(below.items(), key=lambda kv: -kv[1])))
    if lines:
        print("\n" + "\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
