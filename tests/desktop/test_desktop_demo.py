"""``run_demo``: the whole loop headless on the bundled sample, as ``make run`` does with no screen."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from desktop_harness import QT_LOG_IGNORE

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.gui, pytest.mark.slow, QT_LOG_IGNORE]


def test_the_demo_makes_every_file_and_screenshot(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "desktop.demo", str(out)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    shots = sorted(p.name for p in (out / "截图").glob("*.png"))
    assert shots == ["1-收文.png", "2-解析.png", "3-起草.png", "4-分工.png", "5-督办.png", "6-设置.png"]
    for name in ("实施方案.docx", "任务分工表.xlsx", "任务分工表.docx", "督办台账.xlsx", "催办通知.docx",
                 "进展情况报告.docx", "督办时限.ics"):
        assert (out / name).is_file() and (out / name).stat().st_size > 1000, name
        assert str(out / name) in result.stdout
    assert "已交办" in result.stdout and "逾期（红灯）" in result.stdout
    # a second run starts from a fresh demo store
    again = subprocess.run([sys.executable, "-m", "desktop.demo", str(out)], cwd=ROOT, env=env,
                           capture_output=True, text=True, timeout=300)
    assert again.returncode == 0
    count = lambda text: next(line for line in text.splitlines() if "已交办" in line)  # noqa: E731
    assert count(again.stdout) == count(result.stdout)
