"""The English interface is complete and not clipped (issue 11.3).

Opens every page and dialog of a unit and a city installation with the English translator loaded as
the program loads it (设置 → 界面语言 English), and fails on any visible widget text, window title,
header, menu or toolbar entry, combo entry, chart legend or axis label that still has Chinese in it.
The only Chinese allowed is proper names and data: unit, township and place names, the names the
user typed (records, preparer). The printed report is checked by its own task.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtGui import QAction, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QTabWidget,
    QWidget,
)

from kf5g_desktop.domain.values import ListQuery
from kf5g_desktop.storage.store import Store

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
TAG = re.compile(r"<[^>]+>|&nbsp;")


@pytest.fixture
def english():
    from kf5g_desktop.gui.app import install_translations

    app = QApplication.instance()
    before = set(app.findChildren(QTranslator))
    for t in before:  # e.g. Chinese ones an earlier test's start-up left: the program has only its own
        app.removeTranslator(t)
    assert install_translations(app, "en") is not None
    yield
    for t in set(app.findChildren(QTranslator)) - before:
        app.removeTranslator(t)
        t.setParent(None)  # gone, not a child a later test would take for one of the program's
    for t in before:
        app.installTranslator(t)


def proper_names(store: Store) -> list[str]:
    """Names that stay Chinese in English: units, townships, the city, and data the user typed."""
    inst = store.installation()
    from kf5g_desktop.domain import codes

    names = {u.name for u in store.units()} | {t.name for t in store.townships()} | {"开封市"}
    names |= {c.label for c in codes.OPERATOR}  # operator names (中国移动 …), as in the data
    names.add("中文")  # the language chooser names each language in itself (English / 中文)
    names |= {n for n in (inst.user_name, inst.reviewer, store.user) if n}
    for kind in ("station", "venue", "pole"):
        for rec in store.query(kind, ListQuery()):
            for field in ("name", "address", "owner", "contact", "notes"):
                value = getattr(rec, field, None)
                if value:
                    names.add(value)
    return sorted(names, key=len, reverse=True)


def _texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of everything a person sees in ``root``'s window."""
    out: list[tuple[str, str]] = [("window title", root.windowTitle())]
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root) and w is not root:
            continue
        where = f"{type(w).__name__} {w.objectName()}".strip()
        if isinstance(w, QLabel):
            out.append((where, TAG.sub("", w.text())))
        elif isinstance(w, QAbstractButton):
            out.append((where, w.text()))
        if isinstance(w, QGroupBox):
            out.append((where, w.title()))
        if isinstance(w, QLineEdit):
            out.append((where + " placeholder", w.placeholderText()))
        if isinstance(w, QComboBox):
            out += [(where + " item", w.itemText(i)) for i in range(w.count())]
        if isinstance(w, QTabWidget):
            out += [(where + " tab", w.tabText(i)) for i in range(w.count())]
        if isinstance(w, QListWidget):
            out += [(where + " item", w.item(i).text()) for i in range(w.count())]
        if isinstance(w, QHeaderView) and w.orientation() == Qt.Orientation.Horizontal and w.model():
            out += [
                (where, str(w.model().headerData(i, Qt.Orientation.Horizontal) or ""))
                for i in range(w.count())
                if not w.isSectionHidden(i)
            ]
    for a in root.findChildren(QAction):
        if a.isVisible():
            out.append(("action", a.text()))
            out.append(("action status tip", a.statusTip()))
    out += _chart_texts(root)
    return out


def _chart_texts(root: QWidget) -> list[tuple[str, str]]:
    """Legends, axis labels and tick labels of the pyqtgraph charts in ``root``."""
    try:
        import pyqtgraph as pg
    except ImportError:  # pragma: no cover
        return []
    out: list[tuple[str, str]] = []
    for view in root.findChildren(pg.PlotWidget):
        item = view.getPlotItem()
        out.append(("chart title", TAG.sub("", item.titleLabel.text or "")))
        if item.legend is not None:
            out += [("chart legend", TAG.sub("", label.text)) for _sample, label in item.legend.items]
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            out.append(("chart axis label", TAG.sub("", axis.labelText or "")))
            for level in axis._tickLevels or []:
                out += [("chart tick", str(text)) for _v, text in level]
    return out


