"""The printed weekly report: real PDFs read back with poppler (pdftotext, pdfinfo, pdftoppm)."""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime, timedelta

import numpy as np
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QTextTable
from PySide6.QtWidgets import QApplication

from kf5g_desktop.cli import run
from kf5g_desktop.domain.periods import IsoWeek, weeks_between
from kf5g_desktop.domain.records import Station
from kf5g_desktop.domain.schema import FREE_TEXT_FIELDS
from kf5g_desktop.domain.units import CITY_NAME
from kf5g_desktop.domain.values import WeekNote
from kf5g_desktop.gui.app import install_translations
from kf5g_desktop.gui.report_chart import ChartTexts, cumulative_chart
from kf5g_desktop.gui.report_document import ReportDocument, write_pdf
from kf5g_desktop.gui.report_html import week_title
from kf5g_desktop.gui.report_pdf import render_report_pdf, write_report_pdf
from kf5g_desktop.reports.figures import WeeklySeries, week_figures
from kf5g_desktop.reports.weekly import gather
from kf5g_desktop.storage.store import Store
from tests.reports.dataset import CLOCK, build

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
W05 = IsoWeek(2021, 5)


@pytest.fixture(scope="module")
def fixed(tmp_path_factory):
    path = tmp_path_factory.mktemp("rep") / "fixed.db"
    store = build(path)
    store.save_week_note(WeekNote("410221", "2021-W05", "一、用电报装进度慢。\n二、选址协调困难。", "王审核"))
    yield store, path
    store.close()


def text_of(pdf) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def pages_of(pdf) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def check_sign_off_with_problems(text: str) -> None:
    pages = text.split("\f")
    sign = [i for i, p in enumerate(pages) if "填报人" in p]
    assert sign and "存在问题" in pages[sign[0]], "the sign-off block must not stand alone on a page"


def check_page_numbers(text: str, pages: int) -> None:
    found = re.findall(r"第\s*(\d+)\s*页\s*共\s*(\d+)\s*页", text)
    assert found == [(str(i), str(pages)) for i in range(1, pages + 1)]


def test_unit_report_pdf(qapp, fixed, tmp_path):
    store, _ = fixed
    pdf = tmp_path / "unit.pdf"
    pages = render_report_pdf(store, W05, "410221", "all", pdf)
    text = text_of(pdf)
    f = week_figures(store, W05, "410221")
    assert "杞县5G网络建设周报2021年第5周（2月1日—2月7日）" in flat(text)
    assert "2021-W05" in text and "统计口径：全部类型" in text
    assert f"累计开通5G基站{f.total.on_air}个" in flat(text)
    assert f"本周新开通{f.total.new}个" in flat(text)
    assert "100个，完成4.0%" in flat(text)
    assert "50.0%（控制线≤20%，超" in flat(text)  # (the cell wraps before 出）)
    assert f"{f.subsidy.total:,}元" in flat(text)
    assert "累计应补7,5002,2505,25015,000" in flat(text)  # province / city / unit / total
    assert "测试基站S3" in text and "新登记并开通" in text
    assert "测试基站S6" not in text  # registered after the week
    assert "测试基站S7" not in text  # in the recycle bin
    assert "自然资源" in text and re.search(r"2020-12-20\s+49", text)
    assert "逾期 7 天" in text
    assert "一、用电报装进度慢。" in text and "审核人：王审核" in flat(text)
    for label in ("填报人", "审核人", "单位负责人", "日期"):
        assert label in text
    assert "分区县情况" not in text
    assert pages == pages_of(pdf)
    check_page_numbers(text, pages)
    check_sign_off_with_problems(text)


