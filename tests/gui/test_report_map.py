"""The report's map page (附图): the unit or the city with every station as at the week's end and
this week's new and opened stations highlighted; the last page of the PDF, read back with poppler."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QImage

from kf5g_desktop.domain import boundaries
from kf5g_desktop.domain.periods import IsoWeek
from kf5g_desktop.gui.report_document import ReportDocument, write_pdf
from kf5g_desktop.gui.report_map import NEW, OPENED, SCALE, MapTexts, _extent, _Frame, highlighted, report_map
from kf5g_desktop.reports.weekly import gather
from kf5g_desktop.storage.store import Store

pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
WEEK = IsoWeek(2020, 40)


@pytest.mark.parametrize("unit", ["410221", None])
def test_the_map_page_shows_the_weeks_stations(qapp, demo_db, tmp_path, unit):
    path, _ = demo_db
    with Store.open(path, readonly=True) as store:
        data = gather(store, WEEK, unit)
        moment = store.week_basis(WEEK, unit).moment
        n_then = store.count("station", at=moment)
    new, opened = highlighted(data)
    assert opened and new  # the demo's week has both
    notes = {s.id: s.note for s in data.figures.station_changes}
    assert {i for i, n in notes.items() if "开通" in n} == opened
    drawn = MapTexts()
    img = report_map(data, drawn)
    # every station as it stood at the week's end, each in one layer
    assert (drawn.opened, drawn.new) == (len(opened), len(new))
    assert drawn.opened + drawn.new + drawn.others == len(data.map_points) == n_then
    tr = QCoreApplication.translate  # the tests' language may be either
    assert tr("report", "本周开通（{n}个）").format(n=len(opened)) in drawn.texts
    assert tr("report", "本周新登记（{n}个）").format(n=len(new)) in drawn.texts
    names = [b.name for c, b in boundaries.unit_boundaries().items() if unit is None or c == unit]
    assert set(names) <= set(drawn.texts)
    if unit is None:
        assert tr("report", "市区放大") in drawn.texts
    # an opened station is painted red where it is (the frame the map uses)
    b = boundaries.unit_boundary(unit) if unit else None
    if b is not None:
        frame = _Frame(_area_of_unit_map(), *_extent([b]))
        i = data.map_points.ids.tolist().index(next(iter(opened)))
        q = frame.at(data.map_points.lon[i], data.map_points.lat[i])
        assert QColor(img.pixel(round(q.x() * SCALE), round(q.y() * SCALE))) == OPENED
    assert QColor(NEW) != QColor(OPENED)

    # the PDF: the map is the last page, after the sign-off, with its title and legend
    pdf = tmp_path / "report.pdf"
    pages = write_pdf(ReportDocument(data), pdf)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    last = text.split("\f")[pages - 1]
    assert _flat(tr("report", "附图　本周新增和开通基站分布")) in _flat(last)
    assert tr("report", "填报人：{name}").split("{")[0] not in last
    assert tr("report", "填报人：{name}").split("{")[0] in text.split("\f")[pages - 2]  # with the problems
    # the page as poppler paints it: the map's red and blue dots are there
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", str(pages), "-l", str(pages), str(pdf), str(tmp_path / "p")],
        check=True,
    )
    [png] = tmp_path.glob("p-*.png")
    page = QImage(str(png))
    colours = {QColor(page.pixel(x, y)).name() for x in range(0, page.width(), 2) for y in range(0, page.height(), 2)}
    for wanted in (OPENED, NEW):
        assert any(_close(QColor(c), wanted) for c in colours), wanted.name()


def _area_of_unit_map():
    from PySide6.QtCore import QRectF

    from kf5g_desktop.gui.report_map import HEIGHT, WIDTH

    return QRectF(8, 8, WIDTH - 16, HEIGHT - 16 - 56)


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _close(a: QColor, b: QColor, tol: int = 40) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < tol
