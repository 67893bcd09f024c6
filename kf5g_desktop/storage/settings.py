"""Settings: key → text, and the installation (unit or city, who works with it) read from them."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from kf5g_desktop.domain.units import CITY_CODE, Unit
from kf5g_desktop.domain.values import INSTALLATION_KINDS, UNIT, Installation

from .errors import StorageError
from .models import SettingRow
from .setting_keys import S_DEADLINE_HOURS as S_DEADLINE_HOURS
from .setting_keys import S_DEMO as S_DEMO
from .setting_keys import S_KIND as S_KIND
from .setting_keys import S_PHONE as S_PHONE
from .setting_keys import S_REVIEWER as S_REVIEWER
from .setting_keys import S_UNIT as S_UNIT
from .setting_keys import S_USER as S_USER
from .setting_keys import installation_from


def get_setting(s: Session, key: str, default: str = "") -> str:
    row = s.get(SettingRow, key)
    return row.value if row else default


def set_settings(s: Session, values: Mapping[str, str]) -> None:
    for key, value in values.items():
        row = s.get(SettingRow, key)
        if row is None:
            s.add(SettingRow(key=key, value=value))
        else:
            row.value = value


def installation(s: Session) -> Installation:
    return installation_from({r.key: r.value for r in s.scalars(select(SettingRow))})


def kind_settings(kind: str, unit_code: str | None) -> dict[str, str]:
    """The settings that make an installation a unit's (``unit_code``) or the city's."""
    return {S_KIND: kind, S_UNIT: (unit_code or "") if kind == UNIT else CITY_CODE}


def installation_settings(
    units: Mapping[str, Unit],
    kind: str,
    unit_code: str | None,
    user_name: str,
    user_phone: str,
    reviewer: str,
) -> dict[str, str]:
    """The settings of a new installation, checked (a StorageError says what is wrong)."""
    if kind not in INSTALLATION_KINDS:
        raise StorageError("安装类型只能是“区县”或“市级”。")
    if kind == UNIT and unit_code not in units:
        raise StorageError(f"区县代码“{unit_code}”不是开封市的区县，请从9个区县中选择。")
    return {
        **kind_settings(kind, unit_code),
        S_USER: user_name.strip(),
        S_PHONE: user_phone.strip(),
        S_REVIEWER: reviewer.strip(),
    }
