"""A database on a PostgreSQL server (the throw-away cluster of tests/pg.py): server-init, the three
groups and their grants, the audit log's "who" set by the server, a 查看 login refused on every
write path (also with plain SQL), the SQLite → server → SQLite round trip, the schema checks."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from kf5g_desktop.domain.records import Approval
from kf5g_desktop.domain.values import ListQuery, WeekNote
from kf5g_desktop.storage import server, server_admin
from kf5g_desktop.storage.errors import NewerSchemaError, ReadOnlyStoreError, StorageError
from kf5g_desktop.storage.store import Store
from tests.builders import pole, station, venue
from tests.conftest import Clock
from tests.pg import SUPERUSER


@pytest.fixture
def cluster(pg_cluster, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return pg_cluster


@pytest.fixture
def office(cluster):
    """A unit's database on the server, made by its owner with server-init, and three people."""
    name = cluster.empty_database()
    owner_url = cluster.url(name, SUPERUSER)
    res = server_admin.init_database(owner_url, kind="unit", unit_code="410221", user_name="杞县专班")
    for person, group in (("吴管理", "管理员"), ("孙填报", "填报"), ("周查看", "查看")):
        server_admin.add_login(owner_url, person, group)
    yield name, res
    cluster.drop_database(name)


def _psycopg(cluster, db, user):
    import psycopg

    return psycopg.connect(host=str(cluster.socket_dir), dbname=db, user=user, autocommit=True)


def test_server_init_makes_the_schema_the_groups_and_the_installation(cluster, office):
    name, res = office
    assert res.groups == {"管理员": f"{name}_admin", "填报": f"{name}_entry", "查看": f"{name}_viewer"}
    assert [(u.name, u.group) for u in server_admin.list_logins(cluster.url(name, SUPERUSER))] == [
        ("吴管理", "管理员"),  # by name (C collation: code point order)
        ("周查看", "查看"),
        ("孙填报", "填报"),
    ]
    with Store.open(cluster.url(name, "孙填报")) as store:
        assert store.on_server and not store.readonly
        inst = store.installation()
        assert inst.is_unit and inst.unit_code == "410221"
        assert store.user == "孙填报"
        assert len(store.units()) == 9
    # run again: nothing to do, nothing changed
    again = server_admin.init_database(cluster.url(name, SUPERUSER), kind="unit", unit_code="410221")
    assert again.upgraded_from is None
    with pytest.raises(StorageError, match="已经设置为别的安装"):
        server_admin.init_database(cluster.url(name, SUPERUSER), kind="city", unit_code=None)


def test_the_audit_logs_who_is_the_login_whatever_the_program_says(cluster, office):
    name, _ = office
    with Store.open(cluster.url(name, "孙填报"), user="冒名顶替") as store:
        st = store.save(station())
        assert store.history("station", st.id)[0].user == "孙填报"
        assert st.meta.created_by == "孙填报"
    with _psycopg(cluster, name, "孙填报") as c:  # with plain SQL, naming someone else
        c.execute(
            "INSERT INTO audit_log (at, \"user\", action, table_name, record_id, record_key) "
            "VALUES (now(), '吴管理', 'update', 'station', %s, 'x')",
            (st.id,),
        )
        users = [r[0] for r in c.execute('SELECT "user" FROM audit_log ORDER BY id')]
    assert users == ["孙填报", "孙填报"]


def test_the_audit_log_cannot_be_rewritten_by_entry_or_admin(cluster, office):
    import psycopg

    name, _ = office
    with Store.open(cluster.url(name, "孙填报")) as store:
        store.save(station())
    for who in ("孙填报", "吴管理"):
        with _psycopg(cluster, name, who) as c:
            for sql in ("UPDATE audit_log SET action = 'x'", "DELETE FROM audit_log", "TRUNCATE audit_log"):
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    c.execute(sql)


