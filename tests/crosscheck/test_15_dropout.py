"""Cross-check 15_dropout against torch.nn.functional.dropout: same semantics (inverted dropout).

In training mode both zero each unit with probability p and scale the kept ones by 1/(1 − p),
so the output's expectation equals the input; in eval mode both are the identity. The random
streams differ (numpy vs torch), so masks are compared by statistics, values exactly."""

import numpy as np
import pytest
import torch

from grader.course.catalog import load_catalog
from grader.engine.runner import load_reference

F = torch.nn.functional


ref = load_reference(load_catalog().resolve("15_dropout"))
SHAPE = (500, 400)


@pytest.mark.parametrize("rate", [0.1, 0.5, 0.8])
def test_training_statistics_and_scaling_agree(rate):
    x = np.random.default_rng(0).uniform(0.5, 1.5, SHAPE)
    ours, mask = ref.dropout_forward(x, rate, np.random.default_rng(1))
    torch.manual_seed(1)
    theirs = F.dropout(torch.tensor(x), p=rate, training=True).numpy()
    kept_theirs = theirs != 0
    n = x.size
    tolerance = 6 * np.sqrt(rate * (1 - rate) / n)
    assert abs(mask.mean() - (1 - rate)) < tolerance
    assert abs(kept_theirs.mean() - (1 - rate)) < tolerance
    # kept units are scaled by 1/(1 − p) in both; dropped units are 0 in both
    np.testing.assert_allclose(ours[mask], x[mask] / (1 - rate), rtol=1e-12)
    np.testing.assert_allclose(theirs[kept_theirs], x[kept_theirs] / (1 - rate), rtol=1e-12)
    assert np.all(ours[~mask] == 0)
    # the expectation is preserved: both means are within 6 standard errors of mean(x)
    sd = np.sqrt(rate / (1 - rate)) * np.sqrt(np.mean(x**2)) / np.sqrt(n)
    assert abs(ours.mean() - x.mean()) < 6 * sd
    assert abs(theirs.mean() - x.mean()) < 6 * sd


@pytest.mark.parametrize("rate", [0.2, 0.5])
def test_eval_mode_is_identity_in_both(rate):
    x = np.random.default_rng(2).normal(size=(30, 20))
    ours, mask = ref.dropout_forward(x, rate, np.random.default_rng(3), training=False)
    theirs = F.dropout(torch.tensor(x), p=rate, training=False).numpy()
    np.testing.assert_array_equal(ours, x)
    np.testing.assert_array_equal(theirs, x)
    assert mask.all()


def test_rate_zero_keeps_everything_in_both():
    x = np.random.default_rng(4).normal(size=(50, 50))
    ours, mask = ref.dropout_forward(x, 0.0, np.random.default_rng(5))
    np.testing.assert_array_equal(ours, x)
    np.testing.assert_array_equal(F.dropout(torch.tensor(x), p=0.0, training=True).numpy(), x)
