"""The window around the loop: PDF source view, drag-and-drop of several files, layout and recent
files kept across sessions, a quick start that loads no parser."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from corpus import seed
from desktop_harness import QT_LOG_IGNORE, wait_done, window_fixture  # noqa: F401 (the window fixture)
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDropEvent, QFont, QPageSize, QPdfWriter, QTextDocument

from desktop.settings import AppSettings
from desktop.ui.corrections import SetField

pytestmark = [pytest.mark.gui, QT_LOG_IGNORE]
ROOT = Path(__file__).resolve().parents[2]


def _pdf_of(text_file: Path, out: Path) -> Path:
    """A text PDF of a seed, written by Qt with the CJK font (several A4 pages)."""
    from desktop.app import cjk_family

    writer = QPdfWriter(str(out))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(96)
    document = QTextDocument()
    document.setDefaultFont(QFont(cjk_family() or "", 11))
    document.setPlainText(text_file.read_text(encoding="utf-8"))
    document.print_(writer)
    del writer
    return out


def test_a_pdf_shows_its_pages_beside_the_text(qtbot, window, tmp_path):
    pdf = _pdf_of(seed("002"), tmp_path / "来文.pdf")
    (state,) = window.open_files([pdf])
    assert wait_done(qtbot, state).state == "finished", state.error
    window.show_page("解析")
    page = window.parse_page
    assert page.source.page_count() >= 3
    assert page.splitter.sizes()[0] > 0  # the source pane is open
    opened = window.session.current
    last = max((d for d in opened.notice.deadlines if d.span), key=lambda d: d.span[0])
    row = next(i for i, r in enumerate(page.fields.rows) if r.span == last.span)
    page.field_view.selectRow(row)
    assert opened.page_of(last.span[0]) > 1
    qtbot.waitUntil(lambda: page.source.view.pageNavigator().currentPage() == opened.page_of(last.span[0]) - 1,
                    timeout=3000)


def test_dropping_several_files_opens_each(qtbot, window):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(seed("000"))), QUrl.fromLocalFile(str(seed("004"))),
                  QUrl.fromLocalFile(str(ROOT / "pyproject.toml"))])
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    window.receive_page.dropEvent(event)
    qtbot.waitUntil(lambda: len(window.session.notices) == 2 and not window.runner.running(), timeout=60000)
    names = {o.path.name for o in window.session.notices}
    assert names == {seed("000").name, seed("004").name}
    assert window.receive_page.model.rowCount() == 2


def test_layout_and_recent_files_persist(qtbot, tmp_path):
    from desktop.app import create_application
    from desktop.main_window import MainWindow

    create_application()
    ini = str(tmp_path / "settings.ini")
    first = MainWindow(AppSettings(QSettings(ini, QSettings.Format.IniFormat)))
    qtbot.addWidget(first)
    first.resize(720, 530)  # inside the offscreen screen, which restoreGeometry clamps to
    first.show()
    size = (first.width(), first.height())
    assert size != (1360, 860)
    (state,) = first.open_files([seed("003")])
    wait_done(qtbot, state)
    first.show_page("督办")
    first.close()

    second = MainWindow(AppSettings(QSettings(ini, QSettings.Format.IniFormat)))
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == size
    assert second.current_page_name() == "督办"
    assert second.receive_page.recent.count() == 1
    assert second.receive_page.recent.item(0).data(Qt.ItemDataRole.UserRole) == str(seed("003").resolve())
    second.close()


def test_received_notices_come_back_from_the_store(qtbot, window, tmp_path):
    (state,) = window.open_files([seed("001")])
    wait_done(qtbot, state)
    qtbot.waitUntil(lambda: not window.runner.running(), timeout=10000)  # the notice is recorded
    opened = window.session.current
    window.session.correct(opened, SetField(("signatory",), "某某县卫生健康局", "署名"))
    window.session.close()  # as if the app were closed
    from desktop.main_window import MainWindow

    again = MainWindow(AppSettings(QSettings(str(tmp_path / "again.ini"), QSettings.Format.IniFormat)))
    qtbot.addWidget(again)
    assert wait_done(qtbot, again.load_received()).state == "finished"
    assert [o.path.name for o in again.session.notices] == [seed("001").name]
    assert again.receive_page.model.index(0, 1).data() == window.session.notices[0].notice.title
    # the user's corrections come back with it
    assert again.session.notices[0].notice.signatory == "某某县卫生健康局" and again.session.notices[0].corrected
    again.runner.wait()
    again.session.close()


def test_start_up_loads_no_parser_and_no_jieba(tmp_path):
    code = (
        "import sys\n"
        "from desktop.app import create_application\n"
        "app = create_application()\n"
        "from desktop.main_window import MainWindow\n"
        "w = MainWindow(); w.show(); app.processEvents()\n"
        "print(sorted(m for m in ('jieba', 'parsing.parser', 'drafting.plan_builder', 'tracking.store')"
        " if m in sys.modules))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", POLICYDESK_HOME=str(tmp_path),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=60, check=True)
    assert out.stdout.strip() == "[]"


def test_a_scanned_image_is_shown_as_the_source(qtbot, tmp_path):
    from PySide6.QtGui import QColor, QImage

    from desktop.ui.pdf_pane import PdfPane

    scan = tmp_path / "扫描件.png"
    image = QImage(620, 877, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    assert image.save(str(scan))
    pane = PdfPane("无")
    qtbot.addWidget(pane)
    pane.resize(400, 600)
    pane.show()
    assert pane.load(scan) and pane.page_count() == 1
    assert pane.stack.currentWidget() is pane.image_area
    assert 0 < pane.image_label.pixmap().width() <= 400
    broken = tmp_path / "坏.png"
    broken.write_bytes(b"not an image")
    assert not pane.load(broken)
    assert pane.stack.currentWidget() is pane.message and "坏.png" in pane.message.text()


def test_ctrl_p_prints_the_source_pages(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrinter

    from desktop.ui import printing

    pdf = _pdf_of(seed("002"), tmp_path / "来文.pdf")
    (state,) = window.open_files([pdf])
    assert wait_done(qtbot, state).state == "finished", state.error
    window.show_page("督办")
    assert window.print_pane() is None  # nothing to print on the board
    window.show_page("解析")
    pages = window.parse_page.source.page_count()
    out = tmp_path / "打印.pdf"

    def to_file(pane, _parent):  # the system dialog, answered with "print to a PDF file"
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return printing.print_pane(pane, printer)

    monkeypatch.setattr(printing, "print_with_dialog", to_file)
    assert window.print_action.shortcut().toString() == "Ctrl+P"
    assert window.print_current() == pages
    printed = QPdfDocument()
    printed.load(str(out))
    assert printed.pageCount() == pages
    from PySide6.QtCore import QSize

    image = printed.render(0, QSize(210, 297))
    inked = sum(1 for x in range(0, 210, 3) for y in range(0, 297, 3) if image.pixelColor(x, y).lightness() < 128)
    assert inked > 20  # the page's text was printed, not a blank sheet
