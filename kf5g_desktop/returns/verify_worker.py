"""Verifying returns in a second process, beside the import of the previous one.

Verifying a return and planning and writing the previous one are both Python: in one process they
take turns on one interpreter lock, so a batch of nine large returns used one core of two. Here a
worker process (``spawn``: a fresh interpreter, nothing of the caller's state or database
connections) verifies the files after the first, in order, while the caller plans and writes.

The worker reads only the file and the reference data verification reads (units, townships, the
units' signature keys, the installation, the validation context), captured from the store when the
batch starts — the import does not change them. It never opens the database. Its result is exactly
:func:`verify.verify_file`'s, sent back as one pickle made with the records' fields as plain
tuples (pickling a slotted dataclass field by field through ``dataclasses.fields`` cost more than
the verification itself; the rows travel column by column); the log records the verification
wrote go to the caller's log.
"""

from __future__ import annotations

import copyreg
import dataclasses
import io
import logging
import pickle
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import date
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kf5g_desktop.domain.records import Approval, Pole, RecordMeta, Station, Venue
from kf5g_desktop.domain.units import Township, Unit
from kf5g_desktop.domain.validation import ValidationContext
from kf5g_desktop.domain.values import Installation
from kf5g_desktop.storage.gcpause import paused_gc
from kf5g_desktop.storage.heap import few_arenas, trim_heap

from .parsing import CellProblem, ParsedRow
from .verify import VerifyResult, verify_file

if TYPE_CHECKING:  # the worker never opens a database: no SQLAlchemy imported in it
    from kf5g_desktop.storage.store import Store

LOGGER = "kf5g"


@dataclasses.dataclass(frozen=True, slots=True)
class Reference:
    """What :func:`verify.verify_file` reads of the store, as it stood when the batch started."""

    units: list[Unit]
    towns: list[Township]
    keys: dict[str, str]
    setup: Installation
    today: date

    @classmethod
    def of(cls, store: Store) -> Reference:
        return cls(store.units(), store.townships(), store.unit_keys(), store.installation(), store.today())

    # the Store methods verification calls
    def unit_map(self) -> dict[str, Unit]:
        return {u.code: u for u in self.units}

    def townships(self) -> list[Township]:
        return list(self.towns)

    def unit_keys(self) -> dict[str, str]:
        return dict(self.keys)

    def installation(self) -> Installation:
        return self.setup

    def validation_context(self) -> ValidationContext:
        return ValidationContext(self.unit_map(), {t.code: t for t in self.towns}, self.today)


def _reducer(cls: type) -> Callable[[Any], tuple[type, tuple[Any, ...]]]:
    names = _FIELDS[cls]
    get = attrgetter(*names)
    if len(names) == 1:
        return lambda obj: (cls, (get(obj),))
    return lambda obj: (cls, get(obj))


# Every class of a verification's result, rebuilt by calling it with its fields in order.
_CLASSES = (VerifyResult, ParsedRow, CellProblem, Station, Venue, Pole, Approval, RecordMeta)
_FIELDS: dict[type, list[str]] = {}
for _cls in _CLASSES:
    assert all(f.init for f in dataclasses.fields(_cls)), _cls
    _FIELDS[_cls] = [f.name for f in dataclasses.fields(_cls)]
_DISPATCH = {**copyreg.dispatch_table, **{cls: _reducer(cls) for cls in _CLASSES}}
_ROWS = ("stations", "venues", "poles", "approvals")  # VerifyResult's lists of ParsedRow


# The parsed rows (tens of thousands of objects a file) travel column by column: a field of every
# row at a time, taken in C (attrgetter over the list), as lists of plain values, and are rebuilt by
# calling each class with its fields. Objects shared between rows (a station's approvals are the
# approval rows' own) stay shared: they travel once, by position.


def _cols(objs: list[Any], cls: type) -> list[list[Any]]:
    return [list(map(attrgetter(n), objs)) for n in _FIELDS[cls]]


# A column of dates (and blanks) travels as day numbers: pickle writes each ``date`` through its
# ``__reduce__`` (a call, a tuple and a bytes object per cell, about half of the pickling), a day
# number as a plain int. Rebuilt as equal dates (one object per distinct day).
_DAYS = "days"
_DATE_TYPES = frozenset({date, type(None)})


def _enc(col: list[Any]) -> Any:
    types = set(map(type, col))
    if date in types and types <= _DATE_TYPES:
        days = {v: v.toordinal() for v in set(col) if v is not None}
        return (_DAYS, list(map(days.get, col)))
    return col


def _dec(col: Any) -> list[Any]:
    if type(col) is tuple and col[0] == _DAYS:
        back = {n: date.fromordinal(n) for n in set(col[1]) if n is not None}
        return list(map(back.get, col[1]))
    return col  # type: ignore[no-any-return]


def _enc_approvals(col: list[Approval | None]) -> tuple[list[bool], list[Any]]:
    """The rows' approvals as (which rows have one, their fields column by column)."""
    present = [a is not None for a in col]
    had = [a for a in col if a is not None]
    return present, [_enc(c) for c in _cols(had, Approval)]


def _dec_approvals(packed: tuple[list[bool], list[Any]]) -> list[Approval | None]:
    present, columns = packed
    if not any(present):
        return [None] * len(present)
    made: list[Approval | None] = list(map(Approval, *map(_dec, columns)))
    if len(made) == len(present):  # every row has one (the approvals sheet)
        return made
    rows = iter(made)
    return [next(rows) if p else None for p in present]


