"""The return on paper (issue 14.8): the 30-column 基站 sheet prints on A3 landscape one page wide at a
readable size (printed to PDF by LibreOffice and measured), the other sheets on A4; the 封面's 年度目标
line never compares a county with the city's target. The digest is not touched by any of it."""

from __future__ import annotations

import re
import shutil
import subprocess

import openpyxl
import pytest

from kf5g_desktop.domain.targets import METRIC_STATIONS
from kf5g_desktop.returns.export import export_return
from kf5g_desktop.returns.verify import verify_file
from tests.returns.conftest import WEEK
from tests.returns.office import convert, needs_soffice

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None, reason="poppler-utils not installed"
)
_WORD = re.compile(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>')


def _words(pdf, page: int) -> list[tuple[float, str]]:
    out = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), "-bbox", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [(float(b) - float(a), w) for a, b, w in _WORD.findall(out)]


def _page_size(pdf, page: int) -> tuple[float, float]:
    out = subprocess.run(
        ["pdfinfo", "-f", str(page), "-l", str(page), str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    m = re.search(rf"Page\s+{page} size:\s+([\d.]+) x ([\d.]+)", out)
    assert m, out
    return float(m.group(1)), float(m.group(2))


def _paper(size: tuple[float, float]) -> str:
    w, h = (round(v) for v in size)
    return {(1191, 842): "A3 landscape", (842, 595): "A4 landscape", (595, 842): "A4 portrait"}.get(
        (w, h), f"{w}x{h}"
    )


def _carlito() -> bool:
    fc = shutil.which("fc-list")
    return bool(fc) and "Carlito" in subprocess.run([fc], capture_output=True, text=True).stdout


@needs_soffice
@needs_poppler
def test_stations_sheet_prints_readable_on_a3(exported, tmp_path):
    pdf = convert(exported.path, "pdf", tmp_path / "pdf")
    pages = int(
        re.search(r"Pages:\s+(\d+)", subprocess.check_output(["pdfinfo", str(pdf)], text=True)).group(1)
    )
    texts = {p: _words(pdf, p) for p in range(1, pages + 1)}
    stations = [p for p, words in texts.items() if any(w == "5G基站建设情况表" for _h, w in words)]
    first = stations[0]  # rows 1–3 repeat on every page of the sheet: each names the table
    papers = {p: _paper(_page_size(pdf, p)) for p in texts}
    assert {p for p, paper in papers.items() if paper == "A3 landscape"} == set(stations)
    assert papers[1] == "A4 portrait"  # the 封面
    assert set(papers.values()) <= {"A3 landscape", "A4 landscape", "A4 portrait"}, papers
    words = [w for _h, w in texts[first]]
    codes = [row[2] for row in exported.content.sheets["基站"][:10]]
    assert all(c in words for c in codes)  # every column on the page: the station codes are there
    assert "备注" in words and "补助状态" in words  # … up to the last one
    # Text size: the height of the unit code (default font, 11 pt in the sheet) on this page, against
    # the same font unscaled on the 封面 (the phone number cell).
    ref = [h for h, w in texts[1] if w == "0371-23456789"]
    on_page = [h for h, w in texts[first] if w == "410221"]
    assert ref and on_page
    points = 11 * on_page[0] / ref[0]
    # About 6.6 pt with Calibri's metrics (Carlito); about 3 pt on A4 one page wide. A wider stand-in
    # font (DejaVu Sans, when Carlito is not installed) makes LibreOffice scale down further.
    assert points >= (6.0 if _carlito() else 5.0), points


def _cover_target(path) -> str:
    wb = openpyxl.load_workbook(path, read_only=True)
    for row in wb["封面"].iter_rows(values_only=True):
        if row and row[0] == "年度目标":
            return str(row[1])
    raise AssertionError("no 年度目标 line")


def test_cover_target_is_the_units_own(unit_store, tmp_path):
    # A fresh database has the city's targets only: a county is not compared with them.
    assert {t.unit_code for t in unit_store.targets()} == {None}
    res = export_return(unit_store, WEEK, tmp_path, record=False)
    line = _cover_target(res.path)
    assert line == "本区县目标未下达" and "%" not in line
    unit_store.set_target("410221", 2021, METRIC_STATIONS, 120)
    (tmp_path / "2").mkdir()
    res2 = export_return(unit_store, WEEK, tmp_path / "2", record=False)
    on_air = res2.content.summary.total.on_air
    assert _cover_target(res2.path) == f"120 个（2021年本区县目标），完成 {on_air / 120:.1%}"
    assert res2.content.digest == res.content.digest  # the 封面 is not part of the digest
    unit_store.set_target("410222", 2021, METRIC_STATIONS, 999)  # another county's target: not ours
    (tmp_path / "3").mkdir()
    assert "120 个" in _cover_target(export_return(unit_store, WEEK, tmp_path / "3", record=False).path)


def test_city_cover_uses_the_city_target(exported, city_store, tmp_path):
    from kf5g_desktop.returns.importer import apply_import, plan_import

    apply_import(city_store, plan_import(city_store, verify_file(city_store, exported.path)))
    res = export_return(city_store, WEEK, tmp_path, record=False)
    assert _cover_target(res.path).startswith("2500 个（2021年全市目标），完成 ")
