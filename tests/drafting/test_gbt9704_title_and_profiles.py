"""Title lines broken by meaning; layout profiles stored as data; the font report."""

from __future__ import annotations

import itertools
import json
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafting.gbt9704.fonts import font_report, format_font_report
from drafting.gbt9704.profiles import ProfileError, list_profiles, load_profile
from drafting.gbt9704.title_lines import break_title, display_width

MAX = 20  # 22 pt characters across 156 mm

TITLES = [
    "关于印发《青阳县2024年爱国卫生月活动实施方案》的通知",
    "关于进一步加强基层医疗卫生机构药品管理工作的通知",
    "关于做好2024年全县基本公共卫生服务项目绩效评价和资金结算工作的通知",
    "关于印发《临江市深入开展爱国卫生运动巩固国家卫生城市创建成果三年行动实施方案（2024—2026年）》的通知",
    "关于转发省卫生健康委员会关于开展2024年度医疗机构依法执业自查工作的通知的通知",
]


@pytest.mark.parametrize("title", TITLES)
def test_long_titles_break_by_meaning_into_a_trapezoid_or_diamond(title):
    lines = break_title(title, MAX)
    assert "".join(lines) == title
    assert len(lines) >= 2
    widths = [display_width(line) for line in lines]
    assert all(w <= MAX for w in widths)
    # never a rectangle of equal lines
    assert len(set(round(w) for w in widths)) > 1
    for line in lines[1:]:
        assert line[0] not in "》）、，。的"  # no line opens with a closing mark or 的
    for line in lines[:-1]:
        assert line[-1] not in "《（"
        assert not line[-1].isdigit()  # 2024年 / 2024—2026年 stay whole
    if len(lines) == 3:
        assert not (widths[1] < widths[0] and widths[1] < widths[2])  # no hourglass


def test_words_stay_whole():
    lines = break_title("关于进一步加强基层医疗卫生机构药品管理工作的通知", MAX)
    joins = {a[-1] + b[0] for a, b in itertools.pairwise(lines)}
    assert not joins & {"卫生", "医疗", "管理", "药品", "通知", "工作"}
    assert lines[-1].endswith("的通知") and not lines[-1].startswith("的")


def test_short_title_stays_on_one_line():
    assert break_title("关于开展安全生产检查的通知", MAX) == ["关于开展安全生产检查的通知"]


def test_bundled_profiles_and_their_overrides():
    names = list_profiles()
    assert names[0] == "standard"
    assert {"bold-level3", "pitch-28", "pitch-29", "page-number-center", "preprinted-letterhead"} <= set(names)
    assert load_profile("bold-level3").heading_bold == [False, False, True, False]
    assert load_profile("pitch-28").pitch_pt == 28
    assert load_profile("preprinted-letterhead").preprinted_letterhead
    windows = load_profile("windows-fonts")
    assert windows.fonts["body"] == "仿宋" and windows.fonts["song"] == "宋体"  # unmapped roles stay standard
    assert windows.margin_top_mm == 37  # everything else from the base


def test_an_office_adds_its_own_profile_in_the_user_folder():
    folder = os.path.join(os.environ["POLICYDESK_HOME"], "layout_profiles")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "本局.json"), "w", encoding="utf-8") as handle:
        json.dump({"base": "bold-level3", "line_pitch_pt": 29, "page_number_style": "dash-tight"}, handle,
                  ensure_ascii=False)
    profile = load_profile("本局")
    assert profile.heading_bold[2] and profile.pitch_pt == 29 and profile.page_number_style == "dash-tight"
    assert "本局" in list_profiles()


@pytest.mark.parametrize(("content", "message"), [
    ({"base": "standard", "line_spacing": 28}, "未知设置"),
    ({"base": "standard", "page_number_style": "roman"}, "页码样式"),
    ({"base": "loop"}, "循环"),
])
def test_bad_profiles_are_readable_errors(content, message):
    folder = os.path.join(os.environ["POLICYDESK_HOME"], "layout_profiles")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "loop.json"), "w", encoding="utf-8") as handle:
        json.dump(content, handle)
    with pytest.raises(ProfileError, match=message):
        load_profile("loop")


def test_font_report_names_missing_fonts_and_their_replacements():
    families = {"wenquanyi micro hei", "simhei", "dejavu sans", "仿宋"}
    statuses = font_report(families=lambda: families, match=lambda name: "WenQuanYi Micro Hei")
    by_name = {s.name: s for s in statuses}
    assert list(by_name) == ["方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312", "宋体"]
    assert by_name["黑体"].installed  # installed under its English name SimHei
    assert not by_name["仿宋_GB2312"].installed
    assert by_name["仿宋_GB2312"].replacement == "WenQuanYi Micro Hei"
    assert by_name["仿宋_GB2312"].suggestions == ["仿宋"]  # an installed equivalent a profile can use
    text = format_font_report(statuses)
    assert "✓ 黑体" in text and "✗ 方正小标宋简体" in text and "WenQuanYi Micro Hei" in text


def test_font_report_on_this_machine_runs_fc_list():
    statuses = font_report()
    assert [s.name for s in statuses][:4] == ["方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312"]
    for status in statuses:
        assert status.installed or status.replacement  # fontconfig always names a substitute

TITLE_PIECES = ["关于", "印发", "《", "》", "清河县", "2024年", "卫生健康", "工作", "实施方案", "的", "通知", "开展",
                "进一步", "加强", "（2024—2026年）", "、", "和", "专项行动", "基层医疗卫生机构", "管理"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(TITLE_PIECES), min_size=1, max_size=14), st.integers(min_value=8, max_value=24))
def test_any_title_is_kept_whole_and_within_the_width(pieces, width):
    title = "".join(pieces)
    lines = break_title(title, width)
    assert "".join(lines) == title
    if all(display_width(ch) <= width for ch in title):
        assert all(display_width(line) <= width for line in lines)
