"""Cross-check 10_iteration_count against Python's exact rational arithmetic (fractions.Fraction)
and against counting the batches one by one (range with a step), at sizes far beyond 2^53 where
float division is no longer exact."""

import math
from fractions import Fraction

import numpy as np
import pytest

from grader.course.catalog import load_catalog
from grader.engine.runner import load_reference

ref = load_reference(load_catalog().resolve("10_iteration_count"))

SIZES = [(1, 1), (2000, 200), (2050, 200), (50, 64), (37, 1), (10**17 + 1, 10**9), (2**53 + 1, 2),
         (3 * (2**53 + 1), 3), (10**18, 10**9 + 7), (10**40 + 1, 10**20), (2**64 + 5, 2**32)]


@pytest.mark.parametrize("n, batch_size", SIZES)
def test_iterations_equal_the_exact_ceiling_of_the_fraction(n, batch_size):
    count = ref.iterations_per_epoch(n, batch_size)
    assert type(count) is int
    assert count == math.ceil(Fraction(n, batch_size))
    assert ref.total_iterations(n, batch_size, 7) == 7 * math.ceil(Fraction(n, batch_size))


@pytest.mark.parametrize("n, batch_size", SIZES)
def test_batches_cover_the_samples_and_the_last_is_not_larger_than_a_batch(n, batch_size):
    count, last = ref.iterations_per_epoch(n, batch_size), ref.last_batch_size(n, batch_size)
    assert 1 <= last <= batch_size
    assert (count - 1) * batch_size + last == n


@pytest.mark.parametrize("n, batch_size", [(1, 1), (10, 3), (2050, 200), (7, 7), (5, 10), (1000, 32)])
def test_small_sizes_equal_counting_the_batches(n, batch_size):
    starts = range(0, n, batch_size)
    assert ref.iterations_per_epoch(n, batch_size) == len(starts)
    assert ref.last_batch_size(n, batch_size) == n - starts[-1]


def test_float_division_is_really_wrong_at_these_sizes():
    """The huge cases of the check are not decoration: math.ceil(n / b) misses on them."""
    n, b = 10**17 + 1, 10**9
    assert math.ceil(n / b) != math.ceil(Fraction(n, b))
    assert n - (math.ceil(n / b) - 1) * b > b
    assert int(np.ceil(np.float64(3 * (2**53 + 1)) / 3)) != 2**53 + 1