def test_city_report_via_cli(qapp, fixed, tmp_path, capsys):
    store, path = fixed
    pdf = tmp_path / "city.pdf"
    rc = run(["report", "--db", str(path), "--week", "2021-W05", "--unit", "410200", "--pdf", str(pdf)])
    assert rc == 0, capsys.readouterr().err
    assert "已生成周报" in capsys.readouterr().out
    text = text_of(pdf)
    f = week_figures(store, W05)
    assert "开封市5G网络建设周报2021年第5周（2月1日—2月7日）" in flat(text)
    assert f"累计开通5G基站{f.total.on_air}个" in flat(text)
    assert "分区县情况" in text
    assert re.search(r"杞县\s+4\s+2\s+100\s+4\.0%", text)
    assert (
        "本周未报送周报的区县（8个）：龙亭区、顺河回族区、鼓楼区、禹王台区、祥符区、通许县、尉氏县、兰考县"
        in flat(text)
    )
    assert f"累计应补{f.subsidy.province:,}{f.subsidy.city:,}{f.subsidy.unit:,}{f.subsidy.total:,}" in flat(
        text
    )
    check_page_numbers(text, pages_of(pdf))


def test_cli_rule_and_errors(qapp, fixed, tmp_path, capsys):
    _, path = fixed
    pdf = tmp_path / "macro.pdf"
    assert (
        run(
            [
                "report",
                "--db",
                str(path),
                "--week",
                "2021-W05",
                "--unit",
                "410221",
                "--rule",
                "macro",
                "--pdf",
                str(pdf),
            ]
        )
        == 0
    )
    text = text_of(pdf)
    assert "统计口径：仅宏站" in text and "累计开通5G基站2个" in flat(text)
    capsys.readouterr()
    assert run(["report", "--db", str(path), "--week", "2021-W60", "--pdf", str(pdf)]) == 2
    assert "2021年没有第60周" in capsys.readouterr().err
    assert (
        run(["report", "--db", str(path), "--week", "2021-W05", "--unit", "123456", "--pdf", str(pdf)]) == 2
    )
    assert "区县代码“123456”不存在" in capsys.readouterr().err
    assert (
        run(["report", "--db", str(path), "--week", "2021-W05", "--pdf", str(tmp_path / "no" / "r.pdf")]) == 2
    )
    assert "文件夹" in capsys.readouterr().err


def test_year_end_and_empty_weeks(qapp, fixed, tmp_path):
    store, _ = fixed
    pdf = tmp_path / "w53.pdf"
    render_report_pdf(store, IsoWeek(2020, 53), "410221", "all", pdf)
    text = flat(text_of(pdf))
    assert "2020年第53周（2020年12月28日—2021年1月3日）" in text
    assert "未设置本区县年度目标" in text
    pdf = tmp_path / "w10.pdf"
    render_report_pdf(store, IsoWeek(2021, 10), "410221", "all", pdf)
    text = flat(text_of(pdf))
    assert "本周新开通0个" in text and "本周无" in text and "（本周未填写）" in text


