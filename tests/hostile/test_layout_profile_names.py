"""A layout-profile name (from a profile's ``base`` or the user's settings) is a name, never a
path: ``../../etc/x`` or ``/tmp/x`` cannot reach a file outside the profile folders."""

from __future__ import annotations

import json

import pytest

from drafting.gbt9704.profiles import ProfileError, load_profile
from parsing.locations import user_data_dir


@pytest.mark.parametrize("name", ["../../../tmp/外部方案", "/tmp/外部方案", "子目录/方案", "..", ".隐藏"])
def test_a_name_with_a_path_is_refused(tmp_path, name):
    (tmp_path / "外部方案.json").write_text(json.dumps({"base": None}), encoding="utf-8")
    with pytest.raises(ProfileError, match="名称无效"):
        load_profile(name)


def test_a_base_pointing_outside_is_refused_too():
    folder = user_data_dir() / "layout_profiles"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "本局方案.json").write_text(json.dumps({"base": "../../../../etc/passwd"}), encoding="utf-8")
    with pytest.raises(ProfileError, match="名称无效"):
        load_profile("本局方案")
