"""Font report: which of the 公文 fonts this machine has, and what each is replaced by when it does not.

The .docx always names the standard fonts (or the profile's); the report tells the user whether
the documents will print right here. Uses fontconfig (``fc-list``/``fc-match``) where present, and
otherwise looks for the usual font files in the system font folders (Windows, macOS).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from drafting.gbt9704.profiles import LayoutProfile, load_profile

# Other names a font is installed under, and font files that hold it.
ALIASES = {
    "方正小标宋简体": ("方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "FZXiaoBiaoSong-B05"),
    "仿宋_GB2312": ("仿宋_GB2312", "FangSong_GB2312"),
    "黑体": ("黑体", "SimHei"),
    "楷体_GB2312": ("楷体_GB2312", "KaiTi_GB2312"),
    "宋体": ("宋体", "SimSun", "NSimSun"),
    "仿宋": ("仿宋", "FangSong"),
    "楷体": ("楷体", "KaiTi"),
    "华文中宋": ("华文中宋", "STZhongsong"),
}
FONT_FILES = {
    "方正小标宋简体": ("FZXBSJW.TTF", "方正小标宋简体.ttf", "FZXBSK.TTF"),
    "仿宋_GB2312": ("仿宋_GB2312.ttf", "FS_GB2312.ttf", "SIMFANG_GB2312.TTF"),
    "黑体": ("simhei.ttf",),
    "楷体_GB2312": ("楷体_GB2312.ttf", "KAITI_GB2312.TTF"),
    "宋体": ("simsun.ttc",),
    "仿宋": ("simfang.ttf",),
    "楷体": ("simkai.ttf",),
    "华文中宋": ("STZHONGS.TTF",),
}
# What an office usually uses instead, best first.
SUBSTITUTES = {
    "方正小标宋简体": ("华文中宋", "宋体", "Noto Serif CJK SC", "Source Han Serif SC"),
    "仿宋_GB2312": ("仿宋", "STFangsong", "Noto Serif CJK SC"),
    "黑体": ("SimHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei"),
    "楷体_GB2312": ("楷体", "STKaiti", "AR PL UKai CN"),
    "宋体": ("SimSun", "Noto Serif CJK SC", "AR PL UMing CN"),
}
ROLE_NAMES = {"title": "标题、发文机关标志", "body": "正文", "hei": "一级标题、附件标识", "kai": "二级标题、签发人",
              "song": "页码"}


@dataclass
class FontStatus:
    """One font the documents use: installed or not, and what prints in its place."""

    name: str
    roles: list[str] = field(default_factory=list)
    installed: bool = False
    replacement: str | None = None  # what the machine substitutes when not installed
    suggestions: list[str] = field(default_factory=list)  # installed equivalents a profile could map to


def _run(args: list[str]) -> str | None:
    try:
        result = subprocess.run(args, capture_output=True, text=True, encoding="utf-8", timeout=20, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


def fontconfig_families() -> set[str] | None:
    """Every family name fontconfig knows (all localised names), or None without fontconfig."""
    if not shutil.which("fc-list"):
        return None
    out = _run(["fc-list", ":", "family"])
    if out is None:
        return None
    return {name.strip().casefold() for line in out.splitlines() for name in line.split(",") if name.strip()}


def fontconfig_match(name: str) -> str | None:
    """The family fontconfig prints for ``name`` in Chinese text."""
    if not shutil.which("fc-match"):
        return None
    out = _run(["fc-match", "-f", "%{family}", f"{name}:lang=zh-cn"])
    return out.split(",")[0].strip() if out else None


def _font_dirs() -> list[Path]:
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", "")) / "Microsoft" / "Windows" / "Fonts"
        return [windir / "Fonts", local]
    if sys.platform == "darwin":
        return [Path("/Library/Fonts"), Path("/System/Library/Fonts"), Path.home() / "Library" / "Fonts"]
    return [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".local/share/fonts"]


def file_families() -> set[str]:
    """Fonts found by file name in the system font folders (when fontconfig is absent)."""
    names: set[str] = set()
    files = set()
    for folder in _font_dirs():
        if folder.is_dir():
            files.update(p.name.casefold() for p in folder.rglob("*") if p.suffix.lower() in (".ttf", ".ttc", ".otf"))
    for family, candidates in FONT_FILES.items():
        if any(c.casefold() in files for c in candidates):
            names.update(a.casefold() for a in ALIASES.get(family, (family,)))
    return names


def font_report(profile: LayoutProfile | None = None, *,
                families: Callable[[], set[str] | None] = fontconfig_families,
                match: Callable[[str], str | None] = fontconfig_match) -> list[FontStatus]:
    """The status of each font the profile (default: the standard) writes into documents."""
    profile = profile or load_profile()
    known = families()
    use_fontconfig = known is not None
    if known is None:
        known = file_families()

    def has(font: str) -> bool:
        return any(alias.casefold() in known for alias in ALIASES.get(font, (font,)))

    statuses: dict[str, FontStatus] = {}
    for role in ("title", "body", "hei", "kai", "song"):
        name = profile.font(role)
        status = statuses.setdefault(name, FontStatus(name))
        status.roles.append(ROLE_NAMES[role])
    for status in statuses.values():
        status.installed = has(status.name)
        candidates = SUBSTITUTES.get(status.name) or SUBSTITUTES.get(_standard_of(status.name), ())
        status.suggestions = [c for c in candidates if has(c)]
        if not status.installed:
            status.replacement = match(status.name) if use_fontconfig else None
    return list(statuses.values())


def _standard_of(name: str) -> str:
    return next((std for std, aliases in ALIASES.items() if name in aliases), name)


def format_font_report(statuses: list[FontStatus]) -> str:
    """The report as Chinese text, one font a line, then advice."""
    lines = ["公文字体检查："]
    for s in statuses:
        use = "、".join(s.roles)
        if s.installed:
            lines.append(f"  ✓ {s.name}（{use}）：已安装")
            continue
        where = f"，本机会用“{s.replacement}”代替" if s.replacement else "，本机无法确定替代字体"
        hint = f"；可改用已安装的 {'、'.join(s.suggestions)}" if s.suggestions else ""
        lines.append(f"  ✗ {s.name}（{use}）：未安装{where}{hint}")
    missing = [s.name for s in statuses if not s.installed]
    if missing:
        lines.append("")
        lines.append("生成的 .docx 仍写入标准字体名称，在装有这些字体的电脑（Word/WPS）上打开即为标准格式；"
                     "本机预览和打印会使用替代字体，字形和字宽可能不同。")
        lines.append("如需在本机直接打印，可安装缺少的字体，或选用版式方案“windows-fonts”。")
    else:
        lines.append("")
        lines.append("所有标准字体均已安装。")
    return "\n".join(lines)

