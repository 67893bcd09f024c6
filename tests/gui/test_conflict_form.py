"""The record form when somebody else saved the record meanwhile: the save is refused with who and
when, and the user reloads, or compares and keeps their own changes on the record as it is now."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kf5g_desktop.domain.schema import STATION
from kf5g_desktop.gui.conflict_dialog import ConflictDialog
from kf5g_desktop.gui.record_form import RecordForm
from kf5g_desktop.storage.settings import S_USER
from kf5g_desktop.storage.store import Store
from tests.builders import numbered_station
from tests.conftest import Clock


@pytest.fixture(autouse=True)
def _chinese(qapp):
    """The interface in Chinese, whatever translator an earlier test's start-up left installed."""
    from PySide6.QtCore import QTranslator

    app = QApplication.instance()
    left = set(app.findChildren(QTranslator))
    for t in left:
        app.removeTranslator(t)
    yield
    for t in left:
        app.installTranslator(t)


@pytest.fixture
def two_people(tmp_path):
    """One database; 李四 has a station's form open while 张三 saves the same station at 10:42."""
    clock = Clock(datetime(2021, 3, 1, 9, 0))
    store = Store.open(tmp_path / "kf5g.db", clock=clock)
    store.setup_installation(kind="unit", unit_code="410221", user_name="李四")
    sid = store.save(numbered_station(1)).id
    yield store, clock, sid
    store.close()


def _as(store: Store, user: str) -> None:
    store.set_settings({S_USER: user})


def _theirs(store, clock, sid, **changes):
    _as(store, "张三")
    clock.now = datetime(2021, 3, 1, 10, 42)
    rec = store.get_station(sid)
    for k, v in changes.items():
        setattr(rec, k, v)
    store.save(rec)
    _as(store, "李四")
    clock.now = datetime(2021, 3, 1, 10, 50)


def _answer(then) -> list[ConflictDialog]:
    """When the conflict dialog comes up, run ``then(dialog)`` (as the user would click)."""
    seen: list[ConflictDialog] = []
    tries = [0]

    def act() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, ConflictDialog):
            seen.append(box)
            then(box)
            return
        tries[0] += 1
        if tries[0] < 500:
            QTimer.singleShot(20, act)

    QTimer.singleShot(0, act)
    return seen


def test_reload_shows_the_record_as_the_other_person_saved_it(qtbot, two_people):
    store, clock, sid = two_people
    form = RecordForm(store, STATION, store.get_station(sid))
    qtbot.addWidget(form)
    form.ui.f_address.setText("李四填的地址")
    _theirs(store, clock, sid, name="张三改的名")
    seen = _answer(lambda d: d.b_reload.click())
    assert form.save() is False
    assert len(seen) == 1
    assert seen[0].message.text() == "此记录已被 张三 于 10:42 修改，您的修改未保存。"
    assert form.ui.f_name.text() == "张三改的名" and form.ui.f_address.text() != "李四填的地址"
    assert form.original.meta.version == 2
    rec = store.get_station(sid)
    assert (rec.name, rec.address) == ("张三改的名", "金城街道1号")  # nothing of 李四's written
    form.ui.f_address.setText("李四填的地址")
    assert form.save() is True
    assert store.get_station(sid).meta.version == 3


def test_compare_and_keep_my_changes_on_the_record_as_it_is_now(qtbot, two_people):
    store, clock, sid = two_people
    form = RecordForm(store, STATION, store.get_station(sid))
    qtbot.addWidget(form)
    form.ui.f_address.setText("李四填的地址")
    _theirs(store, clock, sid, name="张三改的名")
    rows: list = []

    def compare_then_keep(d: ConflictDialog) -> None:
        d.b_compare.click()
        assert d.table.isVisible() and d.b_keep.isVisible()
        rows.extend((r.label, r.opened, r.theirs, r.mine, r.clash) for r in d.rows)
        d.b_keep.click()

    seen = _answer(compare_then_keep)
    assert form.save() is False and seen
    assert rows == [
        ("基站名称", "杞县测试站1", "张三改的名", "杞县测试站1", False),
        ("详细地址", "金城街道1号", "金城街道1号", "李四填的地址", False),
    ]
    assert (form.ui.f_name.text(), form.ui.f_address.text()) == ("张三改的名", "李四填的地址")
    assert "请核对后再保存" in form.ui.messages.text()
    assert form.save() is True
    rec = store.get_station(sid)
    assert (rec.name, rec.address, rec.meta.version) == ("张三改的名", "李四填的地址", 3)
    assert [h.user for h in store.history(STATION, sid) if h.action == "update"] == ["张三", "李四"]