def test_chart_is_drawn_in_the_pdf(qapp, fixed, tmp_path):
    store, _ = fixed
    pdf = tmp_path / "chart.pdf"
    render_report_pdf(store, W05, None, "all", pdf)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")], check=True
    )
    img = QImage(str(next(tmp_path.glob("p*.png")))).convertToFormat(QImage.Format.Format_RGB32)
    assert not img.isNull()
    pixels = np.frombuffer(img.constBits(), np.uint8).reshape(img.height(), img.bytesPerLine() // 4, 4)
    pixels = pixels[:, : img.width(), :3].astype(int)  # B, G, R

    def count(color: QColor) -> int:
        want = np.array([color.blue(), color.green(), color.red()])
        return int((np.abs(pixels - want).sum(axis=2) < 90).sum())

    assert count(QColor("#c62828")) > 20  # the dashed target line
    assert count(QColor("#1f5fbf")) > 3  # the cumulative line and its end point


def many_stations(path, n: int = 90) -> Store:
    """杞县 with ``n`` stations put on air in 2021-W05 (long tables), entered on 02-04."""
    clock = [datetime(2021, 2, 4, 9)]
    store = Store.open(path, user="测试员", clock=lambda: clock[0])
    store.setup_installation(kind="unit", unit_code="410221", user_name="测试员")
    store.validation_context()
    with store.batch_writer("test", "many") as w:
        for i in range(n):
            rid = w.save(
                Station(
                    unit_code="410221",
                    station_code=f"QX{i:03d}",
                    operator="CMCC",
                    name=f"批量基站{i:03d}",
                    station_type="macro",
                    township_code="410221001",
                    build_mode="new",
                    lon=114.77,
                    lat=34.5,
                    status="on_air",
                    network_mode="SA",
                    power_supply="direct",
                    on_air=date(2021, 2, 3),
                )
            )
            w.set_created_at("station", rid, datetime(2020, 6, 1))
    clock[0] = CLOCK
    return store


# The header rows of the tables that list the stations: 本周新增和开通基站, and 本周变化's 新增记录
# (the stations of ``many_stations`` are all recorded in the week).
HEADER_ROWS = r"运营商\s+基站编码\s+基站名称|类型\s+编码\s+名称\s+状态\s+日期"


def test_long_tables_repeat_their_header(qapp, tmp_path):
    store = many_stations(tmp_path / "many.db")
    report = ReportDocument(gather(store, W05, "410221"))
    pdf = tmp_path / "many.pdf"
    pages = write_pdf(report, pdf)
    store.close()
    assert pages >= 3
    text = text_of(pdf)
    per_page = text.split("\f")
    table_pages = [p for p in per_page if "批量基站" in p]
    assert len(table_pages) >= 2
    for p in table_pages:  # the header row is repeated on every page the table runs over
        assert re.search(HEADER_ROWS, p)
    assert all(f"批量基站{i:03d}" in text for i in range(90))
    check_page_numbers(text, pages)


@pytest.mark.parametrize(
    ("unit", "week"), [(None, "2021-W05"), ("410221", "2021-W05"), ("410221", "2021-W26")]
)
def test_demo_report_matches_the_database(qapp, demo_db, tmp_path, capsys, unit, week):
    """`kf5g demo` then `kf5g report`: the PDF's figures equal counts taken straight from SQLite."""
    import sqlite3

    path, _summary = demo_db
    pdf = tmp_path / "demo.pdf"
    argv = ["report", "--db", str(path), "--week", week, "--pdf", str(pdf)]
    assert run(argv + (["--unit", unit] if unit else [])) == 0, capsys.readouterr().err
    text = text_of(pdf)
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    w = IsoWeek.parse(week)
    end, start = w.end.isoformat(), w.start.isoformat()
    after = (w.end + timedelta(days=1)).isoformat()
    # the registers as they stood at the week's cut-off (Monday 18:00 after it), in the week by
    # the horizon's rule (domain.horizon)
    cutoff = f"{after} 18:00:00"
    at = f"valid_from <= '{cutoff}' AND (valid_to IS NULL OR valid_to > '{cutoff}')"
    if unit is None:  # the city: each unit as at its latest accepted submission for the week
        from kf5g_desktop.storage.store import Store

        with Store.open(path, readonly=True) as s:
            moments = s.week_basis(w).moment
        assert isinstance(moments, dict) and len(moments) == 9
        at = "(" + " OR ".join(
            f"(unit_code = '{u}' AND valid_from <= '{t:%Y-%m-%d %H:%M:%S.%f}'"
            f" AND (valid_to IS NULL OR valid_to > '{t:%Y-%m-%d %H:%M:%S.%f}'))"
            for u, t in moments.items()
        ) + ")"
    unit_cond = f"AND unit_code = '{unit}'" if unit else ""
    scope = (
        f"{at} AND deleted_at IS NULL {unit_cond} AND (created_at < '{after}' OR on_air <= '{end}'"
        f" OR construction_start <= '{end}' OR conversion_done_on <= '{end}')"
    )
    on_air = f"{scope} AND status = 'on_air' AND on_air <= '{end}'"
    sites = f"{at} AND deleted_at IS NULL {unit_cond}"
    dated = "({day} <= '{end}' OR ({day} IS NULL AND created_at < '{after}'))"

    def one(sql: str) -> int:
        return int(con.execute(sql).fetchone()[0] or 0)

    total = one(f"SELECT count(*) FROM station_history WHERE {on_air}")
    new = one(f"SELECT count(*) FROM station_history WHERE {on_air} AND on_air >= '{start}'")
    sa = one(f"SELECT count(*) FROM station_history WHERE {on_air} AND network_mode = 'SA'")
    venues = one(
        f"SELECT count(*) FROM venue_history WHERE {sites} AND "
        + dated.format(day="opened_on", end=end, after=after)
    )
    poles = one(
        f"SELECT count(*) FROM pole_history WHERE {sites} AND "
        + dated.format(day="shared_on", end=end, after=after)
    )
    con.close()
    assert total > 0
    name = "杞县" if unit else "开封市"
    body = flat(text)
    assert f"{name}5G网络建设周报{w.title_zh}" in body and week in text
    assert f"累计开通5G基站{total:,}个" in body
    assert f"本周新开通{new:,}个" in body
    assert f"（{sa:,}个）" in body  # SA stations next to their share
    assert f"SA补助累计{sa * 5000:,}元" in body  # 2,500 province + 2,500 city and unit per SA station
    assert f"累计{venues:,}处" in body and f"累计{poles:,}根" in body
    check_page_numbers(text, pages_of(pdf))
    check_sign_off_with_problems(text)


# The report in English (issue 11.3) ---------------------------------------------------------------

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]+")


