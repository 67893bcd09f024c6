"""The data rows of a return's sheets, written as worksheet XML directly instead of cell by cell
through openpyxl — the same bytes openpyxl's write-only mode writes for them, at a fraction of the
cost (openpyxl spends about three quarters of a city export building and serialising one element
per cell).

The rest of each sheet (title, header rows, widths, frozen panes, filter, drop-downs, print setup)
is still openpyxl's: :func:`defer_rows` appends a marker row where the data rows go and, when
openpyxl closes the sheet, puts the rows in its place in the sheet's XML. Cells are written as
openpyxl writes them (checked byte for byte by tests/returns/test_sheetrows.py): strings inline
(``t="inlineStr"``, ``xml:space="preserve"`` when they have outer blanks, non-ASCII as character
references, else UTF-8), numbers with ``%.16g``, dates as Excel serial numbers with openpyxl's date style, empty
cells left out; a value of any other type goes through openpyxl's own cell writer. Text with a
character a worksheet cannot hold raises openpyxl's IllegalCharacterError, as openpyxl would.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Sequence
from datetime import date
from io import BytesIO
from typing import Any

from openpyxl import LXML
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell._writer import write_cell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.utils.exceptions import IllegalCharacterError
from openpyxl.xml.functions import xmlfile

# openpyxl writes through lxml (when installed) with non-ASCII as character references, else
# through its own ElementTree writer in UTF-8: the rows are encoded the same way.
_ENCODE = ("ascii", "xmlcharrefreplace") if LXML else ("utf-8", "strict")
_MAX_TEXT = 32767  # openpyxl cuts longer text (Excel's limit for a cell)
_CHUNK_ROWS = 2000
_NEEDS_ESCAPE = re.compile(r"[&<>\r]")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


class RowWriter:
    """Turns rows of plain values into ``<row>`` XML for one sheet."""

    def __init__(self, ws: Any, width: int, *, dates: bool) -> None:
        self.ws = ws
        self.letters = [get_column_letter(i) for i in range(1, width + 1)]
        # openpyxl's date style, registered (as openpyxl would, at the sheet's first date) only
        # if there are dates: the workbook's styles stay the same
        self.date_style = WriteOnlyCell(ws, value=date(2021, 1, 1)).style_id if dates else -1
        self._serials: dict[date, str] = {}

    def _date(self, v: date) -> str:
        s = self._serials.get(v)
        if s is None:
            s = self._serials[v] = f"{to_excel(v, self.ws.parent.epoch):.16g}"
        return s

    def _other(self, value: object, col: int, row: int) -> str:
        """A value of another type (or an openpyxl cell): through openpyxl's own cell writer."""
        cell = value if isinstance(value, Cell) else WriteOnlyCell(self.ws, value=value)
        cell.column, cell.row = col, row
        if cell._value is None and not cell.has_style:
            return ""
        buf = BytesIO()
        with xmlfile(buf) as xf:
            write_cell(xf, self.ws, cell, cell.has_style)
        return buf.getvalue().decode(_ENCODE[0])

    def row(self, values: Sequence[object], r: int) -> str:
        rs = str(r)
        parts = [f'<row r="{rs}">']
        add = parts.append
        letters = self.letters
        v: Any
        for i, v in enumerate(values):
            if v is None:
                continue
            cls = v.__class__
            if cls is str and v:
                if len(v) > _MAX_TEXT:
                    v = v[:_MAX_TEXT]
                text = _escape(v) if _NEEDS_ESCAPE.search(v) else v
                space = ' xml:space="preserve"' if v != v.strip() else ""
                add(f'<c r="{letters[i]}{rs}" t="inlineStr"><is><t{space}>{text}</t></is></c>')
            elif cls is int or (cls is float and v - v == 0.0):
                add(f'<c r="{letters[i]}{rs}" t="n"><v>{v:.16g}</v></c>')
            elif cls is date:
                add(f'<c r="{letters[i]}{rs}" s="{self.date_style}" t="n"><v>{self._date(v)}</v></c>')
            elif cls is bool:
                add(f'<c r="{letters[i]}{rs}" t="b"><v>{int(v)}</v></c>')
            else:
                add(self._other(v, i + 1, r))
        add("</row>")
        xml = "".join(parts)
        if ILLEGAL_CHARACTERS_RE.search(xml):
            bad = next(v for v in values if isinstance(v, str) and ILLEGAL_CHARACTERS_RE.search(v))
            raise IllegalCharacterError(f"{bad} cannot be used in worksheets.")
        return xml


def defer_rows(ws: Any, rows: Sequence[Sequence[object]], width: int, first_row: int) -> None:
    """Have ``rows`` (plain values) written as rows ``first_row``… of write-only sheet ``ws``, after
    the rows appended so far; nothing may be appended after this call."""
    marker = f"kf5g-rows-{uuid.uuid4().hex}"
    ws.append([marker])
    dates = any(v.__class__ is date for row in rows for v in row)  # stops at the first
    writer = RowWriter(ws, width, dates=dates)
    close = ws.close

    def close_and_fill() -> None:
        close()
        path = ws._writer.out
        with open(path, "rb") as f:
            xml = f.read()
        start = xml.index(f'<row r="{first_row}">'.encode())
        end = xml.index(b"</row>", xml.index(marker.encode(), start)) + len(b"</row>")
        tmp = f"{path}.rows"
        with open(tmp, "wb") as out:
            out.write(xml[:start])
            chunk: list[str] = []
            r = first_row
            for values in rows:
                chunk.append(writer.row(values, r))
                r += 1
                if len(chunk) >= _CHUNK_ROWS:
                    out.write("".join(chunk).encode(*_ENCODE))
                    chunk.clear()
            out.write("".join(chunk).encode(*_ENCODE))
            out.write(xml[end:])
        os.replace(tmp, path)

    ws.close = close_and_fill
