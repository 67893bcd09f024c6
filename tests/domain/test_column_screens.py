"""The column-wise screens of ``kf5g check`` (``domain.validation``) find the rows a walk over every
value finds: here the search for blank values, on columns of every kind SQLite gives (and lists)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kf5g_desktop.domain.validation import _blank, _blank_rows

values = st.one_of(
    st.none(),
    st.sampled_from(["", "CMCC", "0", " ", "410221"]),
    st.integers(-2, 2),
    st.floats(allow_nan=True),
    st.sampled_from([b"", b"x"]),
    st.lists(st.sampled_from(["CMCC", ""]), max_size=2),
)


@given(st.lists(values, max_size=30))
def test_blank_rows_are_the_blank_values(col):
    assert _blank_rows(col) == {i for i, v in enumerate(col) if _blank(v)}
    assert _blank_rows(tuple(col)) == _blank_rows(col)


def test_blank_rows_of_a_sound_column_and_of_lists():
    assert _blank_rows(("a", "b") * 1000) == set()
    assert _blank_rows((1.5, None, 2.5, "")) == {1, 3}
    assert _blank_rows((["CMCC"], [], None)) == {1, 2}
    assert _blank_rows((["CMCC"], "x")) == set()
