"""Layout profiles: every GB/T 9704-2012 number as a named setting, stored as JSON data.

The bundled profiles live in ``resources/layout_profiles/<name>.json``; an office can add its own
in ``<user data>/layout_profiles/``. A profile file names a ``base`` profile and overrides only
what differs (``{"base": "standard", "heading_bold": [false, false, true, false]}``).
``standard`` is the standard itself and needs no base.
"""

from __future__ import annotations

import dataclasses
import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from parsing.errors import PolicyDeskError
from parsing.locations import RESOURCES_DIR, user_data_dir

PROFILES_DIR = RESOURCES_DIR / "layout_profiles"
DEFAULT_PROFILE = "standard"

# The standard's font names, by role. Profiles map them to the names written into the .docx.
STANDARD_FONTS = {
    "title": "方正小标宋简体",
    "body": "仿宋_GB2312",
    "hei": "黑体",
    "kai": "楷体_GB2312",
    "song": "宋体",
}


class ProfileError(PolicyDeskError):
    """A layout profile is missing or malformed."""


@dataclass
class LayoutProfile:
    """Every layout number the writer uses. Defaults are GB/T 9704-2012's."""

    name: str = DEFAULT_PROFILE
    description: str = "GB/T 9704-2012 标准格式"
    # Page (mm)
    page_width_mm: float = 210.0
    page_height_mm: float = 297.0
    margin_top_mm: float = 37.0
    margin_bottom_mm: float = 35.0
    margin_left_mm: float = 28.0
    margin_right_mm: float = 26.0
    lines_per_page: int = 22
    chars_per_line: int = 28
    line_pitch_pt: float | None = None  # None: the 版心 height / lines_per_page (≈ 28.95 pt)
    # Fonts: role -> font name written into the document; alternates fill the font table's altName
    fonts: dict[str, str] = field(default_factory=lambda: dict(STANDARD_FONTS))
    font_alternates: dict[str, str] = field(default_factory=lambda: {
        "方正小标宋简体": "华文中宋", "仿宋_GB2312": "仿宋", "楷体_GB2312": "楷体", "黑体": "SimHei",
        "宋体": "SimSun"})
    # Sizes (pt): 2号 22, 3号 16, 4号 14, 小四 12
    body_size_pt: float = 16.0
    title_size_pt: float = 22.0
    colophon_size_pt: float = 14.0
    page_number_size_pt: float = 14.0
    table_size_pt: float = 12.0
    table_header_size_pt: float = 12.0
    # Headings 一、 （一） 1. （1）: font role and weight per level
    heading_fonts: list[str] = field(default_factory=lambda: ["hei", "kai", "body", "body"])
    heading_bold: list[bool] = field(default_factory=lambda: [False, False, False, False])
    # 版头
    red: str = "FF0000"
    letterhead_top_mm: float = 35.0  # top edge of the 标志 below the top of the 版心
    letterhead_size_pt: float = 42.0  # 初号; shrunk (then narrowed) to fit the 版心 width
    letterhead_min_scale: int = 60  # narrowest horizontal scale (%) before the size shrinks
    letterhead_blank_lines: int = 2  # blank lines between the 标志 and the 发文字号
    separator_gap_mm: float = 4.0  # red line under the 发文字号
    separator_width_mm: float = 0.5
    preprinted_letterhead: bool = False  # paper has the 标志 and red line: leave them blank
    # 主体
    title_blank_lines: int = 2  # under the red line
    title_blank_lines_plain: int = 1  # at the top of a document without 版头
    signature_blank_lines_sealed: int = 2  # room for the seal between text and 署名
    signature_blank_lines_unsealed: int = 1
    sealed_date_right_chars: float = 4.0
    unsealed_signature_right_chars: float = 2.0
    # 版记 (mm)
    colophon_thick_mm: float = 0.35
    colophon_thin_mm: float = 0.25
    # 页码
    page_number_style: str = "dash"  # dash: — 1 —   plain: 1   dash-tight: —1—
    page_number_position: str = "outside"  # outside: odd right / even left; center
    page_number_offset_mm: float = 7.0  # under the bottom of the 版心
    page_number_side_chars: float = 1.0
    # Tables
    table_line_pt: float | None = None  # None: single spacing inside cells
    landscape_margins_mm: list[float] = field(default_factory=lambda: [28.0, 26.0, 37.0, 35.0])  # t b l r

    # Derived values -------------------------------------------------------------------
    @property
    def text_width_mm(self) -> float:
        return self.page_width_mm - self.margin_left_mm - self.margin_right_mm

    @property
    def text_height_mm(self) -> float:
        return self.page_height_mm - self.margin_top_mm - self.margin_bottom_mm

    @property
    def pitch_pt(self) -> float:
        """Distance between body lines (pt), in whole twips rounded down so that ``lines_per_page``
        lines fit the 版心 (225 mm / 22 → 28.95 pt)."""
        if self.line_pitch_pt:
            return self.line_pitch_pt
        return math.floor(self.text_height_mm * 72 / 25.4 / self.lines_per_page * 20) / 20

    @property
    def char_pt(self) -> float:
        """Width of one character cell of the grid (pt)."""
        return self.text_width_mm * 72 / 25.4 / self.chars_per_line

    def font(self, role: str) -> str:
        return self.fonts.get(role) or STANDARD_FONTS[role]


