"""Fixtures of the OCR tests: the scan makers of ``bench/`` and a page-OCR helper."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))


@pytest.fixture(scope="session")
def ocr_ready() -> None:
    """Skip the test when the OCR engine is not installed."""
    from parsing.ocr import available

    if not available():
        pytest.skip("rapidocr / onnxruntime not installed")