@contextmanager
def english():
    """The English translator, installed the way the app does for 设置 → 界面语言 English."""
    app = QApplication.instance()
    translator = install_translations(app, "en")
    assert translator is not None
    try:
        yield
    finally:
        app.removeTranslator(translator)


def proper_names(store: Store, data) -> str:
    """Everything in a report that is a name or the users' own text (and so stays as entered)."""
    f = data.figures
    items = [
        *f.station_changes,
        *f.waiting,
        *f.late,
        *f.late_suspended,
        *f.venues_this_week,
        *f.poles_this_week,
    ]
    names = [CITY_NAME, *(u.name for u in store.unit_map().values())]
    names += [i.name for i in items] + [i.unit_name for i in items]
    ch = data.changes
    if ch is not None:  # 本周变化: names, and the old/new of corrected names and free text
        for t in (ch.added, ch.status, ch.power, ch.removed, ch.corrected):
            names += [i.name for i in t.items] + [i.unit_name for i in t.items]
        names += [v for i in ch.corrected.items if i.field in FREE_TEXT_FIELDS for v in (i.old, i.new)]
    return "\n".join([*names, data.reporter, data.reviewer, data.problems])


def foreign_runs(text: str, names: str) -> list[str]:
    """Runs of CJK characters in ``text`` that are not (part of) a name."""
    return sorted({run for run in CJK.findall(text) if run not in names})


def report_pdf(data, path) -> tuple[str, int]:
    pages = write_report_pdf(data, path)
    return text_of(path), pages


def overdue_store(tmp_path):
    from tests.reports.dataset import build_overdue

    store = build_overdue(tmp_path / "overdue.db")
    store.save_week_note(WeekNote("410221", "2021-W05", "一、用电报装进度慢。", "王审核"))
    return store


@pytest.mark.parametrize("unit", ["410221", None])
def test_english_report_has_no_chinese_but_names(qapp, fixed, tmp_path, unit):
    store, _ = fixed
    data = gather(store, W05, unit)
    zh_text, zh_pages = report_pdf(data, tmp_path / "zh.pdf")
    with english():
        en_text, en_pages = report_pdf(data, tmp_path / "en.pdf")
        drawn = ChartTexts()
        cumulative_chart(data.series, W05, drawn=drawn)
    names = proper_names(store, data)
    assert foreign_runs(en_text, names) == []
    assert [t for _, t, _ in drawn.texts if CJK.search(t)] == []  # the chart: legend, axes, labels
    assert "Headline figures" in en_text and re.search(r"Week 5 of 2021 \(Feb 1 . Feb 7\)", en_text)
    assert "China Mobile" in en_text and "Counting rule: All types" in en_text
    assert "杞县 5G Build-out Weekly Report" in en_text or unit is None
    assert len(foreign_runs(zh_text, names)) > 20  # the same check sees the Chinese report's texts
    # Layout kept: the sign-off block is found by its marker, not its (translated) label.
    assert en_pages == zh_pages
    found = re.findall(r"Page (\d+) of (\d+)", en_text)
    assert found == [(str(i), str(en_pages)) for i in range(1, en_pages + 1)]
    pages = en_text.split("\f")
    sign = next(i for i, p in enumerate(pages) if "Prepared by" in p)
    assert "Problems" in pages[sign]


