"""The storage suite runs on SQLite and on PostgreSQL: every test using ``db_target`` (and so
``empty_store``) runs once on each engine."""

from __future__ import annotations

import pytest


@pytest.fixture(params=["sqlite", "postgresql"])
def engine_kind(request) -> str:
    return str(request.param)
