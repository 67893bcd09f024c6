"""Record forms: sticky 保存并新建, warnings ask first, venue/pole forms and the picker, labels from the schema."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from kf5g_desktop.domain.schema import FIELDS, POLE, STATION, VENUE
from kf5g_desktop.domain.values import ListQuery
from kf5g_desktop.gui.record_form import RecordForm
from tests.gui.gui_helpers import answer_next_box, choose, tab_to, type_text


def test_form_labels_come_from_the_schema(qtbot, sample_store):
    for kind in (STATION, VENUE, POLE):
        form = RecordForm(sample_store, kind)
        qtbot.addWidget(form)
        for spec in FIELDS[kind]:
            label = form.findChild(QLabel, f"l_{spec.name}")
            text = (
                label.text() if label is not None else form.ui.g_notes.title()
            )  # station notes: a group box
            assert text == spec.label, spec.name
            assert form.widget(spec.name) is not None, spec.name


def test_save_and_new_keeps_unit_township_operator(qtbot, window, sample_store):
    form = window.new_record(STATION)
    qtbot.waitUntil(form.isActiveWindow, timeout=2000)
    ui = form.ui
    type_text(qtbot, ui.f_station_code, "S1")
    choose(qtbot, ui.f_operator, "中国电信")
    type_text(qtbot, ui.f_name, "连续录入一")
    choose(qtbot, ui.f_township_code, "五里河镇")
    qtbot.keyClick(
        ui.f_name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert sample_store.find_station("CTCC", "S1") is not None
    # A fresh form with the sticky values, cursor on the code.
    assert form.original is None and ui.f_station_code.text() == "" and ui.f_name.text() == ""
    assert ui.f_operator.currentData() == "CTCC" and ui.f_township_code.currentData() == "410221101"
    assert ui.f_unit_code.currentData() == "410221"
    type_text(qtbot, ui.f_station_code, "S2")
    tab_to(qtbot, form, ui.f_name)
    type_text(qtbot, ui.f_name, "连续录入二")
    qtbot.keyClick(
        ui.f_name, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier
    )  # Ctrl+N in a form = save and new
    s2 = sample_store.find_station("CTCC", "S2")
    assert s2 is not None and s2.township_code == "410221101"


def test_warning_asks_before_saving(qtbot, window, sample_store):
    form = window.new_record(STATION)
    qtbot.waitUntil(form.isActiveWindow, timeout=2000)
    ui = form.ui
    type_text(qtbot, ui.f_station_code, "W1")
    choose(qtbot, ui.f_operator, "中国移动")
    type_text(qtbot, ui.f_name, "县界外的站")
    ui.f_lon.setFocus()
    type_text(qtbot, ui.f_lon, "114.30")  # inside Kaifeng, outside 杞县's box: a warning
    ui.f_lat.setFocus()
    type_text(qtbot, ui.f_lat, "34.80")
    seen: list[str] = []
    answer_next_box(QMessageBox.StandardButton.Cancel, seen)
    assert form.save() is False
    assert seen and "仍要保存" in seen[0]
    assert sample_store.find_station("CMCC", "W1") is None
    assert ui.f_lon.property("invalid") == "warning" or ui.f_lat.property("invalid") == "warning"
    answer_next_box(QMessageBox.StandardButton.Save)
    assert form.save() is True
    assert sample_store.find_station("CMCC", "W1") is not None


def test_bad_date_and_approvals(qtbot, window, sample_store):
    rec = sample_store.query(STATION, ListQuery(search="KF00002"))[0]
    form = window.open_record(STATION, rec.id)
    qtbot.waitUntil(form.isActiveWindow, timeout=2000)
    ui = form.ui
    assert ui.f_approvals.item(0, 1).text() == "2021-01-02"
    assert ui.f_approvals.item(0, 3).text() == "58"  # waiting since 2 January, today is 1 March
    ui.f_approvals.item(0, 2).setText("2021年2月1日")
    assert ui.f_approvals.item(0, 3).text() == "30"
    ui.f_planned_on_air.setFocus()
    type_text(qtbot, ui.f_planned_on_air, "2021/13/45")
    assert form.save() is False
    assert ui.f_planned_on_air.property("invalid") == "error"
    assert "计划开通日期" in ui.messages.text()
    ui.f_planned_on_air.selectAll()
    type_text(qtbot, ui.f_planned_on_air, "2021/6/30")
    assert form.save() is True
    saved = sample_store.get_station(rec.id)
    assert str(saved.planned_on_air) == "2021-06-30"
    assert str(saved.approvals[0].granted_on) == "2021-02-01"


def test_venue_and_pole_forms_and_picker(qtbot, window, sample_store):
    form = window.new_record(VENUE)
    qtbot.waitUntil(form.isActiveWindow, timeout=2000)
    ui = form.ui
    type_text(qtbot, ui.f_name, "县体育馆")
    choose(qtbot, ui.f_category, "大型场馆")
    tab_to(qtbot, form, ui.f_resources__rooftop)
    qtbot.keyClick(ui.f_resources__rooftop, Qt.Key.Key_Space)
    ui.f_phone.setFocus()
    type_text(qtbot, ui.f_phone, "0371-８８８")  # full-width digits from an input method
    assert form.save() is True
    venue = form.last_saved
    assert (
        venue.venue_code.startswith("CS410221-")
        and venue.resources == ["rooftop"]
        and venue.phone == "0371-888"
    )
    form.done(0)

    pole_form = window.new_record(POLE)
    qtbot.waitUntil(pole_form.isActiveWindow, timeout=2000)
    type_text(qtbot, pole_form.ui.f_name, "文化路智慧杆")
    choose(qtbot, pole_form.ui.f_smart, "是")
    assert pole_form.save() is False  # 权属行业 and 杆塔类型 are required
    assert "权属行业" in pole_form.ui.messages.text()
    choose(qtbot, pole_form.ui.f_sector, "市政")
    choose(qtbot, pole_form.ui.f_pole_type, "智慧杆")
    assert pole_form.save() is True and pole_form.last_saved.smart is True
    pole_form.done(0)

    # Link the station to the venue through the picker (search, Enter).
    rec = sample_store.query(STATION, ListQuery(search="KF00003"))[0]
    sform = window.open_record(STATION, rec.id)
    qtbot.waitUntil(sform.isActiveWindow, timeout=2000)

    def pick() -> None:
        dlg = QApplication.activeModalWidget()
        if dlg is None or not hasattr(dlg, "page"):
            from PySide6.QtCore import QTimer

            QTimer.singleShot(20, pick)
            return
        type_text(qtbot, dlg.page.search, "体育馆")
        qtbot.keyClick(dlg.page.search, Qt.Key.Key_Return)
        qtbot.keyClick(dlg.page.view, Qt.Key.Key_Return)

    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, pick)
    qtbot.mouseClick(sform.ui.b_venue_id_pick, Qt.MouseButton.LeftButton)
    assert "县体育馆" in sform.ui.f_venue_id.text()
    assert sform.save() is True
    assert sample_store.get_station(rec.id).venue_id == venue.id
    assert sample_store.get_venue(venue.id).station_count == 1


def test_free_text_keeps_chinese_punctuation_codes_become_ascii(qtbot, window, sample_store):
    """PRODUCT §3.3: a note typed "已协调（街道）：完成；" is stored as typed; a code typed with a
    Chinese input method (full-width) is stored in ASCII."""
    form = window.new_record(STATION)
    qtbot.waitUntil(form.isActiveWindow, timeout=2000)
    ui = form.ui
    type_text(qtbot, ui.f_station_code, "ＱＸ００１")
    choose(qtbot, ui.f_operator, "中国电信")
    type_text(qtbot, ui.f_name, "杞县（城关）５Ｇ站")
    choose(qtbot, ui.f_township_code, "五里河镇")
    ui.f_notes.setPlainText("已协调（街道）：完成；")
    qtbot.keyClick(ui.f_name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    got = sample_store.find_station("CTCC", "QX001")
    assert got is not None
    assert got.name == "杞县（城关）5G站" and got.notes == "已协调（街道）：完成；"
