"""Operators' lists as they really arrive (issue 14): .xls/.ods/.xlsb, codes Excel has mangled, info
rows and two-row headers, text files in odd encodings, lists without data, and messages that are
Chinese to the last word. Every file is made here; every refusal leaves the database byte-identical
(and takes no backup)."""

from __future__ import annotations

import logging
import zipfile
from pathlib import Path

import openpyxl
import pytest

from kf5g_desktop.returns import bulk, bulk_table
from kf5g_desktop.returns.bulk import ERROR, NEW
from kf5g_desktop.returns.importer import import_files
from kf5g_desktop.returns.verify import verify_file
from tests.returns.conftest import db_digest
from tests.returns.office import assert_chinese, convert, foreign_words, needs_soffice, write_xlsb

HEADERS = ["基站编码", "运营商", "站名", "乡镇", "状态", "经度", "纬度"]


def _row(i: int, **over: object) -> list[object]:
    r: dict[str, object] = {
        "基站编码": f"77{i:08d}",
        "运营商": ["中国移动", "中国联通", "中国电信", "中国广电"][i % 4],
        "站名": f"杞县清单{i}号站",
        "乡镇": "五里河镇",
        "状态": "规划",
        "经度": 114.7 + i / 1000,
        "纬度": 34.5 + i / 1000,
    }
    r.update(over)
    return [r[h] for h in HEADERS]


def _xlsx(path: Path, rows: list[list[object]], *, above: list[list[object]] = (), headers=HEADERS) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "清单"
    for r in above:
        ws.append(r)
    ws.append(headers)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


class Unchanged:
    """The database file byte-identical and no backup taken, checked at the end of a refusal."""

    def __init__(self, store) -> None:
        self.store = store
        self.before = db_digest(store)

    def check(self) -> None:
        assert db_digest(self.store) == self.before
        assert not list(Path(self.store.path).parent.glob("backups/*"))


def _refused(store, path: Path, expect: str, **kw: object) -> str:
    """load_and_preview (and a commit attempt) refuse the file with ``expect`` in a Chinese message."""
    unchanged = Unchanged(store)
    with pytest.raises(bulk.BulkImportError) as info:
        pv = bulk.load_and_preview(store, path, "stations", **kw)
        bulk.commit(store, pv)
    text = str(info.value)
    assert expect in text, text
    for line in text.splitlines():
        assert_chinese(line)
    unchanged.check()
    return text


def _row_messages(pv: bulk.Preview, row: int) -> str:
    r = next(r for r in pv.rows if r.row == row)
    return "\n".join(str(p) for p in r.problems + r.warnings)


# 1. Old and other formats ------------------------------------------------------------------------


@needs_soffice
@pytest.mark.parametrize("fmt", ["xls", "ods"])
def test_xls_and_ods_lists_import_like_xlsx(unit_store, tmp_path, fmt):
    src = _xlsx(
        tmp_path / "清单.xlsx", [_row(i) for i in range(12)], above=[["中国移动开封分公司5G基站清单"]]
    )
    made = convert(src, fmt, tmp_path / "lo")
    head = made.read_bytes()[:8]
    assert (
        head == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        if fmt == "xls"
        else "content.xml" in zipfile.ZipFile(made).namelist()
    )
    pv = bulk.load_and_preview(unit_store, made, "stations")
    assert pv.table.header_row == 2 and pv.table.headers == HEADERS
    assert [r.state for r in pv.rows] == [NEW] * 12, [str(p) for p in pv.errors]
    assert pv.rows[0].record.station_code == "7700000000"
    before = unit_store.count("station")
    batch = bulk.commit(unit_store, pv)
    assert unit_store.count("station") == before + 12
    unit_store.undo_batch(batch)


@needs_soffice
def test_a_damaged_xls_list_is_refused_in_chinese(unit_store, tmp_path, caplog):
    made = convert(_xlsx(tmp_path / "坏.xlsx", [_row(1)]), "xls", tmp_path / "lo")
    data = bytearray(made.read_bytes())
    data[600:4000] = b"\xff" * 3400  # the directory and the workbook stream overwritten
    made.write_bytes(bytes(data))
    with caplog.at_level(logging.INFO, logger="kf5g"):
        text = _refused(unit_store, made, "坏.xls")
    assert "已损坏" in text or "不是 Excel 工作簿" in text
    assert any("坏.xls" in r.getMessage() for r in caplog.records)  # the parser's own words: in the log


