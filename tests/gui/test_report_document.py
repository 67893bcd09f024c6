"""The printed weekly report: real PDFs read back with poppler (pdftotext, pdfinfo, pdftoppm)."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date, datetime, timedelta

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage

from kf5g_desktop.cli import run
from kf5g_desktop.domain.periods import IsoWeek
from kf5g_desktop.domain.records import Station
from kf5g_desktop.domain.values import WeekNote
from kf5g_desktop.gui.report_document import ReportDocument
from kf5g_desktop.gui.report_pdf import render_report_pdf
from kf5g_desktop.reports.figures import week_figures
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
    assert "杞县5G网络建设周报2021年第5周(2月1日—2月7日)" in flat(text)
    assert "2021-W05" in text and "统计口径:全部类型" in text
    assert f"累计开通5G基站{f.total.on_air}个" in flat(text)
    assert f"本周新开通{f.total.new}个" in flat(text)
    assert "100个,完成4.0%" in flat(text)
    assert "50.0%(控制线≤20%,超出)" in flat(text)
    assert f"{f.subsidy.total:,}元" in flat(text)
    assert "累计应补7,5002,2505,25015,000" in flat(text)  # province / city / unit / total
    assert "测试基站S3" in text and "新登记并开通" in text
    assert "测试基站S6" not in text  # registered after the week
    assert "测试基站S7" not in text  # in the recycle bin
    assert "自然资源" in text and re.search(r"2020-12-20\s+49", text)
    assert "逾期 7 天" in text
    assert "一、用电报装进度慢。" in text and "审核人:王审核" in flat(text)
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
    assert "开封市5G网络建设周报2021年第5周(2月1日—2月7日)" in flat(text)
    assert f"累计开通5G基站{f.total.on_air}个" in flat(text)
    assert "分区县情况" in text
    assert re.search(r"杞县\s+4\s+2\s+100\s+4\.0%", text)
    assert (
        "本周未报送周报的区县(8个):龙亭区、顺河回族区、鼓楼区、禹王台区、祥符区、通许县、尉氏县、兰考县"
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
    assert "统计口径:仅宏站" in text and "累计开通5G基站2个" in flat(text)
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
    assert "2020年第53周(2020年12月28日—2021年1月3日)" in text
    assert "未设置本区县年度目标" in text
    pdf = tmp_path / "w10.pdf"
    render_report_pdf(store, IsoWeek(2021, 10), "410221", "all", pdf)
    text = flat(text_of(pdf))
    assert "本周新开通0个" in text and "本周无" in text and "(本周未填写)" in text


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


def test_long_tables_repeat_their_header(qapp, tmp_path):
    store = Store.open(tmp_path / "many.db", user="测试员", clock=lambda: CLOCK)
    store.setup_installation(kind="unit", unit_code="410221", user_name="测试员")
    store.validation_context()
    with store.batch_writer("test", "many") as w:
        for i in range(90):
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
    report = ReportDocument(gather(store, W05, "410221"))
    pdf = tmp_path / "many.pdf"
    from kf5g_desktop.gui.report_document import write_pdf

    pages = write_pdf(report, pdf)
    store.close()
    assert pages >= 3
    text = text_of(pdf)
    per_page = text.split("\f")
    table_pages = [p for p in per_page if "批量基站" in p]
    assert len(table_pages) >= 2
    for p in table_pages:  # the header row is repeated on every page the table runs over
        assert re.search(r"运营商\s+基站编码\s+基站名称", p)
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
    scope = f"deleted_at IS NULL AND created_at < '{after}' " + (f"AND unit_code = '{unit}'" if unit else "")
    on_air = f"{scope} AND status = 'on_air' AND on_air <= '{end}'"

    def one(sql: str) -> int:
        return int(con.execute(sql).fetchone()[0] or 0)

    total = one(f"SELECT count(*) FROM station WHERE {on_air}")
    new = one(f"SELECT count(*) FROM station WHERE {on_air} AND on_air >= '{start}'")
    sa = one(f"SELECT count(*) FROM station WHERE {on_air} AND network_mode = 'SA'")
    venues = one(f"SELECT count(*) FROM venue WHERE {scope} AND opened_on <= '{end}'")
    poles = one(f"SELECT count(*) FROM pole WHERE {scope} AND shared_on <= '{end}'")
    con.close()
    assert total > 0
    name = "杞县" if unit else "开封市"
    body = flat(text)
    assert f"{name}5G网络建设周报{w.title_zh}" in body and week in text
    assert f"累计开通5G基站{total:,}个" in body
    assert f"本周新开通{new:,}个" in body
    assert f"({sa:,}个)" in body  # SA stations next to their share
    assert f"SA补助累计{sa * 5000:,}元" in body  # 2,500 province + 2,500 city and unit per SA station
    assert f"累计{venues:,}处" in body and f"累计{poles:,}根" in body
    check_page_numbers(text, pages_of(pdf))
    check_sign_off_with_problems(text)
