"""What the command line runs on a server database (``kf5g server-init``, ``kf5g user add``,
``kf5g users``): on top of the Store and the server module, which know nothing of it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from .errors import StorageError
from .server import (
    _INSUFFICIENT_PRIVILEGE,
    _READ_ONLY_TRANSACTION,
    ADMIN,
    GROUPS,
    ServerUser,
    _literal,
    add_user,
    connect_error,
    create_groups,
    group_of,
    install_server_objects,
    make_server_engine,
    quote_ident,
    safe_url,
    server_error,
    sqlstate,
    upgrade,
    users,
)

if TYPE_CHECKING:
    from .store import Store

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
        if loaded is not None:
            # The planner's statistics for the tables just filled (autovacuum would gather them only
            # later): without them the first lists of a large copy are planned blind.
            with engine.begin() as conn:
                conn.exec_driver_sql("ANALYZE")
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


# What the admin's users dialog runs (on the window's own Store, logged in as that admin) -------------


def login_group(store: Store) -> str:
    """The group (管理员/填报/查看, "" for none) of the login the Store is opened with; "" for a file."""
    if not store.on_server:
        return ""
    try:
        with store.engine.connect() as conn:
            return group_of(conn)
    except DBAPIError as exc:
        raise _admin_error(exc, store, write=False) from exc


def store_logins(store: Store) -> list[ServerUser]:
    """The logins of the Store's server database with their group (those that cannot log in too)."""
    try:
        with store.engine.connect() as conn:
            return users(conn)
    except DBAPIError as exc:
        raise _admin_error(exc, store, write=False) from exc


def create_login(store: Store, name: str, group: str, password: str) -> None:
    """A new login ``name`` in ``group`` with its initial password. The password goes to the server
    only as a SCRAM verifier computed here by libpq (never in plain text, never kept by us). A name
    that is already a role of the cluster is refused (it may be somebody else's)."""
    name = name.strip()
    if not password:
        raise StorageError("请填写初始密码（两次输入相同）。")
    try:
        with store.engine.begin() as conn:
            if conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).scalar():
                raise StorageError(
                    f"服务器上已有名为“{name}”的登录，请换一个用户名；要改变已有用户的组，请在列表中选中该用户再点“更改组”。"
                )
            add_user(conn, name, group)
            conn.exec_driver_sql(f"ALTER ROLE {quote_ident(name)} PASSWORD {_literal(_verifier(conn, name, password))}")
    except DBAPIError as exc:
        raise _admin_error(exc, store, write=True) from exc


def set_login_group(store: Store, name: str, group: str) -> None:
    """Move the login ``name`` into ``group`` (管理员/填报/查看). An admin cannot take themself out of 管理员."""
    if group not in GROUPS:
        raise StorageError(f"没有“{group}”这个组，应为 管理员、填报 或 查看。")
    try:
        with store.engine.begin() as conn:
            current = {u.name: u for u in users(conn)}
            if name not in current:
                raise StorageError(f"“{name}”不是这个数据库的用户（可能已被别人删除），请刷新列表后再试。")
            if name == _current_user(conn) and group != ADMIN:
                raise StorageError("不能把自己移出管理员组（否则就没有人能再管理用户）。请让另一位管理员来改。")
            can_login = current[name].can_login
            add_user(conn, name, group)
            if not can_login:  # add_user makes the role a LOGIN again: a disabled login stays disabled
                conn.exec_driver_sql(f"ALTER ROLE {quote_ident(name)} NOLOGIN")
    except DBAPIError as exc:
        raise _admin_error(exc, store, write=True) from exc


def set_login_enabled(store: Store, name: str, enabled: bool) -> None:
    """Disable a login (NOLOGIN: it can no longer connect; the role, its group and its name in the
    audit log stay, never DROP) or enable it again. An admin cannot disable themself."""
    try:
        with store.engine.begin() as conn:
            if name not in {u.name for u in users(conn)}:
                raise StorageError(f"“{name}”不是这个数据库的用户（可能已被别人删除），请刷新列表后再试。")
            if name == _current_user(conn) and not enabled:
                raise StorageError("不能停用自己正在使用的登录。请让另一位管理员来停用。")
            conn.exec_driver_sql(f"ALTER ROLE {quote_ident(name)} {'LOGIN' if enabled else 'NOLOGIN'}")
    except DBAPIError as exc:
        raise _admin_error(exc, store, write=True) from exc


def _current_user(conn: Connection) -> str:
    return str(conn.exec_driver_sql("SELECT current_user").scalar())


def _verifier(conn: Connection, name: str, password: str) -> str:
    """The SCRAM-SHA-256 verifier of ``password`` (libpq's PQencryptPasswordConn, the server's
    password_encryption): what the server keeps, and all it is sent."""
    pgconn = conn.connection.driver_connection.pgconn  # type: ignore[union-attr]
    return bytes(pgconn.encrypt_password(password.encode("utf-8"), name.encode("utf-8"))).decode("ascii")


def _admin_error(exc: DBAPIError, store: Store, *, write: bool) -> StorageError:
    if sqlstate(exc) in (_INSUFFICIENT_PRIVILEGE, _READ_ONLY_TRANSACTION):
        return StorageError(
            f"当前登录“{store.user}”没有管理用户的权限（数据库服务器拒绝了），未做任何改动。请用管理员组的登录连接后再试。"
        )
    found = server_error(exc, store.location, write, store.user)
    if found is not None:
        return found
    raise exc


def server_place(store: Store) -> tuple[str, str]:
    """The server database in plain words: (database, ``host:port``) — no URL escapes, no password."""
    url = store.engine.url
    host = url.host or str(url.query.get("host", "") or "localhost")
    return str(url.database), f"{host}:{url.port or 5432}"
