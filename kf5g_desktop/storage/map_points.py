"""Where the records are: the points the map draws and the stations the duplicate check compares.

One light query per register, column-wise into numpy arrays (no record objects, no approvals, no
Python object per row or cell): fast at 100,000 stations. The query reads only numbers — the id,
the point, the unit and a station's status, operator and network mode as small integer codes
(``CASE`` in SQL) — and each point's code and name are read when they are first asked for
(a hover, a click, a drawn rectangle: :meth:`MapPoints.labels`; all of them: ``codes`` and
``names``). The map reads the registers now or as they stood at a moment (``history.source``).
Coordinates are the stored WGS-84 numbers; records without both are left out.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any

from sqlalchemy import Integer, case, cast, literal, select
from sqlalchemy.orm import Session

from kf5g_desktop.domain import codes, nearby
from kf5g_desktop.domain.schema import STATION

from . import history
from .gcpause import paused_gc
from .history import Moment

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

_CODE = {"station": "station_code", "venue": "venue_code", "pole": "pole_code"}
STATUS_CODES: tuple[str, ...] = tuple(c.code for c in codes.STATUS)
OPERATOR_CODES: tuple[str, ...] = tuple(c.code for c in codes.OPERATOR)
MODE_CODES: tuple[str, ...] = tuple(c.code for c in codes.NETWORK_MODE)
_CHUNK = 20_000  # rows fetched at a time into the arrays
_IDS_PER_QUERY = 900  # ids in one IN (…) when reading labels
_READ_ALL_FROM = 5_000  # more labels missing than this: one scan of them all
Labels = dict[int, tuple[str, str]]  # id → (code, name)
LabelReader = Callable[[Sequence[int] | None], Labels]  # None: every record


class MapPoints:
    """The points of one register, column-wise: ``ids`` (int64), ``lon``/``lat`` (float64),
    ``unit_number`` (the unit's code as a number) and, for stations, ``status_index``,
    ``operator_index`` and ``mode_index`` (int8 positions in :data:`STATUS_CODES`,
    :data:`OPERATOR_CODES`, :data:`MODE_CODES`; −1 for none — venues and poles: all −1).

    ``status``, ``operator``, ``network_mode`` and ``unit`` give the codes as arrays of strings
    ("" for none); ``codes`` and ``names`` (all of them) and :meth:`labels` (some) are read from
    the store on first use, as the registers stood at the same moment. Each is made once."""

    def __init__(
        self,
        kind: str,
        ids: npt.NDArray[np.int64],
        lon: npt.NDArray[np.float64],
        lat: npt.NDArray[np.float64],
        unit_number: npt.NDArray[np.int64],
        status_index: npt.NDArray[np.int8],
        operator_index: npt.NDArray[np.int8],
        mode_index: npt.NDArray[np.int8],
        reader: LabelReader | None = None,
    ) -> None:
        self.kind = kind
        self.ids = ids
        self.lon = lon
        self.lat = lat
        self.unit_number = unit_number
        self.status_index = status_index
        self.operator_index = operator_index
        self.mode_index = mode_index
        self.reader = reader
        self._labels: Labels = {}
        self._all_read = False

    def __len__(self) -> int:
        return len(self.ids)

    @staticmethod
    def _decode(index: npt.NDArray[np.int8], values: Sequence[str]) -> npt.NDArray[Any]:
        import numpy as np

        table = np.array([*values, ""], dtype=object)  # −1 → the last: ""
        return table[index]

    @cached_property
    def status(self) -> npt.NDArray[Any]:
        return self._decode(self.status_index, STATUS_CODES)

    @cached_property
    def operator(self) -> npt.NDArray[Any]:
        return self._decode(self.operator_index, OPERATOR_CODES)

    @cached_property
    def network_mode(self) -> npt.NDArray[Any]:
        return self._decode(self.mode_index, MODE_CODES)

    @cached_property
    def unit(self) -> list[str]:
        return [str(u) for u in self.unit_number.tolist()]

    def labels(self, positions: Iterable[int]) -> list[tuple[str, str]]:
        """(code, name) of the points at ``positions`` (read once, then kept)."""
        pos = [int(i) for i in positions]
        missing = [int(self.ids[i]) for i in pos if int(self.ids[i]) not in self._labels]
        if len(missing) > _READ_ALL_FROM:
            self._read_all()
        elif missing and self.reader is not None:
            self._labels.update(self.reader(missing))
        return [self._labels.get(int(self.ids[i]), ("", "")) for i in pos]

    def _read_all(self) -> None:
        if not self._all_read:
            if self.reader is not None:
                self._labels.update(self.reader(None))  # one scan, not thousands of look-ups
            self._all_read = True

    @cached_property
    def codes(self) -> list[str]:
        self._read_all()
        return [self._labels.get(i, ("", ""))[0] for i in self.ids.tolist()]

    @cached_property
    def names(self) -> list[str]:
        self._read_all()
        return [self._labels.get(i, ("", ""))[1] for i in self.ids.tolist()]


def _index_of(column: Any, values: Sequence[str]) -> Any:
    return case({v: i for i, v in enumerate(values)}, value=column, else_=-1)


# a point's unit and a station's status, operator and mode packed into one integer column:
# ((unit · 2^b_s + status + 1) · 2^b_o + operator + 1) · 2^b_m + mode + 1 (a position + 1 is 0 for
# none). One number instead of four in each row the driver hands over, unpacked exactly in numpy
# (units are the six-digit official codes: far below 2^53 after the shift, exact in a float64).
_PACKED = tuple((values, len(values).bit_length()) for values in (STATUS_CODES, OPERATOR_CODES, MODE_CODES))


def _packed(unit: Any, indexes: Sequence[Any]) -> Any:
    out = cast(unit, Integer)
    for (_values, bits), index in zip(_PACKED, indexes, strict=True):
        out = out * (1 << bits) + (index + 1)
    return out


def _unpack(packed: npt.NDArray[np.int64]) -> list[npt.NDArray[Any]]:
    """[unit number, status, operator, mode] (positions as int8, −1 for none) from ``_packed``."""
    import numpy as np

    out = []
    rest = packed
    for _values, bits in reversed(_PACKED):
        out.append(((rest & ((1 << bits) - 1)) - 1).astype(np.int8))
        rest = rest >> bits  # an arithmetic shift: the floor, as the packing's multiplication
    return [rest, *reversed(out)]


def packed_codes(kind: str, c: Any) -> Any:
    """The column of a point's unit and (stations) status, operator and mode packed into one
    integer (``_packed``; :func:`points_of` unpacks it), of the register's columns ``c``."""
    if kind == STATION:
        indexes = [_index_of(c.status, STATUS_CODES), _index_of(c.operator, OPERATOR_CODES),
                   _index_of(c.network_mode, MODE_CODES)]
    else:
        indexes = [literal(-1)] * 3
    return _packed(c.unit_code, indexes)


def float_table(cursor: Any, width: int) -> npt.NDArray[np.float64]:
    """A cursor's rows of ``width`` numbers (none NULL) as one float array (rows × width): the
    driver's rows a chunk at a time straight into it (ids and packed codes are exact in float64),
    no Python list per column, no transposing. The first chunk is read before numpy is imported:
    SQLite steps while numpy may still be importing on another thread (``reports.weekly``)."""
    rows = cursor.fetchmany(_CHUNK)
    import numpy as np

    chunks = []
    while rows:
        chunks.append(np.fromiter(itertools.chain.from_iterable(rows), dtype=np.float64, count=width * len(rows)))
        rows = cursor.fetchmany(_CHUNK)
    return np.concatenate(chunks).reshape(-1, width) if chunks else np.zeros((0, width))


def points_of(
    kind: str,
    ids: npt.NDArray[np.float64],
    lon: npt.NDArray[np.float64],
    lat: npt.NDArray[np.float64],
    packed: npt.NDArray[np.float64],
) -> MapPoints:
    """The points from their columns as read (``float_table``; ``packed``: :func:`packed_codes`)."""
    import numpy as np

    unit_number, status, operator, mode = _unpack(packed.astype(np.int64))
    return MapPoints(
        kind,
        ids.astype(np.int64),
        np.ascontiguousarray(lon),
        np.ascontiguousarray(lat),
        unit_number,
        status,
        operator,
        mode,
    )


def map_points(s: Session, kind: str, unit_code: str | None = None, at: Moment = None) -> MapPoints:
    src = history.source(kind, at)
    c = src.c
    stmt = select(c.id, c.lon, c.lat, packed_codes(kind, c)).where(
        c.deleted_at.is_(None), c.lon.is_not(None), c.lat.is_not(None)
    )
    if unit_code:
        stmt = stmt.where(c.unit_code == unit_code)
    table = float_table(s.connection().execute(stmt.order_by(c.id)).cursor, 4)
    return points_of(kind, table[:, 0], table[:, 1], table[:, 2], table[:, 3])


def map_labels(s: Session, kind: str, ids: Sequence[int] | None, at: Moment = None) -> Labels:
    """id → (code, name) of the records ``ids`` (None: all) of ``kind``, now or as they stood at
    ``at``."""
    c = history.source(kind, at).c
    if ids is None:
        rows = s.connection().execute(select(c.id, c[_CODE[kind]], c.name)).cursor.fetchall()
        return {rid: (code, name) for rid, code, name in rows}
    out: Labels = {}
    id_list = list(ids)
    for k in range(0, len(id_list), _IDS_PER_QUERY):
        part = id_list[k : k + _IDS_PER_QUERY]
        stmt = select(c.id, c[_CODE[kind]], c.name).where(c.id.in_(part))
        for rid, code, name in s.connection().execute(stmt).cursor.fetchall():
            out[rid] = (code, name)
    return out


def located_stations(s: Session, unit_codes: Sequence[str] | None = None) -> list[nearby.Located]:
    """Live stations with both coordinates (of ``unit_codes``, or all), oldest first."""
    return [nearby.Located(*r) for r in _located_rows(s, unit_codes)]


def _located_rows(s: Session, unit_codes: Sequence[str] | None) -> Sequence[Any]:
    """The rows of :func:`located_stations`: the fields of :class:`nearby.Located` as the driver gives them."""
    src = history.source(STATION)
    c = src.c
    stmt = select(c.id, c.unit_code, c.operator, c.station_code, c.name, c.lon, c.lat).where(
        c.deleted_at.is_(None), c.lon.is_not(None), c.lat.is_not(None)
    )
    if unit_codes is not None:
        stmt = stmt.where(c.unit_code.in_(list(unit_codes)))
    return s.connection().execute(stmt.order_by(c.id)).cursor.fetchall()  # the driver's rows as they are


def near_duplicates(
    s: Session, unit_code: str | None = None, max_m: float = nearby.DEFAULT_DISTANCE_M
) -> list[nearby.Duplicate]:
    """Possible duplicates among the live stations (of a unit, or the city): what
    ``nearby.duplicates(located_stations(…))`` finds, with a station made only for the few in a pair."""
    with paused_gc():  # 100,000 rows of tuples: no cycles for the collector to find
        return nearby.row_duplicates(_located_rows(s, None if unit_code is None else [unit_code]), max_m)
