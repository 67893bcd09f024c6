"""For a fixed clock the exported returns are exactly what the writer made before it was made
faster: every cell (value, type, number format, style) of every sheet, ``_meta`` and the digest,
frozen panes, filters, merged cells, widths, drop-downs and print setup."""

from __future__ import annotations

import json
import os
import time

import pytest

from tests.returns.export_fingerprint import GOLDEN, fingerprints


@pytest.fixture
def utc():
    old = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"  # generated_at is written in the machine's zone
    time.tzset()
    yield
    if old is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = old
    time.tzset()


def _first_difference(path: str, a: object, b: object) -> str | None:
    if type(a) is not type(b):
        return f"{path}: {a!r} != {b!r}"
    if isinstance(a, dict):
        assert isinstance(b, dict)
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                return f"{path}.{k}: only in {'golden' if k in a else 'export'}"
            d = _first_difference(f"{path}.{k}", a[k], b[k])
            if d:
                return d
        return None
    if isinstance(a, list):
        assert isinstance(b, list)
        for i, (x, y) in enumerate(zip(a, b, strict=False)):
            d = _first_difference(f"{path}[{i}]", x, y)
            if d:
                return d
        return f"{path}: {len(a)} != {len(b)} items" if len(a) != len(b) else None
    return None if a == b else f"{path}: {a!r} != {b!r}"


def test_export_content_matches_the_golden_fingerprint(tmp_path, utc):
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    now = json.loads(json.dumps(fingerprints(tmp_path), ensure_ascii=False, sort_keys=True))
    assert set(now) == {"410221", "410202", "410225", "city"}
    assert now["city"]["sheets"][-1] == "_meta" and now["city"]["_meta"]["state"] == "hidden"
    assert _first_difference("export", golden, now) is None