def chinese_left(root: QWidget, names: list[str]) -> list[tuple[str, str]]:
    bad = []
    for where, text in _texts(root):
        rest = text
        for name in names:
            rest = rest.replace(name, "")
        if CJK.search(rest):
            bad.append((where, text))
    return bad


def nav_items_fit(win) -> list[str]:
    """Navigation items wider than the navigation (cut like "Free-access venu")."""
    font = QFont(win.nav.font())
    font.setPixelSize(win.NAV_FONT_PX)
    fm = QFontMetrics(font)
    room = win.nav.viewport().width() - 2 * win.NAV_PADDING_PX
    return [
        win.nav.item(i).text()
        for i in range(win.nav.count())
        if fm.horizontalAdvance(win.nav.item(i).text()) > room
    ]


def _open_everything(qtbot, win, store) -> list[str]:
    """Every page of the window and every dialog it opens, each checked for Chinese."""
    from kf5g_desktop.gui.conflict_dialog import ConflictDialog
    from kf5g_desktop.gui.pages import HistoryDialog
    from kf5g_desktop.gui.record_form import RecordForm
    from kf5g_desktop.gui.report_dialogs import ReportDialog
    from kf5g_desktop.gui.returns_bulk import BulkImportWizard
    from kf5g_desktop.gui.returns_dialogs import ExportDialog, ImportPreviewDialog
    from kf5g_desktop.gui.server_dialog import ServerDialog
    from kf5g_desktop.gui.setup_dialog import SetupDialog

    names = proper_names(store)
    found: list[tuple[str, list]] = []
    for key in list(win.page_order):
        win.show_page(key)
        page = win.pages[key]
        done = getattr(page, "refreshed", None)
        if done is not None:
            with qtbot.waitSignal(done, timeout=30000):
                page.refresh()
        found.append((f"page {key}", chinese_left(win, names)))
    dialogs: list[tuple[str, QWidget]] = []
    for kind in ("station", "venue", "pole"):
        dialogs.append((f"new {kind}", RecordForm(store, kind, parent=win)))
        recs = store.query(kind, ListQuery(limit=1))
        if recs:
            dialogs.append((f"open {kind}", RecordForm(store, kind, store.get(kind, recs[0].id), parent=win)))
            dialogs.append((f"history {kind}", HistoryDialog(store, kind, recs[0].id, win)))
    dialogs += [
        ("settings", SetupDialog(store.units(), store.installation(), first_run=False, parent=win)),
        ("first run", SetupDialog(store.units(), store.installation(), first_run=True, parent=win)),
        ("report", ReportDialog(store, win)),
        ("export", ExportDialog(store, win)),
        ("import", ImportPreviewDialog(store, None, win)),
        ("bulk import", BulkImportWizard(store, win)),
        ("server", ServerDialog(win)),
        ("server at start-up", ServerDialog(win, at_startup=True)),
    ]
    recs = store.query("station", ListQuery(limit=1))
    if recs:  # a save refused: somebody else changed the station meanwhile (the comparison shown)
        from dataclasses import replace

        from kf5g_desktop.storage.errors import ConflictError

        opened = store.get("station", recs[0].id)
        theirs, mine = replace(opened, name="Station B"), replace(opened, name="Station C", address="Road 2")
        exc = ConflictError("station", opened.id, by=store.user, at=store.now(), version=2)
        conflict = ConflictDialog(exc, "station", opened, theirs, mine, today=store.today(), parent=win)
        conflict.show_comparison()
        dialogs.append(("save refused", conflict))
    for what, dlg in dialogs:
        qtbot.addWidget(dlg)
        dlg.show()
        found.append((what, chinese_left(dlg, names)))
        dlg.hide()
    # One line per Chinese text left (with the first place it was seen), readable in a failure.
    seen: dict[str, str] = {}
    for what, bad in found:
        for where, text in bad:
            seen.setdefault(text, f"{what}: {where}")
    out = sorted(f"{text!r} ({place})" for text, place in seen.items())
    return out


