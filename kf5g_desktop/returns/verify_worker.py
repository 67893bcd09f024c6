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
the verification itself); the log records the verification wrote go to the caller's log.
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
from typing import Any

from kf5g_desktop.domain.records import Approval, Pole, RecordMeta, Station, Venue
from kf5g_desktop.domain.units import Township, Unit
from kf5g_desktop.domain.validation import ValidationContext
from kf5g_desktop.domain.values import Installation
from kf5g_desktop.storage.gcpause import paused_gc
from kf5g_desktop.storage.store import Store

from .parsing import CellProblem, ParsedRow
from .verify import VerifyResult, verify_file

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
    names = [f.name for f in dataclasses.fields(cls)]
    assert all(f.init for f in dataclasses.fields(cls)), cls
    get = attrgetter(*names)
    if len(names) == 1:
        return lambda obj: (cls, (get(obj),))
    return lambda obj: (cls, get(obj))


# Every class of a verification's result, rebuilt by calling it with its fields in order.
_CLASSES = (VerifyResult, ParsedRow, CellProblem, Station, Venue, Pole, Approval, RecordMeta)
_DISPATCH = {**copyreg.dispatch_table, **{cls: _reducer(cls) for cls in _CLASSES}}


def dumps(result: VerifyResult) -> bytes:
    buf = io.BytesIO()
    with paused_gc():  # millions of objects, no cycles: the collector would only walk them again
        p = pickle.Pickler(buf, protocol=pickle.HIGHEST_PROTOCOL)
        p.dispatch_table = _DISPATCH
        p.dump(result)
    return buf.getvalue()


def loads(data: bytes) -> VerifyResult:
    with paused_gc():
        result = pickle.loads(data)
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
    return dumps(result), collect.records


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
        self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
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