def _write_paths(store: Store) -> dict[str, object]:
    """Every way the Store writes (each a callable), on a database holding one of each record."""
    st = store.query("station")[0]
    v = store.query("venue")[0]
    deleted = store.query("pole", ListQuery(deleted=True))[0]
    batch = store.batches()[0]

    def batch_write() -> None:
        with store.batch_writer("bulk_import", "清单") as w:
            w.save(station(station_code="X9", name="批量"))

    def bulk_insert() -> None:
        with store.batch_writer("bulk_import", "清单") as w:
            w.insert_many("station", [station(station_code="X8", name="批量2")])

    return {
        "save": lambda: store.save(replace(st, name="改名")),
        "save new": lambda: store.save(station(station_code="X7", name="新站")),
        "save_many": lambda: store.save_many([venue(name="新场所")]),
        "delete": lambda: store.delete("venue", v.id),
        "restore": lambda: store.restore("pole", deleted.id),
        "purge": lambda: store.purge("pole", deleted.id),
        "batch": batch_write,
        "insert_many": bulk_insert,
        "undo_batch": lambda: store.undo_batch(batch.id),
        "settings": lambda: store.set_settings({"user_name": "x"}),
        "target": lambda: store.set_target("410221", 2021, "stations", 5),
        "unit key": lambda: store.set_unit_key("410221", "ab" * 32),
        "week note": lambda: store.save_week_note(WeekNote("410221", "2021-W05", "问题", None)),
        "submission": lambda: store.add_submission(
            dict(direction="out", kind="return", unit_code="410221", iso_week="2021-W05", version=1,
                 content_sha256="0" * 64, late=False, modified_accepted=False)
        ),
    }


def _fill(store: Store) -> None:
    store.save(station(approvals=[Approval("land", date(2020, 10, 1), date(2020, 11, 1))]))
    store.save(venue(name="杞县人民政府", category="government"))
    p = store.save(pole(name="路灯杆1号", sector="municipal", pole_type="streetlight"))
    store.delete("pole", p.id)
    with store.batch_writer("bulk_import", "运营商清单") as w:
        w.insert_many("station", [station(station_code="B1", name="批量一")])


