"""Every table model passes qtmodeltester; register lists page from SQL and sort/filter in SQL."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kf5g_desktop.domain.schema import POLE, STATION, VENUE
from kf5g_desktop.domain.values import ListQuery
from kf5g_desktop.gui.table_models import (
    ApprovalsTableModel,
    AuditLogModel,
    ListTableModel,
    RecordTableModel,
    history_columns,
    history_rows,
    recycle_columns,
)


def test_record_models_pass_modeltester(qtmodeltester, sample_store):
    for kind in (STATION, VENUE, POLE):
        model = RecordTableModel(sample_store, kind)
        model.PAGE = 7
        model.reload()
        qtmodeltester.check(model, force_py=True)


def test_station_model_pages_and_sorts_in_sql(qtmodeltester, sample_store):
    model = RecordTableModel(sample_store, STATION)
    model.PAGE = 10
    model.reload()
    assert model.total == 30 and model.rowCount() == 10 and model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 30 and not model.canFetchMore()
    col = next(i for i, c in enumerate(model.columns) if c.key == "station_code")
    model.sort(col, Qt.SortOrder.DescendingOrder)
    assert model.rowCount() == 10
    assert model.data(model.index(0, col)) == "KF00030"
    model.set_query(ListQuery(search="KF0001", statuses=["on_air"]))
    assert {model.record(r).station_code for r in range(model.rowCount())} == {
        "KF00011",
        "KF00013",
        "KF00015",
        "KF00017",
        "KF00019",
    }
    qtmodeltester.check(model, force_py=True)


def test_approvals_audit_history_recycle_models(qtmodeltester, sample_store):
    approvals = ApprovalsTableModel(sample_store)
    approvals.PAGE = 4
    approvals.reload()
    assert approvals.total == 15
    days_col = len(approvals.columns) - 1
    assert approvals.data(approvals.index(0, days_col)) == "58"  # 2021-01-02 → 2021-03-01
    qtmodeltester.check(approvals, force_py=True)

    audit = AuditLogModel(sample_store)
    audit.PAGE = 5
    audit.reload()
    assert audit.total == sample_store.audit_count() > 5
    qtmodeltester.check(audit, force_py=True)

    first = sample_store.query(STATION, ListQuery(limit=1))[0]
    sample_store.delete(STATION, first.id)
    rows = history_rows(sample_store.history(STATION, first.id))
    assert rows[0].action == "新增" and rows[-1].action == "删除"
    qtmodeltester.check(ListTableModel(history_columns(), rows), force_py=True)
    recycle = ListTableModel(recycle_columns(sample_store), sample_store.recycle_bin())
    assert recycle.rowCount() == 1
    qtmodeltester.check(recycle, force_py=True)
