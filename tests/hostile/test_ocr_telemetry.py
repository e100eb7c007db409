"""onnxruntime's telemetry is switched off before any OCR engine is made."""

from __future__ import annotations

import onnxruntime
import rapidocr

from parsing.ocr import engine


def test_telemetry_is_disabled_before_the_engine(monkeypatch):
    calls: list[str] = []
    monkeypatch.setattr(onnxruntime, "disable_telemetry_events", lambda: calls.append("off"))
    monkeypatch.setattr(rapidocr, "RapidOCR", lambda params: calls.append("engine") or object())
    engine._new_engine(1)
    assert calls == ["off", "engine"]
