"""地图: boundaries, one scatter layer per status/operator plus venues and poles, hover, click, zoom."""

from __future__ import annotations

from kf5g_desktop.domain import boundaries
from kf5g_desktop.domain.schema import POLE, STATION, VENUE
from kf5g_desktop.gui.main_menus import MAP
from kf5g_desktop.gui.map_page import BY_OPERATOR, MapPage, project
from kf5g_desktop.storage.map_points import map_points


def test_the_map_draws_the_unit_and_every_point_with_coordinates(qtbot, sample_store):
    page = MapPage(sample_store)
    qtbot.addWidget(page)
    page.resize(1024, 700)
    page.show()
    qtbot.waitExposed(page)
    stations = map_points(sample_store, STATION, "410221")
    assert len(stations) > 0
    layers = {k: v for k, v in page.layers.items() if k.startswith("station:")}
    assert sum(len(item.data) for item in layers.values()) == len(stations)
    # one layer per status present, each point where its record is
    statuses = set(stations.status)
    assert {k.split(":")[1] for k in layers} == statuses
    item = next(iter(layers.values()))
    kind, rid, name, code = item.data[0]["data"]
    rec = sample_store.get(kind, rid)
    x, y = project([rec.lon], [rec.lat])
    assert abs(item.data[0]["x"] - x[0]) < 1e-9 and abs(item.data[0]["y"] - y[0]) < 1e-9
    assert page._tip(0, 0, (kind, rid, name, code)) == f"{rec.name}\n{rec.station_code}"
    # venues and poles are their own layers
    for k in (VENUE, POLE):
        if len(map_points(sample_store, k)):
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
    ops = set(map_points(sample_store, STATION).operator)
    assert {k.split(":")[1] for k in page.layers if k.startswith("station:")} == ops
    page.operator.setCurrentIndex(page.operator.findData("CTCC"))
    assert [k for k in page.layers if k.startswith("station:")] in ([], ["station:CTCC"])
    page.operator.setCurrentIndex(0)
    opened = []
    page.openRequested.connect(lambda kind, rid: opened.append((kind, rid)))
    item = page.layers[next(k for k in page.layers if k.startswith("station:"))]
    pts = item.points()
    item.sigClicked.emit(item, pts[:1], None)
    assert opened == [(STATION, pts[0].data()[1])]


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
