"""设置: the county profile edited and saved, layout profile chosen, holidays shown; findings link to tasks."""

from __future__ import annotations

import pytest
from corpus import seed
from desktop_harness import QT_LOG_IGNORE, wait_done, window_fixture  # noqa: F401 (the window fixture)
from PySide6.QtCore import Qt

from desktop.preferences import load_preferences

pytestmark = [pytest.mark.gui, QT_LOG_IGNORE]


def test_the_profile_is_edited_and_saved(window):
    from drafting.profile import default_profile_path, load_profile

    window.show_page("设置")
    page = window.settings_page
    assert page.edits["county"].text() == "示例县"
    assert "示例" in page.profile_status.text()
    page.edits["county"].setText("青阳县")
    page.edits["bureau"].setText("青阳县卫生健康委员会")
    page.edits["doc_prefix"].setText("青卫健办")
    page.lead_days.setValue(5)
    page.contact.setText("王芳 0566-5021234 qyws@example.cn")
    page.departments.setPlainText(page.departments.toPlainText() + "\n应急办")
    saved = page.save_profile()
    assert saved == default_profile_path()
    profile = load_profile(saved)
    assert (profile.county, profile.bureau, profile.doc_prefix, profile.lead_days) == \
        ("青阳县", "青阳县卫生健康委员会", "青卫健办", 5)
    assert (profile.contact.name, profile.contact.phone, profile.contact.email) == \
        ("王芳", "0566-5021234", "qyws@example.cn")
    assert profile.department_names()[-1] == "应急办"
    # the departments the sample knew keep their keywords
    assert any(d.keywords for d in profile.departments)
    assert window.session.profile.bureau == "青阳县卫生健康委员会"


def test_an_incomplete_profile_is_refused_with_a_message(window):
    window.show_page("设置")
    page = window.settings_page
    page.edits["doc_prefix"].setText("")
    assert page.save_profile() is None
    assert "发文字号代字" in window.banner.label.text() and not window.banner.isHidden()


def test_layout_profile_and_holidays(window):
    window.show_page("设置")
    page = window.settings_page
    names = [page.layout_combo.itemData(i) for i in range(page.layout_combo.count())]
    assert "standard" in names and "bold-level3" in names
    page.layout_combo.setCurrentIndex(names.index("bold-level3"))
    assert load_preferences()["layout"] == "bold-level3" and window.session.layout == "bold-level3"
    assert "加粗" in page.layout_note.text()
    page.year.setValue(2024)
    rows = [(page.holiday_table.item(r, 0).text(), page.holiday_table.item(r, 2).text())
            for r in range(page.holiday_table.rowCount())]
    assert ("2024-10-01", "国庆节（放假）") in rows and ("2024-10-12", "调休上班") in rows


def test_a_completeness_finding_leads_to_its_task(qtbot, window):
    (state,) = window.open_files([seed("002")])
    wait_done(qtbot, state)
    draft = window.draft_page
    assert wait_done(qtbot, draft.draft()).state == "finished"
    linked = [draft.checks.item(i) for i in range(draft.checks.count())
              if draft.checks.item(i).data(Qt.ItemDataRole.UserRole)]
    assert linked, "seed 002's plan has findings about particular tasks"
    draft._check_activated(linked[0])
    assert window.current_page_name() == "分工"
    table = window.table_page
    row = table.view.currentIndex().row()
    assert table.model.tasks[row].id == linked[0].data(Qt.ItemDataRole.UserRole)