def test_unit_installation_in_english(qtbot, english, sample_store):
    from kf5g_desktop.gui.app import install_menus
    from kf5g_desktop.gui.main_window import MainWindow

    win = MainWindow(sample_store)
    qtbot.addWidget(win)
    install_menus(win, sample_store)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    assert _open_everything(qtbot, win, sample_store) == []
    assert nav_items_fit(win) == []
    cut = []  # list headers cut like "County/distric"
    for kind, reg in win.registers.items():
        header = reg.view.horizontalHeader()
        fm = header.fontMetrics()
        for i in range(header.count()):
            title = str(reg.model.headerData(i, Qt.Orientation.Horizontal) or "")
            if not header.isSectionHidden(i) and header.sectionSize(i) < fm.horizontalAdvance(title) + 12:
                cut.append(f"{kind}: {title}")
    assert cut == []


def test_city_installation_in_english(qtbot, english, tmp_path):
    from kf5g_desktop.gui.app import install_menus
    from kf5g_desktop.gui.main_window import MainWindow
    from kf5g_desktop.storage.demo import generate_demo

    generate_demo(tmp_path / "city.db", stations=150, seed=9)
    with Store.open(tmp_path / "city.db") as city:
        win = MainWindow(city)
        qtbot.addWidget(win)
        install_menus(win, city)
        win.resize(1024, 700)
        win.show()
        qtbot.waitExposed(win)
        assert "returns_status" in win.page_order
        assert _open_everything(qtbot, win, city) == []
        assert nav_items_fit(win) == []
        win.close()


def test_read_only_badge_is_not_cut_at_1280(qtbot, english, sample_store, tmp_path):
    from kf5g_desktop.gui.main_window import MainWindow

    ro = Store.open(sample_store.path, readonly=True)
    try:
        win = MainWindow(ro)
        qtbot.addWidget(win)
        win.resize(1280, 800)
        win.show()
        qtbot.waitExposed(win)
        badge = win.status_readonly
        assert badge.isVisible() and not CJK.search(badge.text())
        assert badge.width() >= badge.fontMetrics().horizontalAdvance(badge.text())
    finally:
        ro.close()


def test_the_english_city_window_fits_a_1024_pixel_screen(qtbot, english, tmp_path):
    """English texts are longer: no page, bar or status label may hold the window wider than 1024."""
    from kf5g_desktop.gui.app import install_menus
    from kf5g_desktop.gui.main_window import MainWindow

    city = Store.open(tmp_path / "city.db", user="张三")
    try:
        city.setup_installation(kind="city", unit_code=None, user_name="张三")
        win = MainWindow(city)
        qtbot.addWidget(win)
        install_menus(win, city)
        win.show()
        assert "returns_status" in win.pages
        assert win.minimumSizeHint().width() <= 1024, win.minimumSizeHint()
    finally:
        city.close()


def test_the_english_station_form_scrolls_only_up_and_down_on_a_small_screen(qtbot, english, sample_store):
    """Three columns of English labels are wider than a 1024-pixel screen: the last column's groups go
    under the one before it, every field still in the form, and nothing needs a sideways scroll bar."""
    from PySide6.QtWidgets import QScrollArea

    from kf5g_desktop.domain.schema import STATION
    from kf5g_desktop.gui.record_form import RecordForm

    form = RecordForm(sample_store, STATION)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    screen = form.screen().availableGeometry().width()
    assert screen < 1100  # the offscreen test screen: a small one
    scroll = form.findChild(QScrollArea, "fields")
    body = scroll.widget()
    assert form.ui.columns.count() == 2
    assert body.sizeHint().width() <= 1024 - 56
    for name in ("status", "on_air", "power_supply", "subsidy_state", "venue_id", "name"):
        w = form.widget(name)
        assert w is not None and body.isAncestorOf(w), name
    form.close()
