"""Reading spreadsheets safely (RELIABILITY.md "Reading spreadsheets").

One boundary: :func:`open_workbook` and every method of :class:`SafeWorkbook` turn whatever a parser
raises into a :class:`SpreadsheetError` with one clear Chinese message (not an .xlsx, encrypted,
damaged, too big …), never a traceback; the parser's own words go to the log (``kf5g.log``).

Formats: a return is .xlsx only (another workbook format is refused as such); an operator's list may
also be .xls, .ods or .xlsb (``formats=LIST_FORMATS``), read by python-calamine with the same limits.
Workbooks with Excel 4.0 macro sheets are refused and named.

Before any parser sees the file: its size, its signature (zip / OLE2 / text), the zip directory
(member sizes, total size and compression ratio — a 2 MB zip bomb can expand to gigabytes),
encrypted members, and DTD/entity declarations in the XML parts (XML bombs, external entities).
The workbook's structure is read with ``defusedxml``; cell values with python-calamine, which reads
every ``<c>`` element and does not trust the declared ``<dimension>`` (WPS writes ``A1:A1``). Rows
and columns read are bounded. Formulas are found in the sheet XML itself (calamine returns only
their cached values).
"""

from __future__ import annotations

import logging
import re
import zipfile
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from kf5g_desktop.storage.errors import Kf5gError

MAX_FILE_BYTES = 300 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 2 * 1024 * 1024 * 1024
MAX_MEMBER_BYTES = 1024 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed, for members above RATIO_FLOOR
RATIO_FLOOR = 8 * 1024 * 1024
MAX_MEMBERS = 2000
MAX_ROWS = 1_048_576  # Excel's own limit
MAX_COLUMNS = 200

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")
_DTD_RE = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_ROOT_PREFIX_RE = re.compile(rb"<([A-Za-z_][\w.-]*:)?worksheet[\s>]")
_FORMULA_RE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s>/]")
_CELL_REF_RE = re.compile(rb"""<(?:[A-Za-z_][\w.-]*:)?c\b[^>]*?\br=["']([A-Z]{1,3})(\d+)["']""")
log = logging.getLogger("kf5g.read")
_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_NS_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def _reraise_fatal(exc: BaseException) -> None:
    """The boundary turns every parser failure into our error, but never swallows Ctrl+C or exit.
    (python-calamine reports Rust panics as pyo3's PanicException, a BaseException.)"""
    if isinstance(exc, (KeyboardInterrupt, SystemExit, GeneratorExit)):
        raise exc


class SpreadsheetError(Kf5gError):
    """The file cannot be read as a spreadsheet at all (the message says why and what to do)."""


def _name(path: Path) -> str:
    return f"“{path.name}”"


# Workbook formats: a return is always .xlsx (RETURNS.md); operators' lists may be any of these.
XLSX, XLS, ODS, XLSB = "xlsx", "xls", "ods", "xlsb"
FORMAT_NAMES = {
    XLSX: "Excel 工作簿（.xlsx）",
    XLS: "Excel 97-2003 工作簿（.xls）",
    ODS: "OpenDocument 表格（.ods）",
    XLSB: "Excel 二进制工作簿（.xlsb）",
}
RETURN_FORMATS: tuple[str, ...] = (XLSX,)
LIST_FORMATS: tuple[str, ...] = (XLSX, XLS, ODS, XLSB)
_OLE_BOOK_STREAMS = ("Workbook".encode("utf-16-le"), "Book".encode("utf-16-le"))


def sniff_workbook(path: Path) -> bool:
    """True when the file's first bytes are those of a workbook (zip or OLE2), whatever its name."""
    try:
        with Path(path).open("rb") as f:
            head = f.read(8)
    except OSError:
        return False
    return head.startswith(_OLE_MAGIC) or head.startswith(b"PK\x03\x04")


