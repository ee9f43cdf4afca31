"""Cross-check 17_he_init against torch.nn.init (kaiming_normal_, kaiming_uniform_, xavier_normal_,
xavier_uniform_).

Layout: a torch Linear weight is (fan_out, fan_in) and torch reads fan_in from dimension 1;
this exercise returns (fan_in, fan_out). The random streams differ, so the two are compared by
statistics: variance within 4% of the target (n = 200,000 draws: the relative standard error of
the variance is ≤ 0.32%), uniform draws inside the same bound, and the same distribution shape
(the kurtosis of a normal is 3, of a uniform 1.8)."""

import numpy as np
import pytest
import torch

from grader.course.catalog import load_catalog
from grader.engine.runner import load_reference

init = torch.nn.init


ref = load_reference(load_catalog().resolve("17_he_init"))
FAN_IN, FAN_OUT = 400, 500

CASES = {
    "he_normal": (lambda w: init.kaiming_normal_(w, mode="fan_in", nonlinearity="relu"), 2 / FAN_IN, None),
    "he_uniform": (lambda w: init.kaiming_uniform_(w, mode="fan_in", nonlinearity="relu"), 2 / FAN_IN, np.sqrt(6 / FAN_IN)),
    "xavier_normal": (init.xavier_normal_, 2 / (FAN_IN + FAN_OUT), None),
    "xavier_uniform": (init.xavier_uniform_, 2 / (FAN_IN + FAN_OUT), np.sqrt(6 / (FAN_IN + FAN_OUT))),
}


def _kurtosis(w):
    c = w - w.mean()
    return float(np.mean(c**4) / np.mean(c**2) ** 2)


@pytest.mark.parametrize("name", list(CASES))
def test_statistics_agree_with_torch(name):
    torch_init, variance, bound = CASES[name]
    torch.manual_seed(0)
    theirs = torch_init(torch.empty(FAN_OUT, FAN_IN, dtype=torch.float64)).numpy()
    assert init._calculate_fan_in_and_fan_out(torch.empty(FAN_OUT, FAN_IN)) == (FAN_IN, FAN_OUT)
    ours = getattr(ref, name)(FAN_IN, FAN_OUT, np.random.default_rng(0))
    assert ours.shape == theirs.T.shape == (FAN_IN, FAN_OUT)
    for w in (ours, theirs):
        assert abs(w.mean()) < 6 * np.sqrt(variance / w.size)
        assert abs(w.var() / variance - 1) < 0.04
    assert abs(ours.var() / theirs.var() - 1) < 0.04
    expected_kurtosis = 3.0 if bound is None else 1.8
    assert abs(_kurtosis(ours) - expected_kurtosis) < 0.1 and abs(_kurtosis(theirs) - expected_kurtosis) < 0.1
    if bound is not None:
        for w in (ours, theirs):
            assert np.abs(w).max() <= bound * (1 + 1e-12) and np.abs(w).max() > 0.99 * bound


def test_torch_default_kaiming_gain_equals_relu_gain():
    # default nonlinearity='leaky_relu' with a=0 gives gain √2, the same as ReLU
    assert init.calculate_gain("leaky_relu", 0) == pytest.approx(init.calculate_gain("relu"))
    assert init.calculate_gain("relu") == pytest.approx(np.sqrt(2.0))
