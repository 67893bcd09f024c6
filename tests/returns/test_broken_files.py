"""A corpus of broken spreadsheets (RELIABILITY.md "Reading spreadsheets"), generated here from a
valid exported return. Each gives its expected Chinese message, names sheet/row/column where there
is one, and leaves the city database byte-identical."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from kf5g_desktop.returns.importer import import_files
from kf5g_desktop.returns.verify import verify_file
from tests.returns.conftest import db_digest
from tests.returns.office import assert_chinese


def _rezip(src: Path, dst: Path, edits: dict) -> None:
    """Copy a zip, replacing members: value = bytes, a function bytes → bytes, or None to drop."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename in edits:
                e = edits[info.filename]
                if e is None:
                    continue
                data = e(data) if callable(e) else e
            zout.writestr(info.filename, data)


def _sheet_part(src: Path, name: str) -> str:
    wb = openpyxl.load_workbook(src, read_only=True)
    idx = wb.sheetnames.index(name) + 1
    wb.close()
    return f"xl/worksheets/sheet{idx}.xml"


def _edit(src: Path, dst: Path, fn, *, fix_counts: bool = True) -> None:
    wb = openpyxl.load_workbook(src)
    fn(wb)
    if fix_counts:
        meta = wb["_meta"]
        for row in meta.iter_rows():
            key = row[0].value
            if key and key.startswith("rows.") and key[5:] in wb.sheetnames:
                ws = wb[key[5:]]
                last = max(
                    (r for r in range(4, ws.max_row + 1) if any(c.value not in (None, "") for c in ws[r])),
                    default=3,
                )
                row[1].value = str(last - 3)
    wb.save(dst)


def _set_meta(key, value):
    def fn(wb):
        for row in wb["_meta"].iter_rows():
            if row[0].value == key:
                row[1].value = value

    return fn


def _cell(sheet, ref, value):
    def fn(wb):
        wb[sheet][ref] = value

    return fn


def _billion_laughs() -> bytes:
    return (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        b'<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        b'<row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>'
    )


