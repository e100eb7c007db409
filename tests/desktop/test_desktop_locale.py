"""A Chinese UI has Chinese calendars and Qt dialogs even on a system whose locale is not Chinese."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from desktop.app import create_application, install_translator
from desktop.ui.table_editors import HolidayCalendar

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("system", ["C", "de_DE"])
def test_calendar_and_dialogs_are_chinese_on_a_foreign_system(qtbot, system):
    app = create_application()
    translator = install_translator(app, system)
    try:
        assert QLocale().name() == "zh_CN"
        calendar = HolidayCalendar()
        qtbot.addWidget(calendar)
        assert calendar.locale().monthName(3) == "三月"
        assert calendar.locale().dayName(1, QLocale.FormatType.ShortFormat) == "周一"
        assert translator is not None
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    finally:
        if translator is not None:
            app.removeTranslator(translator)