def test_english_report_with_long_lists_keeps_its_pages(qapp, tmp_path):
    store = many_stations(tmp_path / "many.db", 150)
    store.save_week_note(WeekNote("410221", "2021-W05", "一、选址协调困难。", "王审核"))
    data = gather(store, W05, "410221")
    _, zh_pages = report_pdf(data, tmp_path / "zh.pdf")
    with english():
        en_text, en_pages = report_pdf(data, tmp_path / "en.pdf")
    store.close()
    assert zh_pages >= 4 and en_pages == zh_pages
    assert foreign_runs(en_text, proper_names(store, data)) == []


def test_english_report_of_suspended_stations(qapp, tmp_path):
    store = overdue_store(tmp_path)
    data = gather(store, W05, "410221")
    with english():
        text, _ = report_pdf(data, tmp_path / "en.pdf")
    assert foreign_runs(text, proper_names(store, data)) == []
    assert "Suspended stations (2) are not included" in text and "1 (and 2 suspended)" in text
    store.close()


def test_week_titles():
    for week in (W05, IsoWeek(2020, 53), IsoWeek(2026, 1), IsoWeek(2022, 52)):
        assert week_title(week) == week.title_zh  # Chinese: the week's usual title
    with english():
        assert week_title(W05) == "Week 5 of 2021 (Feb 1 – Feb 7)"
        assert week_title(IsoWeek(2020, 53)) == "Week 53 of 2020 (Dec 28, 2020 – Jan 3, 2021)"


# 暂缓 (issue 11.14) --------------------------------------------------------------------------------


def test_suspended_stations_are_listed_apart(qapp, tmp_path):
    store = overdue_store(tmp_path)
    text, _ = report_pdf(gather(store, W05, "410221"), tmp_path / "zh.pdf")
    store.close()
    body = flat(text)
    assert "逾期未开通基站1个（另有暂缓2个）" in body
    late = body.index("六、逾期未开通基站")
    note = body.index("不含暂缓的基站（2个），另列于下表。")
    apart = body.index("暂缓的基站（已过计划开通日期）")
    assert late < body.index("测试基站O1") < note < apart
    assert body.index("测试基站O2") > apart and body.index("测试基站O5") > apart
    assert "测试基站O3" not in body and "测试基站O4" not in body and "测试基站O6" not in body
    assert "逾期28天" in body and "逾期6天" in body  # O2 and O5, to the week's end


# Page breaks (issue 11.15) ------------------------------------------------------------------------

HEADING = re.compile(r"^\s*([一二三四五六七八九十]+、|\d+\. )\S")
SUBHEADINGS = ("各区县本周变化和需关注事项", "免费开放场所", "共享杆塔", "暂缓的基站")
TABLE_HEADER = re.compile(r"(运营商\s+基站编码|区县\s+累计开通|区县\s+运营商|区县\s+本周新登记)")


def check_page_ends(text: str) -> None:
    """No page is blank or ends with a heading or a table's header row (the footer line left out)."""
    for n, page in enumerate(text.split("\f")[:-1], start=1):
        lines = [line for line in page.splitlines() if line.strip()]
        assert len(lines) > 1 and "页" in lines[-1], f"page {n} is blank"  # more than the footer
        last = lines[-2]
        assert not HEADING.match(last), f"page {n} ends with the heading {last.strip()!r}"
        assert last.strip() not in SUBHEADINGS, f"page {n} ends with {last.strip()!r}"
        assert not TABLE_HEADER.search(last), f"page {n} ends with a table's header row"


