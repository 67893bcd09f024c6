"""The data rows written straight into the sheet XML (returns/sheetrows.py) are byte for byte what
openpyxl's write-only mode writes for the same values, and a worksheet-illegal character is refused
as openpyxl refuses it."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from decimal import Decimal

import pytest
from openpyxl import LXML, Workbook
from openpyxl.utils.exceptions import IllegalCharacterError

from kf5g_desktop.returns.sheetrows import defer_rows
from kf5g_desktop.returns.writer import _needs_text_cell, _text_cell

ROWS: list[list[object]] = [
    [1, "410221", "杞县城关镇1号站", 114.35, 34.123457, date(2021, 2, 1), None, "已开通", 0, 2500],
    [
        2,
        "a & b < c > d",
        " 前后有空格 ",
        "\u3000全角空格",
        "表情😀",
        "=1+1 公式样文字",
        "#N/A",
        "=",
        "-开头",
        "@某地",
    ],
    [3, "line\nbreak", "cr\rhere", "tab\there", 12345678901234567, -0.5, 1e-7, 1e20, True, False],
    [
        4,
        None,
        None,
        date(1900, 1, 1),
        date(1900, 3, 1),
        date(2099, 12, 31),
        "",
        float("nan"),
        datetime(2021, 2, 7, 16, 0),
        Decimal("1.5"),
    ],
    [5, "x" * 40000, "'引号\"双引号", "&amp;", "]]>", "<t>", "\ufeffbom", "末尾\n", None, None],
]


def _plain(ws, rows):  # what writer.py appended before (its safe_rows)
    for row in rows:
        ws.append([_text_cell(ws, v) if isinstance(v, str) and _needs_text_cell(v) else v for v in row])


def _sheet_xml(fill) -> bytes:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("基站")
    ws.append(["标题"])
    ws.append(["表头", "第二列"])
    fill(ws)
    import io

    buf = io.BytesIO()
    wb.save(buf)
    with zipfile.ZipFile(buf) as z:
        return z.read("xl/worksheets/sheet1.xml") + b"\n" + z.read("xl/styles.xml")


def test_rows_are_written_exactly_as_openpyxl_writes_them():
    ours = _sheet_xml(lambda ws: defer_rows(ws, ROWS, 10, first_row=3))
    theirs = _sheet_xml(lambda ws: _plain(ws, ROWS))
    if not LXML:  # openpyxl's ElementTree writer leaves a CR bare (a reader then sees LF); we keep it
        theirs = theirs.replace(b"cr\rhere", b"cr&#13;here")
    assert b"kf5g-rows-" not in ours
    assert ours == theirs


def test_no_rows():
    assert _sheet_xml(lambda ws: defer_rows(ws, [], 10, first_row=3)) == _sheet_xml(lambda ws: None)


@pytest.mark.parametrize("bad", ["bell\x07", "nul\x00", "esc\x1b站"])
def test_illegal_character_is_refused_as_openpyxl_refuses_it(bad):
    with pytest.raises(IllegalCharacterError):
        _sheet_xml(lambda ws: _plain(ws, [[1, bad]]))
    with pytest.raises(IllegalCharacterError):
        _sheet_xml(lambda ws: defer_rows(ws, [[1, bad]], 2, first_row=3))
