"""``kf5g demo --db postgresql://…``: refused with what to do instead — the demo made into a file,
that file loaded into a fresh server database by ``kf5g server-init … --from`` — and that way works."""

from __future__ import annotations

from kf5g_desktop.cli.common import EXIT_ERROR
from kf5g_desktop.cli.main import run
from kf5g_desktop.domain.schema import REGISTER_KINDS
from kf5g_desktop.domain.values import ListQuery
from kf5g_desktop.storage import server_admin
from kf5g_desktop.storage.store import Store
from tests.pg import SUPERUSER
from tests.returns.office import assert_chinese


def test_the_demo_on_a_server_is_refused_with_the_way_that_works(pg_cluster, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    name = pg_cluster.empty_database()
    try:
        owner = pg_cluster.url(name, SUPERUSER)
        assert run(["demo", "--db", owner, "--stations", "60"]) == EXIT_ERROR
        said = capsys.readouterr().err
        assert (
            "不适用于数据库服务器" in said and "kf5g demo --db 演示.db" in said and "--from 演示.db" in said
        )
        assert_chinese(said.replace("postgresql://所有者@服务器/数据库名", "").replace("postgresql://…", ""))
        assert not list(tmp_path.glob("postgresql*")) and not (tmp_path / "postgresql:").exists()
        # what it says to do
        demo = tmp_path / "演示.db"
        assert run(["demo", "--db", str(demo), "--stations", "60", "--seed", "5"]) == 0
        assert run(["server-init", owner, "--from", str(demo)]) == 0
        server_admin.add_login(owner, "孙填报", "填报")
        with Store.open(demo, readonly=True) as file, Store.open(pg_cluster.url(name, "孙填报")) as on_server:
            assert on_server.installation().demo and on_server.installation().is_city
            for kind in REGISTER_KINDS:
                q = ListQuery(deleted=True)
                assert on_server.count(kind) == file.count(kind) > 0, kind
                assert on_server.count(kind, q) == file.count(kind, q), kind
            assert on_server.audit_count() == file.audit_count()
            assert on_server.history_out_of_step() == []
    finally:
        pg_cluster.drop_database(name)
