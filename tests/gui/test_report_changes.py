"""本周变化 laid out in the printed report: its tables (in Chinese and in English), the note on long
lists, and tables that break across pages with their header row."""

from __future__ import annotations

import re
from datetime import datetime

from kf5g_desktop.gui.report_document import ReportDocument, write_pdf
from kf5g_desktop.reports import changes as rc
from kf5g_desktop.reports.weekly import gather
from tests.gui.test_report_document import (
    check_page_ends,
    check_tables_within_pages,
    english,
    flat,
    foreign_runs,
    proper_names,
    report_pdf,
    text_of,
)
from tests.reports import changes_scenario as sc


def _section(text: str, start: str, end: str) -> str:
    body = flat(text)
    return body[body.index(start) : body.index(end)]


def test_the_section_lists_the_weeks_changes(qapp, tmp_path):
    s = sc.build(tmp_path)
    data = gather(s.store, sc.WEEK, "410221")
    text, _ = report_pdf(data, tmp_path / "zh.pdf")
    part = _section(text, "、本周变化", "、存在问题")
    assert "与第3周报表（2021-01-2510:00导出）相比，截至目前。" in part
    for heading in (
        "新增记录（1条）",
        "状态变化（1条）",
        "改为直供电（1条）",
        "删除和恢复（2条）",
        "其他更正（5条）",
    ):
        assert heading in part
    assert "基站中国移动KF001金城北在建已开通2021-01-26" in part
    assert "基站中国移动KF002城关南转供电2021-01-26" in part
    assert "基站中国移动KF004西关删除2021-01-27" in part and "基站中国移动KF005东关恢复2021-01-27" in part
    assert "老城区新址基站名称老城区老城区新址" in part
    assert "场所CS410221-0001杞县一中产权单位杞县教育局杞县教育体育局" in part
    assert "未列出" not in part

    with english():
        en, _ = report_pdf(data, tmp_path / "en.pdf")
    assert foreign_runs(en, proper_names(s.store, data)) == []
    en_part = _section(en, "Changesthisweek", "Problems")
    assert "Sincethereturnofweek3(exported2021-01-2510:00),uptonow." in en_part
    assert "StationChinaMobileKF001金城北BuildingOnair2021-01-26" in en_part
    assert "StationChinaMobileKF004西关Deleted2021-01-27" in en_part
    assert "granted—)" in en_part and "granted2021-01-20)" in en_part  # the approvals, translated


def test_long_lists_are_cut_and_break_across_pages(qapp, tmp_path):
    s = sc.build(tmp_path)
    s.at(datetime(2021, 1, 28, 9, 0))
    batch = [sc.station(f"KX{i:03d}", f"批量站{i}") for i in range(rc.CAP + 7)]
    s.store.save_many(batch)
    report = ReportDocument(gather(s.store, sc.WEEK, "410221"))
    pages = write_pdf(report, tmp_path / "long.pdf")
    text = text_of(tmp_path / "long.pdf")
    check_tables_within_pages(report)
    check_page_ends(text)
    body = flat(text)
    assert "新增记录（58条）" in body and "另有8条未列出。" in body
    # a 本周变化 table runs over a page: it goes on with its header row
    assert report.pagination.splits.get("chg-added")
    carried = [p for p in text.split("\f")[1:pages] if re.search(r"类型\s+编码\s+名称", p)]
    assert len(carried) >= 2
