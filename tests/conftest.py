"""Shared fixtures. Qt runs offscreen: without it a machine with no display aborts pytest."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from corpus import FIXTURES, GOLD_DIR, ROOT, SCHEMA_PATH, SEEDS_DIR, seed, seed_paths  # noqa: F401


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """Every test gets its own user data folder."""
    monkeypatch.setenv("POLICYDESK_HOME", str(tmp_path_factory.mktemp("home")))
