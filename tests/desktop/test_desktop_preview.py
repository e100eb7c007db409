"""起草: the exported .docx previewed page by page (LibreOffice → PDF → QtPdf), off the UI thread."""

from __future__ import annotations

import pytest
from corpus import seed
from desktop_harness import QT_LOG_IGNORE, wait_done, window_fixture  # noqa: F401 (the window fixture)

pytestmark = [pytest.mark.gui, pytest.mark.slow, QT_LOG_IGNORE]


def test_export_then_preview_the_pages(qtbot, window, tmp_path):
    (state,) = window.open_files([seed("001")])
    assert wait_done(qtbot, state).state == "finished"
    page = window.draft_page
    assert wait_done(qtbot, page.draft()).state == "finished"
    assert wait_done(qtbot, page.export_docx(tmp_path / "方案.docx")).state == "finished"
    assert page.preview_button.isEnabled()
    state = page.preview()
    assert wait_done(qtbot, state, timeout=180000).state == "finished", state.error
    assert page.tabs.currentWidget() is page.preview_pane
    assert page.preview_pane.page_count() >= 3  # cover notice, plan, task table


def test_the_libreoffice_conversion_can_be_cancelled(tmp_path):
    import docx

    from desktop.jobs import docx_to_pdf
    from parsing.progress import Cancelled

    source = tmp_path / "通知.docx"
    document = docx.Document()
    document.add_paragraph("关于开展安全生产大检查的通知")
    document.save(str(source))
    reports: list[float] = []
    with pytest.raises(Cancelled):
        docx_to_pdf(lambda f, s="": reports.append(f), lambda: len(reports) >= 2, source, tmp_path / "out")
    assert not (tmp_path / "out" / "通知.pdf").exists()
