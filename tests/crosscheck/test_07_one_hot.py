"""Cross-check 07_one_hot against PyTorch's torch.nn.functional.one_hot and scikit-learn's
OneHotEncoder (with the categories fixed to 0 … k − 1)."""

import numpy as np
import pytest
import torch
from sklearn import preprocessing

from grader.course.catalog import load_catalog
from grader.engine.runner import load_reference

ref = load_reference(load_catalog().resolve("07_one_hot"))


@pytest.mark.parametrize("seed", range(20))
def test_equals_torch_one_hot(seed):
    rng = np.random.default_rng(seed)
    k = int(rng.integers(1, 10))
    labels = rng.integers(0, k, int(rng.integers(1, 50)))
    expected = torch.nn.functional.one_hot(torch.tensor(labels), num_classes=k).numpy()
    np.testing.assert_array_equal(ref.to_one_hot(labels, k), expected)
    inferred = torch.nn.functional.one_hot(torch.tensor(labels)).numpy()  # num_classes=-1: max + 1
    np.testing.assert_array_equal(ref.to_one_hot(labels), inferred)
    np.testing.assert_array_equal(ref.from_one_hot(expected), labels)


def test_equals_sklearn_with_fixed_categories():
    labels = np.array([0, 3, 3, 1])
    encoder = preprocessing.OneHotEncoder(categories=[list(range(5))], sparse_output=False)
    np.testing.assert_array_equal(ref.to_one_hot(labels, 5), encoder.fit_transform(labels[:, None]))


@pytest.mark.parametrize("labels, k", [([0, 3], 3), ([-1, 0], 2)])
def test_out_of_range_is_an_error(labels, k):
    with pytest.raises(ValueError):
        ref.to_one_hot(np.array(labels), k)
