"""The document templates: one strict Jinja environment, the user's folder overriding by name."""

from __future__ import annotations

import json

import pytest
from corpus import FIXTURES

from drafting import templating
from drafting.plan_builder import build_plan
from drafting.profile import load_sample_profile
from parsing.model import Notice


def _notice() -> Notice:
    path = FIXTURES / "superior" / "city_urgent_fire_safety.json"
    return Notice.from_json(json.loads(path.read_text(encoding="utf-8")))


def test_bundled_templates_exist_and_are_strict():
    env = templating.environment()
    assert env.undefined.__name__ == "StrictUndefined"
    for name in templating.TEMPLATE_NAMES:
        assert env.get_template(f"{name}.j2") is not None
    with pytest.raises(templating.TemplateError, match="未定义的变量"):
        templating.render("印发通知", purpose="为了测试")


def test_structured_text_becomes_sections():
    preamble, sections = templating.parse_structured(
        "开头一段。\n\n# 总体要求\n正文一。\n# 主要任务\n## 加强组织领导（即日起至6月16日）。各单位要……\n"
        "### 细项。内容\n## 无正文标题\n")
    assert preamble == ["开头一段。"]
    assert [s.heading for s in sections] == ["总体要求", "主要任务"]
    assert sections[0].paragraphs == ["正文一。"]
    first, second = sections[1].children
    assert (first.heading, first.paragraphs) == ("加强组织领导（即日起至6月16日）", ["各单位要……"])
    assert (first.children[0].heading, first.children[0].level) == ("细项", 3)
    assert (second.heading, second.paragraphs) == ("无正文标题", [])


def test_a_user_template_overrides_the_bundled_one_by_name():
    folder = templating.user_templates_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "印发通知.j2").write_text(
        "现将《{{ plan_title }}》印发给你们，请遵照执行。\n", encoding="utf-8")
    plan = build_plan(_notice(), load_sample_profile())
    assert plan.cover_body == [f"现将《{plan.title}》印发给你们，请遵照执行。"]
    # The other templates still come from templates/.
    assert plan.sections[1].heading == "总体要求"


def test_a_misspelt_variable_in_a_user_template_is_an_error_not_a_gap():
    folder = templating.user_templates_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "印发通知.j2").write_text("现将《{{ plan_titel }}》印发给你们。\n", encoding="utf-8")
    with pytest.raises(templating.TemplateError, match="plan_titel"):
        build_plan(_notice(), load_sample_profile())


@pytest.mark.parametrize("kind", ["工作方案", "转发通知"])
def test_other_document_kinds(kind):
    plan = build_plan(_notice(), load_sample_profile(), kind=kind)
    if kind == "工作方案":
        assert plan.title.endswith("工作方案")
        assert plan.sections[0].paragraphs[0].endswith("特制定本工作方案。")
    else:
        assert plan.cover_title == ("转发《江州市卫生健康委员会关于立即开展医疗机构消防安全隐患排查整治的"
                                    "紧急通知》的通知")
        assert plan.cover_body[0].startswith("现将《江州市卫生健康委员会")
        assert [s.heading for s in plan.sections][:2] == ["提高思想认识", "明确责任分工"]
    assert len(plan.tasks) >= len(_notice().tasks)


def test_a_profile_without_leaders_or_contact_still_reads_as_a_document():
    profile = load_sample_profile()
    profile.leaders = []
    profile.contact.name = profile.contact.phone = profile.contact.email = ""
    plan = build_plan(_notice(), profile)
    leading = next(s for s in plan.sections if s.heading == "组织领导").paragraphs
    assert leading[0].startswith("为加强对医疗机构消防安全隐患排查整治的组织领导，县卫生健康局成立")
    assert "由局主要负责同志任组长" in leading[0]
    assert not any("组　长" in p for p in leading)
    text = "".join(p for s in plan.sections for c in [s, *s.children] for p in c.paragraphs)
    assert "联系人：" not in text
