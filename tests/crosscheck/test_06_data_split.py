"""Cross-check 06_data_split: the sizes against scikit-learn's train_test_split (which rounds the
test share up, ceil, where this exercise rounds validation and test down), and the split's
properties over many seeds."""

import math

import numpy as np
import pytest
from sklearn import model_selection

from grader.course.catalog import load_catalog
from grader.engine.runner import load_reference

ref = load_reference(load_catalog().resolve("06_data_split"))


def _sklearn_sizes(n, ratios):
    """Two train_test_split calls: test off the whole, then validation off the rest."""
    total = sum(ratios)
    rest, test = model_selection.train_test_split(np.arange(n), test_size=ratios[2] / total, random_state=0)
    train, val = model_selection.train_test_split(rest, test_size=ratios[1] / (ratios[0] + ratios[1]), random_state=0)
    return len(train), len(val), len(test)


@pytest.mark.parametrize("n", [10, 25, 100, 250, 1000])
@pytest.mark.parametrize("ratios", [(0.6, 0.2, 0.2), (6, 2, 2), (0.8, 0.1, 0.1)])
def test_sizes_equal_sklearn_when_shares_are_whole(n, ratios):
    total = sum(ratios)
    if any(abs(n * r / total - round(n * r / total)) > 1e-9 for r in ratios):
        pytest.skip("the shares are not whole numbers here")
    assert ref.split_sizes(n, ratios) == _sklearn_sizes(n, ratios)


@pytest.mark.parametrize("n", [7, 11, 13, 33, 101, 997])
def test_sizes_differ_from_sklearn_only_by_rounding(n):
    ours, theirs = ref.split_sizes(n, (0.6, 0.2, 0.2)), _sklearn_sizes(n, (0.6, 0.2, 0.2))
    assert sum(ours) == sum(theirs) == n
    assert ours[2] == math.floor(0.2 * n + 1e-9) and theirs[2] == math.ceil(0.2 * n - 1e-9)
    assert all(abs(a - b) <= 2 for a, b in zip(ours, theirs))


@pytest.mark.parametrize("seed", range(30))
def test_split_is_a_partition(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(0, 500))
    ratios = tuple(rng.uniform(0.05, 1, 3))
    parts = ref.train_val_test_split(n, np.random.default_rng(seed), ratios)
    assert tuple(len(p) for p in parts) == ref.split_sizes(n, ratios)
    np.testing.assert_array_equal(np.sort(np.concatenate(parts)), np.arange(n))
    again = ref.train_val_test_split(n, np.random.default_rng(seed), ratios)
    assert all(np.array_equal(a, b) for a, b in zip(parts, again))