def test_going_on_editing_keeps_the_form_as_it_was(qtbot, two_people):
    store, clock, sid = two_people
    form = RecordForm(store, STATION, store.get_station(sid))
    qtbot.addWidget(form)
    form.ui.f_name.setText("李四改的名")
    _theirs(store, clock, sid, name="张三改的名")
    clash: list = []

    def compare_then_cancel(d: ConflictDialog) -> None:
        d.b_compare.click()
        clash.extend((r.label, r.clash) for r in d.rows)
        clash.append(d.clash_note.isVisible())
        d.b_cancel.click()

    seen = _answer(compare_then_cancel)
    assert form.save() is False and seen
    assert clash == [("基站名称", True), True]
    assert form.ui.f_name.text() == "李四改的名" and form.original.meta.version == 1
    assert store.get_station(sid).name == "张三改的名"


def test_deleted_meanwhile_offers_no_reload(qtbot, two_people):
    store, clock, sid = two_people
    form = RecordForm(store, STATION, store.get_station(sid))
    qtbot.addWidget(form)
    form.ui.f_name.setText("李四改的名")
    _as(store, "张三")
    clock.now = datetime(2021, 3, 1, 10, 42)
    store.delete(STATION, sid)
    _as(store, "李四")
    texts: list = []

    def look(d: ConflictDialog) -> None:
        texts.append((d.message.text(), d.b_reload.isHidden(), d.b_compare.isHidden()))
        d.b_cancel.click()

    seen = _answer(look)
    assert form.save() is False and seen
    assert texts == [
        (
            "此记录已被 张三 于 10:42 删除，您的修改未保存。可在回收站中查看；如仍需要，请恢复后再修改。",
            True,
            True,
        )
    ]


def test_undo_of_a_save_does_not_overwrite_a_later_change_by_someone_else(qtbot, two_people):
    from PySide6.QtGui import QUndoStack

    from kf5g_desktop.gui.undo import SaveCommand

    store, clock, sid = two_people
    old = store.get_station(sid)
    mine = store.get_station(sid)
    mine.notes = "李四的备注"
    saved = store.save(mine)
    errors: list[str] = []
    stack = QUndoStack()
    stack.push(
        SaveCommand(
            lambda: store,
            STATION,
            saved,
            old,
            on_change=lambda: None,
            on_error=lambda e: errors.append(str(e)),
        )
    )
    _theirs(store, clock, sid, name="张三改的名")
    stack.undo()
    assert errors and errors[0].startswith("此记录已被 张三 于 10:42 修改")
    rec = store.get_station(sid)
    assert (rec.name, rec.notes) == ("张三改的名", "李四的备注")


def test_delete_from_a_form_of_an_older_version_is_refused(qtbot, window, sample_store):
    from PySide6.QtWidgets import QMessageBox

    from tests.gui.gui_helpers import answer_next_box

    sid = sample_store.query(STATION)[0].id
    form = window.open_record(STATION, sid)
    rec = sample_store.get_station(sid)
    rec.notes = "表单打开后别处改的"
    sample_store.save(rec)
    seen: list[str] = []
    answer_next_box(QMessageBox.StandardButton.Yes)  # 把…移到回收站？
    answer_next_box(QMessageBox.StandardButton.Ok, seen)
    form.ui.b_delete.click()
    assert seen[0].startswith("此记录已被 张三 于 10:00 修改")
    assert sample_store.get_station(sid).meta.deleted_at is None
