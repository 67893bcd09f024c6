"""导入批次: the batches listed, a batch's coordinate system declared and the declaration undone."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from kf5g_desktop.domain import coords
from kf5g_desktop.domain.kinds import STATION
from kf5g_desktop.gui.batches_dialog import BatchesDialog
from kf5g_desktop.returns import bulk
from tests.gui.gui_helpers import answer_next_box
from tests.returns.test_bulk import _row, _xlsx

WGS = (114.7725, 34.5491)  # inside 杞县


def test_declare_and_undo_from_the_list(qtbot, sample_store, tmp_path):
    store = sample_store
    typed = coords.wgs84_to_gcj02(*WGS)
    pv = bulk.load_and_preview(
        store, _xlsx(tmp_path / "gaode.xlsx", [_row(0, 经度=round(typed[0], 6), 纬度=round(typed[1], 6))]), "stations"
    )
    batch = bulk.commit(store, pv)
    code = pv.rows[0].record.station_code
    dialog = BatchesDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.item(0, 0).text() == str(batch)
    assert dialog.declare_button.isEnabled() and dialog.undo_button.isEnabled()
    changed = []
    dialog.changed.connect(lambda: changed.append(1))
    seen: list[str] = []
    answer_next_box(QMessageBox.StandardButton.Ok, seen)
    dialog.declare(coords.GCJ02)
    assert changed and "1 条记录改为 WGS-84" in seen[0]
    [st] = [s for s in store.query(STATION) if s.station_code == code]
    assert coords.distance_m(st.lon, st.lat, *WGS) < 1.0
    # the declaration is the newest batch, selected: it cannot itself be declared, only undone
    assert dialog.table.item(0, 0).text() != str(batch) and "声明批次" in dialog.table.item(0, 3).text()
    assert not dialog.declare_button.isEnabled() and dialog.undo_button.isEnabled()
    answer_next_box(QMessageBox.StandardButton.Ok, seen)
    dialog.undo()
    assert "已撤销批次" in seen[1] and "已撤销" in dialog.table.item(0, 4).text()
    [st] = [s for s in store.query(STATION) if s.station_code == code]
    assert (round(st.lon, 6), round(st.lat, 6)) == (round(typed[0], 6), round(typed[1], 6))
    # a refused declaration says why, in a box
    dialog.table.selectRow(1)
    answer_next_box(QMessageBox.StandardButton.Ok, seen)
    dialog.declare(coords.WGS84)
    assert "不改变任何数字" in seen[2]