def _not_a_return(path: Path, what: str) -> SpreadsheetError:
    return SpreadsheetError(f"文件{_name(path)}是{what}。周报须为 .xlsx 格式，请用导出的原文件。")


def _macro_sheets(path: Path, where: str) -> SpreadsheetError:
    return SpreadsheetError(
        f"文件{_name(path)}含有 Excel 4.0 宏表（{where}），这类宏表可以执行代码，程序不读取。"
        "请把数据复制到新建的工作簿中，另存为 .xlsx 后再导入。"
    )


def check_container(path: Path, formats: Sequence[str] = RETURN_FORMATS) -> str:
    """Everything that can be checked before a parser touches the file; returns its format (one of
    ``formats``). A return (``formats`` = .xlsx only) in another workbook format is refused as such."""
    path = Path(path)
    for_return = tuple(formats) == RETURN_FORMATS
    if not path.exists():
        raise SpreadsheetError(f"文件“{path}”不存在，请检查路径。")
    if path.is_dir():
        raise SpreadsheetError(f"“{path}”是文件夹，请选择 .xlsx 文件。")
    size = path.stat().st_size
    if size == 0:
        raise SpreadsheetError(f"文件{_name(path)}是空文件（0 字节），可能没有保存完整，请重新导出或重新复制。")
    if size > MAX_FILE_BYTES:
        raise SpreadsheetError(
            f"文件{_name(path)}太大（{size / 1024 / 1024:.0f} MB，上限 {MAX_FILE_BYTES // 1024 // 1024} MB），"
            "不像是周报或运营商清单，请检查是否选错文件。"
        )
    with path.open("rb") as f:
        head = f.read(8)
        if head.startswith(_OLE_MAGIC):
            f.seek(0)
            blob = f.read(min(size, 4 * 1024 * 1024))
            if _ENCRYPTION_INFO in blob:
                raise SpreadsheetError(
                    f"文件{_name(path)}设置了打开密码（已加密），程序无法读取。请在 Excel/WPS 中取消密码"
                    "（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后另存为 .xlsx 再导入。"
                )
            if for_return:
                raise _not_a_return(path, "旧版 Excel 97-2003 格式（.xls）")
            if XLS not in formats:
                raise SpreadsheetError(
                    f"文件{_name(path)}是旧版 Excel 97-2003 格式（.xls），请在 Excel/WPS 中“另存为”"
                    "Excel 工作簿（.xlsx）后再导入。"
                )
            if not any(s in blob for s in _OLE_BOOK_STREAMS):
                raise SpreadsheetError(
                    f"文件{_name(path)}是 Office 文件，但不是 Excel 工作簿（可能是 Word 文档或演示文稿）。"
                    "请选择 Excel 工作簿或 CSV 文件。"
                )
            return XLS
        if not head.startswith(b"PK"):
            sample = head.lstrip(b"\xef\xbb\xbf").lower()
            if sample[:1] in (b"<",):
                raise SpreadsheetError(
                    f"文件{_name(path)}是网页或 XML 文本，不是 .xlsx 工作簿（可能是从网页系统导出的“伪 Excel”）。"
                    "请用 Excel/WPS 打开后另存为 Excel 工作簿（.xlsx）。"
                )
            raise SpreadsheetError(
                f"文件{_name(path)}不是 .xlsx 工作簿（可能是 CSV 文本、其他格式或改了扩展名的文件）。"
                "请用 Excel/WPS 打开后另存为 Excel 工作簿（.xlsx）。"
            )
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        log.info("%s: zip directory unreadable: %r", path, exc)
        raise SpreadsheetError(
            f"文件{_name(path)}已损坏或不完整（压缩包无法打开）。可能是复制/下载中断，请重新获取文件。"
        ) from None
    if len(infos) > MAX_MEMBERS:
        raise SpreadsheetError(f"文件{_name(path)}内部结构异常（包含 {len(infos)} 个部件），已拒绝读取。")
    names = {i.filename for i in infos}
    fmt: str | None = None
    if "[Content_Types].xml" in names and "xl/workbook.xml" in names:
        fmt = XLSX
    elif "[Content_Types].xml" in names and "xl/workbook.bin" in names:
        fmt = XLSB
    elif "content.xml" in names and "mimetype" in names:
        fmt = ODS
    if fmt is None:
        what = "Word 文档" if "word/document.xml" in names else "普通压缩包"
        if "content.xml" in names:
            what = "OpenDocument 文档"
        raise SpreadsheetError(
            f"文件{_name(path)}是{what}，不是 Excel 工作簿（.xlsx）。请用 Excel/WPS 另存为 .xlsx 后再导入。"
        )
    macro = sorted(n for n in names if n.startswith("xl/macrosheets/") and not n.endswith("/"))
    if macro:
        raise _macro_sheets(path, f"{len(macro)} 张")
    if fmt != XLSX and for_return:
        raise _not_a_return(path, FORMAT_NAMES[fmt])
    if fmt not in formats:
        raise SpreadsheetError(
            f"文件{_name(path)}是 {FORMAT_NAMES[fmt]}，请用 Excel/WPS 另存为 .xlsx 后再导入。"
        )
    total = 0
    for i in infos:
        if i.flag_bits & 0x1:
            raise SpreadsheetError(
                f"文件{_name(path)}的内容已加密，程序无法读取。请取消密码后另存为 .xlsx 再导入。"
            )
        total += i.file_size
        ratio = i.file_size / max(i.compress_size, 1)
        if i.file_size > MAX_MEMBER_BYTES or (i.file_size > RATIO_FLOOR and ratio > MAX_RATIO):
            raise SpreadsheetError(
                f"文件{_name(path)}解压后异常巨大(部件“{i.filename}”{i.file_size / 1024 / 1024:.0f} MB,"
                f"压缩比 {ratio:.0f}:1)，疑似“压缩炸弹”，已拒绝读取。"
            )
    if total > MAX_UNCOMPRESSED_BYTES:
        raise SpreadsheetError(
            f"文件{_name(path)}解压后共 {total / 1024 / 1024:.0f} MB，超过上限，疑似“压缩炸弹”，已拒绝读取。"
        )
    return fmt


