"""A database on a PostgreSQL server: the URL, the engine, the server's errors in Chinese, and what
the server itself enforces — the three group roles (管理员 / 填报 / 查看) with their grants, and the
audit log's "who" set by the server (``current_user``) whatever the program sends.

The same SQLAlchemy layer and the same Alembic migrations serve both engines; this module holds
what exists only on a server. psycopg (3) is an optional dependency (``pip install -e '.[server]'``);
it is imported only when a server URL is opened.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.engine import URL, Connection, Engine, create_engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from .errors import StorageError

SCHEMES = ("postgresql", "postgres")

# The three groups. Each database has its own (``<database>_admin`` …): the roles of a cluster are
# shared by all its databases, so a 填报 user of one office's database is nothing in another's.
ADMIN, ENTRY, VIEWER = "管理员", "填报", "查看"
GROUPS = {ADMIN: "admin", ENTRY: "entry", VIEWER: "viewer"}

# What the 填报 group writes (records, their versions, the audit log, batches, returns, notes);
# everything else (settings, units, townships, targets, keys) is the 管理员's.
ENTRY_TABLES = (
    "station",
    "venue",
    "pole",
    "approval",
    "station_history",
    "venue_history",
    "pole_history",
    "approval_history",
    "batch",
    "submission",
    "week_note",
)
APPEND_ONLY = ("audit_log",)  # 填报 and even 管理员 only add rows: the log is never rewritten
# Settings are the 管理员's, except the ones a 填报 user makes while importing: the bulk-import
# column mappings (and the coordinate system saved with each). 填报 may INSERT and UPDATE the
# setting table, and a trigger (kf5g_setting_guard) refuses any other key for anyone but a 管理员.
ENTRY_SETTING_PREFIX = "bulk_mapping."


def is_server_url(target: object) -> bool:
    """``target`` names a database server (``postgresql://user@host:5432/kf5g``), not a file."""
    if not isinstance(target, str):
        return False
    scheme = target.split(":", 1)[0].split("+", 1)[0].lower()
    return "://" in target and scheme in SCHEMES


def server_url(target: str) -> URL:
    """The SQLAlchemy URL (driver psycopg) of a ``postgresql://`` address."""
    try:
        url = make_url(target)
    except ArgumentError as exc:
        raise StorageError(
            f"数据库服务器地址“{target}”格式不对，应为 postgresql://user@host:5432/kf5g。"
        ) from exc
    if not url.database:
        raise StorageError(
            f"数据库服务器地址“{safe_url(target)}”缺少数据库名（如 postgresql://user@host:5432/kf5g）。"
        )
    return url.set(drivername="postgresql+psycopg")


def safe_url(target: str | URL) -> str:
    """The address without its password (for messages, the log, the window's title)."""
    try:
        url = target if isinstance(target, URL) else make_url(target)
    except ArgumentError:
        return re.sub(r":[^:@/]*@", "@", str(target))
    return str(url.set(drivername=url.get_backend_name(), password=None))


def make_server_engine(target: str, *, readonly: bool = False) -> Engine:
    """An engine on a PostgreSQL database (pooled, each connection checked before use: a PC on a
    LAN loses its connection now and then). ``readonly``: every transaction READ ONLY."""
    url = server_url(target)
    from .models import add_server_options

    add_server_options()  # the live unique indexes' WHERE, for a schema made or compared here
    try:
        import psycopg  # noqa: F401
    except ImportError as exc:
        raise StorageError(
            "连接数据库服务器需要服务器组件（psycopg），本程序没有安装。"
            "请安装带服务器组件的版本（pip install 'kf5g-desktop[server]'）。"
        ) from exc
    engine = create_engine(
        url,
        pool_pre_ping=True,
        pool_size=2,
        max_overflow=4,
        connect_args={"application_name": "kf5g", "connect_timeout": 10},
    )
    if readonly:

        @event.listens_for(engine, "connect")
        def _readonly(dbapi_conn: Any, _record: object) -> None:
            with dbapi_conn.cursor() as cur:
                cur.execute("SET default_transaction_read_only = on")
            dbapi_conn.commit()

    return engine


def local_place(url: URL) -> Path:
    """Where this PC keeps what belongs to one server database (its backups: ``backups/`` beside
    this name), in the user's data folder: ``servers/<host>_<port>_<database>/kf5g.db``."""
    from kf5g_desktop.paths import DB_FILE_NAME, user_data_dir

    host = url.host or str(url.query.get("host", "") or "local")
    raw = f"{host}_{url.port or 5432}_{url.database}"
    name = re.sub(r'[\\/:*?"<>|\s]+', "_", raw).strip("_.") or "server"
    return user_data_dir() / "servers" / name / DB_FILE_NAME


# Errors -------------------------------------------------------------------------------------------

_INSUFFICIENT_PRIVILEGE = "42501"
_READ_ONLY_TRANSACTION = "25006"
_CONNECTION_CLASSES = ("08", "57")  # connection exceptions, operator intervention (server shut down)
_DEADLOCK, _SERIALIZATION = "40P01", "40001"
_DISK_FULL, _OUT_OF_MEMORY = "53100", "53200"
_UNIQUE_VIOLATION = "23505"


def sqlstate(exc: BaseException) -> str | None:
    orig = getattr(exc, "orig", exc)
    state = getattr(orig, "sqlstate", None)
    return state if isinstance(state, str) else None


class PermissionDeniedError(StorageError):
    """The server refused a write: the login's group does not allow it (e.g. a 查看 user)."""

    def __init__(self, user: str) -> None:
        self.user = user
        super().__init__(
            f"当前登录“{user}”没有修改这项数据的权限（数据库服务器拒绝了本次修改），本次修改未保存。"
            "设置、参考数据和密钥由管理员修改；录入和导入数据须属于填报组，如需要请联系管理员。"
        )


def server_error(exc: DBAPIError, where: str, write: bool, user: str = "") -> StorageError | None:
    """A clear StorageError for what the server (or the network) refused; None for a bug."""
    state = sqlstate(exc)
    if state in (_INSUFFICIENT_PRIVILEGE, _READ_ONLY_TRANSACTION):
        return PermissionDeniedError(user or "?")
    if exc.connection_invalidated or (state or "")[:2] in _CONNECTION_CLASSES or state is None:
        if state is None and not _is_connection_problem(exc):
            return None
        done = "本次修改未能保存，已有数据未受影响。" if write else "读取失败。"
        return StorageError(f"与数据库服务器“{where}”的连接中断，{done}请检查网络和服务器是否开启后重试。")
    if state == _UNIQUE_VIOLATION and write:
        # Every write checks its codes against the database before it writes; on a server another
        # PC can write the same code in between (e.g. the same list imported on two PCs at once,
        # after both previews were shown). The transaction was rolled back.
        return StorageError(
            "数据库服务器上另一位用户刚刚写入了相同编号的记录，本次修改未保存，已有数据未受影响。"
            "请刷新后重试（重新导入时会与最新的数据比较）。"
        )
    if state in (_DEADLOCK, _SERIALIZATION):
        return StorageError("数据库服务器上有人同时在修改同一批记录，本次修改未保存。请稍后再试一次。")
    if state in (_DISK_FULL, _OUT_OF_MEMORY):
        return StorageError(f"数据库服务器“{where}”磁盘或内存不足，本次修改未保存。请联系服务器管理员。")
    return None


def _is_connection_problem(exc: DBAPIError) -> bool:
    try:
        import psycopg
    except ImportError:  # pragma: no cover - only reached with psycopg loaded
        return False
    return isinstance(getattr(exc, "orig", None), psycopg.OperationalError)


def connect_error(exc: BaseException, target: str) -> StorageError:
    """Opening failed: what to check (server, database name, login and password)."""
    detail = str(getattr(exc, "orig", exc)).strip().splitlines()[0][:200] if str(exc) else type(exc).__name__
    return StorageError(
        f"无法连接数据库服务器“{safe_url(target)}”（{detail}）。"
        "请检查服务器地址、端口、数据库名、用户名和密码，以及网络是否连通。"
    )


# Roles and grants ------------------------------------------------------------------------------------


def quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def group_roles(conn: Connection) -> dict[str, str]:
    """Group (管理员/填报/查看) → the name of its role for this database."""
    db = str(conn.exec_driver_sql("SELECT current_database()").scalar())
    return {group: f"{db}_{suffix}" for group, suffix in GROUPS.items()}


def _role_exists(conn: Connection, name: str) -> bool:
    return bool(conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).scalar())


