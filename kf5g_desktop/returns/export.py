"""Export the weekly return (a unit's, or the city's consolidation) and keep it as a submission."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kf5g_desktop.domain.periods import IsoWeek
from kf5g_desktop.storage.store import Store

from . import submissions
from .content import ReturnContent, collect, on_air_total
from .format import S_STATIONS
from .writer import ExportError, write_return

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    content: ReturnContent
    version: int
    new_version: bool  # False: same digest as the week's previous export
    submission_id: int | None
    by_city: bool = False  # exported by the city installation (a unit's return, or the consolidation)

    @property
    def digest(self) -> str:
        return self.content.digest


def plan(store: Store, week: IsoWeek, unit_code: str | None = None) -> tuple[str, str | None]:
    """(kind, unit_code) of the return this installation makes for ``unit_code``."""
    inst = store.installation()
    if not inst.configured:
        raise ExportError("本安装尚未设置为区县或市级，请先完成初始设置（kf5g init）。")
    if inst.is_city:
        if unit_code:
            store.unit(unit_code)
            return "unit", unit_code
        return "city", None
    if unit_code and unit_code != inst.unit_code:
        raise ExportError(f"本安装是区县{inst.unit_code}的填报安装，只能导出本区县的周报。")
    return "unit", inst.unit_code


CITY_CANNOT_CORRECT = (
    "市级安装的周报由各区县报送的周报生成，不能在市级更正；请区县导出更正版本"
    "（“更正第N周报表”或命令行 --correct）后报送，市级导入即可。"
)


def can_correct(store: Store, week: IsoWeek) -> bool:
    """Whether ``week`` can be corrected here: a unit's installation, once the week's cut-off has passed."""
    return not store.installation().is_city and store.now() > store.week_cutoff(week)


def build_content(
    store: Store, week: IsoWeek, unit_code: str | None = None, *, correct: bool = False
) -> ReturnContent:
    """Collect (and digest/sign) the return without writing anything: the week as it stood
    (``Store.week_basis``), or with ``correct`` the week's correction from today's registers."""
    kind, code = plan(store, week, unit_code)
    if correct and store.installation().is_city:
        raise ExportError(CITY_CANNOT_CORRECT)
    if correct and not can_correct(store, week):
        cutoff = store.week_cutoff(week)
        raise ExportError(
            f"{week.title_zh}尚未过报送截止时间（{cutoff:%Y-%m-%d %H:%M}），不需要更正：直接导出即为当前数据。"
        )
    basis = store.week_basis(week, code if kind == "unit" else None, correct=correct)
    content = collect(store, week, unit_code=code, kind=kind, basis=basis)
    if kind == "city":
        from .city import completion_rows

        content.completion = completion_rows(store, week, content)
    key = store.unit_keys().get(code) if kind == "unit" and code else None
    content.compute_digest(key)
    return content


def export_return(
    store: Store,
    week: IsoWeek,
    dest: Path | None = None,
    *,
    unit_code: str | None = None,
    reason: str | None = None,
    record: bool = True,
    correct: bool = False,
) -> ExportResult:
    """Write the return for ``week`` to ``dest`` (a file, or a folder for the standard file name).

    Before the week's cut-off the return is made from the registers now: a second export of an
    unchanged week gives the same digest and no new version; a changed one needs ``reason`` and
    becomes the next version. After the cut-off the week is made as it stood (the cut-off, or its
    latest correction): re-exporting gives the same digest and asks no reason. ``correct`` (with
    ``reason``) makes the week's correction from today's registers, seen at the week's end.
    """
    reason = reason.strip() if reason else None
    if correct and not reason:
        raise ExportError(f"更正{week.title_zh}的周报需要填写更正原因（命令行 --reason）。")
    content = build_content(store, week, unit_code, correct=correct)
    prev = submissions.latest(store, "export", content.unit_code, str(week)) if record else None
    changed = prev is None or prev.content_sha256 != content.digest
    as_it_stood = content.basis.moment is not None and not correct
    if prev is not None and changed and not reason and not as_it_stood:
        raise ExportError(
            f"{week.title_zh}的周报已导出过（第{prev.version}版），数据已有变化。"
            "再次导出将成为更正版本，请填写更正原因（命令行 --reason）。"
        )
    dest = Path(dest) if dest is not None else Path.cwd()
    path = dest / content.file_name if dest.is_dir() else dest
    write_return(content, path)
    by_city = store.installation().is_city
    if not record or store.readonly:
        return ExportResult(path, content, prev.version if prev else 1, changed, None, by_city)
    if not changed:
        assert prev is not None
        return ExportResult(path, content, prev.version, False, prev.id, by_city)
    now = store.now()
    sub = submissions.add(
        store,
        direction="export",
        kind=content.kind,
        unit_code=content.unit_code,
        iso_week=str(week),
        content_sha256=content.digest,
        signature=content.signature or None,
        signature_status="ok" if content.signature else "unsigned",
        file_name=path.name,
        generated_at=content.meta()[8][1],
        received_at=now,
        late=now > submissions.deadline(store, week),
        reason=reason if correct or (prev is not None and not as_it_stood) else None,
        content=path.read_bytes(),
    )
    return ExportResult(path, content, sub.version, True, sub.id, by_city)


def unsigned_reason(result: ExportResult) -> str:
    """Why a return is not signed, said to the installation that exported it: the city issues the
    keys (its consolidation needs none), a unit gets its key from the city."""
    if result.content.kind == "city":
        return "不签名（签名只用于区县周报，全市汇总表不需要签名）"
    if result.by_city:
        return (
            "未签名（尚未给该区县发放签名密钥；发放方法：菜单“报表 → 报送 → 导出参考数据（含签名密钥）…”"
            "或命令 kf5g reference export 文件，再把文件交给该区县导入）"
        )
    return "未签名（市局尚未下发密钥）"


def describe(result: ExportResult) -> str:
    c = result.content
    counts = "，".join(f"{k} {len(v)} 行" for k, v in c.sheets.items())
    version = f"第{result.version}版" + ("" if result.new_version else "（内容与上次导出相同）")
    signed = "已签名" if c.signature else unsigned_reason(result)
    return (
        f"已导出“{result.path}”：{counts}；已开通 {on_air_total(c.sheets[S_STATIONS])} 个；"
        f"{version}，{signed}，摘要 {c.digest[:12]}…"
    )
