"""Fuzzing (hypothesis, bounded) of the return reader: a valid return, damaged byte by byte or edited
cell by cell in a spreadsheet program, is verified (and, when it passes, planned and imported).
No exception escapes except our own Kf5gError subclasses, each with a Chinese message."""

from __future__ import annotations

import io
import re
from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kf5g_desktop.domain.periods import IsoWeek
from kf5g_desktop.returns.export import export_return
from kf5g_desktop.returns.format import S_APPROVALS, S_META, S_POLES, S_STATIONS, S_VENUES
from kf5g_desktop.returns.importer import apply_import, plan_import
from kf5g_desktop.returns.verify import verify_file
from kf5g_desktop.storage.errors import Kf5gError
from tests.returns.factory import make_records, open_store
from tests.returns.office import assert_chinese

from .conftest import SLOW, STATS

N = 4 if SLOW else 1
BOUNDED = settings(
    deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
CJK = re.compile(r"[\u4e00-\u9fff]")
WEEK = IsoWeek.parse("2021-W05")


@pytest.fixture(scope="module")
def valid_return(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ret")
    unit = open_store(folder / "unit.db")
    make_records(unit, "410221", 25, seed=4)
    path = export_return(unit, WEEK, folder).path
    unit.close()
    return path.read_bytes(), path.name


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    s = open_store(tmp_path_factory.mktemp("city") / "city.db", kind="city", unit="410200")
    yield s
    s.close()


def check_and_import(city, path, *, accept_modified=None) -> bool:
    """verify → plan → import; only our own errors may come out. True when the file was refused."""
    res = verify_file(city, path, accept_modified=accept_modified)  # "never raises for a bad file"
    msgs = res.messages()
    if not res.ok:
        assert msgs, msgs
        for m in msgs:
            assert_chinese(m)
        STATS["rejected"] += 1
        return True
    try:
        apply_import(city, plan_import(city, res), replace_confirmed=True)
        problems = city.check()  # what was imported passes the Store's own validation
        assert problems == [], [(p.key, p.issue.message) for p in problems[:5]]
    except Kf5gError as exc:
        assert CJK.search(str(exc)), exc
        STATS["rejected"] += 1
        return True
    return False


def test_the_unmodified_return_imports(city, valid_return, tmp_path):
    data, name = valid_return
    (tmp_path / name).write_bytes(data)
    assert not check_and_import(city, tmp_path / name)
    assert city.count("station") == 25


@settings(BOUNDED, max_examples=150 * N)
@given(
    flips=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), max_size=6),
    cut=st.one_of(st.none(), st.floats(0, 1)),
    insert=st.one_of(st.none(), st.tuples(st.floats(0, 1), st.binary(min_size=1, max_size=64))),
)
def test_a_return_damaged_byte_by_byte_never_escapes_as_a_traceback(
    city, valid_return, tmp_path, flips, cut, insert
):
    data, name = valid_return
    buf = bytearray(data)
    for where, value in flips:
        buf[int(where * len(buf))] = value
    if insert is not None:
        at = int(insert[0] * len(buf))
        buf[at:at] = insert[1]
    if cut is not None:
        del buf[int(cut * len(buf)) :]
    path = tmp_path / name
    path.write_bytes(bytes(buf))
    check_and_import(city, path, accept_modified="测试:逐字节损坏")


@settings(BOUNDED, max_examples=80 * N)
@given(
    member=st.integers(0, 100),
    flips=st.lists(
        st.tuples(st.floats(0, 1, exclude_max=True), st.binary(min_size=1, max_size=8)), max_size=4
    ),
    cut=st.one_of(st.none(), st.floats(0, 1)),
)
def test_a_return_with_damaged_xml_inside_never_escapes_as_a_traceback(
    city, valid_return, tmp_path, member, flips, cut
):
    """The zip is intact but one part's XML is damaged (a broken tool, a bad edit by hand)."""
    import zipfile

    data, name = valid_return
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        names = src.namelist()
        victim = names[member % len(names)]
        for n in names:
            part = bytearray(src.read(n))
            if n == victim:
                for where, junk in flips:
                    at = int(where * len(part))
                    part[at : at + len(junk)] = junk
                if cut is not None:
                    del part[int(cut * len(part)) :]
            dst.writestr(n, bytes(part))
    path = tmp_path / name
    path.write_bytes(out.getvalue())
    check_and_import(city, path, accept_modified="测试:XML 损坏")


CELL_VALUES = st.one_of(
    st.none(),
    st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=40),  # what Excel can hold
    st.sampled_from(
        ["=1+1", "=SUM(A1:A3)", "@x", "-", "+86", "是", "否", "已开通", "中国移动", "SA", "#N/A"]
    ),
    st.integers(-(10**15), 10**15),
    st.floats(allow_nan=False, allow_infinity=False),
    st.dates(min_value=date(1900, 3, 1)),
    st.datetimes(min_value=datetime(1900, 3, 1)),
    st.booleans(),
)
EDITABLE = [S_STATIONS, S_APPROVALS, S_VENUES, S_POLES, S_META]


ACTIONS = ["cell"] * 12 + ["delete_row", "merge", "merge", "insert_col", "drop_sheet"]
SHEETS = [S_STATIONS] * 4 + [S_APPROVALS, S_VENUES, S_POLES, S_META]


@st.composite
def edits(draw):
    out = []
    for _ in range(draw(st.integers(1, 5))):
        out.append(
            (
                draw(st.sampled_from(ACTIONS)),
                draw(st.sampled_from(SHEETS)),
                draw(st.integers(1, 30)),
                draw(st.integers(1, 30)),
                draw(CELL_VALUES),
            )
        )
    return out


def edited(data: bytes, changes) -> bytes:
    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(data))
    for what, sheet, row, col, value in changes:
        if sheet not in wb.sheetnames:
            continue
        ws = wb[sheet]
        if what == "cell":
            try:
                ws.cell(row=row, column=col).value = value
            except Exception:  # openpyxl refuses some values (control characters): not our reader's input
                continue
        elif what == "delete_row":
            ws.delete_rows(row)
        elif what == "merge":
            ws.merge_cells(start_row=row, start_column=col, end_row=row + 1, end_column=col + 2)
        elif what == "insert_col":
            ws.insert_cols(col)
        elif what == "drop_sheet" and len(wb.sheetnames) > 1:
            del wb[sheet]
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


@settings(BOUNDED, max_examples=35 * N)
@given(edits())
def test_a_return_edited_in_a_spreadsheet_program_is_refused_clearly_or_imported(
    city, valid_return, tmp_path, changes
):
    data, name = valid_return
    path = tmp_path / name
    path.write_bytes(edited(data, changes))
    check_and_import(city, path, accept_modified="测试:区县手工修改")