# (id, builder(src, dst), expected message fragment, accept_modified reason or None, must name a row)
def _cases():
    c = []

    def add(name, builder, expect, accept=None, row=False):
        c.append(pytest.param(builder, expect, accept, row, id=name))

    add("empty", lambda s, d: d.write_bytes(b""), "空文件")
    add("truncated", lambda s, d: d.write_bytes(s.read_bytes()[: s.stat().st_size // 2]), "损坏或不完整")
    add("csv-renamed", lambda s, d: d.write_text("序号,区县代码\n1,410221\n", encoding="utf-8"), "不是 .xlsx")
    add(
        "html-as-xls",
        lambda s, d: d.write_text("<html><table><tr><td>1</td></tr></table></html>"),
        "网页或 XML",
    )
    add("old-xls", lambda s, d: d.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000), "97-2003")
    add(
        "encrypted",
        lambda s, d: d.write_bytes(
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
            + b"\0" * 100
            + "EncryptionInfo".encode("utf-16-le")
            + b"\0" * 100
        ),
        "密码",
    )

    def zip_bomb(s, d):
        with zipfile.ZipFile(d, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("[Content_Types].xml", "<Types/>")
            z.writestr("xl/workbook.xml", "<workbook/>")
            z.writestr("xl/worksheets/sheet1.xml", b"\0" * (40 * 1024 * 1024))

    add("zip-bomb", zip_bomb, "压缩炸弹")
    add("xml-bomb", lambda s, d: _rezip(s, d, {_sheet_part(s, "基站"): _billion_laughs()}), "DTD")
    add(
        "xxe",
        lambda s, d: _rezip(
            s, d, {"xl/workbook.xml": lambda b: b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>' + b}
        ),
        "DTD",
    )

    def plain_zip(s, d):
        with zipfile.ZipFile(d, "w") as z:
            z.writestr("readme.txt", "hello")

    add("plain-zip", plain_zip, "普通压缩包")

    def ods(s, d):
        with zipfile.ZipFile(d, "w") as z:
            z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
            z.writestr("content.xml", "<office/>")

    add("ods", ods, ".ods")
    add(
        "damaged-xml",
        lambda s, d: _rezip(s, d, {"xl/workbook.xml": b"<workbook><sheets><sheet name="}),
        "损坏",
    )
    add("no-meta", lambda s, d: _edit(s, d, lambda wb: wb.remove(wb["_meta"]), fix_counts=False), "_meta")
    add("wrong-format", lambda s, d: _edit(s, d, _set_meta("format", "other")), "不是“kf5g-return”")
    add("newer-version", lambda s, d: _edit(s, d, _set_meta("format_version", "2")), "版本")
    add("unknown-unit", lambda s, d: _edit(s, d, _set_meta("unit_code", "410299")), "不是开封市的区县")
    add("not-a-week", lambda s, d: _edit(s, d, _set_meta("period_start", "2021-02-02")), "周一至周日")
    add("renamed-header", lambda s, d: _edit(s, d, _cell("基站", "J3", "经度(度)")), "表头应为“经度”")
    add("extra-column", lambda s, d: _edit(s, d, _cell("审批", "J3", "说明")), "多余的列")
    add("missing-sheet", lambda s, d: _edit(s, d, lambda wb: wb.remove(wb["审批"])), "缺少工作表“审批”")

    def delete_row(s, d):
        wb = openpyxl.load_workbook(s)
        wb["基站"].delete_rows(5)
        wb.save(d)

    add("row-deleted", delete_row, "与“_meta”记录的")
    add("edited-cell", lambda s, d: _edit(s, d, _cell("基站", "E4", "改过")), "摘要不符")
    add("bad-signature", lambda s, d: _edit(s, d, _set_meta("signature", "0" * 64)), "签名校验失败")
    # Row checks (the digest is accepted with a reason so the file reaches check 8).
    reason = "测试"
    add("formula", lambda s, d: _edit(s, d, _cell("基站", "I5", "=A1&B1")), "公式", reason, True)

    def merged(s, d):
        _edit(s, d, lambda wb: wb["基站"].merge_cells("I5:I6"))

    add("merged-cells", merged, "合并单元格", reason, True)
    add(
        "code-as-number",
        lambda s, d: _edit(s, d, _cell("基站", "C4", 460012345678)),
        "数字格式",
        reason,
        True,
    )
    add("bad-date", lambda s, d: _edit(s, d, _cell("基站", "S4", "2021-13-45")), "不是有效日期", reason, True)
    add("unknown-label", lambda s, d: _edit(s, d, _cell("基站", "L4", "铁塔")), "不在代码表中", reason, True)
    add(
        "multi-line-label",  # shown on one line, its line break marked
        lambda s, d: _edit(s, d, _cell("基站", "L4", "宏\n站")),
        "“宏⏎站”不在代码表中",
        reason,
        True,
    )
    add(
        "outside-kaifeng",
        lambda s, d: _edit(s, d, _cell("基站", "J4", 116.5)),
        "不在开封市范围内",
        reason,
        True,
    )
    add(
        "text-coordinate", lambda s, d: _edit(s, d, _cell("基站", "K4", "北纬34度")), "不是数字", reason, True
    )

    def duplicate(s, d):
        def fn(wb):
            ws = wb["基站"]
            ws["C5"] = ws["C4"].value
            ws["F5"] = ws["F4"].value

        _edit(s, d, fn)

    add("duplicate-code", duplicate, "重复", reason, True)

    def blank_row(s, d):
        def fn(wb):
            ws = wb["杆塔共享"]
            for cell in ws[4]:
                cell.value = None

        _edit(s, d, fn)

    add("blank-row", blank_row, "空行", reason, True)
    add("wrong-unit-row", lambda s, d: _edit(s, d, _cell("基站", "B4", "410222")), "与填报单位", reason, True)
    add(
        "missing-venue",
        lambda s, d: _edit(s, d, _cell("基站", "X4", "CS410221-9999")),
        "不在“免费开放场所”表中",
        reason,
        True,
    )
    add("wrong-subsidy", lambda s, d: _edit(s, d, _cell("基站", "Z4", 99999)), "补助规则", reason, True)
    add("bad-township", lambda s, d: _edit(s, d, _cell("基站", "H4", "不存在镇")), "官方名单", reason, True)
    add("bad-sequence", lambda s, d: _edit(s, d, _cell("基站", "A5", 7)), "序号应为 2", reason, True)
    add("yes-no", lambda s, d: _edit(s, d, _cell("基站", "Q4", "也许")), "“是”或“否”", reason, True)
    add(
        "approval-orphan",
        lambda s, d: _edit(s, d, _cell("审批", "C4", "999")),
        "不在“基站”表中",
        reason,
        True,
    )
    return c


CASES = _cases()


def test_corpus_is_big_enough():
    assert len(CASES) >= 25


@pytest.mark.parametrize(("builder", "expect", "accept", "names_row"), CASES)
def test_broken_file(builder, expect, accept, names_row, exported, city_store, tmp_path):
    broken = tmp_path / "broken.xlsx"
    builder(exported.path, broken)
    city_store.set_unit_key("410221", "11" * 32)  # the city holds the unit's key: signatures are checked
    db = city_store
    before = db_digest(db)
    reports = import_files(city_store, [broken], accept_modified=accept)
    rep = reports[0]
    assert not rep.ok and rep.outcome is None
    text = "\n".join(rep.result.messages())
    assert expect in text, text
    for line in rep.result.messages():  # Chinese to the last word: no parser's English inside
        assert_chinese(line)
    if names_row:
        assert re.search(r"工作表“[^”]+”第\d+行", text), text
    assert db_digest(db) == before
    assert not city_store.query("station") and not list(city_store.path.parent.glob("backups/*"))


def _dimension(ref: bytes):
    def fn(b: bytes) -> bytes:
        if b"<dimension" in b:
            return re.sub(rb'<dimension ref="[^"]*"\s*/>', b'<dimension ref="' + ref + b'"/>', b)
        return b.replace(b"<sheetViews", b'<dimension ref="' + ref + b'"/><sheetViews', 1)

    return fn


def test_wps_wrong_dimension_is_read_in_full(exported, city_store, tmp_path):
    """WPS writes <dimension ref="A1:A1">: every row must still be read."""
    part = _sheet_part(exported.path, "基站")
    fixed = tmp_path / "wps.xlsx"
    _rezip(exported.path, fixed, {part: _dimension(b"A1:A1")})
    assert b'ref="A1:A1"' in zipfile.ZipFile(fixed).read(part)
    res = verify_file(city_store, fixed)
    assert res.ok, res.messages()
    assert len(res.stations) == 40


def test_huge_declared_dimension_is_harmless(exported, city_store, tmp_path):
    part = _sheet_part(exported.path, "审批")
    big = tmp_path / "big.xlsx"
    _rezip(exported.path, big, {part: _dimension(b"A1:XFD1048576")})
    assert verify_file(city_store, big).ok


def test_error_boundary_never_leaks_a_traceback(city_store, tmp_path):
    junk = tmp_path / "junk.xlsx"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "not xml at all <<<")
    junk.write_bytes(buf.getvalue())
    res = verify_file(city_store, junk)
    assert not res.ok and "损坏" in res.messages()[0]
    assert_chinese(res.messages()[0])


def test_a_cell_that_makes_the_fast_reader_panic_is_a_clear_error(exported, city_store, tmp_path):
    """python-calamine panics (pyo3 PanicException, a BaseException) on a huge negative duration."""
    before = db_digest(city_store)

    def poison(wb):
        cell = wb["基站"]["J4"]
        cell.value = -1e12
        cell.number_format = "[h]:mm:ss"

    bad = tmp_path / "panic.xlsx"
    _edit(exported.path, bad, poison)
    res = verify_file(city_store, bad)
    assert not res.ok
    assert "基站" in " ".join(res.messages())
    assert db_digest(city_store) == before