def test_a_viewer_is_refused_on_every_write_path_also_with_plain_sql(cluster, office):
    import psycopg

    name, _ = office
    with Store.open(cluster.url(name, "吴管理")) as admin:
        _fill(admin)
        before = admin.audit_count()
    viewer = Store.open(cluster.url(name, "周查看"))
    try:
        assert viewer.readonly and viewer.count("station") == 2  # reads as everyone does
        for what, write in _write_paths(viewer).items():
            with pytest.raises(ReadOnlyStoreError):
                write()
            assert viewer.audit_count() == before, what
    finally:
        viewer.close()
    # the same login with its own SQL client: every table refused, whatever the statement
    tables = [t.name for t in __import__("kf5g_desktop.storage.server_copy", fromlist=["x"]).tables()]
    with _psycopg(cluster, name, "周查看") as c:
        for t in [*tables, "alembic_version"]:
            cols = [r[0] for r in c.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = %s LIMIT 1", (t,)
            )]
            for sql in (
                f'INSERT INTO "{t}" DEFAULT VALUES',
                f'UPDATE "{t}" SET "{cols[0]}" = "{cols[0]}"',
                f'DELETE FROM "{t}"',
                f'TRUNCATE "{t}" CASCADE',
            ):
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    c.execute(sql)
        for sql in (
            "CREATE TABLE mine (x int)",
            "SELECT setval(pg_get_serial_sequence('station', 'id'), 1000)",
            "ALTER TABLE station DROP COLUMN notes",
            "CREATE TEMP TABLE t (x int)",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                c.execute(sql)
        assert c.execute("SELECT count(*) FROM audit_log").fetchone() == (before,)


def test_a_viewer_forcing_the_store_writable_is_refused_by_the_server(cluster, office):
    name, _ = office
    with Store.open(cluster.url(name, "吴管理")) as admin:
        _fill(admin)
    viewer = Store.open(cluster.url(name, "周查看"))
    try:
        viewer._readonly = False  # as if the program's check were gone: the grants still hold
        for what, write in _write_paths(viewer).items():
            with pytest.raises(server.PermissionDeniedError, match="周查看"):
                write()
            assert viewer.count("station") == 2, what
    finally:
        viewer.close()


def test_entry_enters_and_imports_but_settings_and_reference_data_are_the_admins(cluster, office):
    name, _ = office
    with Store.open(cluster.url(name, "孙填报")) as entry:
        _fill(entry)
        assert entry.count("station") == 2
        for write in (
            lambda: entry.set_settings({"user_name": "x"}),
            lambda: entry.set_target("410221", 2021, "stations", 5),
            lambda: entry.set_unit_key("410221", "ab" * 32),
        ):
            with pytest.raises(server.PermissionDeniedError, match="孙填报"):
                write()
    with Store.open(cluster.url(name, "吴管理")) as admin:
        admin.set_target("410221", 2021, "stations", 5)
        assert any(t.value == 5 and t.year == 2021 for t in admin.targets() if t.unit_code == "410221")


def _dump(path):
    con = sqlite3.connect(path)
    try:
        names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {n: con.execute(f'SELECT * FROM "{n}" ORDER BY 1').fetchall() for n in names}
    finally:
        con.close()


def test_sqlite_to_server_to_sqlite_keeps_every_record_its_history_and_the_audit_log(cluster, tmp_path):
    clock = Clock(datetime(2021, 2, 8, 9, 0))
    src = tmp_path / "county.db"
    with Store.open(src, user="县里", clock=clock) as store:
        store.setup_installation(kind="unit", unit_code="410221", user_name="县里")
        _fill(store)
        clock.now += timedelta(days=3)
        st = store.query("station")[0]
        st.name = "改过的名字"
        store.save(st)
        store.delete("station", st.id)
        store.save_week_note(WeekNote("410221", "2021-W05", "问题：电力", "审核人"))
    name = cluster.empty_database()
    try:
        url = cluster.url(name, SUPERUSER)
        res = server_admin.init_database(url, kind=None, unit_code=None, source=src)
        assert res.loaded is not None and res.loaded["station_history"] >= 3
        with Store.open(url) as on_server:
            assert on_server.history_out_of_step() == []
            assert [e.user for e in on_server.history("station", st.id)] == ["县里", "县里", "县里"]
            later = on_server.save(station(station_code="S9", name="服务器上新建"))  # ids go on past the file's
            assert later.id > max(r.id for r in on_server.query("station", ListQuery(deleted=True)))
            on_server.delete("station", later.id)
            on_server.purge("station", later.id)
            back = tmp_path / "back.db"
            info = on_server.backup_to(back)
            assert info.path == back and back.exists()
        a, b = _dump(src), _dump(back)
        assert a.keys() == b.keys()
        for table in a:
            if table in ("audit_log", "station", "station_history"):
                continue
            assert a[table] == b[table], table
        n = len(a["audit_log"])  # the server added the new station's insert and purge
        assert b["audit_log"][:n] == a["audit_log"] and len(b["audit_log"]) == n + 3
        assert b["audit_log"][n][2] == SUPERUSER
        assert b["station"] == a["station"]
        assert b["station_history"][: len(a["station_history"])] == a["station_history"]
        with Store.open(back, readonly=True) as copy:  # the same program opens it
            assert copy.installation().unit_code == "410221"
            assert copy.history_out_of_step() == []
            assert copy.week_note("410221", "2021-W05").problems == "问题：电力"
    finally:
        cluster.drop_database(name)


def test_kf5g_backup_of_a_server_writes_a_kf5g_file(cluster, office, tmp_path):
    from kf5g_desktop.cli.main import run

    name, _ = office
    url = cluster.url(name, "周查看")  # even a 查看 login can take one: it only reads
    with Store.open(cluster.url(name, "孙填报")) as entry:
        _fill(entry)
    assert run(["backup", "--db", url, "--to", str(tmp_path / "b.db")]) == 0
    with Store.open(tmp_path / "b.db", readonly=True) as copy:
        assert copy.count("station") == 2 and copy.count("pole", ListQuery(deleted=True)) == 1
    assert run(["backup", "--db", url]) == 0  # into this PC's data folder
    with Store.open(url) as viewer:
        from kf5g_desktop.storage.backup import list_backups

        (made,) = list_backups(viewer.path)
        assert made.reason == "manual"


def test_a_server_database_of_a_newer_program_is_refused_untouched(cluster, office):
    import psycopg

    name, _ = office
    with _psycopg(cluster, name, SUPERUSER) as c:
        c.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(NewerSchemaError):
        Store.open(cluster.url(name, "孙填报"))
    with pytest.raises(NewerSchemaError):
        server_admin.init_database(cluster.url(name, SUPERUSER), kind="unit", unit_code="410221")
    with _psycopg(cluster, name, SUPERUSER) as c:
        assert c.execute("SELECT version_num FROM alembic_version").fetchone() == ("9999",)
    del psycopg


def test_a_login_may_not_create_the_schema_and_is_told_who_can(cluster):
    name = cluster.empty_database()
    try:
        cluster.login("路人")
        with pytest.raises(StorageError, match="server-init"):
            Store.open(cluster.url(name, "路人"))
    finally:
        cluster.drop_database(name)


def test_the_migrations_make_the_models_schema_on_postgresql(cluster):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from kf5g_desktop.storage.models import Base

    name = cluster.empty_database()
    try:
        url = cluster.url(name, SUPERUSER)
        Store.open(url).close()
        engine = server.make_server_engine(url)
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
        engine.dispose()
        assert diff == []
    finally:
        cluster.drop_database(name)


def test_a_wrong_address_says_what_to_check():
    with pytest.raises(StorageError, match="无法连接数据库服务器") as e:
        Store.open("postgresql://nobody:secret@/kf5g?host=/nonexistent-socket-dir")
    assert "secret" not in str(e.value)
