"""``policydesk gui`` without a screen: a clear Chinese line, or a screenshot with --screenshot."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from corpus import seed
from desktop_harness import QT_LOG_IGNORE

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.gui, QT_LOG_IGNORE]


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["POLICYDESK_HOME"] = str(tmp_path / "home")
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    return env


def test_gui_without_a_display_explains_and_fails(tmp_path):
    result = subprocess.run([sys.executable, "-m", "desktop", "gui"], cwd=ROOT, env=_env(tmp_path),
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "没有可用的图形显示" in lines[0]
    assert "Traceback" not in result.stderr


def test_gui_screenshot_without_a_display(tmp_path):
    from PySide6.QtGui import QImage

    out = tmp_path / "解析.png"
    result = subprocess.run([sys.executable, "-m", "desktop", "gui", "--open", str(seed("002")),
                             "--screenshot", str(out), "--page", "解析", "--size", "1200x760"],
                            cwd=ROOT, env=_env(tmp_path), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "已保存截图" in result.stdout
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1200, 760)
    # not a blank window: many distinct colours (text, highlights, the navigation bar)
    colours = {image.pixel(x, y) for x in range(0, 1200, 7) for y in range(0, 760, 7)}
    assert len(colours) > 50
