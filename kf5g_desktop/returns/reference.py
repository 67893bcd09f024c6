"""The city's reference-data file: units, townships, targets, code lists and per-unit signing keys.

One JSON file (``开封市5G参考数据_YYYYMMDD.json``, format ``kf5g-reference`` version 1) that the city
exports and each unit installation imports. Keys are 32 random bytes as 64 hex; the city issues a
key to every unit that has none. A unit keeps only its own key (all others are dropped) and takes
the city's targets. Code lists and units are compiled into the program: differences are reported,
not applied (they mean the program needs an update).
"""

from __future__ import annotations

import json
import logging
import os
import secrets
from dataclasses import asdict, dataclass, field
from pathlib import Path

from kf5g_desktop import __version__
from kf5g_desktop.domain import codes
from kf5g_desktop.storage.errors import Kf5gError
from kf5g_desktop.storage.store import Store

FORMAT = "kf5g-reference"
VERSION = "1"
MAX_BYTES = 5 * 1024 * 1024


class ReferenceError(Kf5gError):
    pass


def new_key() -> str:
    return secrets.token_hex(32)


def file_name(store: Store) -> str:
    return f"开封市5G参考数据_{store.today():%Y%m%d}.json"


def export_reference(store: Store, dest: Path, *, issue_missing_keys: bool = True) -> Path:
    inst = store.installation()
    if not inst.is_city:
        raise ReferenceError("只有市级安装可以导出参考数据（含各区县签名密钥）。")
    keys = store.unit_keys()
    if issue_missing_keys:
        for unit in store.units():
            if unit.code not in keys:
                keys[unit.code] = new_key()
                store.set_unit_key(unit.code, keys[unit.code])
    data = {
        "format": FORMAT,
        "format_version": VERSION,
        "generated_at": store.now().astimezone().isoformat(timespec="seconds"),
        "generator": f"kf5g-desktop {__version__}",
        "units": [asdict(u) for u in store.units()],
        "townships": [dict(code=t.code, name=t.name, unit_code=t.unit_code) for t in store.townships()],
        "targets": [
            dict(unit_code=t.unit_code, year=t.year, metric=t.metric, value=t.value) for t in store.targets()
        ],
        "code_lists": {cl.name: [[c.code, c.label] for c in cl] for cl in codes.ALL_CODE_LISTS},
        "unit_keys": dict(sorted(keys.items())),
    }
    dest = Path(dest)
    path = dest / file_name(store) if dest.is_dir() else dest
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        logging.getLogger("kf5g.reference").info("write %s: %s", path, exc)
        raise ReferenceError(f"无法写入“{path}”，请检查磁盘空间和文件夹权限。") from exc
    finally:
        if tmp.exists():
            tmp.unlink()
    return path


@dataclass(slots=True)
class ReferenceImport:
    targets: int = 0
    key_kept: bool = False
    keys_dropped: int = 0
    notes: list[str] = field(default_factory=list)


def read_reference(path: Path) -> dict:  # type: ignore[type-arg]
    path = Path(path)
    if not path.is_file():
        raise ReferenceError(f"文件“{path}”不存在。")
    if path.stat().st_size > MAX_BYTES:
        raise ReferenceError(f"文件“{path.name}”太大，不是参考数据文件。")
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        where = f"第{exc.lineno}行" if isinstance(exc, json.JSONDecodeError) else "文本编码"
        logging.getLogger("kf5g.reference").info("read %s: %s", path, exc)
        raise ReferenceError(
            f"文件“{path.name}”不是参考数据文件（{where}无法解析）。请使用市局下发的 .json 文件。"
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ReferenceError(f"文件“{path.name}”不是开封市5G参考数据文件（“format”不是“{FORMAT}”）。")
    if str(data.get("format_version")) != VERSION:
        raise ReferenceError(f"参考数据版本“{data.get('format_version')}”本程序无法读取，请升级程序。")
    return data


def import_reference(store: Store, path: Path) -> ReferenceImport:
    data = read_reference(path)
    inst = store.installation()
    if not inst.configured or inst.is_city:
        raise ReferenceError("参考数据文件只能导入区县安装；市级安装是参考数据的来源。")
    own = inst.unit_code or ""
    out = ReferenceImport()
    known = {u.code: u for u in store.units()}
    for u in data.get("units", []):
        have = known.get(u.get("code"))
        if have is None or have.name != u.get("name"):
            out.notes.append(f"区县“{u.get('name')}（{u.get('code')}）”与本程序内置名单不同，请升级程序。")
    builtin = {cl.name: [[c.code, c.label] for c in cl] for cl in codes.ALL_CODE_LISTS}
    for name, items in (data.get("code_lists") or {}).items():
        if builtin.get(name) != items:
            out.notes.append(f"代码表“{name}”与本程序内置的不同，请升级程序。")
    keys = data.get("unit_keys") or {}
    key = keys.get(own)
    if key is not None:
        try:
            if len(bytes.fromhex(key)) != 32:
                raise ValueError
        except ValueError:
            raise ReferenceError(f"参考数据中本区县（{own}）的签名密钥格式不对（应为64位十六进制）。") from None
    for t in data.get("targets", []):
        store.set_target(t.get("unit_code"), int(t["year"]), str(t["metric"]), int(t["value"]))
        out.targets += 1
    for code in store.unit_keys():
        if code != own:
            store.set_unit_key(code, None)
            out.keys_dropped += 1
    if key:
        store.set_unit_key(own, key.lower())
        out.key_kept = True
    else:
        out.notes.append(f"参考数据中没有本区县（{own}）的签名密钥，导出的周报将不签名。")
    store.invalidate_reference_cache()
    return out
