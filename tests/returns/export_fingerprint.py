"""A fingerprint of an exported return, read back with openpyxl: every cell's value, type, number
format and style of every sheet (``_meta`` and its digest included), and each sheet's frozen panes,
filter, merged cells, widths, drop-downs and print setup.

``scenario`` builds the same unit and city returns for a fixed clock every time; the golden
fingerprints in ``golden/`` were made with the writer before it was changed for speed
(``python -m tests.returns.export_fingerprint`` writes them again — only do that for a deliberate
change of the file's layout, never to make the test pass).
"""

from __future__ import annotations

import json
from datetime import date, datetime, time
from pathlib import Path

from openpyxl import load_workbook

GOLDEN = Path(__file__).parent / "golden" / "export_fingerprint.json"
UNITS = ("410221", "410202", "410225")


def _value(v: object) -> object:
    if isinstance(v, (datetime, date, time)):
        return [type(v).__name__, v.isoformat()]
    if isinstance(v, float):
        return ["float", repr(v)]
    return v


def _color(c) -> object:  # type: ignore[no-untyped-def]
    if c is None:
        return None
    return [c.type, *(_plain(getattr(c, c.type, None)) for _ in (0,)), _plain(c.tint)]


def _plain(v: object) -> object:
    return v if v is None or isinstance(v, (str, int, float, bool)) else None


def _style(cell) -> list[object]:  # type: ignore[no-untyped-def]
    f, fl, b, a = cell.font, cell.fill, cell.border, cell.alignment
    return [
        [f.name, f.sz, f.b, f.i, _color(f.color)],
        [fl.fill_type, _color(fl.fgColor), _color(fl.bgColor)],
        [s.style if s is not None else None for s in (b.left, b.right, b.top, b.bottom)],
        [_color(s.color) if s is not None else None for s in (b.left, b.right, b.top, b.bottom)],
        [a.horizontal, a.vertical, a.wrap_text],
        cell.protection.locked,
    ]


def _sheet(ws) -> dict[str, object]:  # type: ignore[no-untyped-def]
    styles: list[str] = []
    index: dict[str, int] = {}
    cells = []
    for row in ws.iter_rows():
        for c in row:
            if c.value is None and not c.has_style:
                continue
            key = json.dumps(_style(c), ensure_ascii=False)
            if key not in index:
                index[key] = len(styles)
                styles.append(key)
            cells.append([c.coordinate, _value(c.value), c.data_type, c.number_format, index[key]])
    ps = ws.page_setup
    pm = ws.page_margins
    return {
        "state": ws.sheet_state,
        "dimensions": ws.dimensions,
        "freeze_panes": ws.freeze_panes,
        "auto_filter": ws.auto_filter.ref,
        "merged": sorted(str(r) for r in ws.merged_cells.ranges),
        "columns": {k: d.width for k, d in sorted(ws.column_dimensions.items()) if d.width},
        "rows": {str(k): d.height for k, d in sorted(ws.row_dimensions.items()) if d.height},
        "validations": [
            [
                dv.type,
                dv.formula1,
                str(dv.sqref),
                dv.allow_blank,
                dv.showErrorMessage,
                dv.errorTitle,
                dv.error,
                dv.showDropDown,
            ]
            for dv in ws.data_validations.dataValidation
        ],
        "print": {
            "orientation": ps.orientation,
            "paper": ps.paperSize,
            "fit": [ps.fitToWidth, ps.fitToHeight],
            "fit_to_page": ws.sheet_properties.pageSetUpPr.fitToPage
            if ws.sheet_properties.pageSetUpPr is not None
            else None,
            "margins": [pm.left, pm.right, pm.top, pm.bottom, pm.header, pm.footer],
            "titles": ws.print_title_rows,
            "footer": [ws.oddFooter.center.text, ws.evenFooter.center.text],
        },
        "styles": [json.loads(s) for s in styles],
        "cells": cells,
    }


def fingerprint(path: Path) -> dict[str, object]:
    wb = load_workbook(path)
    try:
        return {"sheets": wb.sheetnames, **{name: _sheet(wb[name]) for name in wb.sheetnames}}
    finally:
        wb.close()


def scenario(tmp: Path) -> dict[str, Path]:
    """Unit returns of three counties for 2021-W05 (fixed clock), imported into a city database,
    and the city's consolidation exported from it: {name: path of the .xlsx}."""
    from kf5g_desktop.domain.periods import IsoWeek
    from kf5g_desktop.returns.export import export_return
    from kf5g_desktop.returns.importer import import_files
    from tests.returns import factory

    week = IsoWeek(2021, 5)
    out: dict[str, Path] = {}
    for i, unit in enumerate(UNITS):
        store = factory.open_store(tmp / unit / "kf5g.db", unit=unit)
        try:
            factory.make_records(store, unit, 14 + 3 * i, seed=7 + i)
            (tmp / unit / "out").mkdir()
            out[unit] = export_return(store, week, tmp / unit / "out").path
        finally:
            store.close()
    clock = factory.fixed_clock(factory.NOW)
    city = factory.open_store(tmp / "city" / "kf5g.db", kind="city", unit=None, clock=clock)
    try:
        import_files(city, [out[u] for u in UNITS[:2]])  # the third county has not returned
        (tmp / "city" / "out").mkdir()
        out["city"] = export_return(city, week, tmp / "city" / "out").path
    finally:
        city.close()
    return out


def fingerprints(tmp: Path) -> dict[str, object]:
    return {name: {"file": p.name, **fingerprint(p)} for name, p in scenario(tmp).items()}


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        GOLDEN.write_text(
            json.dumps(fingerprints(Path(d)), ensure_ascii=False, indent=0, sort_keys=True) + "\n",
            encoding="utf-8",
        )
    print(GOLDEN, GOLDEN.stat().st_size)
