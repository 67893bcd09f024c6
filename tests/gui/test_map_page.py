"""地图: boundaries, one layer per status/operator plus venues and poles painted into one raster,
hover, click, zoom, the legend, the grid index that finds the point under the mouse."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt

from kf5g_desktop.domain import boundaries
from kf5g_desktop.domain.periods import IsoWeek
from kf5g_desktop.domain.schema import POLE, STATION, VENUE
from kf5g_desktop.gui.main_menus import MAP
from kf5g_desktop.gui.map_page import BY_OPERATOR, MapPage, PointIndex, project


def _viewport_pos(page, x: float, y: float) -> QPoint:
    """Where view point (x, y) is on the plot's viewport, in pixels."""
    return page.plot.mapFromScene(page.viewbox.mapViewToScene(QPointF(x, y)))


def _nearest_by_scan(page, x: float, y: float) -> tuple[str, int]:
    """The shown point nearest to (x, y), by looking at every one (what the index must agree with)."""
    best = None
    for layer in page._shown:
        if not len(layer):
            continue
        d2 = (layer.x - x) ** 2 + (layer.y - y) ** 2
        k = int(np.argmin(d2))
        if best is None or d2[k] < best[0]:
            best = (float(d2[k]), layer.kind, int(layer.index[k]))
    assert best is not None
    return best[1], best[2]


