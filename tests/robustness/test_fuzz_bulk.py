"""Fuzzing (hypothesis, bounded) of the bulk importer of operators' lists: random bytes as .csv/.xlsx,
and random cell values under real headers. No exception escapes except our own Kf5gError
subclasses with a Chinese message; a preview that passes commits and the database stays valid."""

from __future__ import annotations

import re

import openpyxl
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kf5g_desktop.returns.bulk import commit, load_and_preview
from kf5g_desktop.storage.errors import Kf5gError
from tests.returns.factory import open_store
from tests.returns.office import assert_chinese

from .conftest import SLOW, STATS

N = 4 if SLOW else 1
BOUNDED = settings(
    deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
CJK = re.compile(r"[\u4e00-\u9fff]")
HEADERS = [
    "基站编码",
    "运营商",
    "基站名称",
    "区县代码",
    "乡镇",
    "经度",
    "纬度",
    "建设状态",
    "开通日期",
    "组网方式",
    "供电方式",
    "基站类型",
    "建设方式",
]


@pytest.fixture(scope="module")
def unit(tmp_path_factory):
    s = open_store(tmp_path_factory.mktemp("bulk") / "unit.db")
    yield s
    s.close()


def attempt(store, path) -> None:
    try:
        pv = load_and_preview(store, path, "stations")
    except Kf5gError as exc:
        for line in str(exc).splitlines():
            assert_chinese(line)
        STATS["rejected"] += 1
        return
    if not pv.ok:
        for p in pv.errors:
            assert_chinese(str(p))
        STATS["rejected"] += 1
        return
    try:
        commit(store, pv, description="fuzz")
    except Kf5gError as exc:
        assert CJK.search(str(exc)), exc
        STATS["rejected"] += 1
        return
    assert store.check() == []


@settings(BOUNDED, max_examples=60 * N)
@given(data=st.binary(max_size=2048), suffix=st.sampled_from([".csv", ".xlsx", ".xls", ".txt"]))
@example(data=b"\r\x00", suffix=".csv")  # found by CI: a lone CR made the csv module raise
@example(data=b'"a\rb",c\r\n1,2\r\n', suffix=".csv")
@example(data=b"PK\x03\x04" + b"\0" * 40, suffix=".csv")  # a broken workbook named .csv
@example(data=b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, suffix=".xls")
def test_random_bytes_never_escape_as_a_traceback(unit, tmp_path, data, suffix):
    path = tmp_path / f"清单{suffix}"
    path.write_bytes(data)
    attempt(unit, path)


cell = st.one_of(
    st.none(),
    st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=12),
    st.integers(-(10**15), 10**15),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(
        [
            "中国移动",
            "CMCC",
            "已开通",
            "SA",
            "直供电",
            "宏站",
            "新建",
            "410221",
            "410221101",
            "2021-02-01",
            "114.78",
            "34.55",
            "=1+1",
            "＝SUM(A1)",
        ]
    ),
)


@settings(BOUNDED, max_examples=40 * N)
@given(
    rows=st.lists(st.lists(cell, min_size=len(HEADERS), max_size=len(HEADERS)), min_size=1, max_size=6),
    as_csv=st.booleans(),
)
def test_random_cells_under_real_headers(unit, tmp_path, rows, as_csv):
    if as_csv:
        import csv

        path = tmp_path / "清单.csv"
        with path.open("w", encoding="utf-8-sig", newline="") as f:
            w = csv.writer(f)
            w.writerow(HEADERS)
            w.writerows([["" if v is None else v for v in r] for r in rows])
    else:
        path = tmp_path / "清单.xlsx"
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.append(HEADERS)
        for r in rows:
            ws.append([v if not isinstance(v, str) or not v.startswith("=") else "'" + v for v in r])
        wb.save(path)
    attempt(unit, path)
