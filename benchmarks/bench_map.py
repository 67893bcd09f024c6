"""How fast the map (地图) is on the city's 100,000 stations: the first draw and the frame time of a pan.

    python -m kf5g_desktop demo --db /tmp/city100k.db --stations 100000 --seed 3
    DISPLAY=:N PYTHONPATH=. python benchmarks/bench_map.py /tmp/city100k.db   # a real X server
    QT_QPA_PLATFORM=offscreen PYTHONPATH=. python benchmarks/bench_map.py /tmp/city100k.db

Targets (issue 15): the city map with 100,000 stations draws within 0.5 s and pans without stutter.

- draw: ``MapPage.refresh()`` (the three registers' points read through ``Store.map_points``, the
  layers, the boundaries) and the first synchronous repaint of the view (the points' raster painted),
  at 1600×1000; the median of a few repetitions, wall and CPU time. The baseline is reading the
  points alone (the least any drawing can do), so the ratio says what the drawing adds.
- pan: the view moved by 2 % of its width per frame, each frame painted synchronously (what a mouse
  drag does, event by event), at the whole city and zoomed in 4×; the median, 95th percentile and
  worst frame, and how many of the frames painted the raster anew (leaving the image's margin).
  60 frames per second is 16.7 ms a frame.
- a long pan: 60 frames of 2 % in one direction, zoomed in 4× (the view leaves the raster's margin,
  which is then painted anew: those frames are the worst).
- a zoom: ten wheel steps of 10 % (each frame shows the previous raster scaled), then the raster
  painted anew at the new scale when the zoom rests.
- a hover: the nearest point to the cursor found (what each mouse move over the map does).
- the report's map page (``report_map``) of the city with every station, 300 of them highlighted:
  the image painted at print resolution (the data as ``ReportData`` carries it).
- a filter change (one operator): the layers rebuilt and repainted.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    class PaintCounter(QObject):
        """Counts the paint events of a widget (each measured frame must have painted)."""

        def __init__(self, widget: QObject) -> None:
            super().__init__(widget)
            self.n = 0
            widget.installEventFilter(self)

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.n += 1
            return False

    from kf5g_desktop.domain.schema import POLE, STATION, VENUE
    from kf5g_desktop.gui.map_page import MapPage
    from kf5g_desktop.storage.store import Store

    path = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/city100k.db")
    if not path.exists():
        print(f"no database at {path}; run: python -m kf5g_desktop demo --db {path} --stations 100000")
        return 2
    QCoreApplication.setOrganizationName("kf5g-bench")
    QCoreApplication.setApplicationName("bench")
    QSettings().clear()
    app = QApplication.instance() or QApplication([])
    store = Store.open(path, readonly=True)
    n = store.count(STATION)

    cpu: dict[str, float] = {}

    def median(fn: Callable[[], None], k: int = 5) -> float:
        times, cpus = [], []
        for _ in range(k):
            t0, c0 = time.perf_counter(), time.process_time()
            fn()
            times.append(time.perf_counter() - t0)
            cpus.append(time.process_time() - c0)
        cpu[fn.__name__] = statistics.median(cpus)
        return statistics.median(times)

    def read_points() -> None:
        for kind in (STATION, VENUE, POLE):
            store.map_points(kind)

    page = MapPage(store)
    page.resize(1600, 1000)
    page.show()
    QTest.qWaitForWindowExposed(page)
    app.processEvents()
    viewport = page.plot.viewport()
    painted = PaintCounter(viewport)

    def frame() -> None:
        """What the event loop does after a mouse or wheel event moved the view: the scene's index
        brought up to date and the viewport painted (once)."""
        viewport.update()
        app.processEvents()

    def draw() -> None:
        page.refresh()
        frame()

    baseline = median(read_points)
    t_draw = median(draw)
    shown = sum(len(layer) for key, layer in page.layers.items() if key.startswith("station:"))

    def pan(frames: int = 60) -> list[float]:
        vb = page.plot.getViewBox()
        out = []
        for f in range(frames):
            (x0, x1), _ = vb.viewRange()
            t0 = time.perf_counter()
            vb.translateBy(x=(x1 - x0) * (0.02 if (f // 15) % 2 == 0 else -0.02))
            frame()
            out.append(time.perf_counter() - t0)
        return out

    def describe(frames: list[float]) -> str:
        ms = sorted(t * 1000 for t in frames)
        p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
        return f"median {statistics.median(ms):.1f} ms, 95% {p95:.1f} ms, worst {ms[-1]:.1f} ms"

    # the frame baseline: the same view, empty (what any pyqtgraph view of this size costs a frame)
    import pyqtgraph as pg

    empty = pg.PlotWidget(background="w")
    empty.resize(1600, 1000)
    empty.setAspectLocked(True)
    empty.show()
    QTest.qWaitForWindowExposed(empty)
    app.processEvents()

    def pan_empty(frames: int = 60) -> list[float]:
        vb = empty.getViewBox()
        out = []
        for _ in range(frames):
            (x0, x1), _ = vb.viewRange()
            t0 = time.perf_counter()
            vb.translateBy(x=(x1 - x0) * 0.02)
            empty.viewport().update()
            app.processEvents()
            out.append(time.perf_counter() - t0)
        return out

    pan_empty(5)
    bare = pan_empty()
    empty.close()
    pan(5)  # warm-up
    p0 = painted.n
    r0 = page.raster.renders
    whole = pan()
    r_whole = page.raster.renders - r0
    assert painted.n - p0 >= len(whole), "a frame was not painted"
    page.plot.getViewBox().scaleBy((0.25, 0.25))
    frame()
    page.raster._rescale()  # the zoom rested: the raster at the new scale
    frame()
    r0 = page.raster.renders
    zoomed = pan()
    r_zoomed = page.raster.renders - r0
    renders = page.raster.renders
    along = []
    vb = page.plot.getViewBox()
    for _ in range(60):
        (x0, x1), _y = vb.viewRange()
        t0 = time.perf_counter()
        vb.translateBy(x=(x1 - x0) * 0.02)
        frame()
        along.append(time.perf_counter() - t0)
    r_along = page.raster.renders - renders
    page.show_all()
    frame()
    steps = []
    for _ in range(10):
        t0 = time.perf_counter()
        vb.scaleBy((0.9, 0.9))
        frame()
        steps.append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    page.raster._rescale()  # what the settle timer does
    frame()
    t_settle = time.perf_counter() - t0
    page.show_all()
    frame()
    (x0, x1), (y0, y1) = page.plot.getViewBox().viewRange()
    import random

    rnd = random.Random(1)
    probes = [(rnd.uniform(x0, x1), rnd.uniform(y0, y1)) for _ in range(200)]
    t0 = time.perf_counter()
    hits = sum(page.point_at(px, py) is not None for px, py in probes)
    t_hover = (time.perf_counter() - t0) / len(probes)

    def filter_change() -> None:
        page.operator.setCurrentIndex(page.operator.findData("CMCC"))
        frame()
        page.operator.setCurrentIndex(0)
        frame()

    t_filter = median(filter_change, 3) / 2

    import types

    from kf5g_desktop.gui.report_map import report_map

    pts = store.map_points(STATION)
    changes = [types.SimpleNamespace(id=int(i), note="本周开通" if k % 2 else "新登记") for k, i in enumerate(pts.ids[:300])]
    data = types.SimpleNamespace(figures=types.SimpleNamespace(unit_code=None, station_changes=changes), map_points=pts)

    def report_page() -> None:
        report_map(data)  # type: ignore[arg-type]

    t_report = median(report_page, 3)
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"map of the city, {n} stations ({shown} drawn), 1600×1000, QPA {app.platformName()}")
    print(f"  points read (baseline):      {baseline:.3f} s")
    print(f"  points read (baseline), CPU: {cpu['read_points']:.3f} s")
    print(f"  draw (read + layers + paint): {t_draw:.3f} s  ({t_draw / baseline:.1f}× the baseline; target ≤ 0.5 s)")
    print(f"  draw, CPU:                    {cpu['draw']:.3f} s")
    print(f"  pan, an empty view (baseline): {describe(bare)}")
    print(f"  pan, whole city:   {describe(whole)}; raster painted anew in {r_whole} of {len(whole)} frames")
    print(f"  pan, zoomed in 4×: {describe(zoomed)}; raster painted anew in {r_zoomed} of {len(zoomed)} frames")
    print(f"  long pan, zoomed in 4×: {describe(along)}; raster painted anew in {r_along} of {len(along)} frames")
    print(f"  zoom, a wheel step (the raster scaled): {describe(steps)}; then painted anew: {t_settle * 1000:.0f} ms")
    print(f"  hover (nearest point found): {t_hover * 1000:.2f} ms a move ({hits} of {len(probes)} on a point)")
    print(f"  filter change (one operator, layers rebuilt and painted): {t_filter:.3f} s")
    print(f"  the report's map page, city, {len(pts)} stations: {t_report:.3f} s (CPU {cpu['report_page']:.3f} s)")
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