@dataclass(slots=True)
class SheetInfo:
    name: str
    part: str  # zip member, e.g. xl/worksheets/sheet2.xml
    hidden: bool = False


@dataclass(slots=True)
class SheetTable:
    """A sheet's cells as python-calamine reads them: ``rows[0]`` is sheet row ``first_row``, column A
    is index 0, every row as wide as the used range, and empty cells are ``""`` (not None)."""

    first_row: int
    rows: list[list[object]]
    merged: list[tuple[int, int, int, int]]  # as SafeWorkbook.merged


def _load_table(path: Path, name: str, max_rows: int, max_cols: int) -> SheetTable:
    """Read one sheet with its own python-calamine workbook (one per thread: a workbook cannot be
    shared). python-calamine releases the GIL while it parses the sheet."""
    from python_calamine import CalamineWorkbook

    cal = CalamineWorkbook.from_path(str(path))
    try:
        sheet = cal.get_sheet_by_name(name)
        (r0, c0) = sheet.start or (0, 0)
        if sheet.height > max_rows:
            raise SpreadsheetError(
                f"工作表“{name}”有 {sheet.height} 行，超过上限 {max_rows} 行，请检查是否选错文件或删除多余行。"
            )
        rows = sheet.to_python()
        merged = [(a[0] + 1, a[1] + 1, b[0] + 1, b[1] + 1) for a, b in sheet.merged_cell_ranges or []]
    finally:
        with suppress(Exception):
            cal.close()
    if rows and c0 + len(rows[0]) > max_cols:
        rows = [r[: max(0, max_cols - c0)] for r in rows]
    if c0:
        pad = [""] * c0
        rows = [pad + r for r in rows]
    return SheetTable(r0 + 1, rows, merged)


