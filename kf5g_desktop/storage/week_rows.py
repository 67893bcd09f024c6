"""The rows behind one week's figures (``figures_sql.week_rows``; without the lists also the
start-up's first read, ``first_read.FirstReader.week_rows``): a plain dataclass, importable
without SQLAlchemy."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import RowMapping

    from .map_points import MapPoints


@dataclass(slots=True)
class WeekRows:
    """What the database says about one week and scope (``unit_code`` None: the whole city)."""

    # (unit, operator, on_air, new, sa, indirect, conversions_done, conversions_week, sa_all,
    #  sa_all_new, late) per unit and operator; the first six count by the rule, sa_all every type
    groups: list[tuple[Any, ...]]
    venue_counts: dict[str, tuple[int, int]]  # unit → (opened this week, in total by the week's end)
    pole_counts: dict[str, tuple[int, int]]  # unit → (shared this week, in total by the week's end)
    late_count: int
    waiting_count: int
    # The lists (empty unless asked for):
    venues: list[tuple[Any, ...]] = field(default_factory=list)  # (id, code, name, unit, category, day, ops)
    poles: list[tuple[Any, ...]] = field(default_factory=list)  # (id, code, name, unit, pole type, day, ops)
    changes: Sequence[RowMapping] = ()  # station rows registered or opened this week
    late: Sequence[RowMapping] = ()  # station rows past their planned on-air date (暂缓 ones too)
    waiting: list[tuple[Any, ...]] = field(default_factory=list)  # (id, unit, op, code, name, item, applied)
    returned: set[str] = field(default_factory=set)  # the city: units whose return for the week came in
    # (on-air day, operator, SA, 转供电, stations): ``on_air_by_day`` from the same pass (with lists)
    by_day: list[tuple[Any, ...]] | None = None
    # the map's points of the stations as at the moment (``Store.map_points``), from the same pass
    # (with lists, on SQLite); None: not read
    points: MapPoints | None = None

    def take_counts(self, other: WeekRows) -> WeekRows:
        """These rows (``part="groups"``) with the rest read apart (``other``: ``part="counts"``)."""
        self.venue_counts, self.pole_counts, self.waiting_count, self.returned = (
            other.venue_counts,
            other.pole_counts,
            other.waiting_count,
            other.returned,
        )
        self.venues, self.poles, self.waiting = other.venues, other.poles, other.waiting
        return self