def groups_exist(conn: Connection) -> bool:
    return all(_role_exists(conn, r) for r in group_roles(conn).values())


def create_groups(conn: Connection) -> dict[str, str]:
    """The three group roles (NOLOGIN) of this database, created if missing, and their grants."""
    roles = group_roles(conn)
    for name in roles.values():
        if not _role_exists(conn, name):
            conn.exec_driver_sql(f"CREATE ROLE {quote_ident(name)} NOLOGIN")
    apply_grants(conn, roles)
    return roles


def apply_grants(conn: Connection, roles: dict[str, str] | None = None) -> None:
    """Grant each group what it may do on every table and sequence (idempotent: run again after
    every schema upgrade). Nobody but the owner may create anything in the schema."""
    roles = roles or group_roles(conn)
    admin, entry, viewer = (quote_ident(roles[g]) for g in (ADMIN, ENTRY, VIEWER))
    db = quote_ident(str(conn.exec_driver_sql("SELECT current_database()").scalar()))
    tables = [
        str(r[0])
        for r in conn.exec_driver_sql(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        )
    ]
    sql = [
        f"REVOKE ALL ON DATABASE {db} FROM PUBLIC",
        f"GRANT CONNECT ON DATABASE {db} TO {viewer}, {entry}, {admin}",
        f"GRANT TEMPORARY ON DATABASE {db} TO {entry}, {admin}",  # history's list of touched ids
        "REVOKE ALL ON SCHEMA public FROM PUBLIC",
        f"GRANT USAGE ON SCHEMA public TO {viewer}, {entry}, {admin}",
        f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC, {viewer}, {entry}, {admin}",
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM PUBLIC, {viewer}, {entry}, {admin}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {viewer}, {entry}, {admin}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {entry}, {admin}",
    ]
    for t in tables:
        q = quote_ident(t)
        if t in APPEND_ONLY:
            sql.append(f"GRANT INSERT ON {q} TO {entry}, {admin}")
        elif t in ENTRY_TABLES:
            sql.append(f"GRANT INSERT, UPDATE, DELETE ON {q} TO {entry}, {admin}")
        elif t == "setting":  # which keys 填报 may write: the trigger kf5g_setting_guard
            sql.append(f"GRANT INSERT, UPDATE ON {q} TO {entry}")
            sql.append(f"GRANT INSERT, UPDATE, DELETE ON {q} TO {admin}")
        elif t != "alembic_version":
            sql.append(f"GRANT INSERT, UPDATE, DELETE ON {q} TO {admin}")
    for stmt in sql:
        conn.exec_driver_sql(stmt)