def test_xlsb_list_imports(unit_store, tmp_path):
    """An .xlsb written record by record ([MS-XLSB]; LibreOffice cannot write one)."""
    rows = [["中国电信开封分公司清单"], HEADERS, *(_row(i) for i in range(4))]
    rows[3][0] = 77000001.0  # a code stored as a number: read, with its warning
    path = write_xlsb(tmp_path / "电信清单.xlsb", "清单", rows)
    pv = bulk.load_and_preview(unit_store, path, "stations")
    assert pv.table.sheet == "清单" and pv.table.header_row == 2 and pv.table.headers == HEADERS
    assert [r.state for r in pv.rows] == [NEW] * 4, [str(p) for p in pv.errors]
    assert pv.rows[1].record.station_code == "77000001" and "是数字" in str(pv.rows[1].warnings[0])
    before = unit_store.count("station")
    bulk.commit(unit_store, pv)
    assert unit_store.count("station") == before + 4


def test_a_return_saved_as_xlsb_is_told_to_use_the_original(city_store, tmp_path):
    path = write_xlsb(tmp_path / "410221_杞县_5G周报_2021W05.xlsb", "封面", [["开封市5G网络建设周报表"]])
    msg = verify_file(city_store, path).messages()[0]
    assert "周报须为 .xlsx 格式，请用导出的原文件" in msg and "二进制" in msg


def _xlsb(path: Path) -> Path:
    """The container of an .xlsb with a workbook part that is not BIFF12: recognised as .xlsb,
    then found damaged by python-calamine."""
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("_rels/.rels", "<Relationships/>")
        z.writestr("xl/workbook.bin", b"\x83\x01\x00" + b"\0" * 64)
    return path


def test_a_damaged_xlsb_is_named_as_such(unit_store, city_store, tmp_path):
    path = _xlsb(tmp_path / "联通清单.xlsb")
    text = _refused(unit_store, path, ".xlsb")
    assert "普通压缩包" not in text and "Excel 二进制工作簿" in text
    res = verify_file(city_store, path)
    assert not res.ok and "周报须为 .xlsx 格式，请用导出的原文件" in res.messages()[0]


@needs_soffice
@pytest.mark.parametrize("fmt", ["xls", "ods"])
def test_a_return_saved_as_xls_or_ods_is_told_to_use_the_original(exported, city_store, tmp_path, fmt):
    made = convert(exported.path, fmt, tmp_path / "lo")
    unchanged = Unchanged(city_store)
    rep = import_files(city_store, [made])[0]
    assert not rep.ok and rep.outcome is None
    text = "\n".join(rep.result.messages())
    assert "周报须为 .xlsx 格式，请用导出的原文件" in text and "损坏" not in text, text
    for line in rep.result.messages():
        assert_chinese(line)
    unchanged.check()
    # The same file renamed .xlsx is still recognised for what it is.
    renamed = made.with_suffix(".xlsx")
    renamed.write_bytes(made.read_bytes())
    assert "周报须为 .xlsx 格式" in verify_file(city_store, renamed).messages()[0]


# 2. Codes Excel has mangled -------------------------------------------------------------------------


