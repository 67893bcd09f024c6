import pytest

from kf5g_desktop.domain.subsidy import Subsidy, default_subsidy_state, local_split, subsidy_for


@pytest.mark.parametrize(
    "mode,status,kind,expected",
    [
        ("SA", "on_air", "county", Subsidy(2500, 750, 1750)),
        ("SA", "on_air", "district", Subsidy(2500, 1750, 750)),
        ("NSA", "on_air", "county", Subsidy()),
        ("NSA", "on_air", "district", Subsidy()),
        ("SA", "building", "county", Subsidy()),
        ("SA", "planned", "district", Subsidy()),
        (None, "on_air", "county", Subsidy()),
    ],
)
def test_subsidy_rule_of_the_plan(mode, status, kind, expected):
    got = subsidy_for(mode, status, kind)
    assert got == expected
    assert got.total in (0, 5000)


def test_local_share_is_2500_split_3_7_for_counties_and_7_3_for_districts():
    assert local_split("county") == (750, 1750)
    assert local_split("district") == (1750, 750)
    with pytest.raises(ValueError):
        local_split("town")


def test_sums_and_default_state():
    assert Subsidy(2500, 750, 1750) + Subsidy(2500, 1750, 750) == Subsidy(5000, 2500, 2500)
    assert default_subsidy_state("SA", "on_air") == "pending"
    assert default_subsidy_state("NSA", "on_air") == "na"