def add_user(conn: Connection, name: str, group: str, password: str | None = None) -> bool:
    """A login role ``name`` in ``group`` (管理员/填报/查看); an existing role is moved to that group.
    A 管理员 may create further users (CREATEROLE). True when the role was created."""
    if group not in GROUPS:
        raise StorageError(f"没有“{group}”这个组，应为 管理员、填报 或 查看。")
    if not name or len(name.encode("utf-8")) > 63:
        raise StorageError(f"用户名“{name}”不合适：不能为空，最长 63 个字节（约 21 个汉字）。")
    roles = group_roles(conn)
    missing = [r for r in roles.values() if not _role_exists(conn, r)]
    if missing:
        raise StorageError("这个数据库还没有用户组，请先用 kf5g server-init 初始化服务器数据库。")
    q = quote_ident(name)
    created = not _role_exists(conn, name)
    attrs = "LOGIN CREATEROLE" if group == ADMIN else "LOGIN NOCREATEROLE"
    conn.exec_driver_sql(f"{'CREATE' if created else 'ALTER'} ROLE {q} {attrs}")
    if password:
        conn.exec_driver_sql(f"ALTER ROLE {q} PASSWORD {_literal(password)}")
    for g, role in roles.items():
        if g == group:
            admin_option = " WITH ADMIN OPTION" if g == ADMIN else ""
            conn.exec_driver_sql(f"GRANT {quote_ident(role)} TO {q}{admin_option}")
        else:
            conn.exec_driver_sql(f"REVOKE {quote_ident(role)} FROM {q}")
    if group == ADMIN:  # an admin can add users of every group
        for role in roles.values():
            conn.exec_driver_sql(f"GRANT {quote_ident(role)} TO {q} WITH ADMIN OPTION")
    return created


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