def test_mangled_codes_each_get_a_row_message(unit_store, tmp_path):
    rows = [
        _row(0),
        _row(1, 基站编码="4.60011E+14"),  # as a CSV export of a number column shows it
        _row(2, 基站编码=460011234567890000),  # 18 digits as Excel keeps them: 15, the rest became 0
        _row(3, 基站编码=1234.5),
        _row(4, 基站编码=12345),  # a number, but every digit is there: a warning
        # 0123 and 123 typed into a number column: both became the number 123
        _row(5, 基站编码=123, 运营商="中国移动"),
        _row(6, 基站编码=123, 运营商="中国移动"),
    ]
    path = _xlsx(tmp_path / "清单.xlsx", rows)
    unchanged = Unchanged(unit_store)
    pv = bulk.load_and_preview(unit_store, path, "stations")
    first = 2  # file row of the first data row
    assert pv.rows[0].state == NEW and not pv.rows[0].warnings
    sci = _row_messages(pv, first + 1)
    assert "科学计数法" in sci and "“文本”格式" in sci and "“基站编码”列" in sci
    lost = _row_messages(pv, first + 2)
    assert "18 位的数字" in lost and "15 位有效数字" in lost and "“460011234567890000”" in lost
    assert "带小数的数字" in _row_messages(pv, first + 3)
    number = next(r for r in pv.rows if r.row == first + 4)
    assert number.state == NEW and number.record.station_code == "12345"
    assert "开头的 0" in str(number.warnings[0]) and "“文本”格式" in str(number.warnings[0])
    for row, other in ((first + 5, first + 6), (first + 6, first + 5)):
        msg = _row_messages(pv, row)
        assert f"与第{other}行" in msg and "是数字" in msg and "开头的 0" in msg, msg
        assert next(r for r in pv.rows if r.row == row).state == ERROR
    for p in pv.errors + [w for r in pv.rows for w in r.warnings]:
        assert_chinese(str(p))
    with pytest.raises(bulk.BulkImportError, match="未导入任何数据"):
        bulk.commit(unit_store, pv)
    unchanged.check()


def test_mangled_tower_and_pole_codes(unit_store, tmp_path):
    headers = [*HEADERS, "铁塔站址编码"]
    rows = [[*_row(0), "4.10221E+17"], [*_row(1), 410221500000000123]]
    path = _xlsx(tmp_path / "铁塔.xlsx", rows, headers=headers)
    pv = bulk.load_and_preview(unit_store, path, "stations")
    assert "科学计数法" in _row_messages(pv, 2) and "“铁塔站址编码”列" in _row_messages(pv, 2)
    assert "15 位有效数字" in _row_messages(pv, 3)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["杆塔编号", "杆塔名称", "权属行业", "杆塔类型"])
    ws.append(["3.5E+12", "路灯杆1", "市政", "路灯杆"])
    ws.append([1234.0, "路灯杆2", "市政", "路灯杆"])
    poles = tmp_path / "杆塔.xlsx"
    wb.save(poles)
    pv = bulk.load_and_preview(unit_store, poles, "poles")
    assert "科学计数法" in _row_messages(pv, 2)
    assert "是数字（1234）" in _row_messages(pv, 3) and not next(r for r in pv.rows if r.row == 3).problems


# 3. Header detection -------------------------------------------------------------------------------


def _two_row_header(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["填报单位: 杞县工信局", None, None, "填报日期: 2021-02-05"])
    ws.append(["基站编码", "基本信息", None, None, None, "坐标", None])
    ws.append([None, "运营商", "站名", "乡镇", "状态", "经度", "纬度"])
    ws.merge_cells("A2:A3")  # a name merged down over both header rows
    ws.merge_cells("B2:E2")  # group cells over the columns they name
    ws.merge_cells("F2:G2")
    for i in range(5):
        ws.append(_row(i))
    wb.save(path)
    return path


def test_info_row_above_a_two_row_header(unit_store, tmp_path):
    pv = bulk.load_and_preview(unit_store, _two_row_header(tmp_path / "两行表头.xlsx"), "stations")
    assert pv.table.header_rows == (2, 3) and pv.table.header_row == 3
    assert pv.table.headers == HEADERS
    assert {"station_code", "operator", "name", "lon", "lat"} <= set(pv.mapping)
    assert [r.row for r in pv.rows] == [4, 5, 6, 7, 8] and pv.ok, [str(p) for p in pv.errors]


@needs_soffice
def test_two_row_header_in_ods_without_merge_information(unit_store, tmp_path):
    made = convert(_two_row_header(tmp_path / "两行表头.xlsx"), "ods", tmp_path / "lo")
    pv = bulk.load_and_preview(unit_store, made, "stations")
    assert pv.table.header_rows == (2, 3) and pv.ok


