"""The county profile: the shipped sample, the user's own file, atomic saves, readable errors."""

from __future__ import annotations

import json

import pytest

from drafting.profile import (
    CountyProfile,
    ProfileError,
    default_profile_path,
    load_profile,
    load_sample_profile,
    load_user_profile,
    save_profile,
)


def test_sample_profile_is_complete_and_usable():
    profile = load_sample_profile()
    assert profile.bureau == "示例县卫生健康局"
    assert profile.county == "示例县"
    assert profile.lead_days == 3
    assert profile.leaders and profile.leaders[0].role == "组长"
    assert profile.contact.name and profile.contact.phone
    kinds = {g.kind for g in profile.unit_groups}
    assert {"乡镇卫生院", "县直单位", "民营医院"} <= kinds
    # Every 股室 carries a keyword table the unit matcher reads.
    assert all(d.keywords for d in profile.departments)
    assert profile.recipients()[-1] == "局机关各股室"


def test_user_profile_falls_back_to_the_sample_then_reads_the_saved_one():
    assert not default_profile_path().exists()
    assert load_user_profile().bureau == "示例县卫生健康局"
    profile = load_sample_profile()
    profile.bureau = "青阳县卫生健康委员会"
    profile.bureau_short = "县卫生健康委"
    profile.bureau_abbr = "县卫健委"
    profile.organ_word = "委"
    profile.doc_prefix = "青卫健办"
    profile.lead_days = 5
    path = save_profile(profile)
    assert path == default_profile_path()
    again = load_user_profile()
    assert again == profile
    assert again.departments_collective == "委机关各股室"
    # Saved as readable UTF-8 JSON, not \\u escapes.
    assert "青阳县卫生健康委员会" in path.read_text(encoding="utf-8")
    assert not list(path.parent.glob(".profile.json.tmp"))


def test_save_keeps_the_old_file_when_the_profile_is_invalid(tmp_path):
    target = tmp_path / "profile.json"
    save_profile(load_sample_profile(), target)
    before = target.read_text(encoding="utf-8")
    broken = load_sample_profile()
    broken.bureau = ""
    with pytest.raises(ProfileError, match="单位全称"):
        save_profile(broken, target)
    assert target.read_text(encoding="utf-8") == before


@pytest.mark.parametrize("content, message", [
    ("{not json", "无法读取"),
    (json.dumps({"schema": "profile/9", "county": "甲县"}), "profile/1"),
    (json.dumps({"schema": "profile/1", "county": "甲县", "bureau": "甲县卫生健康局", "bureau_short": "县卫生健康局",
                 "bureau_abbr": "县卫健局", "doc_prefix": "甲卫健", "lead_days": 99}), "0到30"),
    (json.dumps({"schema": "profile/1", "county": "甲县", "colour": "red"}), "格式有误"),
])
def test_bad_profile_files_give_chinese_errors(tmp_path, content, message):
    path = tmp_path / "p.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ProfileError, match=message):
        load_profile(path)


def test_missing_profile_file_is_a_clear_error(tmp_path):
    with pytest.raises(ProfileError, match="找不到"):
        load_profile(tmp_path / "nope.json")


def test_round_trip_through_json_keeps_every_field():
    profile = load_sample_profile()
    assert CountyProfile.from_json(json.loads(profile.dumps())) == profile
