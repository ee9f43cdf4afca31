"""Cross-check 20_logit against torch.logit (with and without eps) and torch.sigmoid, including
the ends p = 0, 1 (±inf without eps, clamped with eps) and huge |z| for the sigmoid."""

import numpy as np
import pytest
import torch

from grader.course.catalog import load_catalog
from grader.engine.runner import load_reference


ref = load_reference(load_catalog().resolve("20_logit"))
P = np.concatenate([[0.0, 1e-300, 1e-12, 0.5, 1 - 1e-12, 1.0], np.random.default_rng(0).uniform(0, 1, 200)])


def test_logit_without_eps():
    np.testing.assert_allclose(ref.logit(P), torch.logit(torch.tensor(P)).numpy(), rtol=1e-12, atol=1e-15)
    assert ref.logit(np.array([0.0]))[0] == -np.inf and ref.logit(np.array([1.0]))[0] == np.inf


@pytest.mark.parametrize("eps", [1e-7, 1e-3, 0.1])
def test_logit_with_eps_clamps_like_torch(eps):
    ours = ref.logit(P, eps)
    np.testing.assert_allclose(ours, torch.logit(torch.tensor(P), eps=eps).numpy(), rtol=1e-12, atol=1e-15)
    assert np.all(np.isfinite(ours))


def test_odds_is_exp_of_logit():
    inner = P[(P > 0) & (P < 1)]
    np.testing.assert_allclose(ref.odds(inner), torch.exp(torch.logit(torch.tensor(inner))).numpy(), rtol=1e-9)


def test_sigmoid_matches_torch_and_inverts_logit():
    z = np.concatenate([[-1000.0, -745.0, -40.0, 0.0, 40.0, 745.0, 1000.0], np.random.default_rng(1).normal(0, 10, 200)])
    # atol: at z = −745 one side may round to the subnormal 5e-324 and the other to 0
    np.testing.assert_allclose(ref.sigmoid(z), torch.sigmoid(torch.tensor(z)).numpy(), rtol=1e-13, atol=1e-300)
    inner = P[(P > 1e-10) & (P < 1 - 1e-10)]
    np.testing.assert_allclose(ref.sigmoid(ref.logit(inner)), inner, rtol=1e-9)
    np.testing.assert_allclose(ref.odds_to_probability(ref.odds(inner)), inner, rtol=1e-12)
    assert ref.odds_to_probability(np.array([np.inf]))[0] == 1.0