def test_info_row_with_more_cells_does_not_win(unit_store, tmp_path):
    info = [["填报单位: 杞县工信局", "联系人: 王五", "电话: 0371-1234567", "日期: 2021-02-05", "页码: 1"]]
    path = _xlsx(tmp_path / "清单.xlsx", [_row(i) for i in range(3)], above=info)
    pv = bulk.load_and_preview(unit_store, path, "stations")
    assert pv.table.header_row == 2 and pv.ok


def test_header_row_given_when_the_guess_is_wrong(unit_store, tmp_path):
    """A summary block above the list matches more known fields than the list's own header."""
    above = [["运营商", "基站类型", "建设状态", "数量"], ["中国移动", "宏站", "规划", 3], []]
    headers = ["编号", "站名", "运营商"]
    rows = [[f"66{i:06d}", f"汇总下方{i}号站", "中国移动"] for i in range(3)]
    path = _xlsx(tmp_path / "汇总在上.xlsx", rows, above=above, headers=headers)
    guessed = bulk_table.read_table(path, kind="station")
    assert guessed.header_row == 1 and guessed.guessed
    pv = bulk.load_and_preview(unit_store, path, "stations", header_row=4, mapping={"station_code": "编号"})
    assert pv.table.header_row == 4 and not pv.table.guessed
    assert [r.record.station_code for r in pv.rows] == ["66000000", "66000001", "66000002"]
    assert bulk_table.with_header_row(guessed, 4, kind="station").headers == headers
    text = _refused(unit_store, path, "第3行是空行", header_row=3)
    assert "表头行" in text


# 4. Text files ----------------------------------------------------------------------------------------


def _lines(n: int = 4, sep: str = ",") -> list[str]:
    out = [sep.join(HEADERS)]
    for i in range(n):
        out.append(sep.join(str(v) for v in _row(i)))
    return out


@pytest.mark.parametrize(
    ("name", "encoding", "sep"),
    [
        ("gbk-fullwidth-comma.csv", "gbk", "，"),
        ("utf16le-no-bom.txt", "utf-16-le", "\t"),
        ("utf16be-no-bom.csv", "utf-16-be", ","),
        ("utf16-bom.txt", "utf-16", "\t"),
        ("gb18030-semicolon.csv", "gb18030", ";"),
    ],
)
def test_text_lists_in_the_encodings_they_come_in(unit_store, tmp_path, name, encoding, sep):
    path = tmp_path / name
    path.write_bytes("\r\n".join(["中国移动开封分公司清单", *_lines(4, sep)]).encode(encoding))
    pv = bulk.load_and_preview(unit_store, path, "stations")
    assert pv.table.headers == HEADERS and pv.table.header_row == 2
    assert [r.state for r in pv.rows] == [NEW] * 4, [str(p) for p in pv.errors]
    assert pv.rows[3].record.name == "杞县清单3号站"


def test_undecodable_text_names_the_line(unit_store, tmp_path):
    path = tmp_path / "乱码.csv"
    lines = [ln.encode("utf-8") for ln in _lines(6)]
    lines[4] = lines[4][:12] + b"\xff\xfe\xfa" + lines[4][12:]  # neither UTF-8 nor GB18030
    path.write_bytes(b"\n".join(lines))
    text = _refused(unit_store, path, "第5行")
    assert "无法识别的字符" in text


def test_text_with_nul_characters_is_refused_not_shown(unit_store, tmp_path):
    path = tmp_path / "空字符.csv"
    path.write_bytes("\n".join(_lines(3)).encode("utf-8") + b"\n1,\x00\x00\x00,2\n")
    text = _refused(unit_store, path, "空字符")
    assert "\x00" not in text and "第5行" in text


def test_a_workbook_named_csv_is_read_as_a_workbook(unit_store, tmp_path):
    real = _xlsx(tmp_path / "x.xlsx", [_row(i) for i in range(3)])
    path = tmp_path / "其实是工作簿.csv"
    path.write_bytes(real.read_bytes())
    pv = bulk.load_and_preview(unit_store, path, "stations")
    assert pv.table.sheet == "清单" and pv.ok and len(pv.rows) == 3


