"""Chinese is the source language; the .ts files cover every translatable UI string."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS_DIR = ROOT / "resources" / "translations"


def _tr_literals() -> set[str]:
    found: set[str] = set()
    for path in [ROOT / "desktop" / "main_window.py", *sorted((ROOT / "desktop" / "ui").glob("*.py"))]:
        found.update(re.findall(r'self\.tr\("((?:[^"\\]|\\.)*)"\)', path.read_text(encoding="utf-8")))
    return found


def test_every_ts_file_is_complete_and_in_sync():
    files = sorted(TS_DIR.glob("policydesk_*.ts"))
    assert files
    literals = _tr_literals()
    assert len(literals) > 80
    for ts in files:
        root = ET.parse(ts).getroot()
        assert root.get("sourcelanguage") == "zh_CN"
        messages = {m.findtext("source"): m.find("translation") for m in root.iter("message")}
        assert literals <= set(messages), sorted(literals - set(messages))[:5]
        unfinished = [s for s, t in messages.items() if s in literals and (not t.text or t.get("type"))]
        assert unfinished == []


@pytest.mark.gui
def test_the_compiled_translation_loads(qapp):
    from PySide6.QtCore import QCoreApplication, QTranslator

    translator = QTranslator()
    assert translator.load("policydesk_en", str(TS_DIR))
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("MainWindow", "收文") == "Receive"
        assert QCoreApplication.translate("DraftPage", "页面预览") == "Page preview"
    finally:
        QCoreApplication.removeTranslator(translator)
