"""Approvals page, audit log page, purge with confirmation, delete from the form."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from kf5g_desktop.domain.schema import STATION
from kf5g_desktop.domain.values import ListQuery
from kf5g_desktop.gui.main_window import APPROVALS, AUDIT, RECYCLE
from tests.gui.gui_helpers import answer_next_box, type_text


def test_approvals_page_filters_and_opens_the_station(qtbot, window, sample_store):
    window.show_page(APPROVALS)
    page = window.pages[APPROVALS]
    assert page.model.total == 15 and "15" in page.count_label.text()
    page.over30.setChecked(True)
    assert page.model.total == 15  # all waiting since 2 January (58 days)
    type_text(qtbot, page.search, "KF0002")
    qtbot.waitUntil(lambda: page.model.total == 5, timeout=3000)  # KF00020, 22, 24, 26, 28
    page.view.setCurrentIndex(page.model.index(0, 0))
    page.open_current()
    form = window.forms[-1]
    assert form.original.station_code.startswith("KF0002") and form.original.approvals
    form.done(0)


def test_audit_log_page_search(qtbot, window, sample_store):
    window.show_page(AUDIT)
    page = window.pages[AUDIT]
    assert page.model.total == sample_store.audit_count()
    type_text(qtbot, page.search, "县政府大楼")
    qtbot.waitUntil(lambda: page.model.total == 1, timeout=3000)
    assert page.model.data(page.model.index(0, 2)) == "新增"


def test_delete_from_form_then_purge(qtbot, window, sample_store):
    rec = sample_store.query(STATION, ListQuery(search="KF00005"))[0]
    form = window.open_record(STATION, rec.id)
    answer_next_box(QMessageBox.StandardButton.Yes)
    form.ui.b_delete.click()
    qtbot.waitUntil(lambda: not form.isVisible())
    assert sample_store.count(STATION) == 29
    window.show_page(RECYCLE)
    page = window.pages[RECYCLE]
    page.view.selectRow(0)
    seen: list[str] = []
    answer_next_box(QMessageBox.StandardButton.Cancel, seen)
    page.purge_button.click()
    assert "不能撤销" in seen[0] and page.model.rowCount() == 1
    answer_next_box(QMessageBox.StandardButton.Yes)
    page.purge_button.click()
    assert page.model.rowCount() == 0 and sample_store.recycle_bin() == []
    assert [e.action for e in sample_store.history(STATION, rec.id)][-1] == "purge"