# 5. No data rows ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_a_list_without_data_rows_is_refused(unit_store, tmp_path, kind):
    if kind == "xlsx":
        path = _xlsx(tmp_path / "空清单.xlsx", [], above=[["中国移动开封分公司清单"]])
    else:
        path = tmp_path / "空清单.csv"
        path.write_text(",".join(HEADERS) + "\n,,,\n\n", encoding="utf-8")
    batches = len(unit_store.batches())
    _refused(unit_store, path, "没有数据行")
    assert len(unit_store.batches()) == batches


# 6. Messages ----------------------------------------------------------------------------------------------


def test_numeric_headers_and_multi_line_values_are_shown_on_one_line(unit_store, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["基站\n编码", "运营商", "站名", 1, 2])
    ws.append(["88000001", "中国\n移动", "多行站", "x", "y"])
    path = tmp_path / "多行.xlsx"
    wb.save(path)
    pv = bulk.load_and_preview(unit_store, path, "stations")
    assert pv.table.headers == ["基站⏎编码", "运营商", "站名", "1", "2"]
    assert pv.mapping["station_code"] == 0
    msg = _row_messages(pv, 2)
    assert "“中国⏎移动”不在代码表中" in msg and "\n" not in msg


def _with_macro_sheet(src: Path, dst: Path) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            zout.writestr(info, zin.read(info))
        zout.writestr("xl/macrosheets/sheet1.xml", "<xm:macrosheet/>")
    return dst


def test_excel4_macro_sheets_are_named(unit_store, exported, city_store, tmp_path):
    listing = _with_macro_sheet(_xlsx(tmp_path / "a.xlsx", [_row(1)]), tmp_path / "宏.xlsm")
    text = _refused(unit_store, listing, "Excel 4.0 宏表")
    assert "已损坏" not in text and "普通压缩包" not in text
    ret = _with_macro_sheet(exported.path, tmp_path / "周报宏.xlsx")
    msg = verify_file(city_store, ret).messages()[0]
    assert "Excel 4.0 宏表" in msg
    assert_chinese(msg)


def test_the_message_check_catches_parser_english():
    assert foreign_words("文件“a.xlsx”已损坏(压缩包无法打开:File is not a zip file)") == [
        "File",
        "is",
        "not",
        "zip",
        "file",
    ]
    assert foreign_words("工作表“基站”的数据已损坏(CalamineError: Relationship not found)")
    assert not foreign_words("请用 Excel/WPS 另存为 .xlsx 或 UTF-8 编码的 CSV(--header-row 3,第5行AB列)")


# The corpus of broken list files (the return's own corpus is tests/returns/test_broken_files.py).
def _broken_lists():
    def truncated(tmp):
        data = _xlsx(tmp / "t.xlsx", [_row(i) for i in range(20)]).read_bytes()
        return data[: len(data) // 2]

    def not_xml(tmp):
        p = tmp / "n.xlsx"
        with zipfile.ZipFile(p, "w") as z:
            z.writestr("[Content_Types].xml", "<Types/>")
            z.writestr("xl/workbook.xml", "not xml at all <<<")
        return p.read_bytes()

    def bad_rel(tmp):
        src = _xlsx(tmp / "r.xlsx", [_row(1)])
        out = tmp / "r2.xlsx"
        with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w") as zout:
            for info in zin.infolist():
                if info.filename != "xl/worksheets/sheet1.xml":
                    zout.writestr(info, zin.read(info))
        return out.read_bytes()

    return [
        ("截断.xlsx", truncated, "损坏"),
        ("非XML.xlsx", not_xml, "损坏"),
        ("缺工作表部件.xlsx", bad_rel, "损坏"),
        ("旧格式.xls", lambda tmp: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000, "不是 Excel 工作簿"),
        ("二进制.csv", lambda tmp: b"PK\x03\x04" + b"\x00\x01" * 50, "损坏"),
        ("网页.xls", lambda tmp: b"<html><table><tr><td>1</td></tr></table></html>", "网页"),
    ]


@pytest.mark.parametrize(("name", "make", "expect"), _broken_lists(), ids=[c[0] for c in _broken_lists()])
def test_broken_lists_are_refused_in_chinese(unit_store, tmp_path, name, make, expect):
    path = tmp_path / name
    path.write_bytes(make(tmp_path))
    _refused(unit_store, path, expect)
