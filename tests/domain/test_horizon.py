"""A record as it stood at a week's end (domain.horizon): hand-worked cases."""

from datetime import date, datetime

from kf5g_desktop.domain import horizon
from kf5g_desktop.domain.records import Approval, Pole, RecordMeta, Station, Venue

END = date(2021, 3, 14)  # 2021-W10 ends on Sunday 03-14
BEFORE = RecordMeta(created_at=datetime(2021, 1, 4, 9))
MONDAY_AFTER = RecordMeta(created_at=datetime(2021, 3, 15, 10))


def _st(**kw):
    values = dict(unit_code="410221", station_code="X1", operator="CMCC", name="站", meta=BEFORE)
    values.update(kw)
    return Station(**values)


def test_on_air_after_the_end_is_back_to_building_approving_or_planned():
    later = dict(status="on_air", on_air=date(2021, 3, 20))
    s = horizon.station(_st(**later, construction_start=date(2021, 2, 1)), END)
    assert (s.status, s.on_air, s.construction_start) == ("building", None, date(2021, 2, 1))
    s = horizon.station(
        _st(**later, construction_start=date(2021, 3, 16), approvals=[Approval("land", date(2021, 1, 5))]), END
    )
    assert (s.status, s.on_air, s.construction_start) == ("approving", None, None)
    s = horizon.station(_st(**later, approvals=[Approval("land", date(2021, 3, 15))]), END)
    assert (s.status, s.approvals) == ("planned", [])


def test_on_air_by_the_end_and_undated_statuses_stay():
    s = _st(status="on_air", on_air=date(2021, 3, 14), construction_start=date(2021, 1, 1))
    assert horizon.station(s, END) == s
    for status in ("building", "suspended", "cancelled", "planned"):
        assert horizon.station(_st(status=status), END).status == status
    assert horizon.station(_st(status="on_air"), END).status == "on_air"  # no date: as recorded


def test_building_and_approving_follow_their_dates():
    s = horizon.station(_st(status="building", construction_start=date(2021, 3, 15)), END)
    assert (s.status, s.construction_start) == ("planned", None)
    waiting = [Approval("land", date(2021, 3, 1), date(2021, 3, 20)), Approval("radio", date(2021, 4, 1))]
    s = horizon.station(_st(status="approving", approvals=waiting), END)
    assert s.status == "approving"
    assert s.approvals == [Approval("land", date(2021, 3, 1), None)]  # granted later: still waiting
    s = horizon.station(_st(status="approving", approvals=[Approval("radio", date(2021, 4, 1))]), END)
    assert s.status == "planned"
    undated = _st(status="approving", approvals=[Approval("radio")])
    assert horizon.station(undated, END).status == "approving"


def test_a_conversion_done_after_the_end_had_not_happened():
    s = _st(
        status="on_air",
        on_air=date(2021, 1, 10),
        power_supply="direct",
        conversion="done",
        conversion_done_on=date(2021, 3, 15),
    )
    h = horizon.station(s, END)
    assert (h.power_supply, h.conversion, h.conversion_done_on) == ("indirect", "planned", None)
    s.conversion_done_on = date(2021, 3, 14)
    assert horizon.station(s, END) == s


def test_records_recorded_after_the_end_need_a_date_by_the_end():
    assert horizon.station(_st(meta=MONDAY_AFTER, status="planned"), END) is None
    late_entry = _st(meta=MONDAY_AFTER, status="on_air", on_air=date(2021, 3, 12))
    assert horizon.station(late_entry, END) == late_entry
    started = _st(meta=MONDAY_AFTER, status="building", construction_start=date(2021, 3, 1))
    assert horizon.station(started, END).status == "building"
    # an approval applied for by the end is not enough on its own
    applied = _st(meta=MONDAY_AFTER, status="approving", approvals=[Approval("land", date(2021, 3, 1))])
    assert horizon.station(applied, END) is None
    # recorded on the last day itself (any time of it) is in
    sunday = RecordMeta(created_at=datetime(2021, 3, 14, 23, 59))
    assert horizon.station(_st(meta=sunday), END) is not None


def test_venues_and_poles_by_their_opening_and_sharing_dates():
    v = Venue(unit_code="410221", name="场所", opened_on=date(2021, 3, 15), meta=BEFORE)
    assert horizon.venue(v, END) is None
    v.opened_on = date(2021, 3, 14)
    assert horizon.venue(v, END) is v
    v.meta = MONDAY_AFTER  # entered late, opened by the end
    assert horizon.venue(v, END) is v
    v.opened_on = None
    assert horizon.venue(v, END) is None
    v.meta = BEFORE
    assert horizon.venue(v, END) is v
    p = Pole(unit_code="410221", name="杆", shared_on=date(2021, 4, 1), meta=BEFORE)
    assert horizon.pole(p, END) is None
    p.shared_on = None
    assert horizon.pole(p, END) is p


def test_unit_basis_cutoff_correction_and_now():
    cutoff = datetime(2021, 3, 15, 18)
    assert horizon.unit_basis(datetime(2021, 3, 15, 12), cutoff, [], correct=False).moment is None
    assert horizon.unit_basis(datetime(2021, 6, 1), cutoff, [], correct=False).moment == cutoff
    fixes = [datetime(2021, 3, 15, 9), datetime(2021, 4, 2, 10), datetime(2021, 5, 6, 11)]
    b = horizon.unit_basis(datetime(2021, 6, 1), cutoff, fixes, correct=False)
    assert b.moment == b.corrected_at == datetime(2021, 5, 6, 11)  # before the cut-off: not a correction
    assert horizon.unit_basis(datetime(2021, 6, 1), cutoff, fixes, correct=True).moment is None


def test_city_basis_own_submission_carried_and_missing():
    subs = [
        ("410221", "2021-W10", datetime(2021, 3, 15, 9)),
        ("410221", "2021-W09", datetime(2021, 3, 8, 9)),
        ("410202", "2021-W08", datetime(2021, 3, 1, 9)),
        ("410202", "2020-W53", datetime(2021, 1, 4, 9)),
        ("410223", "2021-W11", datetime(2021, 3, 22, 9)),  # a later week: not this week's
    ]
    fallback = datetime(2021, 3, 15, 18)
    b = horizon.city_basis("2021-W10", ["410202", "410221", "410223"], subs, fallback)
    assert b.moment == {
        "410221": datetime(2021, 3, 15, 9),
        "410202": datetime(2021, 3, 1, 9),
        "410223": fallback,
    }
    assert b.carried == {"410202": "2021-W08"}
    assert b.missing == ("410223",)