@dataclass(frozen=True, slots=True)
class ServerUser:
    name: str
    group: str  # 管理员 / 填报 / 查看, or "" for a login in none of them (e.g. the owner)
    can_login: bool


def users(conn: Connection) -> list[ServerUser]:
    """The logins that belong to one of this database's groups."""
    roles = group_roles(conn)
    by_role = {r: g for g, r in roles.items()}
    rows = conn.execute(
        text(
            "SELECT m.rolname, g.rolname, m.rolcanlogin FROM pg_auth_members am "
            "JOIN pg_roles g ON g.oid = am.roleid JOIN pg_roles m ON m.oid = am.member "
            "WHERE g.rolname = ANY(:roles) ORDER BY m.rolname"
        ),
        {"roles": list(roles.values())},
    ).all()
    order = [ADMIN, ENTRY, VIEWER]
    found: dict[str, ServerUser] = {}
    for member, role, login in rows:
        group = by_role[role]
        prev = found.get(member)
        if prev is None or order.index(group) < order.index(prev.group):
            found[member] = ServerUser(member, group, bool(login))
    return [found[k] for k in sorted(found)]


def group_of(conn: Connection) -> str:
    """The group of the logged-in role (管理员 for the owner or a superuser; "" for none)."""
    if conn.exec_driver_sql(
        "SELECT rolsuper OR pg_has_role(current_user, (SELECT tableowner FROM pg_tables "
        "WHERE schemaname = 'public' AND tablename = 'station'), 'MEMBER') FROM pg_roles "
        "WHERE rolname = current_user"
    ).scalar():
        return ADMIN
    roles = group_roles(conn)
    for group in (ADMIN, ENTRY, VIEWER):
        if (
            _role_exists(conn, roles[group])
            and conn.execute(
                text("SELECT pg_has_role(current_user, :r, 'MEMBER')"), {"r": roles[group]}
            ).scalar()
        ):
            return group
    return ""


# The audit log's "who" ---------------------------------------------------------------------------------

AUDIT_WHO_FUNCTION = """
CREATE OR REPLACE FUNCTION kf5g_audit_who() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW."user" := current_user;
    RETURN NEW;
END
$$
"""


# A 填报 login may write the setting table (grants), but only the keys of its bulk-import mappings;
# any other key is refused as a missing privilege (SQLSTATE 42501, said in Chinese by server_error)
# unless the login is a 管理员, the tables' owner or a superuser. Checked by the server, so the
# rule holds for a login's own SQL client too.
SETTING_GUARD_FUNCTION = f"""
CREATE OR REPLACE FUNCTION kf5g_setting_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    admin_role text := current_database() || '_admin';
BEGIN
    IF pg_has_role(current_user, (SELECT tableowner FROM pg_tables
                                  WHERE schemaname = 'public' AND tablename = 'setting'), 'MEMBER') THEN
        RETURN NEW;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = admin_role) THEN
        IF pg_has_role(current_user, admin_role, 'MEMBER') THEN
            RETURN NEW;
        END IF;
    END IF;
    IF left(NEW.key, {len(ENTRY_SETTING_PREFIX)}) = '{ENTRY_SETTING_PREFIX}'
       AND (TG_OP = 'INSERT' OR left(OLD.key, {len(ENTRY_SETTING_PREFIX)}) = '{ENTRY_SETTING_PREFIX}') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'only an admin may change this setting' USING ERRCODE = 'insufficient_privilege';
END
$$
"""


