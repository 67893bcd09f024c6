"""What the command line runs on a server database (``kf5g server-init``, ``kf5g user add``,
``kf5g users``): on top of the Store and the server module, which know nothing of it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from .errors import StorageError
from .server import (
    _INSUFFICIENT_PRIVILEGE,
    ServerUser,
    add_user,
    connect_error,
    create_groups,
    install_server_objects,
    make_server_engine,
    safe_url,
    sqlstate,
    upgrade,
    users,
)

# What the command line runs (``kf5g server-init``, ``kf5g user add``, ``kf5g users``) ------------------


@dataclass(frozen=True, slots=True)
class InitResult:
    where: str
    revision: str
    groups: dict[str, str]  # 管理员/填报/查看 → role
    loaded: dict[str, int] | None  # rows per table loaded from a file (``--from``)
    upgraded_from: str | None


def init_database(
    url: str, *, kind: str | None, unit_code: str | None, source: Path | None = None, user_name: str = ""
) -> InitResult:
    """Make a server database ours (run by its owner): the schema by the migrations (an older one
    upgraded, a newer one refused untouched), the audit trigger, the three groups with their
    grants; then either the rows of a kf5g SQLite file (``source``) or the reference data and the
    installation (``kind`` "city" or "unit" with ``unit_code``)."""
    from . import migrate, server_copy
    from .errors import NewerSchemaError
    from .store import Store

    engine = make_server_engine(url)
    where = safe_url(url)
    try:
        try:
            with engine.connect() as conn:
                conn.exec_driver_sql("SELECT 1")
        except DBAPIError as exc:
            raise connect_error(exc, url) from exc
        state, rev = migrate.schema_state(engine)
        if state == migrate.NEWER:
            raise NewerSchemaError(rev or "?")
        if state == migrate.FOREIGN:
            raise StorageError(f"服务器上的数据库“{where}”里已有别的表，不是本程序的数据库，未做任何改动。")
        try:
            upgraded_from = upgrade(engine) if state != migrate.CURRENT else None
            with engine.begin() as conn:
                install_server_objects(conn)
                groups = create_groups(conn)
        except DBAPIError as exc:
            if sqlstate(exc) == _INSUFFICIENT_PRIVILEGE:
                raise StorageError(
                    f"当前登录没有在“{where}”上建表或建角色的权限。请用数据库的所有者运行"
                    "（例如 sudo -u postgres kf5g server-init …，或所有者须有 CREATEROLE 权限）。"
                ) from exc
            raise
        loaded = server_copy.load_file(engine, source) if source is not None else None
    finally:
        engine.dispose()
    with Store.open(url) as store:
        if source is None:
            inst = store.installation()
            if not inst.configured:
                store.setup_installation(kind=kind or "unit", unit_code=unit_code, user_name=user_name)
            elif (inst.is_city, inst.own_unit) != (kind == "city", None if kind == "city" else unit_code):
                raise StorageError(
                    f"服务器上的数据库“{where}”已经设置为别的安装（{inst.unit_code or '市级'}），未改动设置。"
                )
    return InitResult(where, migrate.head_revision(), groups, loaded, upgraded_from)


def add_login(url: str, name: str, group: str, password: str | None = None) -> bool:
    """``kf5g user add``: run by a 管理员 (or the owner) on the server database."""
    engine = make_server_engine(url)
    try:
        with engine.begin() as conn:
            return add_user(conn, name, group, password)
    except DBAPIError as exc:
        if sqlstate(exc) == _INSUFFICIENT_PRIVILEGE:
            raise StorageError("当前登录没有添加用户的权限，请用管理员登录（kf5g user add … --db postgresql://管理员@…）。") from exc
        raise connect_error(exc, url) from exc
    finally:
        engine.dispose()


def list_logins(url: str) -> list[ServerUser]:
    engine = make_server_engine(url, readonly=True)
    try:
        with engine.connect() as conn:
            return users(conn)
    except DBAPIError as exc:
        raise connect_error(exc, url) from exc
    finally:
        engine.dispose()
