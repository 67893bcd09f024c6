"""The digest and names of RETURNS.md, checked against an independent reading of the spec."""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime

from kf5g_desktop.returns.format import (
    HEADERS,
    canonical,
    content_digest,
    file_name,
    key_id,
    sign,
    signature_ok,
)


def test_canonical_cells():
    assert canonical(None) == ""
    assert canonical(2500) == "2500"
    assert canonical(2500.0) == "2500"
    assert canonical(114.35) == "114.35"
    assert canonical(114.3500004) == "114.35"
    assert canonical(34.1234567) == "34.123457"
    assert canonical(1e-7) == "0"
    assert canonical(date(2021, 2, 1)) == "2021-02-01"
    assert canonical(datetime(2021, 2, 1, 13, 5)) == "2021-02-01"
    assert canonical("  杞县 \n") == "杞县"
    assert canonical(1e20) == "100000000000000000000"


def test_digest_matches_spec_text():
    sheets = {
        "基站": [HEADERS["基站"], [1, "410221", "4601", None, "站", "中国移动"] + [None] * 24],
        "审批": [HEADERS["审批"]],
        "免费开放场所": [HEADERS["免费开放场所"]],
        "杆塔共享": [HEADERS["杆塔共享"]],
    }
    lines = [
        "meta\t"
        + json.dumps(
            ["kf5g-return", "1", "410221", "2021-02-01", "2021-02-07"],
            ensure_ascii=False,
            separators=(",", ":"),
        )
    ]
    for name in ("基站", "审批", "免费开放场所", "杆塔共享"):
        for row in sheets[name]:
            cells = ["" if c is None else str(c) for c in row]
            lines.append(name + "\t" + json.dumps(cells, ensure_ascii=False, separators=(",", ":")))
    expected = hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()
    assert content_digest("410221", "2021-02-01", "2021-02-07", sheets) == expected


def test_signature_and_key_id():
    key = "ab" * 32
    sig = sign(key, "0" * 64)
    assert len(sig) == 64 and signature_ok(key, "0" * 64, sig)
    assert not signature_ok("cd" * 32, "0" * 64, sig)
    assert key_id(key) == hashlib.sha256(bytes.fromhex(key)).hexdigest()[:8]


def test_file_names():
    assert file_name("unit", "410221", "杞县", "2021W05") == "410221_杞县_5G周报_2021W05.xlsx"
    assert file_name("city", "410200", "开封市", "2021W05") == "410200_开封市_5G汇总_2021W05.xlsx"


def test_headers_are_the_spec():
    assert len(HEADERS["基站"]) == 30 and HEADERS["基站"][-1] == "备注"
    assert HEADERS["审批"] == (
        "序号",
        "区县代码",
        "基站编码",
        "承建运营商",
        "审批事项",
        "申请日期",
        "办结日期",
        "用时(天)",
        "备注",
    )
    assert len(HEADERS["免费开放场所"]) == 18 and len(HEADERS["杆塔共享"]) == 18
