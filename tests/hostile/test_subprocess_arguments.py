"""LibreOffice never reads a file name as an option: the file is copied under a fixed name,
every path is absolute, the profile is private — a .doc named ``--accept=socket,…`` is just
converted."""

from __future__ import annotations

import shutil
import socket
import subprocess

import docx
import pytest

from parsing.loaders import load_document, office

HOSTILE_NAME = "--accept=socket,host=127.0.0.1,port={port};urp;"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_the_command_holds_only_absolute_private_paths(tmp_path, monkeypatch):
    hostile = tmp_path / HOSTILE_NAME.format(port=28002)
    hostile.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    seen: list[list[str]] = []

    class Fake:
        def __init__(self, cmd, **kwargs):
            seen.append(cmd)
            assert kwargs.get("stdin") is subprocess.DEVNULL

        def wait(self, timeout=None):
            return 0

        def poll(self):
            return 0

    monkeypatch.setattr(office.subprocess, "Popen", Fake)
    monkeypatch.setattr(office, "libreoffice", lambda: "/usr/bin/soffice")
    with pytest.raises(Exception, match="无法转换"):
        load_document(hostile)
    (cmd,) = seen
    assert not any("accept" in part for part in cmd)
    profile = next(p for p in cmd if p.startswith("-env:UserInstallation="))
    assert profile.startswith("-env:UserInstallation=file:///") and "lo-profile" in profile
    assert cmd[-1].startswith("/") and cmd[-1].endswith("source.doc")
    with pytest.raises(ValueError):
        office.libreoffice_command("/usr/bin/soffice", hostile.relative_to(tmp_path), tmp_path, tmp_path / "p")


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                    reason="LibreOffice is not installed")
def test_a_doc_named_like_an_option_is_converted_and_opens_no_port(tmp_path):
    from builders import convert_with_libreoffice

    source = tmp_path / "通知.docx"
    document = docx.Document()
    document.add_paragraph("关于开展安全生产隐患排查整治的通知")
    document.add_paragraph("各单位要于2025年3月31日前报送自查报告。")
    document.save(str(source))
    doc = convert_with_libreoffice(source, "doc", tmp_path)
    port = _free_port()
    hostile = tmp_path / HOSTILE_NAME.format(port=port)
    doc.rename(hostile)
    loaded = load_document(hostile)
    assert "报送自查报告" in loaded.pages[0].text
    with socket.socket() as s, pytest.raises(OSError):
        s.settimeout(0.5)
        s.connect(("127.0.0.1", port))  # nothing listens: the name was never an option
