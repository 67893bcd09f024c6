"""Files made by LibreOffice for the tests (.xls, .ods, PDF), and the check that a user-visible
message is Chinese apart from file names, codes and numbers."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

needs_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)


def convert(src: Path, fmt: str, outdir: Path) -> Path:
    """``soffice --headless --convert-to fmt`` with a profile of its own (tests run in parallel)."""
    outdir.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{outdir}/lo-profile",
            "--headless",
            "--convert-to",
            fmt,
            "--outdir",
            str(outdir),
            str(src),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    out = outdir / f"{src.stem}.{fmt.split(':')[0]}"
    assert out.exists(), f"LibreOffice wrote no {out.name}"
    return out


# Names a message may carry besides file names, codes and numbers: the programs and formats the user
# is told to use. Anything else in ASCII (an exception's text, "File is not a zip file", "XmlError",
# "CalamineError: …") is a leak of technical detail.
ALLOWED_WORDS = {
    "Excel",
    "WPS",
    "CSV",
    "UTF",
    "GBK",
    "GB",
    "XML",
    "DTD",
    "OpenDocument",
    "Office",
    "Word",
    "MB",
    "KB",
    "SA",
    "NSA",
    "GCJ",  # coordinate systems: GCJ-02, WGS-84, BD-09
    "WGS",
    "BD",
}
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|「[^」]*」")
_OPTION = re.compile(
    r"--[A-Za-z][\w-]*|\bkf5g(?:\s+[a-z][\w-]*){0,2}|\.[A-Za-z][A-Za-z0-9]{1,4}\b"  # options, extensions
    r"|[A-Z]{1,3}\d+(?::[A-Z]{1,3}\d+)?|[A-Z]{1,3}(?=列)"  # cell references, column letters
)
_WORD = re.compile(r"[A-Za-z][A-Za-z_]+")


def foreign_words(message: str) -> list[str]:
    """ASCII words of a message outside quotes (file names, values, codes, sheet and column names are
    quoted), command-line options and file extensions, that are not in :data:`ALLOWED_WORDS`."""
    rest = _OPTION.sub(" ", _QUOTED.sub(" ", message))
    return [w for w in _WORD.findall(rest) if w not in ALLOWED_WORDS]


def assert_chinese(message: str) -> None:
    assert re.search(r"[\u4e00-\u9fff]", message), message
    assert not foreign_words(message), (foreign_words(message), message)


def _record(typ: int, data: bytes = b"") -> bytes:
    """One BIFF12 record ([MS-XLSB] 2.1.4): type and size as 7-bit varints, then the data."""
    out = bytearray()
    out += bytes([typ]) if typ < 0x80 else bytes([(typ & 0x7F) | 0x80, typ >> 7])
    size = len(data)
    while True:
        byte = size & 0x7F
        size >>= 7
        out.append(byte | (0x80 if size else 0))
        if not size:
            break
    return bytes(out) + data


def _wide(text: str) -> bytes:
    return len(text).to_bytes(4, "little") + text.encode("utf-16-le")


def write_xlsb(path: Path, sheet: str, rows: list[list[object]]) -> Path:
    """A minimal Excel binary workbook (.xlsb) with one sheet of text and number cells, written from
    [MS-XLSB] (LibreOffice cannot write .xlsb): workbook.bin with its sheet, the sheet's cell records."""
    import struct
    import zipfile

    book = _record(0x0083)  # BrtBeginBook
    book += _record(0x008F)  # BrtBeginBundleShs
    book += _record(
        0x009C, (0).to_bytes(4, "little") + (1).to_bytes(4, "little") + _wide("rId1") + _wide(sheet)
    )
    book += _record(0x0090)  # BrtEndBundleShs
    book += _record(0x009D, b"\0" * 26)  # BrtCalcProp
    book += _record(0x0084)  # BrtEndBook
    width = max((len(r) for r in rows), default=1)
    cells = _record(0x0081)  # BrtBeginSheet
    cells += _record(0x0094, struct.pack("<IIII", 0, max(len(rows) - 1, 0), 0, width - 1))  # BrtWsDim
    cells += _record(0x0091)  # BrtBeginSheetData
    for r, row in enumerate(rows):
        cells += _record(0x0000, struct.pack("<I", r) + b"\0" * 13)  # BrtRowHdr
        for c, value in enumerate(row):
            head = struct.pack("<II", c, 0)  # column, style
            if value is None:
                continue
            if isinstance(value, (int, float)):
                cells += _record(0x0005, head + struct.pack("<d", float(value)))  # BrtCellReal
            else:
                cells += _record(0x0006, head + _wide(str(value)))  # BrtCellSt
    cells += _record(0x0092)  # BrtEndSheetData
    cells += _record(0x0082)  # BrtEndSheet
    types = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled'
        '.main"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        "</Types>"
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/worksheet" Target="worksheets/sheet1.bin"/></Relationships>'
    )
    root = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", types)
        z.writestr("_rels/.rels", root)
        z.writestr("xl/workbook.bin", book)
        z.writestr("xl/_rels/workbook.bin.rels", rels)
        z.writestr("xl/worksheets/sheet1.bin", cells)
    return path