def _scan_formulas(path: Path, part: str) -> list[tuple[int, str]]:
    """(row, column letter) of every cell holding a formula, found in the sheet's XML (own zip handle:
    runs in a loader thread; zlib releases the GIL while it inflates)."""
    with zipfile.ZipFile(path) as zf:
        data = zf.read(part)
    # A quick look for the <f> element first (literal-prefix search), with the namespace prefix the
    # sheet uses for its elements (some writers write <x:c>, <x:f>); the full scan only if one is there.
    root = _ROOT_PREFIX_RE.search(data, 0, 4096)
    prefix = (root.group(1) or b"") if root else b""
    if re.search(re.escape(b"<" + prefix + b"f") + rb"[\s>/]", data) is None:
        return []
    found: list[tuple[int, str]] = []
    for m in _FORMULA_RE.finditer(data):
        start = data.rfind(b"<", 0, m.start())
        while start >= 0:
            cm = _CELL_REF_RE.match(data, start)
            if cm:
                found.append((int(cm.group(2)), cm.group(1).decode()))
                break
            start = data.rfind(b"<", 0, start)
            if m.start() - start > 4096:
                break
        if len(found) >= 1000:
            break
    return found


@dataclass(slots=True)
class SafeWorkbook:
    path: Path
    sheets: list[SheetInfo]
    format: str = XLSX
    _zip: zipfile.ZipFile | None = None
    _cal: object = None
    _formula_cache: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    _pool: ThreadPoolExecutor | None = None
    _pending: dict[tuple[str, str], Future[object]] = field(default_factory=dict)
    _merged_cache: dict[str, list[tuple[int, int, int, int]]] = field(default_factory=dict)

    @property
    def sheet_names(self) -> list[str]:
        return [s.name for s in self.sheets]

    def info(self, name: str) -> SheetInfo:
        for s in self.sheets:
            if s.name == name:
                return s
        raise KeyError(name)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        self._pending.clear()
        if self._zip is not None:
            self._zip.close()
            self._zip = None
        if self._cal is not None:
            with suppress(Exception):  # closing must not fail the read
                self._cal.close()  # type: ignore[attr-defined]
            self._cal = None

    def __enter__(self) -> SafeWorkbook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _boundary(self, what: str, exc: BaseException) -> SpreadsheetError:
        log.info("%s: %s unreadable: %s: %s", self.path, what, type(exc).__name__, str(exc)[:500])
        return SpreadsheetError(
            f"文件{_name(self.path)}的{what}已损坏，无法读取（详细信息已写入日志）。"
            "请用 Excel/WPS 打开检查，另存为 .xlsx 后重试，或请对方重新导出。"
        )

    def rows(
        self, name: str, *, max_rows: int = MAX_ROWS, max_cols: int = MAX_COLUMNS
    ) -> Iterator[tuple[int, list[object]]]:
        """(sheet row number, cell values) for every row that has cells, empty cells as None.

        Column A is index 0 whatever the sheet's used range; trailing empty cells are dropped."""
        table = self.table(name, max_rows=max_rows, max_cols=max_cols)
        for row_no, raw in enumerate(table.rows, start=table.first_row):
            cells = [None if v == "" else v for v in raw]
            while cells and cells[-1] is None:
                cells.pop()
            yield row_no, cells

    def merged(self, name: str) -> list[tuple[int, int, int, int]]:
        """Merged ranges as 1-based (first_row, first_col, last_row, last_col)."""
        if name not in self._merged_cache:
            self.table(name)  # keeps them
        return self._merged_cache[name]

    def formula_cells(self, name: str) -> list[tuple[int, str]]:
        """(row, column letter) of every cell holding a formula, found in the sheet's XML."""
        if name not in self._formula_cache:
            part = self.info(name).part
            if self.format != XLSX:  # .xls/.ods/.xlsb: their formulas' results are stored, read as values
                self._formula_cache[name] = []
                return []
            found = self._result(
                ("formulas", name), f"工作表“{name}”", lambda: _scan_formulas(self.path, part)
            )
            self._formula_cache[name] = found  # type: ignore[assignment]
        return self._formula_cache[name]

    def prefetch(self, names: Sequence[str], *, formulas: bool = True) -> None:
        """Start reading these sheets (and finding their formulas) on two background threads, the
        first name first; :meth:`table` and :meth:`formula_cells` then wait for their result.
        python-calamine and zlib release the GIL, so the reading runs beside the caller's work."""
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="kf5g-read")
        jobs: list[tuple[tuple[str, str], Callable[[], object]]] = []
        for name in names:
            if name in self.sheet_names:
                jobs.append(
                    (("table", name), lambda n=name: _load_table(self.path, n, MAX_ROWS, MAX_COLUMNS))
                )  # type: ignore[misc]
        if formulas:
            for name in names:
                if name in self.sheet_names and self.format == XLSX:
                    part = self.info(name).part
                    jobs.append((("formulas", name), lambda p=part: _scan_formulas(self.path, p)))  # type: ignore[misc]
        for key, job in jobs:
            if key not in self._pending:
                self._pending[key] = self._pool.submit(job)

    def table(self, name: str, *, max_rows: int = MAX_ROWS, max_cols: int = MAX_COLUMNS) -> SheetTable:
        """Every cell of a sheet in one go (see :class:`SheetTable`), for the fast reading paths."""
        table: SheetTable = self._result(  # type: ignore[assignment]
            ("table", name), f"工作表“{name}”", lambda: _load_table(self.path, name, max_rows, max_cols)
        )
        self._merged_cache[name] = table.merged
        return table

    def tables_as_ready(self, names: Sequence[str]) -> Iterator[tuple[str, SheetTable]]:
        """(name, :meth:`table`) of these sheets, prefetched ones in the order their reading ends."""
        waiting = {self._pending[("table", n)]: n for n in names if ("table", n) in self._pending}
        for future in as_completed(waiting):
            yield waiting[future], self.table(waiting[future])
        for name in names:
            if not any(n == name for n in waiting.values()):
                yield name, self.table(name)

    def _result(self, key: tuple[str, str], what: str, load: Callable[[], object]) -> object:
        """A prefetched result, or ``load()`` now — inside the error boundary either way."""
        try:
            pending = self._pending.pop(key, None)
            return pending.result() if pending is not None else load()
        except SpreadsheetError:
            raise
        except BaseException as exc:  # the boundary (also pyo3's PanicException)
            _reraise_fatal(exc)
            raise self._boundary(what, exc) from None