def _click_on(qtbot, page, layer, k: int) -> tuple[str, int]:
    """A real left click on the viewport where point ``k`` of ``layer`` is drawn; returns the
    (kind, id) the click must open: the shown point nearest to where the mouse landed."""
    pos = _viewport_pos(page, float(layer.x[k]), float(layer.y[k]))
    v = page.viewbox.mapSceneToView(page.plot.mapToScene(pos))
    kind, i = _nearest_by_scan(page, v.x(), v.y())
    qtbot.mouseClick(page.plot.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    return kind, int(page._points[kind].ids[i])


def test_the_map_draws_the_unit_and_every_point_with_coordinates(qtbot, sample_store):
    page = MapPage(sample_store)
    qtbot.addWidget(page)
    page.resize(1024, 700)
    page.show()
    qtbot.waitExposed(page)
    stations = sample_store.map_points(STATION, "410221")
    assert len(stations) > 0
    layers = {k: v for k, v in page.layers.items() if k.startswith("station:")}
    assert sum(len(layer) for layer in layers.values()) == len(stations)
    # one layer per status present, each point where its record is
    statuses = set(stations.status)
    assert {k.split(":")[1] for k in layers} == statuses
    layer = next(iter(layers.values()))
    kind, rid, _name, _code = page.record_of(STATION, int(layer.index[0]))
    rec = sample_store.get(kind, rid)
    x, y = project([rec.lon], [rec.lat])
    assert abs(layer.x[0] - x[0]) < 1e-9 and abs(layer.y[0] - y[0]) < 1e-9
    assert page.tip(STATION, int(layer.index[0])) == f"{rec.name}\n{rec.station_code}"
    # painted: the raster has a symbol's colour where the station is
    qtbot.waitUntil(lambda: page.raster.renders > 0)
    colour = page.raster.pixel_at(float(x[0]), float(y[0]))
    assert colour is not None and colour.alpha() > 0
    empty = page.raster.pixel_at(float(x[0]) + 0.5, float(y[0]) + 0.5)  # far outside 杞县
    assert empty is None or empty.alpha() == 0
    # the hover: the mouse over the point shows the name and code of the point under it
    pos = _viewport_pos(page, float(x[0]), float(y[0]))
    qtbot.mouseMove(page.plot.viewport(), pos)
    v = page.viewbox.mapSceneToView(page.plot.mapToScene(pos))
    qtbot.waitUntil(lambda: page.hover_text is not None)
    assert page.hover_text == page.tip(*_nearest_by_scan(page, v.x(), v.y()))
    # away from every point: no tip (the scene's mouse-move handler called directly: a real move
    # there races with the synthetic move Qt sends at the old place when the tip window closes)
    page._hover(page.plot.mapToScene(QPoint(3, 3)))
    assert page.hover_text is None
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
    layer = page.layers[next(k for k in page.layers if k.startswith("station:"))]
    expected = _click_on(qtbot, page, layer, 0)
    assert opened == [expected]
    # a click on empty ground opens nothing
    qtbot.mouseClick(page.plot.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(3, 3))
    assert opened == [expected]


def test_a_legend_entry_hides_and_shows_its_layer(qtbot, sample_store):
    page = MapPage(sample_store)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    key = next(k for k in page.layers if k.startswith("station:"))
    layer = page.layers[key]
    n = sum(len(la) for la in page._shown)
    layer.sample.setVisible(False)  # what a click on its legend entry does
    assert layer not in page._shown and sum(len(la) for la in page._shown) == n - len(layer)
    assert len(page.raster.layers) == len(page._shown) == len(page.layers) - 1
    # the point under the mouse is never one of the hidden layer's
    for k in range(min(20, len(layer))):
        hit = page.point_at(float(layer.x[k]), float(layer.y[k]))
        assert hit is None or not (hit[0] == STATION and hit[1] in set(layer.index.tolist()))
    layer.sample.setVisible(True)
    assert sum(len(la) for la in page._shown) == n and len(page.raster.layers) == len(page.layers)


def test_the_grid_index_finds_what_a_scan_finds():
    rnd = np.random.default_rng(5)
    x, y = rnd.uniform(93.7, 94.9, 20_000), rnd.uniform(34.2, 35.0, 20_000)
    index = PointIndex(x, y)
    for qx, qy in rnd.uniform((93.6, 34.1), (95.0, 35.1), (300, 2)):
        for r in (1e-4, 2e-3, 0.05):
            d2 = (x - qx) ** 2 + (y - qy) ** 2
            k = int(np.argmin(d2))
            want = k if d2[k] <= r * r else None
            got = index.nearest(float(qx), float(qy), r)
            assert got == want or (got is not None and want is not None and d2[got] == d2[want])
    assert PointIndex(np.zeros(0), np.zeros(0)).nearest(94.0, 34.5, 1.0) is None


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
    return sum(len(layer) for key, layer in page.layers.items() if key.startswith("station:"))


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
        layer = page.layers[next(k for k in page.layers if k.startswith("station:"))]
        expected = _click_on(qtbot, page, layer, 0)
        assert opened == [(*expected, moment)]
        # its name as it then stood
        kind, i = _nearest_by_scan(page, float(layer.x[0]), float(layer.y[0]))
        assert page.record_of(kind, i)[2] == store.get_at(kind, expected[1], at=moment).name
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


def test_venues_and_poles_wait_for_a_zoom_where_they_would_bury_the_stations(qtbot, city_demo, monkeypatch):
    from kf5g_desktop.gui import map_page
    from kf5g_desktop.storage.store import Store

    monkeypatch.setattr(map_page, "VENUES_POLES_CROWD", 5)
    with Store.open(city_demo, readonly=True) as store:
        page = MapPage(store)
        qtbot.addWidget(page)
        page.resize(1024, 700)
        page.show()
        qtbot.waitExposed(page)
        qtbot.waitUntil(lambda: page.raster.renders > 0)
        venues = page.layers[VENUE]
        assert page.raster.left_out and "放大后显示" in page.note.text()
        vx, vy = float(venues.x[0]), float(venues.y[0])
        hit = page.point_at(vx, vy)
        assert hit is None or hit[0] == STATION  # not in the picture: not under the mouse
        # zoomed in on the venue until few are in the picture: drawn, and found under the mouse
        vb = page.viewbox
        vb.setRange(xRange=(vx - 0.002, vx + 0.002), yRange=(vy - 0.002, vy + 0.002), padding=0)
        page.raster._rescale()  # the zoom has rested
        renders = page.raster.renders
        page.plot.viewport().repaint()
        qtbot.waitUntil(lambda: page.raster.renders > renders)
        assert not page.raster.left_out and "放大后显示" not in page.note.text()
        assert page.point_at(vx, vy, radius_px=1) == (VENUE, int(venues.index[0]))
