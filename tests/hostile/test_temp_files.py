"""Every writer makes its temporary file with mkstemp in the target folder and os.replace:
a symlink planted at the old fixed name (``.plan.json.tmp``) is never followed."""

from __future__ import annotations

from pathlib import Path

from drafting.profile import load_sample_profile, save_profile


def plant(folder: Path, name: str, victim: Path) -> Path:
    victim.write_text("不可改动", encoding="utf-8")
    link = folder / f".{name}.tmp"
    link.symlink_to(victim)
    return link


def test_profile_save_does_not_follow_a_planted_temp_link(tmp_path):
    victim = tmp_path / "别人的文件.txt"
    link = plant(tmp_path, "profile.json", victim)
    target = save_profile(load_sample_profile(), tmp_path / "profile.json")
    assert victim.read_text(encoding="utf-8") == "不可改动" and link.is_symlink()
    assert target.read_text(encoding="utf-8").lstrip().startswith("{")


def test_preferences_and_draft_json_do_not_follow_planted_links(tmp_path):
    from desktop.cli import main
    from desktop.preferences import PREFERENCES_FILE, load_preferences, save_preferences
    from parsing.locations import user_data_dir

    victim = tmp_path / "别人的文件.txt"
    home = user_data_dir()
    home.mkdir(parents=True, exist_ok=True)
    plant(home, PREFERENCES_FILE, victim)
    save_preferences({"窗口": "最大化"})
    assert load_preferences() == {"窗口": "最大化"} and victim.read_text(encoding="utf-8") == "不可改动"

    source = tmp_path / "通知.txt"
    source.write_text("关于开展隐患排查的通知\n各单位：\n请于2025年3月31日前报送自查报告。\n示例市卫生健康委员会\n2025年3月1日\n",
                      encoding="utf-8")
    plant(tmp_path, "plan.json", tmp_path / "另一个文件.txt")
    main(["draft", str(source), "-o", str(tmp_path / "方案.docx"), "--json", str(tmp_path / "plan.json")])
    assert (tmp_path / "另一个文件.txt").read_text(encoding="utf-8") == "不可改动"
    assert (tmp_path / "plan.json").read_text(encoding="utf-8").lstrip().startswith("{")