def _read_structure(zf: zipfile.ZipFile, path: Path) -> list[SheetInfo]:
    from defusedxml import ElementTree

    _scan_dtd(zf, path)
    wb = ElementTree.fromstring(zf.read("xl/workbook.xml"))
    rels_xml = zf.read("xl/_rels/workbook.xml.rels") if "xl/_rels/workbook.xml.rels" in zf.namelist() else b""
    targets: dict[str, str] = {}
    if rels_xml:
        for rel in ElementTree.fromstring(rels_xml).iter(f"{_NS_PKG_REL}Relationship"):
            target = rel.get("Target") or ""
            if target.startswith("/"):
                part = target.lstrip("/")
            else:
                part = str(PurePosixPath("xl") / target)
            # normalise "xl/../xl/worksheets/x.xml"
            parts: list[str] = []
            for p in part.split("/"):
                if p == "..":
                    if parts:
                        parts.pop()
                elif p and p != ".":
                    parts.append(p)
            targets[rel.get("Id") or ""] = "/".join(parts)
    out: list[SheetInfo] = []
    sheets_el = wb.find(f"{_NS_MAIN}sheets")
    for el in sheets_el if sheets_el is not None else []:
        name = el.get("name") or ""
        rid = el.get(f"{_NS_REL}id") or ""
        out.append(SheetInfo(name, targets.get(rid, ""), el.get("state") in ("hidden", "veryHidden")))
    if not out:
        raise SpreadsheetError(f"文件{_name(path)}中没有工作表，请检查文件。")
    return out


