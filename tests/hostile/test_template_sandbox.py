"""A template in the user's folder is rendered in jinja2's immutable sandbox: it can read what
it is given and nothing else, and any error names the template and its line, in Chinese."""

from __future__ import annotations

import pytest

from desktop.cli import main
from drafting import templating
from drafting.templating import TemplateError, render

ATTACKS = [
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ lipsum.__globals__['os'].popen('cat /etc/passwd').read() }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ plan_title.__class__ }}",
    "{% set x = organ.__init__ %}{{ x.__globals__ }}",
    "{{ items.append('改动') }}",  # the data given to a template cannot be changed either
]


def user_template(name: str, text: str) -> None:
    folder = templating.user_templates_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.j2").write_text(text, encoding="utf-8")


@pytest.mark.parametrize("attack", ATTACKS)
def test_a_planted_template_cannot_reach_python(attack):
    user_template("印发通知", f"第一行正文。\n第二行正文。\n{attack}\n")
    with pytest.raises(TemplateError, match=r"模板 印发通知\.j2第3行") as caught:
        render("印发通知", organ="示例县卫生健康局", plan_title="方案", items=["原样"])
    assert "root" not in str(caught.value) and "uid=" not in str(caught.value)


def test_runtime_and_syntax_errors_name_the_template_and_line():
    user_template("工作方案", "# 总体要求\n正文\n{{ 1 / 0 }}\n")
    with pytest.raises(TemplateError, match=r"工作方案\.j2第3行无法生成.*ZeroDivisionError"):
        render("工作方案")
    user_template("工作方案", "# 总体要求\n{% if %}\n")
    with pytest.raises(TemplateError, match=r"工作方案\.j2 第2行语法有误"):
        render("工作方案")
    user_template("工作方案", "# 总体要求\n\n{{ 未定义 }}\n")
    with pytest.raises(TemplateError, match=r"工作方案\.j2第3行使用了未定义的变量"):
        render("工作方案")


def test_draft_with_a_planted_template_is_one_chinese_line(tmp_path, capsys):
    user_template("印发通知", "根据要求，现将方案印发给你们。\n{{ cycler.__init__.__globals__.os.popen('id').read() }}\n")
    source = tmp_path / "通知.txt"
    source.write_text("关于开展隐患排查的通知\n各单位：\n请于2025年3月31日前报送自查报告。\n示例市卫生健康委员会\n2025年3月1日\n",
                      encoding="utf-8")
    code = main(["draft", str(source), "-o", str(tmp_path / "方案.docx")])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("错误：模板 印发通知.j2第2行") and "uid=" not in err
    assert not (tmp_path / "方案.docx").exists()
