"""Fuzzing (hypothesis, bounded) of the input side: normalisation, validation and Store.save.

Whatever arrives, the only exceptions are the documented ones: ValueError from the parsers,
ValidationFailed from the Store. Validation itself never raises and every issue names a real field
with a Chinese message. Bounded: a fixed number of examples, no deadline (the machine is shared).
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kf5g_desktop.domain import codes
from kf5g_desktop.domain.normalize import normalize_code, normalize_number, parse_date
from kf5g_desktop.domain.records import Approval, Pole, Station, Venue, data_fields
from kf5g_desktop.domain.schema import BOOL, CODE, CODES, DATE, FIELDS, FLOAT, INT, POLE, REF, STATION, VENUE
from kf5g_desktop.domain.units import default_townships, default_units
from kf5g_desktop.domain.validation import ValidationContext, validate_pole, validate_station, validate_venue
from kf5g_desktop.storage.errors import ValidationFailed
from kf5g_desktop.storage.store import Store
from tests.builders import pole, venue

from .conftest import SLOW, STATS

N = 4 if SLOW else 1  # examples multiplier
BOUNDED = settings(
    deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
CJK = re.compile(r"[\u4e00-\u9fff]")
TODAY = date(2021, 2, 8)
CTX = ValidationContext({u.code: u for u in default_units()}, {t.code: t for t in default_townships()}, TODAY)
TOWNS = [t.code for t in default_townships()]
UNITS = [u.code for u in default_units()]

# Cell-like values: what a spreadsheet reader or a text box may hand over.
ODD_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from("０１２３４５６７８９．－／年月日\u3000\u00a0\u200b\ufeff,，-/. :T+eE"),
    ),
    max_size=30,
)
CELLS = st.one_of(
    st.none(),
    ODD_TEXT,
    st.integers(),
    st.integers(min_value=10**300, max_value=10**400),  # openpyxl reads long digit runs as int
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.from_regex(r"\A[0-9０-９]{4}[-/.年][0-9]{1,2}[-/.月][0-9]{1,2}日?\Z"),
)


@settings(BOUNDED, max_examples=400 * N)
@given(CELLS)
def test_parse_date_returns_a_date_or_raises_value_error(value):
    try:
        got = parse_date(value)
    except ValueError:
        STATS["rejected"] += 1
        return
    assert got is None or (isinstance(got, date) and not isinstance(got, datetime))


@settings(BOUNDED, max_examples=200 * N)
@given(
    st.dates(min_value=date(1954, 11, 1), max_value=date(2119, 1, 1)),
    st.sampled_from(
        ["{y}-{m:02d}-{d:02d}", "{y}/{m}/{d}", "{y}.{m}.{d}", "{y}年{m}月{d}日", "{y}{m:02d}{d:02d}"]
    ),
)
def test_every_written_form_of_a_date_reads_back(d, form):
    text = form.format(y=d.year, m=d.month, d=d.day)
    full_width = "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in text)
    assert parse_date(text) == parse_date(full_width) == d
    serial = (d - date(1899, 12, 30)).days
    assert parse_date(serial) == parse_date(float(serial)) == d


@settings(BOUNDED, max_examples=400 * N)
@given(CELLS)
def test_normalize_number_returns_a_float_or_raises_value_error(value):
    if isinstance(value, (date, datetime)):
        return  # not a number cell
    try:
        got = normalize_number(value)
    except ValueError:
        STATS["rejected"] += 1
        return
    assert got is None or isinstance(got, float)


@settings(BOUNDED, max_examples=400 * N)
@given(CELLS)
def test_normalize_code_never_raises_and_has_no_spaces(value):
    got = normalize_code(value)
    assert got is None or (isinstance(got, str) and got and " " not in got and got == got.strip())
    if isinstance(value, int) and not isinstance(value, bool):
        assert got == str(value)  # a long code read as a number keeps every digit


# Random records ---------------------------------------------------------------------------------


def field_strategy(spec):
    weird_text = st.one_of(st.none(), st.just(""), ODD_TEXT)
    if spec.name == "unit_code":
        return st.one_of(st.just("410221"), st.just("410221"), st.sampled_from(UNITS), weird_text)
    if spec.name == "township_code":
        return st.one_of(st.none(), st.sampled_from(TOWNS[:20]), weird_text)
    if spec.name in ("station_code", "name"):
        return st.one_of(st.text(min_size=1, max_size=20), weird_text)
    if spec.kind == CODE:
        return st.one_of(
            st.sampled_from(spec.code_list.codes), st.sampled_from(spec.code_list.codes), weird_text
        )
    if spec.kind == CODES:
        return st.lists(st.one_of(st.sampled_from(spec.code_list.codes), ODD_TEXT), max_size=4)
    if spec.kind == DATE:
        return st.one_of(st.none(), st.dates(max_value=TODAY), st.dates())
    if spec.kind == FLOAT:
        near = st.floats(min_value=34.0, max_value=115.2)
        return st.one_of(st.none(), near, st.floats(allow_nan=True, allow_infinity=True))
    if spec.kind == INT:
        return st.one_of(st.none(), st.integers(min_value=-5, max_value=120), st.integers())
    if spec.kind == BOOL:
        return st.one_of(st.none(), st.booleans())
    if spec.kind == REF:
        return st.none()
    return weird_text


FLOATS = st.one_of(st.none(), st.floats(min_value=34.0, max_value=115.2), st.floats())


def coords(kind: str):
    """Often a point inside 杞县, so that some records pass."""
    return st.one_of(
        st.tuples(st.floats(114.62, 114.93), st.floats(34.23, 34.75)),
        st.tuples(FLOATS, FLOATS),
    )


APPROVALS = st.lists(
    st.builds(
        Approval,
        st.one_of(st.sampled_from(codes.APPROVAL_ITEM.codes), ODD_TEXT),
        st.one_of(st.none(), st.dates(max_value=TODAY), st.dates()),
        st.one_of(st.none(), st.dates(max_value=TODAY), st.dates()),
        st.one_of(st.none(), ODD_TEXT),
    ),
    max_size=5,
)


@st.composite
def records(draw, kind=None):
    kind = kind or draw(st.sampled_from([STATION, VENUE, POLE]))
    cls = {STATION: Station, VENUE: Venue, POLE: Pole}[kind]
    values = {}
    for spec in FIELDS[kind]:
        if spec.name in ("venue_code", "pole_code"):
            values[spec.name] = draw(st.one_of(st.none(), st.text(max_size=12)))
            continue
        if spec.name in ("lon", "lat"):
            continue
        values[spec.name] = draw(field_strategy(spec))
    values["lon"], values["lat"] = draw(coords(kind))
    if kind == STATION:
        values["approvals"] = draw(APPROVALS)
        if values["status"] is None:
            values["status"] = "planned"
    return cls(**values)


@st.composite
def nearly_valid(draw):
    """A valid record of the kind a county enters, with none, one or two fields replaced."""
    import random

    from .driver import make_station

    kind = draw(st.sampled_from([STATION, VENUE, POLE]))
    seed = draw(st.integers(0, 10**6))
    if kind == STATION:
        rec = make_station(random.Random(seed), f"F{seed}")
    elif kind == VENUE:
        rec = venue(name=f"场所{seed}", category="school", opened_on=date(2020, 5, 1))
    else:
        rec = pole(name=f"杆{seed}", sector="power", pole_type="streetlight")
    specs = [f for f in FIELDS[kind] if f.kind != REF and f.name not in ("venue_code", "pole_code")]
    for spec in draw(st.lists(st.sampled_from(specs), max_size=2, unique=True)):
        setattr(rec, spec.name, draw(FLOATS if spec.kind == FLOAT else field_strategy(spec)))
    if kind == STATION and rec.status is None:
        rec.status = "planned"
    return rec


VALIDATE = {Station: validate_station, Venue: validate_venue, Pole: validate_pole}


@settings(BOUNDED, max_examples=300 * N)
@given(st.one_of(records(), nearly_valid()))
def test_validation_never_raises_and_every_issue_names_a_field_in_chinese(record):
    issues = VALIDATE[type(record)](record, CTX)
    names = set(data_fields(record)) | {"approvals"}
    for i in issues:
        assert i.field in names, i
        assert CJK.search(i.message), i
        assert i.severity in ("error", "warning") and i.code
    if any(i.is_error for i in issues):
        STATS["rejected"] += 1


@pytest.fixture(scope="module")
def fuzz_store(tmp_path_factory):
    s = Store.open(
        tmp_path_factory.mktemp("fuzz") / "kf5g.db", user="模糊测试", clock=lambda: datetime(2021, 2, 8, 9, 0)
    )
    yield s
    s.close()


def comparable(record) -> dict:
    out = {}
    for f in data_fields(record):
        v = getattr(record, f)
        out[f] = "nan" if isinstance(v, float) and math.isnan(v) else v
    return out


@settings(BOUNDED, max_examples=150 * N)
@given(st.one_of(records(), nearly_valid()))
def test_store_save_saves_exactly_or_refuses_with_validation_failed(fuzz_store, record):
    sent = comparable(record)
    approvals = [(a.item, a.applied_on, a.granted_on, a.notes) for a in getattr(record, "approvals", [])]
    before = fuzz_store.counts()
    try:
        saved = fuzz_store.save(record)
    except ValidationFailed as e:
        STATS["rejected"] += 1
        assert e.issues and all(CJK.search(i.message) for i in e.issues)
        assert fuzz_store.counts() == before  # nothing written
        return
    back = fuzz_store.get(type(record).__name__.lower(), saved.id)
    got = comparable(back)
    for code_field in ("venue_code", "pole_code"):
        if code_field in sent and not sent[code_field]:
            sent[code_field] = got[code_field]  # assigned by the store
    assert got == sent
    if isinstance(record, Station):
        assert [(a.item, a.applied_on, a.granted_on, a.notes) for a in back.approvals] == sorted(
            approvals, key=lambda a: codes.APPROVAL_ITEM.codes.index(a[0])
        )
    STATS["records"] += 1
