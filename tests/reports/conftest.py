"""The reports suite runs on SQLite and on PostgreSQL: the shared data set once per engine, and
every test using ``new_db`` on each."""

from __future__ import annotations

import pytest

from tests.conftest import TEST_USER
from tests.reports.dataset import build


@pytest.fixture(params=["sqlite", "postgresql"])
def engine_kind(request) -> str:
    return str(request.param)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def fixed_store(request, tmp_path_factory):
    cluster = name = None
    if request.param == "sqlite":
        target = tmp_path_factory.mktemp("fixed") / "fixed.db"
    else:
        cluster = request.getfixturevalue("pg_cluster")
        name = cluster.new_database()
        cluster.login(TEST_USER, superuser=True)
        target = cluster.url(name, TEST_USER)
    store = build(target)
    yield store
    store.close()
    if cluster is not None:
        cluster.drop_database(name)
