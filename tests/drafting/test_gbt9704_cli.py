"""``policydesk export-sample`` and ``policydesk fonts``."""

from __future__ import annotations

import docx
import openpyxl

from desktop.cli import main


def test_export_sample_writes_a_full_notice_and_the_task_table(tmp_path, capsys):
    out, xlsx = tmp_path / "示例.docx", tmp_path / "分工.xlsx"
    assert main(["export-sample", str(out), "--xlsx", str(xlsx)]) == 0
    document = docx.Document(str(out))
    texts = [p.text for p in document.paragraphs]
    for expected in ("000018", "秘密★1年", "加急", "清河县卫生健康局文件", "清卫健〔2024〕12号", "附件1", "附件2",
                     "2024年3月7日"):
        assert expected in texts
    colophon = [row.cells[0].text for row in document.tables[-1].rows]
    assert colophon[0].startswith("抄送：") and colophon[1].endswith("2024年3月7日印发")
    assert document.tables[0].rows[0].cells[0].text == "序号"
    assert openpyxl.load_workbook(xlsx).active["A1"].value.endswith("任务分工表")
    assert "已生成示例公文" in capsys.readouterr().out


def test_export_sample_with_a_profile_and_kind(tmp_path):
    out = tmp_path / "报告.docx"
    assert main(["export-sample", str(out), "--kind", "report", "--profile", "bold-level3"]) == 0
    assert any(p.text.endswith("签发人：王建国") for p in docx.Document(str(out)).paragraphs)


def test_export_sample_refuses_a_wrong_suffix_and_unknown_profile(tmp_path, capsys):
    assert main(["export-sample", str(tmp_path / "a.pdf")]) == 2
    assert main(["export-sample", str(tmp_path / "a.docx"), "--profile", "nope"]) == 2
    err = capsys.readouterr().err
    assert "错误：a.pdf：输出文件应以 .docx 结尾" in err and "找不到版式方案" in err
    assert not (tmp_path / "a.docx").exists()


def test_fonts_command_reports_the_four_standard_fonts(capsys):
    assert main(["fonts"]) == 0
    out = capsys.readouterr().out
    for name in ("方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312"):
        assert name in out