def install_server_objects(conn: Connection) -> None:
    """What only a server has: the trigger that writes ``current_user`` into every audit row, so
    nobody can write the log as somebody else (the program sends its user too; the server's wins);
    the trigger that keeps every setting but the bulk-import mappings the 管理员's."""
    conn.exec_driver_sql(AUDIT_WHO_FUNCTION)
    conn.exec_driver_sql("DROP TRIGGER IF EXISTS kf5g_audit_who ON audit_log")
    conn.exec_driver_sql(
        "CREATE TRIGGER kf5g_audit_who BEFORE INSERT OR UPDATE ON audit_log "
        "FOR EACH ROW EXECUTE FUNCTION kf5g_audit_who()"
    )
    conn.exec_driver_sql("REVOKE ALL ON FUNCTION kf5g_audit_who() FROM PUBLIC")
    conn.exec_driver_sql(SETTING_GUARD_FUNCTION)
    conn.exec_driver_sql("DROP TRIGGER IF EXISTS kf5g_setting_guard ON setting")
    conn.exec_driver_sql(
        "CREATE TRIGGER kf5g_setting_guard BEFORE INSERT OR UPDATE ON setting "
        "FOR EACH ROW EXECUTE FUNCTION kf5g_setting_guard()"
    )
    conn.exec_driver_sql("REVOKE ALL ON FUNCTION kf5g_setting_guard() FROM PUBLIC")


def upgrade(engine: Engine) -> str | None:
    """:func:`migrate.upgrade` of a server database, then what only a server has: the audit
    trigger, and the groups' grants on any new table. Returns the revision upgraded from."""
    from . import migrate

    upgraded_from = migrate.upgrade(engine)
    with engine.begin() as conn:
        install_server_objects(conn)
        if groups_exist(conn):
            apply_grants(conn)
    return upgraded_from


@contextmanager
def unit_turn(engine: Engine, unit_code: str) -> Iterator[None]:
    """Hold the turn to import ``unit_code``'s data from planning to writing: a second import of the
    same unit (from another PC) waits until this one is done, then plans against what it wrote —
    instead of both planning from the same state and the second failing on the first's records.
    A lock of the server session on a connection of its own (freed if the connection is lost)."""
    from . import dialect

    keys = {"what": dialect.LOCK_IMPORT, "key": dialect.unit_key(unit_code)}
    try:
        conn = engine.connect()
        conn.execute(text("SELECT pg_advisory_lock(:what, :key)"), keys)
        conn.commit()
    except DBAPIError as exc:
        err = server_error(exc, safe_url(engine.url), True, engine.url.username or "")
        if err is None:
            raise
        raise err from exc
    try:
        yield
    finally:
        with suppress(DBAPIError):  # a lost connection has let go of the lock already
            conn.execute(text("SELECT pg_advisory_unlock(:what, :key)"), keys)
            conn.commit()
        conn.close()


def fix_sequences(conn: Connection) -> None:
    """Every serial column's sequence set past its table's largest id (after rows were written with
    their ids, e.g. a SQLite database copied onto the server)."""
    rows = conn.exec_driver_sql(
        "SELECT c.relname, a.attname, pg_get_serial_sequence(quote_ident(c.relname), a.attname) "
        "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
        "WHERE n.nspname = 'public' AND c.relkind = 'r' "
        "AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL"
    ).all()
    for table, column, seq in rows:
        conn.exec_driver_sql(
            f"SELECT setval('{seq}', COALESCE((SELECT max({quote_ident(column)}) FROM "
            f"{quote_ident(table)}), 0) + 1, false)"
        )