_FIELDS = {f.name: f for f in dataclasses.fields(LayoutProfile)}


def _search_dirs() -> list[Path]:
    return [user_data_dir() / "layout_profiles", PROFILES_DIR]


def _profile_file(name: str) -> Path:
    if not isinstance(name, str) or not name or Path(name).name != name or name.startswith("."):
        raise ProfileError(f"版式方案名称无效：“{str(name)[:40]}”（只能是方案名，不能含路径）")
    for folder in _search_dirs():
        path = folder / f"{name}.json"
        if path.is_file():
            return path
    raise ProfileError(f"找不到版式方案“{name}”（可用：{'、'.join(list_profiles())}）")


def _read(name: str, seen: tuple[str, ...] = ()) -> dict:
    if name in seen:
        raise ProfileError(f"版式方案“{name}”的 base 循环引用")
    path = _profile_file(name)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ProfileError(f"版式方案文件 {path.name} 无法读取：{exc}") from exc
    if not isinstance(data, dict):
        raise ProfileError(f"版式方案文件 {path.name} 应为 JSON 对象")
    base = data.pop("base", None)
    merged = _read(base, (*seen, name)) if base else {}
    merged.update(data)
    merged["name"] = name
    return merged


def load_profile(name: str = DEFAULT_PROFILE) -> LayoutProfile:
    """The profile ``name`` with its base profiles applied."""
    data = _read(name)
    unknown = sorted(set(data) - set(_FIELDS))
    if unknown:
        raise ProfileError(f"版式方案“{name}”含未知设置：{'、'.join(unknown)}")
    if "fonts" in data:
        data["fonts"] = {**STANDARD_FONTS, **data["fonts"]}
    try:
        profile = LayoutProfile(**data)
    except TypeError as exc:
        raise ProfileError(f"版式方案“{name}”无效：{exc}") from exc
    _check(profile)
    return profile


def _check(profile: LayoutProfile) -> None:
    if len(profile.heading_fonts) != 4 or len(profile.heading_bold) != 4:
        raise ProfileError(f"版式方案“{profile.name}”的标题字体/加粗须各列出 4 级")
    if profile.page_number_style not in ("dash", "plain", "dash-tight"):
        raise ProfileError(f"版式方案“{profile.name}”的页码样式无效：{profile.page_number_style}")
    if profile.page_number_position not in ("outside", "center"):
        raise ProfileError(f"版式方案“{profile.name}”的页码位置无效：{profile.page_number_position}")
    for role in profile.heading_fonts:
        if role not in STANDARD_FONTS:
            raise ProfileError(f"版式方案“{profile.name}”的标题字体角色无效：{role}")


def list_profiles() -> list[str]:
    """Names of every profile available (bundled and the user's)."""
    names: set[str] = set()
    for folder in _search_dirs():
        if folder.is_dir():
            names.update(p.stem for p in folder.glob("*.json"))
    return sorted(names, key=lambda n: (n != DEFAULT_PROFILE, n))


def resolve_profile(profile: LayoutProfile | str | None, fallback: str = DEFAULT_PROFILE) -> LayoutProfile:
    if isinstance(profile, LayoutProfile):
        return profile
    return load_profile(profile or fallback)