def _pack_rows(rows: list[ParsedRow], approvals: dict[int, int]) -> dict[str, Any] | None:
    """Columns of one sheet's rows, or None when they do not have the usual shape."""
    cols: dict[str, Any] = dict(zip(_FIELDS[ParsedRow], _cols(rows, ParsedRow), strict=True))
    records = cols.pop("record")
    kinds = set(map(type, records))
    if len(kinds) > 1 or not kinds <= {Station, Venue, Pole, type(None)}:
        return None
    out: dict[str, Any] = {"cols": cols, "n": len(rows)}
    problems = cols.pop("problems")
    out["problems"] = {i: p for i, p in enumerate(problems) if p}
    if any(p is not None and type(p) is not Approval for p in cols["approval"]):
        return None
    cols["approval"] = _enc_approvals(cols["approval"])
    kind = kinds.pop() if kinds else type(None)
    if kind is not type(None):
        rec = {name: _enc(col) for name, col in zip(_FIELDS[kind], _cols(records, kind), strict=True)}
        metas = rec.pop("meta")
        if any(type(m) is not RecordMeta for m in metas):
            return None
        rec["meta"] = [_enc(c) for c in _cols(metas, RecordMeta)]
        if kind is Station:
            try:  # a station's approvals are approval rows' approvals, by position
                rec["approvals"] = [[approvals[id(a)] for a in apps] for apps in rec["approvals"]]
            except KeyError:
                return None
        out["record"] = (kind, rec)
    return out


def _unpack_rows(packed: dict[str, Any], approvals: list[Approval | None]) -> list[ParsedRow]:
    n = packed["n"]
    cols = {name: _dec(col) for name, col in packed["cols"].items() if name != "approval"}
    cols["approval"] = _dec_approvals(packed["cols"]["approval"])
    records: list[Any] = [None] * n
    if "record" in packed:
        kind, coded = packed["record"]
        rec = {name: _dec(col) for name, col in coded.items() if name != "meta"}
        rec["meta"] = list(map(RecordMeta, *map(_dec, coded["meta"]))) if n else []
        if kind is Station:
            rec["approvals"] = [[approvals[i] for i in apps] for apps in rec["approvals"]]
        records = list(map(kind, *(rec[name] for name in _FIELDS[kind]))) if n else []
    problems = packed["problems"]
    cols["problems"] = [problems.get(i) or [] for i in range(n)]
    cols["record"] = records
    return list(map(ParsedRow, *(cols[name] for name in _FIELDS[ParsedRow]))) if n else []


def dumps(result: VerifyResult) -> bytes:
    buf = io.BytesIO()
    with paused_gc():  # many objects, no cycles: the collector would only walk them again
        rows = {name: getattr(result, name) for name in _ROWS}
        order = [pr.approval for pr in rows["approvals"]]
        approvals = {id(a): i for i, a in enumerate(order) if a is not None}
        packed = {name: _pack_rows(r, approvals) for name, r in rows.items()}
        if any(v is None for v in packed.values()):  # an unusual shape: every object as itself
            packed, approvals = {}, {}
        else:
            for name in _ROWS:
                setattr(result, name, [])
        try:
            p = pickle.Pickler(buf, protocol=pickle.HIGHEST_PROTOCOL)
            p.dispatch_table = _DISPATCH
            p.dump((result, packed))
        finally:
            for name, r in rows.items():
                setattr(result, name, r)
    return buf.getvalue()


def loads(data: bytes) -> VerifyResult:
    with paused_gc():
        result, packed = pickle.loads(data)
        if packed:
            approvals = _unpack_rows(packed["approvals"], [])
            shared = [pr.approval for pr in approvals]
            result.approvals = approvals
            for name in ("stations", "venues", "poles"):
                setattr(result, name, _unpack_rows(packed[name], shared))
    assert isinstance(result, VerifyResult)
    return result


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        record.msg, record.args = record.getMessage(), None  # as text: the arguments may not pickle
        if record.exc_info:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
        self.records.append(record)


def _verify(
    path: str, accept_modified: str | None, reference: Reference, level: int
) -> tuple[bytes, list[logging.LogRecord]]:
    """In the worker: :func:`verify.verify_file` of one file, pickled, and what it logged."""
    logger = logging.getLogger(LOGGER)
    logger.setLevel(level)
    collect = _Collect()
    logger.addHandler(collect)
    try:
        result = verify_file(reference, path, accept_modified=accept_modified)  # type: ignore[arg-type]
    finally:
        logger.removeHandler(collect)
    data = dumps(result)
    del result
    trim_heap()  # the file's rows back to the system before the next file (the pair's peak memory)
    return data, collect.records


def _replay(records: list[logging.LogRecord]) -> None:
    for record in records:
        logger = logging.getLogger(record.name)
        if logger.isEnabledFor(record.levelno):
            logger.handle(record)


class Verifier:
    """Verifies files in a worker process, in the order they are asked for."""

    def __init__(self, store: Store) -> None:
        import multiprocessing

        self._reference = Reference.of(store)
        self._pool = ProcessPoolExecutor(
            1, mp_context=multiprocessing.get_context("spawn"), initializer=few_arenas
        )
        logging.getLogger("kf5g.import").info("verifying the files after the first in a worker process")

    def submit(self, path: Path | str, accept_modified: str | None) -> Future[Any]:
        level = logging.getLogger(LOGGER).getEffectiveLevel()
        return self._pool.submit(_verify, str(path), accept_modified, self._reference, level)

    @staticmethod
    def result(pending: Future[Any]) -> VerifyResult:
        data, records = pending.result()
        _replay(records)
        return loads(data)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
