"""The generated hostile corpus through the real command line, each file in its own process:
a file that cannot be read gives one Chinese line and a non-zero exit, a readable one with
poison in it parses; none takes over 20 s or 1 GB."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from generators import POISON, leadership_run

ROOT = Path(__file__).resolve().parents[2]
LIMIT_BYTES = 1 << 30
LIMIT_S = 20


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT_BYTES + (1 << 29), LIMIT_BYTES + (1 << 29)))


def policydesk(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    code = ("import resource, sys; from desktop.cli import main; rc = main(sys.argv[1:]); "
            "print('MAXRSS', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr); sys.exit(rc)")
    return subprocess.run([sys.executable, "-c", code, *args], cwd=cwd, env=env, capture_output=True,
                          timeout=LIMIT_S + 10, preexec_fn=_limits)


def unreadable(folder: Path) -> dict[str, Path]:
    """Files no loader can read, each made here."""
    files = {"empty": folder / "空.txt", "binary": folder / "乱码.txt", "fake_docx": folder / "假.docx",
             "broken_zip": folder / "坏.docx", "bomb": folder / "炸弹.docx", "fake_pdf": folder / "假.pdf",
             "folder": folder / "文件夹.pdf", "gbk_name": Path(os.fsdecode(bytes(folder) + "/通知".encode("gbk") + b".pdf"))}
    files["empty"].write_bytes(b"")
    files["binary"].write_bytes(bytes(range(256)) * 64)
    files["fake_docx"].write_bytes(b"PK\x03\x04" + b"\x00" * 400)
    with zipfile.ZipFile(files["broken_zip"], "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
    files["broken_zip"].write_bytes(files["broken_zip"].read_bytes()[:-30])
    with zipfile.ZipFile(files["bomb"], "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document>" + " " * (80 << 20) + "</w:document>")
    files["fake_pdf"].write_bytes(b"%PDF-1.7\n" + os.urandom(2000))
    files["folder"].mkdir()
    files["gbk_name"].write_bytes(b"%PDF-1.4\n%%EOF\n")
    return files


def test_unreadable_files_each_give_one_chinese_line(tmp_path):
    for name, path in unreadable(tmp_path).items():
        done = policydesk("parse", "--json", os.fsdecode(path), cwd=tmp_path)
        err = done.stderr.decode("utf-8", "replace").splitlines()
        errors = [line for line in err if not line.startswith("MAXRSS")]
        assert done.returncode != 0, name
        assert len(errors) == 1 and errors[0].startswith("错误："), (name, errors)
        assert int(next(line for line in err if line.startswith("MAXRSS")).split()[1]) * 1024 < LIMIT_BYTES, name


def test_a_poisoned_and_a_pathological_text_parse_within_the_bounds(tmp_path):
    notice = tmp_path / "有毒.txt"
    body = ("关于开展安全生产隐患排查整治的通知\n各乡镇卫生院：\n" + "为做好安全生产工作，现将有关事项通知如下。\n" * 10
            + "一、各单位要于2025年3月31日前完成自查。\n")
    writable = [p for p in POISON if not any("\ud800" <= c <= "\udfff" for c in p)]  # UTF-8 holds no surrogate
    notice.write_text(body + "".join(writable) + "\n", encoding="utf-8")
    run_on = tmp_path / "长文.txt"
    run_on.write_text(leadership_run(48_000), encoding="utf-8")
    for path in (notice, run_on):
        done = policydesk("parse", "--json", str(path), cwd=tmp_path)
        assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
        data = json.loads(done.stdout)
        assert data["schema"] == "notice/1"


@pytest.mark.parametrize("args", [["track", "ics", "{missing}/督办.ics"], ["track", "export", "{missing}/台账.xlsx"],
                                  ["track", "update", "99999999999999999999", "--status", "签收"]])
def test_track_commands_on_hostile_targets_are_one_line(tmp_path, args):
    home = tmp_path / "home"
    args = [a.format(missing=tmp_path / "没有") for a in args]
    done = subprocess.run([sys.executable, "-m", "desktop", *args], cwd=tmp_path, capture_output=True,
                          env={**os.environ, "POLICYDESK_HOME": str(home), "PYTHONPATH": str(ROOT),
                               "QT_QPA_PLATFORM": "offscreen"}, timeout=LIMIT_S + 10)
    err = done.stderr.decode("utf-8", "replace").strip().splitlines()
    assert done.returncode == 2 and len(err) == 1 and err[0].startswith("错误："), err


def test_a_gbk_encoded_file_name_parses_and_drafts(tmp_path):
    """A name unzipped from a GBK archive is not UTF-8: Python holds it with surrogates."""
    raw = bytes(tmp_path) + b"/" + "关于排查的通知".encode("gbk") + b".txt"
    source = Path(os.fsdecode(raw))
    source.write_text("关于开展隐患排查的通知\n各单位：\n请于2025年3月31日前报送自查报告。\n", encoding="utf-8")
    done = policydesk("parse", "--json", os.fsdecode(raw), cwd=tmp_path)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert json.loads(done.stdout)["schema"] == "notice/1"
    out = os.fsdecode(raw) + ".json"
    done = policydesk("draft", os.fsdecode(raw), "-o", str(tmp_path / "方案.docx"), "--json", out, cwd=tmp_path)
    assert done.returncode in (0, 1), done.stderr.decode("utf-8", "replace")
    assert json.loads(Path(out).read_text(encoding="utf-8"))["schema"] == "plan/1"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
