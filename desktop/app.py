"""Start the app: QApplication with a CJK font, translations, the main window.

Start-up stays quick: nothing here parses, loads jieba or touches the store; pages fetch their
data when shown or through worker jobs.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication

import desktop.qt_refcounts  # noqa: F401  (PySide6 6.12 on Python 3.11: see there)
from parsing.locations import RESOURCES_DIR

CHINESE = QLocale("zh_CN")

CJK_FAMILIES = ("Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC",
                "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "SimHei", "SimSun")
FONT_FILES = ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
              "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
STYLE = """
#pageTitle { font-size: 20px; font-weight: bold; padding: 2px 0 4px 0; }
#emptyHint { color: #777; padding: 24px; }
#nav { background: #1f3a5f; color: white; border: none; font-size: 15px; padding-top: 8px; }
#nav::item { padding-left: 14px; }
#nav::item:selected { background: #c62828; color: white; }
"""


def has_display() -> bool:
    """Whether a window can be shown: a display server, or a Qt platform chosen explicitly."""
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
                or os.environ.get("QT_QPA_PLATFORM") or sys.platform in ("win32", "darwin"))


def cjk_family() -> str | None:
    """A font family that has Chinese glyphs, registering the bundled system file if needed."""
    families = set(QFontDatabase.families())
    for family in CJK_FAMILIES:
        if family in families:
            return family
    for path in FONT_FILES:
        if Path(path).is_file():
            font_id = QFontDatabase.addApplicationFont(path)
            loaded = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            if loaded:
                return loaded[0]
    return None


def install_translator(app: QApplication, language: str | None = None) -> QTranslator | None:
    """Load ``resources/translations/policydesk_<lang>.qm`` for a language the app is translated
    to. Otherwise the UI is Chinese (its source language), and so are dates and calendars, whatever
    the system's locale (a ``C`` or English system showed English month names): a zh_CN locale and
    Qt's own Chinese for its dialogs and buttons. Returns the translator installed."""
    language = language or os.environ.get("POLICYDESK_LANG") or QLocale.system().name()
    if not language.startswith("zh"):
        translator = QTranslator(app)
        if translator.load(f"policydesk_{language}", str(RESOURCES_DIR / "translations")):
            app.installTranslator(translator)
            return translator
    QLocale.setDefault(CHINESE)
    qt = QTranslator(app)
    if qt.load(CHINESE, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        return qt
    return None


def create_application(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication (created once), with the CJK font and the app's style."""
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setApplicationName("PolicyDesk")
        QGuiApplication.setOrganizationName("PolicyDesk")
        app = QApplication(list(argv or ["policydesk"]))
    family = cjk_family()
    if family:
        font = QFont(family, 10)
        app.setFont(font)
    app.setApplicationDisplayName("PolicyDesk 公文助手")
    app.setStyleSheet(STYLE)
    if app.property("policydesk_translated") is None:  # once, however often tests ask for the app
        install_translator(app)
        app.setProperty("policydesk_translated", True)
    return app


def main(open_files: Sequence[Path] = ()) -> int:
    """Run the app until its window closes."""
    app = create_application(sys.argv[:1])
    from desktop.main_window import MainWindow

    window = MainWindow()
    window.show()
    window.load_received()
    if open_files:
        window.open_files(list(open_files))
    return app.exec()
