"""The fast reading paths give exactly what their plain definitions give.

``Digest.rows`` writes most rows without ``json.dumps``; ``RowParser.parse_rows`` parses column by
column with inline fast paths. Both are checked against the straightforward versions (RETURNS.md's
digest text, :meth:`RowParser.begin` row by row) on random cells, including the awkward ones.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kf5g_desktop.domain import codes
from kf5g_desktop.returns.format import (
    HEADERS,
    S_APPROVALS,
    S_POLES,
    S_STATIONS,
    S_VENUES,
    Digest,
    canonical,
    canonical_column,
    digest_lines,
)
from kf5g_desktop.returns.parsing import PARSERS, RowParser
from kf5g_desktop.returns.rows import CODE_LISTS

TEXTS = st.text(
    alphabet=st.sampled_from([*'ab 1"\\\n\t\r\x00\x1f\u3000\u00a0\u200b\uff21中国移动、,', "是", "否"]),
    max_size=8,
)
DATES = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
CELLS = st.one_of(
    st.none(),
    st.just(""),
    TEXTS,
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**20), max_value=10**20).map(float),
    st.integers(min_value=-5, max_value=100_000),
    st.booleans(),
    DATES,
    st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1)),
)


def _reference_digest(rows: list[list[object]]) -> str:
    lines = [
        "meta\t"
        + json.dumps(
            ["kf5g-return", "1", "410221", "2021-02-01", "2021-02-07"],
            ensure_ascii=False,
            separators=(",", ":"),
        )
    ]
    for cells in rows:
        lines.append(
            "基站\t" + json.dumps([canonical(c) for c in cells], ensure_ascii=False, separators=(",", ":"))
        )
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(CELLS, min_size=1, max_size=6), max_size=6))
def test_digest_rows_equal_the_definition(rows):
    d = Digest("410221", "2021-02-01", "2021-02-07")
    d.rows("基站", rows)
    assert d.hexdigest() == _reference_digest(rows)


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=1, max_value=5).flatmap(
        lambda w: st.lists(st.lists(CELLS, min_size=w, max_size=w), max_size=6)
    )
)
def test_digest_lines_equal_the_definition(rows):
    d = Digest("410221", "2021-02-01", "2021-02-07")
    text, empty = digest_lines("基站", list(zip(*rows, strict=True)) if rows else [])
    d.add_text(text)
    assert d.hexdigest() == _reference_digest(rows)
    assert empty == [k for k, cells in enumerate(rows) if all(canonical(c) == "" for c in cells)]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(st.floats(), st.just(""), st.just("  "), st.floats(min_value=-1e-6, max_value=1e-6)),
        max_size=8,
    ),
    st.lists(st.one_of(DATES, st.just(""), st.just(" x ")), max_size=8),
)
def test_canonical_columns_of_numbers_and_dates(numbers, dates):
    assert canonical_column(numbers) == [canonical(c) for c in numbers]
    assert canonical_column(dates) == [canonical(c) for c in dates]


def _column_cells(header: str) -> st.SearchStrategy[object]:
    """Cells for a column: mostly plausible values of its kind, sometimes anything."""
    plausible: list[st.SearchStrategy[object]] = [CELLS.filter(lambda c: c == c)]  # NaN ≠ NaN
    if header in CODE_LISTS:
        labels = list(CODE_LISTS[header].labels)
        plausible.append(
            st.sampled_from([*labels, *(f" {x} " for x in labels), "、".join(labels[:2]), "未知"])
        )
    if header == "乡镇(街道)":
        plausible.append(st.sampled_from(["城关镇", " 城关镇", "410221100", "不存在乡"]))
    if header in ("纳入规划", "纳入控规", "是否免费", "智能杆"):
        plausible.append(st.sampled_from(["是", "否", "Y", "N", "有"]))
    return st.one_of(*plausible)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(st.data())
def test_parse_rows_equals_begin_row_by_row(data):
    towns = {"城关镇": "410221100", "五里河镇": "410221101"}
    for sheet in (S_STATIONS, S_APPROVALS, S_VENUES, S_POLES):
        headers = HEADERS[sheet]
        rows = data.draw(
            st.lists(st.tuples(*(_column_cells(h) for h in headers)).map(list), min_size=1, max_size=8),
            label=sheet,
        )
        numbers = [4 + k for k in range(len(rows))]
        ref_parser = RowParser(sheet, towns)
        expected = [
            PARSERS[sheet](ref_parser, ref_parser.begin(r, cells))
            for r, cells in zip(numbers, rows, strict=True)
        ]
        # the fast path sees empty cells as python-calamine gives them: ""
        raw = [["" if c is None else c for c in cells] for cells in rows]
        got = RowParser(sheet, towns).parse_rows(raw, numbers, PARSERS[sheet])
        assert got == expected
        # as verify calls it: columns plus their canonical strings (made for the digest)
        cols = list(zip(*raw, strict=True))
        canon = [canonical_column(c) for c in cols]
        assert RowParser(sheet, towns).parse_columns(cols, numbers, PARSERS[sheet], canon) == expected


def test_parse_rows_reuses_nothing_mutable_between_records():
    labels = "、".join(codes.OPERATOR.labels[:2])
    row = [1.0, "410221", "460000000001", "", "站", "中国移动", labels] + [""] * 23
    p = RowParser(S_STATIONS, {})
    a, b = p.parse_rows([row, list(row)], [4, 5], PARSERS[S_STATIONS])
    assert a.record.sharing_operators == b.record.sharing_operators == list(codes.OPERATOR.codes[:2])
    a.record.sharing_operators.append("X")
    assert "X" not in b.record.sharing_operators
