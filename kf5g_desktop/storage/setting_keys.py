"""The settings' keys and the installation read from their values, without SQLAlchemy (the
start-up's first read, ``first_read``, reads them with plain sqlite3; ``settings`` through the ORM)."""

from __future__ import annotations

from collections.abc import Mapping

from kf5g_desktop.domain.values import Installation

S_KIND = "installation_kind"  # UNIT | CITY
S_UNIT = "unit_code"  # the unit's code; CITY_CODE for the city
S_USER = "user_name"
S_PHONE = "user_phone"
S_REVIEWER = "reviewer"
S_DEMO = "demo"  # "1" when the database holds generated demo data only
S_DEADLINE_HOURS = "deadline_hours_after_period"  # default 42: Monday 18:00 after the Sunday


def installation_from(vals: Mapping[str, str]) -> Installation:
    """The installation of the settings ``vals`` (key → value)."""
    return Installation(
        kind=vals.get(S_KIND) or None,
        unit_code=vals.get(S_UNIT) or None,
        user_name=vals.get(S_USER, ""),
        user_phone=vals.get(S_PHONE, ""),
        reviewer=vals.get(S_REVIEWER, ""),
        demo=vals.get(S_DEMO) == "1",
    )
