from __future__ import annotations

import pytest

from tests.reports.dataset import build


@pytest.fixture(scope="module")
def fixed_store(tmp_path_factory):
    store = build(tmp_path_factory.mktemp("fixed") / "fixed.db")
    yield store
    store.close()
