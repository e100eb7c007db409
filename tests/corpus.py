"""Where the reference documents are: the seeds, their gold parses, the notice/1 schema and the scorer.

Import these with ``from corpus import seed`` (a module named ``conftest`` can be shadowed by a
sub-folder's own conftest when the whole suite runs).
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = Path(__file__).resolve().parent / "reference"  # copies of the shared seeds: a clone tests alone
SEEDS_DIR = REFERENCE / "seeds"
GOLD_DIR = REFERENCE / "gold"
SCHEMA_PATH = ROOT / "resources" / "notice.schema.json"  # the published notice/1 format ships with the app
SCORER_PATH = REFERENCE / "score.py"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def seed_paths() -> list[Path]:
    return sorted(SEEDS_DIR.glob("*.txt"))


def seed(prefix: str) -> Path:
    """The seed whose name starts with ``prefix`` (``"002"``)."""
    (path,) = [p for p in seed_paths() if p.name.startswith(prefix)]
    return path
