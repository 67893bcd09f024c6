"""地图: boundaries, one scatter layer per status/operator plus venues and poles, hover, click, zoom."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt

from kf5g_desktop.domain import boundaries
from kf5g_desktop.domain.periods import IsoWeek
from kf5g_desktop.domain.schema import POLE, STATION, VENUE
from kf5g_desktop.gui.main_menus import MAP
from kf5g_desktop.gui.map_page import BY_OPERATOR, MapPage, project


def test_the_map_draws_the_unit_and_every_point_with_coordinates(qtbot, sample_store):
    page = MapPage(sample_store)
    qtbot.addWidget(page)
    page.resize(1024, 700)
    page.show()
    qtbot.waitExposed(page)
    stations = sample_store.map_points(STATION, "410221")
    assert len(stations) > 0
    layers = {k: v for k, v in page.layers.items() if k.startswith("station:")}
    assert sum(len(item.data) for item in layers.values()) == len(stations)
    # one layer per status present, each point where its record is
    statuses = set(stations.status)
    assert {k.split(":")[1] for k in layers} == statuses
    item = next(iter(layers.values()))
    kind, rid, _name, _code = page.record_of(STATION, int(item.data[0]["data"]))
    rec = sample_store.get(kind, rid)
    x, y = project([rec.lon], [rec.lat])
    assert abs(item.data[0]["x"] - x[0]) < 1e-9 and abs(item.data[0]["y"] - y[0]) < 1e-9
    assert page.tip(STATION, int(item.data[0]["data"])) == f"{rec.name}\n{rec.station_code}"
    assert item.opts["tip"](0, 0, item.data[0]["data"]) == f"{rec.name}\n{rec.station_code}"  # the hover
    # venues and poles are their own layers
    for k in (VENUE, POLE):
        if len(sample_store.map_points(k)):
            assert k in page.layers
    # the view shows 杞县's boundary
    (x0, _x1), (y0, y1) = page.plot.getViewBox().viewRange()
    qi = boundaries.unit_boundary("410221")
    assert x0 <= qi.lon_min * 0.8231 and y0 <= qi.lat_min and y1 >= qi.lat_max


def test_colour_by_operator_filters_and_click_opens(qtbot, sample_store):
    page = MapPage(sample_store)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.colour_by.setCurrentIndex(page.colour_by.findData(BY_OPERATOR))
    ops = set(sample_store.map_points(STATION).operator)
    assert {k.split(":")[1] for k in page.layers if k.startswith("station:")} == ops
    page.operator.setCurrentIndex(page.operator.findData("CTCC"))
    assert [k for k in page.layers if k.startswith("station:")] in ([], ["station:CTCC"])
    page.operator.setCurrentIndex(0)
    opened = []
    page.openRequested.connect(lambda kind, rid: opened.append((kind, rid)))
    item = page.layers[next(k for k in page.layers if k.startswith("station:"))]
    pts = item.points()
    item.sigClicked.emit(item, pts[:1], None)
    assert opened == [page.record_of(STATION, int(pts[0].data()))[:2]]


def test_keyboard_zoom_and_pan(qtbot, sample_store):
    page = MapPage(sample_store)
    qtbot.addWidget(page)
    page.resize(800, 600)
    page.show()
    qtbot.waitExposed(page)
    vb = page.plot.getViewBox()
    (x0, x1), _ = vb.viewRange()
    qtbot.keyClick(page, "+")
    (a0, a1), _ = vb.viewRange()
    assert a1 - a0 < x1 - x0
    qtbot.keyClick(page, "0")
    (b0, b1), _ = vb.viewRange()
    assert abs((b1 - b0) - (x1 - x0)) < 1e-6


def test_the_map_is_a_page_of_the_navigation(qtbot, window):
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert "地图" in titles
    window.show_page(MAP)
    assert isinstance(window.stack.currentWidget(), MapPage)


@pytest.fixture(scope="module")
def city_demo(tmp_path_factory):
    from kf5g_desktop.storage.demo import generate_demo

    path = tmp_path_factory.mktemp("map") / "city.db"
    generate_demo(path, stations=400, seed=6)
    return path


def _shown_stations(page) -> int:
    return sum(len(item.data) for key, item in page.layers.items() if key.startswith("station:"))


def test_the_week_shows_the_registers_as_they_stood_at_its_cut_off(qtbot, city_demo):
    from kf5g_desktop.storage.store import Store

    with Store.open(city_demo, readonly=True) as store:
        page = MapPage(store)
        qtbot.addWidget(page)
        page.show()
        qtbot.waitExposed(page)
        now = _shown_stations(page)
        assert now == store.count(STATION) == len(store.map_points(STATION))
        week = IsoWeek(2020, 40)
        page.moment_picker.set_week(week)
        moment = store.week_moment(week)
        assert page.moment == moment is not None
        then = _shown_stations(page)
        assert then == store.count(STATION, at=moment) and 0 < then < now
        # a station opened from the past week's map opens as it then stood
        opened = []
        page.openAtRequested.connect(lambda kind, rid, at: opened.append((kind, rid, at)))
        item = page.layers[next(k for k in page.layers if k.startswith("station:"))]
        item.sigClicked.emit(item, item.points()[:1], None)
        assert opened == [(*page.record_of(STATION, int(item.points()[0].data()))[:2], moment)]
        page.moment_picker.set_week(None)
        assert page.moment is None and _shown_stations(page) == now


def test_the_network_mode_filter(qtbot, city_demo):
    from kf5g_desktop.domain.values import ListQuery
    from kf5g_desktop.storage.store import Store

    with Store.open(city_demo, readonly=True) as store:
        page = MapPage(store)
        qtbot.addWidget(page)
        page.show()
        qtbot.waitExposed(page)
        page.mode.setCurrentIndex(page.mode.findData("NSA"))
        assert _shown_stations(page) == store.count(STATION, ListQuery(network_modes=["NSA"])) > 0


def test_a_drawn_rectangle_opens_its_points_as_a_list(qtbot, city_demo):
    from kf5g_desktop.storage.store import Store

    with Store.open(city_demo, readonly=True) as store:
        page = MapPage(store)
        qtbot.addWidget(page)
        page.resize(1024, 700)
        page.show()
        qtbot.waitExposed(page)
        b = boundaries.unit_boundary("410202")
        x, y = project([b.lon_min, b.lon_max], [b.lat_min, b.lat_max])
        rect = QRectF(QPointF(x[0], y[0]), QPointF(x[1], y[1]))
        stations = store.map_points(STATION)
        expected = {
            stations.ids[i]
            for i in range(len(stations))
            if b.lon_min <= stations.lon[i] <= b.lon_max and b.lat_min <= stations.lat[i] <= b.lat_max
        }
        # drawn with the mouse: 框选 on, a left-button drag across the view
        page.select_button.setChecked(True)
        vb = page.viewbox
        a = page.plot.mapFromScene(vb.mapViewToScene(rect.topLeft()))
        c = page.plot.mapFromScene(vb.mapViewToScene(rect.bottomRight()))
        viewport = page.plot.viewport()
        qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=a)
        for k in range(1, 11):
            qtbot.mouseMove(viewport, a + (c - a) * (k / 10))
        qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=c)
        qtbot.waitUntil(lambda: page.selection is not None)
        dialog = page.selection
        got = {r[1] for r in dialog.model.rows if r[0] == STATION}
        # the mouse rounds to pixels: the box drawn is the unit's box within a pixel or two
        assert len(got ^ expected) <= max(3, len(expected) // 50) and len(got) > 10
        row = next(r for r in dialog.model.rows if r[0] == STATION)
        assert dialog.model.data(dialog.model.index(0, 1)) == row[2]
        assert "基站" in dialog.windowTitle()
        opened = []
        page.openRequested.connect(lambda kind, rid: opened.append((kind, rid)))
        dialog.view.selectRow(0)
        qtbot.keyClick(dialog.view, Qt.Key.Key_Return)
        assert opened == [(row[0], row[1])]
        # exactly by the numbers: the unit's box
        rows = page.selected(rect)
        assert {r[1] for r in rows if r[0] == STATION} == expected
        # nothing inside: a note, no list
        assert page.select_rect(QRectF(0, 0, 1e-6, 1e-6)) is None and "没有" in page.note.text()
        dialog.close()