def _scan_dtd(zf: zipfile.ZipFile, path: Path) -> None:
    for info in zf.infolist():
        if info.filename.endswith((".xml", ".rels")):
            with zf.open(info) as f:
                head = f.read(8192)
            if _DTD_RE.search(head):
                raise SpreadsheetError(
                    f"文件{_name(path)}的部件“{info.filename}”含有 DTD/实体声明（可能是恶意构造的 XML 炸弹或外部实体），"
                    "已拒绝读取。"
                )


def _calamine_sheets(cal: object, path: Path) -> list[SheetInfo]:
    """The sheets of an .xls/.ods/.xlsb as python-calamine lists them (no zip part: no formula scan)."""
    from python_calamine import SheetTypeEnum, SheetVisibleEnum

    out: list[SheetInfo] = []
    for m in cal.sheets_metadata:  # type: ignore[attr-defined]
        if m.typ == SheetTypeEnum.MacroSheet:
            raise _macro_sheets(path, f"宏表“{m.name}”")
        if m.typ != SheetTypeEnum.WorkSheet:
            continue  # chart and dialog sheets hold no cells
        out.append(SheetInfo(m.name, "", m.visible != SheetVisibleEnum.Visible))
    if not out:
        raise SpreadsheetError(f"文件{_name(path)}中没有工作表，请检查文件。")
    return out


def open_workbook(path: Path | str, *, formats: Sequence[str] = RETURN_FORMATS) -> SafeWorkbook:
    """Open a workbook for reading after every safety check (the one error boundary).

    ``formats``: the workbook formats accepted — a return is .xlsx only (the default); operators'
    lists may be any of :data:`LIST_FORMATS`, read by python-calamine with the same limits."""
    path = Path(path)
    fmt = check_container(path, formats)
    zf: zipfile.ZipFile | None = None
    try:
        from python_calamine import CalamineWorkbook

        if fmt == XLSX:
            zf = zipfile.ZipFile(path)
            sheets = _read_structure(zf, path)
        elif fmt in (ODS, XLSB):
            with zipfile.ZipFile(path) as z:
                _scan_dtd(z, path)
        cal = CalamineWorkbook.from_path(str(path))
        if fmt != XLSX:
            sheets = _calamine_sheets(cal, path)
        return SafeWorkbook(path, sheets, fmt, zf, cal)
    except SpreadsheetError:
        if zf is not None:
            zf.close()
        raise
    except BaseException as exc:  # the boundary: defusedxml, zipfile, calamine (panics too) …
        _reraise_fatal(exc)
        if zf is not None:
            zf.close()
        name = type(exc).__name__
        log.info("%s: cannot open as %s: %s: %s", path, fmt, name, str(exc)[:500])
        if "Forbidden" in name or "EntitiesForbidden" in name or "DTDForbidden" in name:
            msg = f"文件{_name(path)}含有被禁止的 XML 结构（实体/DTD），疑似恶意文件，已拒绝读取。"
        elif name == "PasswordError":
            msg = f"文件{_name(path)}设置了打开密码，程序无法读取。请在 Excel/WPS 中取消密码后再导入。"
        else:
            msg = (
                f"文件{_name(path)}已损坏，无法作为 {FORMAT_NAMES[fmt]} 读取（详细信息已写入日志）。"
                "请用 Excel/WPS 打开检查并另存为 .xlsx，或请对方重新导出。"
            )
        raise SpreadsheetError(msg) from None
