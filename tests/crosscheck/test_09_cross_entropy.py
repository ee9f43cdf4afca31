"""Cross-check 09_cross_entropy against scikit-learn (log_loss, hinge_loss, mean_absolute_error)
and PyTorch (binary_cross_entropy, cross_entropy, nll_loss).

Inside [1e-7, 1 − 1e-7] clipping changes nothing, so the losses must equal the libraries'. At
p = 0 or 1 the libraries differ on purpose (PyTorch clamps log at −100, scikit-learn clips at
the dtype's eps), so there the exercise is compared with PyTorch fed the clipped probabilities."""

import numpy as np
import pytest
import torch
from sklearn import metrics

from grader.course.catalog import load_catalog
from grader.engine.runner import load_reference

F = torch.nn.functional
ref = load_reference(load_catalog().resolve("09_cross_entropy"))
EPS = 1e-7


def _binary(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 200))
    y = rng.integers(0, 2, n)
    y[:2] = [0, 1]
    return y, rng.uniform(0.001, 0.999, n)


def _multi(seed):
    rng = np.random.default_rng(seed)
    n, k = int(rng.integers(1, 60)), int(rng.integers(2, 8))
    logits = rng.normal(0, 2, (n, k))
    p = np.exp(logits - logits.max(axis=1, keepdims=True))
    return rng.integers(0, k, n), logits, p / p.sum(axis=1, keepdims=True), k


@pytest.mark.parametrize("seed", range(20))
def test_binary_equals_sklearn_and_torch(seed):
    y, p = _binary(seed)
    got = ref.binary_cross_entropy(y, p)
    assert got == pytest.approx(metrics.log_loss(y, p), rel=1e-10)
    assert got == pytest.approx(F.binary_cross_entropy(torch.tensor(p), torch.tensor(y, dtype=torch.float64)).item(), rel=1e-10)


def test_binary_clips_at_eps():
    y, p = np.array([1, 0, 1, 0]), np.array([0.0, 1.0, 1.0, 0.0])
    clipped = torch.tensor(np.clip(p, EPS, 1 - EPS))
    expected = F.binary_cross_entropy(clipped, torch.tensor(y, dtype=torch.float64)).item()
    assert ref.binary_cross_entropy(y, p) == pytest.approx(expected, rel=1e-10)
    assert np.isfinite(ref.binary_cross_entropy(y, p))


@pytest.mark.parametrize("seed", range(20))
def test_categorical_and_sparse_equal_torch_and_sklearn(seed):
    labels, logits, p, k = _multi(seed)
    one_hot = np.eye(k)[labels]
    from_logits = F.cross_entropy(torch.tensor(logits), torch.tensor(labels)).item()
    nll = F.nll_loss(torch.log(torch.tensor(p)), torch.tensor(labels)).item()
    assert ref.categorical_cross_entropy(one_hot, p) == pytest.approx(from_logits, rel=1e-9)
    assert ref.sparse_categorical_cross_entropy(labels, p) == pytest.approx(nll, rel=1e-9)
    assert ref.sparse_categorical_cross_entropy(labels, p) == pytest.approx(ref.categorical_cross_entropy(one_hot, p), rel=1e-12)
    assert ref.categorical_cross_entropy(one_hot, p) == pytest.approx(metrics.log_loss(labels, p, labels=list(range(k))), rel=1e-9)


def test_categorical_clips_zero_probabilities():
    one_hot = np.eye(3)[[0, 1]]
    p = np.array([[0.0, 1.0, 0.0], [0.2, 0.8, 0.0]])
    clipped = torch.tensor(np.clip(p, EPS, 1 - EPS))
    expected = F.nll_loss(torch.log(clipped), torch.tensor([0, 1])).item()
    assert ref.categorical_cross_entropy(one_hot, p) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("seed", range(20))
def test_mae_and_hinge_equal_sklearn(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 100))
    y, pred = rng.normal(0, 3, n), rng.normal(0, 3, n)
    assert ref.mae(y, pred) == pytest.approx(metrics.mean_absolute_error(y, pred), rel=1e-12)
    labels = rng.integers(0, 2, n)
    labels[:2] = [0, 1]
    scores = rng.normal(0, 2, n)
    assert ref.hinge(labels, scores) == pytest.approx(metrics.hinge_loss(labels, scores), rel=1e-12)
    assert ref.hinge(2 * labels - 1, scores) == pytest.approx(metrics.hinge_loss(2 * labels - 1, scores), rel=1e-12)
