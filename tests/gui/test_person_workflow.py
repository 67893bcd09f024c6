"""A person creates, finds, edits, deletes, restores, undoes and reviews a station — keyboard first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from kf5g_desktop.domain.schema import STATION
from kf5g_desktop.domain.values import ListQuery
from kf5g_desktop.gui.main_window import RECYCLE
from kf5g_desktop.gui.record_form import RecordForm
from tests.gui.gui_helpers import answer_next_box, choose, tab_to, type_text


def _form(window) -> RecordForm:
    assert window.forms, "no form open"
    return window.forms[-1]


def test_create_find_edit_delete_restore_undo_history(qtbot, window, sample_store):
    window.show_page(STATION)
    reg = window.registers[STATION]
    before = sample_store.count(STATION)

    # Ctrl+N opens an empty station form; the unit is preset from the installation.
    qtbot.keyClick(reg.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = _form(window)
    qtbot.waitExposed(form)
    ui = form.ui
    assert ui.f_unit_code.currentText() == "杞县"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is ui.f_station_code, timeout=2000)

    type_text(qtbot, ui.f_station_code, "ＫＦ99999 ")  # full-width letters and a trailing space
    tab_to(qtbot, form, ui.f_operator)
    choose(qtbot, ui.f_operator, "中国联通")
    assert ui.f_operator.currentData() == "CUCC"
    tab_to(qtbot, form, ui.f_name)
    type_text(qtbot, ui.f_name, "杞县新建测试站")
    tab_to(qtbot, form, ui.f_township_code)
    choose(qtbot, ui.f_township_code, "五里河镇")
    tab_to(qtbot, form, ui.f_lon)
    type_text(qtbot, ui.f_lon, "１１９.５")  # outside Kaifeng: an error
    tab_to(qtbot, form, ui.f_lat)
    qtbot.keyClicks(ui.f_lat, "34.5")

    # Validation as you type: the longitude turns red with the Chinese message.
    qtbot.waitUntil(lambda: ui.f_lon.property("invalid") == "error", timeout=3000)
    assert "经度" in ui.f_lon.toolTip()
    # Saving is refused and the cursor goes to the bad field.
    qtbot.keyClick(ui.f_lat, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert sample_store.count(STATION) == before
    assert "经度" in ui.messages.text()
    assert QApplication.focusWidget() is ui.f_lon

    # Fix it and save with Ctrl+S.
    qtbot.keyClicks(ui.f_lon, "114.75")  # the text was selected: typing replaces it
    qtbot.keyClick(ui.f_lon, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert sample_store.count(STATION) == before + 1
    saved = sample_store.find_station("CUCC", "KF99999")
    assert saved is not None and saved.lon == 114.75 and saved.township_code == "410221101"
    assert ui.f_lon.property("invalid") == ""
    qtbot.keyClick(ui.f_name, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not form.isVisible())
    qtbot.waitUntil(lambda: QApplication.focusWidget() is reg.view, timeout=2000)

    # Find it by search (Ctrl+F, type, Enter selects the first hit).
    qtbot.keyClick(reg.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is reg.search
    qtbot.keyClicks(reg.search, "99999")
    qtbot.waitUntil(lambda: reg.model.total == 1, timeout=3000)
    qtbot.keyClick(reg.search, Qt.Key.Key_Return)
    assert reg.current_id() == saved.id

    # Edit: Enter opens it, change the name, Ctrl+S, Esc.
    qtbot.keyClick(reg.view, Qt.Key.Key_Return)
    form = _form(window)
    qtbot.waitExposed(form)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.ui.f_station_code, timeout=2000)
    tab_to(qtbot, form, form.ui.f_name)
    form.ui.f_name.selectAll()
    type_text(qtbot, form.ui.f_name, "杞县新建测试站(改)")
    qtbot.keyClick(form.ui.f_name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert sample_store.get_station(saved.id).name == "杞县新建测试站(改)"
    qtbot.keyClick(form.ui.f_name, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not form.isVisible())
    qtbot.waitUntil(lambda: QApplication.focusWidget() is reg.view, timeout=2000)
    assert reg.model.record(0).name == "杞县新建测试站(改)"

    # Delete with the Delete key, confirm.
    reg.view.setFocus()
    reg.view.selectRow(0)
    answer_next_box(QMessageBox.StandardButton.Yes)
    qtbot.keyClick(reg.view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: sample_store.count(STATION) == before)
    assert reg.model.total == 0

    # Restore from the recycle bin.
    window.show_page(RECYCLE)
    bin_page = window.pages[RECYCLE]
    row = next(r for r in range(bin_page.model.rowCount()) if bin_page.model.record(r).id == saved.id)
    bin_page.view.selectRow(row)
    qtbot.mouseClick(bin_page.restore_button, Qt.MouseButton.LeftButton)
    assert sample_store.count(STATION) == before + 1
    assert bin_page.model.rowCount() == 0

    # Undo the restore (back in the bin), redo it, undo twice more: the delete is undone and the edit.
    window.activateWindow()  # the offscreen platform does not hand activation back after a message box
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(bin_page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert sample_store.count(STATION) == before
    window.act_redo.trigger()
    assert sample_store.count(STATION) == before + 1
    window.act_undo.trigger()  # restore undone
    window.act_undo.trigger()  # delete undone
    assert sample_store.count(STATION) == before + 1
    window.act_undo.trigger()  # the rename undone
    assert sample_store.get_station(saved.id).name == "杞县新建测试站"

    # History lists the insert (readably), the edits, the delete and the restores.
    dlg = window.show_history(STATION, saved.id)
    rows = [dlg.model.record(r) for r in range(dlg.model.rowCount())]
    actions = [r.action for r in rows if r.action]
    assert actions[0] == "新增" and "删除" in actions and "恢复" in actions and "修改" in actions
    insert_rows = []
    for r in rows:
        if r.action and r.action != "新增":
            break
        insert_rows.append(r)
    inserted = {r.field: r.new for r in insert_rows}
    assert inserted["基站编码"] == "KF99999"  # normalised: full-width → ASCII, space stripped
    assert inserted["承建运营商"] == "中国联通"
    assert inserted["乡镇(街道)"] == "五里河镇"
    assert inserted["区县"] == "杞县"
    rename = [r for r in rows if r.field == "基站名称" and r.old]
    assert rename and rename[0].old == "杞县新建测试站" and rename[0].new == "杞县新建测试站(改)"
    dlg.close()
    assert sample_store.count(STATION, ListQuery(search="KF99999")) == 1
