"""Shared fixtures. Qt runs offscreen: without it a machine with no display aborts pytest."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS_DIR = SHARED / "corpus" / "seeds"
GOLD_DIR = SHARED / "gold"
SCHEMA_PATH = SHARED / "spec" / "notice.schema.json"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def seed_paths() -> list[Path]:
    return sorted(SEEDS_DIR.glob("*.txt"))


def seed(prefix: str) -> Path:
    """The seed whose name starts with ``prefix`` (``"002"``)."""
    (path,) = [p for p in seed_paths() if p.name.startswith(prefix)]
    return path


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """Every test gets its own user data folder."""
    monkeypatch.setenv("POLICYDESK_HOME", str(tmp_path_factory.mktemp("home")))
