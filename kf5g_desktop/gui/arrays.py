"""Small numpy helpers of the map's drawing (the page and the report's map page)."""

from __future__ import annotations

import numpy as np


def distinct(values: np.ndarray) -> np.ndarray:
    """The distinct values of a 1-D integer array, ascending: what ``np.unique`` gives, by one
    sort and a comparison of neighbours (numpy 2's hashing ``unique`` costs some thirty times as
    much on the 100,000 pixel places of the city map)."""
    ordered = np.sort(values)
    if len(ordered) < 2:
        return ordered
    first = np.empty(len(ordered), dtype=bool)
    first[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
    return ordered[first]
