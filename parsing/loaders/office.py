"""Legacy Word (.doc) and WPS (.wps) files, converted to .docx through LibreOffice."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from parsing.document import RawDocument
from parsing.errors import LoadError
from parsing.loaders import limits
from parsing.loaders.docx import load_docx
from parsing.progress import CancelCheck, ProgressCallback, check_cancelled, never, noop, wrap_callback


def libreoffice() -> str | None:
    """The LibreOffice executable, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_docx(path: Path, out_dir: Path, cancelled: CancelCheck = never) -> Path:
    """Convert ``path`` into ``out_dir`` as .docx; raise LoadError with advice on failure.

    LibreOffice never sees the user's file name: the file is copied into ``out_dir`` under a
    fixed name and passed by absolute path, so a name like ``--accept=socket,…`` (or one in a
    foreign encoding) is never read as an option; it runs with a private profile in ``out_dir``
    (``-env:UserInstallation``), never the user's own or a shared one."""
    exe = libreoffice()
    if exe is None:
        raise LoadError(path, f"读取 {path.suffix} 文件需要 LibreOffice，本机未安装；"
                              "请在 WPS 或 Word 中“另存为 .docx”后再打开")
    out_dir = out_dir.resolve()
    source = out_dir / ("source" + (path.suffix.lower() if path.suffix.lower() in (".doc", ".wps") else ".doc"))
    shutil.copyfile(path, source)
    cmd = libreoffice_command(exe, source, out_dir, out_dir / "lo-profile")
    process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    try:
        for _ in range(limits.CONVERSION_TIMEOUT_S * 4):
            try:
                process.wait(timeout=0.25)
                break
            except subprocess.TimeoutExpired:
                check_cancelled(cancelled)
        else:
            raise LoadError(path, "LibreOffice 转换超时，文件可能已损坏")
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    result = out_dir / (source.stem + ".docx")
    if not result.exists():
        raise LoadError(path, f"LibreOffice 无法转换该 {path.suffix} 文件（文件可能已损坏或加密）")
    return result


def libreoffice_command(exe: str, source: Path, out_dir: Path, profile: Path) -> list[str]:
    """The conversion command: absolute paths only, a private profile given as a file URI."""
    for p in (source, out_dir, profile):
        if not p.is_absolute():
            raise ValueError(f"LibreOffice paths must be absolute: {p}")
    return [exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", "--nologo",
            "--convert-to", "docx", "--outdir", str(out_dir), str(source)]


def load_legacy_office(path: Path, progress: ProgressCallback = noop, cancelled: CancelCheck = never) -> RawDocument:
    """Read a .doc or .wps file by converting it to .docx first."""
    fmt = path.suffix.lower().lstrip(".")
    with tempfile.TemporaryDirectory(prefix="policydesk-convert-") as tmp:
        progress(0.0, "正在用 LibreOffice 转换文件")
        converted = convert_to_docx(path, Path(tmp), cancelled)
        document = load_docx(converted, wrap_callback(progress, 0.7, 1.0), cancelled, fmt=fmt)
    document.path = path
    return document