def check_tables_within_pages(report: ReportDocument) -> None:
    """Every table of the laid-out report lies on one page: the layout never draws a table over a
    page break (where it would leave the table open at the page's foot with a blank row)."""
    doc = report.doc
    height = doc.pageSize().height()
    layout = doc.documentLayout()
    tables = [f for f in doc.rootFrame().childFrames() if isinstance(f, QTextTable)]
    assert tables
    for t in tables:
        rect = layout.frameBoundingRect(t)
        assert int(rect.top() // height) == int((rect.bottom() - 1) // height), rect
        assert t.format().headerRowCount() in (0, 1)


@pytest.mark.parametrize(("unit", "week"), [(None, "2022-W51"), (None, "2020-W40"), ("410221", "2020-W40")])
def test_demo_page_breaks(qapp, demo_db, tmp_path, unit, week):
    path, _ = demo_db
    store = Store.open(path)
    try:
        data = gather(store, IsoWeek.parse(week), unit)
    finally:
        store.close()
    report = ReportDocument(data)
    pages = write_pdf(report, tmp_path / "demo.pdf")
    text = text_of(tmp_path / "demo.pdf")
    check_tables_within_pages(report)
    check_page_ends(text)
    check_page_numbers(text, pages)
    check_sign_off_with_problems(text)
    # a table carried over to the next page starts there with its header row
    chunks = [n for n in report.pagination.splits.values() for _ in n]
    assert pages >= 3 and chunks, "the demo weeks have tables running over a page"


def test_long_lists_page_breaks(qapp, tmp_path):
    store = many_stations(tmp_path / "many.db", 150)
    report = ReportDocument(gather(store, W05, "410221"))
    store.close()
    pages = write_pdf(report, tmp_path / "many.pdf")
    text = text_of(tmp_path / "many.pdf")
    check_tables_within_pages(report)
    check_page_ends(text)
    # the long list is split at its pages in a few passes (headings moved before it add a pass each)
    assert len(report.pagination.splits["changes"]) >= 3 and report.passes <= 6
    for page in text.split("\f")[1:pages]:
        if "批量基站" in page:
            lines = [line for line in page.splitlines() if line.strip()]
            if re.match(r"\s*[一二三四五六七八九十]+、", lines[0]):  # the section starts this page
                lines = lines[1:]
            # a table of 本周变化 that starts this page, under its sub-heading
            if re.match(r"\s*\S+（[\d,]+ 条）\s*$", lines[0]):
                lines = lines[1:]
            assert re.search(HEADER_ROWS, lines[0]), lines[0]


def test_headings_stay_with_their_first_rows(qapp, tmp_path):
    """Whatever the length of the list before it, the next heading is never left at a page's foot:
    vary the number of stations so that each heading in turn falls near the end of a page."""
    store = many_stations(tmp_path / "many.db", 1)
    report = ReportDocument(gather(store, W05, "410221"))
    data = report.data
    store.close()
    seen_breaks: set[str] = set()
    for n in range(1, 60, 2):
        changes = [replace(data.figures.station_changes[0], station_code=f"QX{i:03d}") for i in range(n)]
        figures = replace(data.figures, station_changes=changes)
        report = ReportDocument(replace(data, figures=figures))
        report.page_count()
        check_tables_within_pages(report)
        height = report.doc.pageSize().height()
        block = report.doc.begin()
        while block.isValid():
            if block.blockFormat().headingLevel() >= 3:
                nxt = block.next()
                while nxt.isValid() and not nxt.text().strip():
                    nxt = nxt.next()
                top = report.doc.documentLayout().blockBoundingRect(block).top()
                below = report.doc.documentLayout().blockBoundingRect(nxt).bottom()
                assert int(top // height) == int(below // height), (n, block.text())
            block = block.next()
        seen_breaks |= report.pagination.breaks
    assert seen_breaks, "some heading must have been moved to the next page"


# The chart's x-axis (issue 11.15) -------------------------------------------------------------------


@pytest.mark.parametrize("last", [IsoWeek(2020, 30), IsoWeek(2021, 5), IsoWeek(2022, 52), IsoWeek(2023, 20)])
@pytest.mark.parametrize("language", ["zh", "en"])
def test_chart_axis_labels_do_not_crowd(qapp, last, language):
    weeks = weeks_between(IsoWeek(2020, 1), last)
    series = WeeklySeries(
        weeks,
        list(range(len(weeks))),
        {},
        {},
        [None] * len(weeks),
        [None] * len(weeks),
        {2020: 50, 2021: 150},
    )

    def labels() -> tuple[list[tuple[str, QRectF]], QRectF]:
        drawn = ChartTexts()
        cumulative_chart(series, last, drawn=drawn)
        return drawn.of("x"), drawn.plot

    if language == "en":
        with english():
            xs, plot = labels()
    else:
        xs, plot = labels()
    assert len(xs) >= 3
    for text, rect in xs:
        assert plot.left() <= rect.left() and rect.right() <= plot.right(), text  # within the plot
    for (a, ra), (b, rb) in itertools.pairwise(xs):
        assert rb.left() - ra.right() >= 12, (a, b)  # room between neighbours
    assert re.search(r"20\d\d", xs[0][0])  # the first label names the year
    assert all(CJK.search(t) for t, _ in xs) == (language == "zh")


# Pagination in segments (issue 13: the city report's speed) ---------------------------------------


class _WholeDocument(ReportDocument):
    """The report laid out as one document in every pass (as before the segments): the reference."""

    def _segments_of(self, html, laid):
        from kf5g_desktop.gui.report_document import _Segment

        doc = self._new_doc()
        doc.setHtml(html)
        return [_Segment(doc, 0)]


def _places(report: ReportDocument) -> list[tuple]:
    items = report.items()
    return [
        (
            it.kind,
            it.name,
            it.top,
            it.keep,
            it.bottom,
            list(it.rows),
            it.head_top,
            [it.ends[r] for r in range(len(it.rows))],
        )
        for it in items
    ]


def _words(pdf) -> list[str]:
    """Every word of the PDF with its box (pdftotext -bbox), page by page."""
    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [line.strip() for line in out.splitlines() if "<word" in line or "<page" in line]


@pytest.mark.parametrize(("unit", "week"), [(None, "2022-W51"), ("410221", "2020-W40")])
def test_segments_lay_out_as_the_whole_report(qapp, demo_db, tmp_path, unit, week):
    """The report laid out in segments breaks its pages exactly as the whole document laid out in
    every pass did, every item at the same place, and its PDF has every word in the same box."""
    path, _ = demo_db
    store = Store.open(path)
    try:
        data = gather(store, IsoWeek.parse(week), unit)
    finally:
        store.close()
    segmented, whole = ReportDocument(data), _WholeDocument(data)
    pages = write_pdf(segmented, tmp_path / "segments.pdf")
    assert write_pdf(whole, tmp_path / "whole.pdf") == pages == pages_of(tmp_path / "segments.pdf")
    assert len(segmented._segments) > 1, "the report has forced page starts"
    assert (segmented.pagination, segmented.passes) == (whole.pagination, whole.passes)
    assert _places(segmented) == _places(whole)
    assert _words(tmp_path / "segments.pdf") == _words(tmp_path / "whole.pdf")
    # the whole document made on demand (report.doc) is the one the reference painted
    assert segmented.doc.pageCount() == pages


def test_segments_of_a_long_unit_report(qapp, tmp_path):
    store = many_stations(tmp_path / "many.db", 150)
    data = gather(store, W05, "410221")
    store.close()
    segmented, whole = ReportDocument(data), _WholeDocument(data)
    write_pdf(segmented, tmp_path / "segments.pdf")
    write_pdf(whole, tmp_path / "whole.pdf")
    assert (segmented.pagination, segmented.passes) == (whole.pagination, whole.passes)
    assert _places(segmented) == _places(whole)
    assert _words(tmp_path / "segments.pdf") == _words(tmp_path / "whole.pdf")


def test_names_after_an_item_before_the_rest_is_parsed(qapp, tmp_path):
    """A pass that finds a fault early parses none of the report after it: the names it drops
    from the pagination (every one after the fault) are read from the HTML of the segments not
    parsed yet, and are exactly those of the items there."""
    store = many_stations(tmp_path / "many.db", 150)
    data = gather(store, W05, "410221")
    store.close()
    report = ReportDocument(data)
    report.page_count()
    assert len(report._segments) > 3, "the report has forced page starts"
    names = report.items().names
    for i in range(len(names)):
        items = report.items()  # nothing parsed yet
        after = items.names_after(i)
        assert [n for n in after if n] == [n for n in names[i + 1 :] if n], i
