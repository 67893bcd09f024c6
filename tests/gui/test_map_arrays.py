"""The map's pixel places made distinct by a sort (``gui.arrays.distinct``): what ``np.unique`` gives."""

from __future__ import annotations

import numpy as np
import pytest

from kf5g_desktop.gui.arrays import distinct


@pytest.mark.parametrize("n", [0, 1, 2, 17, 5000])
def test_distinct_is_numpys_unique(n):
    rng = np.random.default_rng(n)
    for span in (3, 1000, 10**12):  # many repeats, some, hardly any
        values = rng.integers(-span, span, n).astype(np.int64)
        got = distinct(values)
        assert got.dtype == values.dtype
        assert np.array_equal(got, np.unique(values))


def test_distinct_leaves_its_argument_as_it_was():
    values = np.array([5, 3, 5, -1, 3], dtype=np.int64)
    assert distinct(values).tolist() == [-1, 3, 5]
    assert values.tolist() == [5, 3, 5, -1, 3]
