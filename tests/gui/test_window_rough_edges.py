"""Issue 11, the window as a county officer finds it: required-field marks, waiting days, opening
records from every list, the audit wording, a 1024-pixel screen, unchanged saves, what is enabled,
access keys, the toolbar, column widths."""

from __future__ import annotations

import json
from datetime import date

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QWidget

from kf5g_desktop.domain.kinds import record_key
from kf5g_desktop.domain.periods import IsoWeek
from kf5g_desktop.domain.schema import STATION, VENUE
from kf5g_desktop.domain.values import ListQuery
from kf5g_desktop.gui.main_window import APPROVALS, AUDIT, HOME, RECYCLE, MainWindow
from kf5g_desktop.gui.table_models import AuditLogModel
from kf5g_desktop.reports.figures import week_figures
from tests.builders import numbered_station
from tests.gui.gui_helpers import answer_next_box, choose, type_text


def _station(sample_store, code: str):
    return sample_store.query(STATION, ListQuery(search=code))[0]


def _settle(qtbot, form) -> None:
    """Wait for the form's check after typing (it runs a moment after the last change)."""
    qtbot.waitUntil(lambda: not form._timer.isActive(), timeout=3000)


# 5. Required-field marks stay until their own field is right ---------------------------------------


def test_required_marks_stay_until_each_field_is_fixed(qtbot, window, sample_store):
    form = window.new_record(STATION)
    qtbot.waitUntil(form.isActiveWindow, timeout=2000)
    ui = form.ui
    type_text(qtbot, ui.f_station_code, "R1")
    choose(qtbot, ui.f_operator, "中国移动")
    type_text(qtbot, ui.f_name, "必填测试站")
    choose(qtbot, ui.f_township_code, "五里河镇")
    choose(qtbot, ui.f_station_type, "宏站")
    choose(qtbot, ui.f_build_mode, "新建")
    choose(qtbot, ui.f_network_mode, "SA")
    ui.f_lon.setFocus()
    type_text(qtbot, ui.f_lon, "114.78")
    ui.f_lat.setFocus()
    type_text(qtbot, ui.f_lat, "34.55")
    choose(qtbot, ui.f_status, "已开通")
    qtbot.keyClick(ui.f_status, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert sample_store.find_station("CMCC", "R1") is None
    assert ui.f_on_air.property("invalid") == "error"
    assert ui.f_power_supply.property("invalid") == "error"
    assert "开通日期" in ui.messages.text() and "供电方式" in ui.messages.text()

    # A partial fix elsewhere: both marks stay, with their messages.
    ui.f_construction_start.setFocus()
    type_text(qtbot, ui.f_construction_start, "2021-01-05")
    _settle(qtbot, form)
    assert ui.f_on_air.property("invalid") == "error"
    assert ui.f_power_supply.property("invalid") == "error"
    assert "开通日期" in ui.messages.text() and "供电方式" in ui.messages.text()

    # Fixing one field clears its own mark only.
    ui.f_on_air.setFocus()
    type_text(qtbot, ui.f_on_air, "2021-02-01")
    _settle(qtbot, form)
    assert ui.f_on_air.property("invalid") == ""
    assert ui.f_power_supply.property("invalid") == "error"

    # Emptied again: the mark comes back (the field is still watched).
    ui.f_on_air.selectAll()
    qtbot.keyClick(ui.f_on_air, Qt.Key.Key_Delete)
    _settle(qtbot, form)
    assert ui.f_on_air.property("invalid") == "error"
    type_text(qtbot, ui.f_on_air, "2021-02-01")
    choose(qtbot, ui.f_power_supply, "直供电")
    _settle(qtbot, form)
    assert ui.f_power_supply.property("invalid") == ""
    assert form.save() is True
    assert sample_store.find_station("CMCC", "R1").on_air == date(2021, 2, 1)


def test_a_field_in_error_still_shows_the_keyboard_focus(qtbot, window):
    form = window.new_record(STATION)
    qtbot.waitUntil(form.isActiveWindow, timeout=2000)
    ui = form.ui
    assert form.save() is False  # every required field is red
    for field in (ui.f_name, ui.f_operator):
        assert field.property("invalid") == "error"
        ui.f_notes.setFocus()
        qtbot.waitUntil(lambda: ui.f_notes.hasFocus())
        unfocused = field.grab().toImage()
        field.setFocus()
        qtbot.waitUntil(field.hasFocus)
        focused = field.grab().toImage()
        assert focused != unfocused, f"{field.objectName()} looks the same with and without focus"


# 6. Waiting days: one rule each, said in the header ------------------------------------------------


def test_waiting_days_count_to_today_on_the_page_and_to_the_weeks_end_in_the_report(qtbot, window, sample_store):
    window.show_page(APPROVALS)
    page = window.pages[APPROVALS]
    model = page.model
    days_col = next(i for i, c in enumerate(model.columns) if c.key == "days")
    assert "至今日" in model.headerData(days_col, Qt.Orientation.Horizontal)
    # KF00002's 自然资源 approval waits since 2 January; today is 1 March 2021.
    row = next(
        r
        for r in range(model.rowCount())
        if model.record(r).station_code == "KF00002" and model.record(r).item == "land"
    )
    assert model.data(model.index(row, days_col)) == str((sample_store.today() - date(2021, 1, 2)).days) == "58"
    # The report and the dashboard are about a week: they count to its Sunday.
    week = IsoWeek.containing(sample_store.today())
    f = week_figures(sample_store, week, None)
    item = next(w for w in f.waiting if w.station_code == "KF00002")
    assert item.days == (week.end - date(2021, 1, 2)).days == 64
    form = window.open_record(STATION, _station(sample_store, "KF00002").id)
    header = form.ui.f_approvals.horizontalHeaderItem(3).text()
    assert "至今日" in header and form.ui.f_approvals.item(0, 3).text() == "58"


# 8. Enter, double-click and 打开 open the record on every list -------------------------------------


def _select_first(page) -> None:
    page.view.setFocus()
    page.view.setCurrentIndex(page.model.index(0, 0))


@pytest.mark.parametrize("how", ["enter", "double_click", "toolbar"])
def test_every_list_opens_its_record_the_same_way(qtbot, window, sample_store, how):
    rec = _station(sample_store, "KF00004")
    window.delete_records(STATION, [rec.id], confirm=False)

    def open_it(page) -> None:
        _select_first(page)
        assert window.act_open.isEnabled()
        if how == "enter":
            qtbot.keyClick(page.view, Qt.Key.Key_Return)
        elif how == "double_click":
            rect = page.view.visualRect(page.model.index(0, 1))
            qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            qtbot.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        else:
            window.act_open.trigger()

    for key, expect in ((STATION, STATION), (VENUE, VENUE), (APPROVALS, STATION), (AUDIT, STATION)):
        window.show_page(key)
        page = window.pages[key]
        if key == AUDIT:  # the newest row: the delete of KF00004 → its history (it is in the bin)
            open_it(page)
            dlg = next(d for d in window.findChildren(QWidget) if type(d).__name__ == "HistoryDialog")
            assert "KF00004" in dlg.windowTitle()
            dlg.close()
            dlg.deleteLater()
            # an older row of a live record opens its form
            page.search.setText("KF00006")
            qtbot.waitUntil(lambda p=page: p.model.total == 1, timeout=3000)
        n = len(window.forms)
        open_it(page)
        assert len(window.forms) == n + 1, key
        form = window.forms[-1]
        assert form.kind == expect and form.original.id == page.current_ref()[1]
        form.done(0)
    window.show_page(RECYCLE)
    page = window.pages[RECYCLE]
    page.refresh()
    open_it(page)  # a deleted record opens as its history; 恢复 is the button's job
    dlg = next(
        d for d in window.findChildren(QWidget) if type(d).__name__ == "HistoryDialog" and d.isVisible()
    )
    assert "KF00004" in dlg.windowTitle() and sample_store.recycle_bin()
    dlg.close()


# 9. The audit log reads the same for every record ---------------------------------------------------


def test_bulk_inserted_saved_and_demo_records_read_the_same_in_the_log(qtbot, sample_store, tmp_path):
    from kf5g_desktop.storage import demo
    from kf5g_desktop.storage.store import Store

    saved = sample_store.save(numbered_station(101, station_code="46000009901", name="测试站甲"))
    with sample_store.batch_writer(STATION, "批量导入测试") as w:
        w.insert_many(STATION, [numbered_station(102, station_code="46000009902", name="测试站乙")])
    bulk = _station(sample_store, "46000009902")
    model = AuditLogModel(sample_store)
    model.reload()
    rows = {
        model.record(r).record_id: [model.data(model.index(r, c)) for c in range(model.columnCount())]
        for r in range(model.rowCount())
        if model.record(r).record_id in (saved.id, bulk.id) and model.record(r).table_name == STATION
    }
    a, b = rows[saved.id], rows[bulk.id]
    operator = {"CMCC": "中国移动", "CUCC": "中国联通", "CTCC": "中国电信", "CBN": "中国广电"}
    assert a[4] == f"{operator[saved.operator]} 46000009901 测试站甲"
    assert b[4] == f"{operator[bulk.operator]} 46000009902 测试站乙"
    assert a[2] == b[2] == "新增"
    n_fields = len(json.loads(sample_store.history(STATION, saved.id)[0].new))
    assert a[7] == f"{n_fields} 个字段" and b[7] == f"{n_fields} 个字段" and n_fields > 10

    # The demo's rows are worded the same way: label, code, name; the fields it set.
    path = tmp_path / "demo.db"
    demo.generate_demo(path, stations=60)
    d = Store.open(path)
    try:
        dm = AuditLogModel(d)
        dm.reload()
        inserts = [r for r in range(dm.rowCount()) if dm.record(r).action == "insert"]
        assert inserts
        for r in inserts:
            e = dm.record(r)
            rec = d.get(e.table_name, e.record_id)
            assert e.record_key == record_key(e.table_name, rec)
            assert dm.data(dm.index(r, 7)) != "0 个字段"
            if e.table_name == STATION:
                assert e.record_key.split()[0] in operator.values()
    finally:
        d.close()


# 10. A 1024 × 700 screen -----------------------------------------------------------------------------


def test_the_main_window_fits_1024_by_700(qtbot, sample_store):
    from kf5g_desktop.gui.dashboard import DashboardPage

    win = MainWindow(sample_store, home=DashboardPage(sample_store))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert win.minimumSizeHint().width() <= 1024
    win.resize(1024, 700)
    qtbot.waitUntil(lambda: win.width() == 1024)
    for key in (HOME, STATION, VENUE, APPROVALS, RECYCLE, AUDIT):
        win.show_page(key)
        page = win.pages[key]
        QApplication.processEvents()
        assert page.minimumSizeHint().width() <= page.width(), key
    # Every filter of the station list is reachable: inside the page, not cut off.
    win.show_page(STATION)
    QApplication.processEvents()
    reg = win.registers[STATION]
    page_rect = QRect(QPoint(0, 0), reg.size())
    widgets = [reg.search, *reg.filters.values(), reg.date_from, reg.date_to, reg.columns_button]
    for w in widgets:
        r = QRect(w.mapTo(reg, QPoint(0, 0)), w.size())
        assert w.isVisible() and page_rect.contains(r), w.objectName() or w.placeholderText()
    # The dashboard's cards reflow (fewer per row) instead of forcing the window wide.
    home = win.pages[HOME]
    win.show_page(HOME)
    QApplication.processEvents()
    assert home.cards.columns < 6
    right = max(c.mapTo(home, QPoint(c.width(), 0)).x() for c in home.cards.widgets)
    assert right <= home.width()


# 11. Saving an unchanged record -------------------------------------------------------------------


def test_saving_an_unchanged_record_writes_nothing(qtbot, window, sample_store):
    rec = _station(sample_store, "KF00003")
    before = sample_store.audit_count()
    form = window.open_record(STATION, rec.id)
    qtbot.waitUntil(form.isActiveWindow, timeout=2000)
    qtbot.keyClick(form.ui.f_name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "没有修改" in form.ui.messages.text()
    assert sample_store.audit_count() == before and window.undo_stack.count() == 0
    assert not window.act_undo.isEnabled()
    # A change typed and typed back is no change either.
    form.ui.f_name.setFocus()
    type_text(qtbot, form.ui.f_name, "X")
    qtbot.keyClick(form.ui.f_name, Qt.Key.Key_Backspace)
    assert form.save() is True
    assert sample_store.audit_count() == before and window.undo_stack.count() == 0
    # The window's own door refuses an unchanged save as well.
    assert window.save_record(STATION, sample_store.get(STATION, rec.id), rec) == rec
    assert sample_store.audit_count() == before and window.undo_stack.count() == 0
    # A real change is one save, one undo step.
    type_text(qtbot, form.ui.f_name, "改")
    assert form.save() is True
    assert sample_store.audit_count() == before + 1 and window.undo_stack.count() == 1


# 12. What can act is enabled; access keys; a read-only window is read-only -------------------------


def test_actions_follow_what_can_act(qtbot, window, sample_store):
    w = window
    assert not w.act_undo.isEnabled() and not w.act_redo.isEnabled()
    assert not w.act_open.isEnabled() and not w.act_delete.isEnabled() and not w.act_history.isEnabled()
    w.show_page(STATION)
    reg = w.registers[STATION]
    assert not w.act_open.isEnabled()
    _select_first(reg)
    assert w.act_open.isEnabled() and w.act_delete.isEnabled() and w.act_history.isEnabled()
    w.show_page(HOME)
    assert not w.act_open.isEnabled() and not w.act_delete.isEnabled()
    w.show_page(STATION)
    _select_first(reg)
    answer_next_box(QMessageBox.StandardButton.Yes)
    w.act_delete.trigger()
    assert w.act_undo.isEnabled() and not w.act_redo.isEnabled()
    w.act_undo.trigger()
    assert not w.act_undo.isEnabled() and w.act_redo.isEnabled()

    # 回收站: empty, nothing to restore; a deleted record, then 恢复 works.
    w.show_page(RECYCLE)
    bin_page = w.pages[RECYCLE]
    assert bin_page.model.rowCount() == 0
    assert not bin_page.restore_button.isEnabled() and not bin_page.purge_button.isEnabled()
    assert not bin_page.history_button.isEnabled()
    w.act_redo.trigger()  # the delete again
    w.show_page(RECYCLE)
    assert bin_page.model.rowCount() == 1 and not bin_page.restore_button.isEnabled()
    _select_first(bin_page)
    assert bin_page.restore_button.isEnabled() and bin_page.purge_button.isEnabled()


def test_toolbar_labels_are_fixed_and_promise_no_access_key(qtbot, window, sample_store):
    tb = window.toolbar
    buttons = {a: tb.widgetForAction(a) for a in tb.actions() if not a.isSeparator()}
    for action, button in buttons.items():
        assert "&" not in action.iconText() and "(" not in button.text(), button.text()
    width = tb.sizeHint().width()
    labels = [b.text() for b in buttons.values()]
    rec = _station(sample_store, "KF00003")
    window.delete_records(STATION, [rec.id], confirm=False)
    assert window.act_undo.isEnabled()
    assert [b.text() for b in buttons.values()] == labels and tb.sizeHint().width() == width
    assert buttons[window.act_undo].text() == "撤销"
    assert "KF00003" in window.act_undo.toolTip() and "删除" in window.act_undo.toolTip()


def _menu_items(menu: QMenu, path: str = "") -> list[tuple[str, list[QAction]]]:
    out = [(path + menu.title(), [a for a in menu.actions() if not a.isSeparator()])]
    for a in menu.actions():
        if a.menu() is not None:
            out += _menu_items(a.menu(), path + menu.title() + " → ")
    return out


def _access_key(text: str) -> str | None:
    i = text.find("&")
    while i >= 0 and i + 1 < len(text) and text[i + 1] == "&":
        i = text.find("&", i + 2)
    return text[i + 1].upper() if 0 <= i < len(text) - 1 else None


@pytest.mark.parametrize("language", ["zh_CN", "en"])
@pytest.mark.parametrize("kind", ["unit", "city"])
def test_every_menu_item_has_an_access_key_unique_in_its_menu(qtbot, sample_store, kind, language):
    from kf5g_desktop.gui.app import install_menus, install_translations

    if kind == "city":
        sample_store.setup_installation(kind="city", unit_code=None, user_name="张三")
    app = QApplication.instance()
    translator = install_translations(app, language) if language == "en" else None
    try:
        win = MainWindow(sample_store)
        qtbot.addWidget(win)
        install_menus(win, sample_store)
        for a in win.menuBar().actions():
            assert _access_key(a.text()), a.text()
            for title, actions in _menu_items(a.menu()):
                keys = [_access_key(x.text()) for x in actions]
                assert None not in keys, (title, [x.text() for x in actions])
                assert len(set(keys)) == len(keys), (title, [x.text() for x in actions])
    finally:
        if translator is not None:
            app.removeTranslator(translator)


def test_the_read_only_window_is_read_only(qtbot, sample_store):
    from kf5g_desktop.gui.app import install_menus, open_store

    second = open_store(sample_store.path, lambda exc: "readonly")
    try:
        win = MainWindow(second)
        qtbot.addWidget(win)
        install_menus(win, second)
        win.show()
        for a in (win.act_new, win.act_delete, win.act_undo, win.act_redo, win.act_restore, win.act_settings):
            assert not a.isEnabled(), a.text()
        bulk = win.findChild(QAction, "act_returns_bulk")
        assert bulk is not None and not bulk.isEnabled()
        win.show_page(STATION)
        reg = win.registers[STATION]
        _select_first(reg)
        assert win.act_open.isEnabled() and not win.act_delete.isEnabled()
        form = win.open_record(STATION, reg.current_id())
        qtbot.waitUntil(form.isActiveWindow, timeout=2000)
        ui = form.ui
        name = ui.f_name.text()
        ui.f_name.setFocus()
        qtbot.keyClicks(ui.f_name, "abc")
        assert ui.f_name.text() == name and ui.f_name.isReadOnly()
        assert not ui.f_operator.isEnabled() and not ui.f_status.isEnabled()
        assert (
            not ui.b_save.isEnabled() and not ui.b_delete.isEnabled() and not ui.b_venue_id_pick.isEnabled()
        )
        assert ui.f_approvals.editTriggers() == ui.f_approvals.EditTrigger.NoEditTriggers
        assert form.save() is False
        form.done(0)
        win.show_page(RECYCLE)
        assert not win.pages[RECYCLE].restore_button.isEnabled()
    finally:
        second.close()


# 17. Column widths --------------------------------------------------------------------------------


def test_columns_fit_their_content_and_a_text_column_takes_the_rest(qtbot, window, sample_store):
    sample_store.save(numbered_station(200, name="阳堌镇家园小区东门外宏站第二期扩容工程", station_code="KF09999"))
    window.resize(1280, 800)
    window.show_page(STATION)
    reg = window.registers[STATION]
    reg.set_filters({"search": "KF09999"})
    reg.fitter.reset()
    header = reg.view.horizontalHeader()
    keys = [c.key for c in reg.model.columns]
    name, last = keys.index("name"), max(i for i in range(len(keys)) if not header.isSectionHidden(i))
    fm = reg.view.fontMetrics()
    assert header.sectionSize(name) >= fm.horizontalAdvance("阳堌镇家园小区东门外宏站第二期扩容工程")
    assert header.sectionSize(last) < 200  # 更新时间: as wide as its content, no more
    visible = sum(header.sectionSize(i) for i in range(len(keys)) if not header.isSectionHidden(i))
    assert visible >= reg.view.viewport().width() - 2  # no blank band: the name column took the rest

    # A width set by hand is kept (and remembered) rather than fitted again.
    header.resizeSection(name, 250)
    reg.refresh()
    assert header.sectionSize(name) == 250
    from kf5g_desktop.gui.register import RegisterPage

    again = RegisterPage(sample_store, STATION)
    qtbot.addWidget(again)
    again.show()
    assert again.fitter.user and again.view.horizontalHeader().sectionSize(name) == 250


def test_an_empty_recycle_bin_shows_whole_headers(qtbot, window):
    window.show_page(RECYCLE)
    page = window.pages[RECYCLE]
    assert page.model.rowCount() == 0
    header = page.view.horizontalHeader()
    for i in range(header.count()):
        assert header.sectionSize(i) >= header.sectionSizeHint(i), page.model.columns[i].header
