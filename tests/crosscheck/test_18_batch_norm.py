"""Cross-check 18_batch_norm against torch.nn.functional.batch_norm.

Conventions and their relation, tested below:
- Normalisation in training mode: both use the biased batch variance (divide by N).
- Running averages: Keras/this exercise  r ← m·r + (1 − m)·batch  with m = 0.99;
  PyTorch  r ← (1 − m_t)·r + m_t·batch  with m_t = 0.1. Same rule with m_t = 1 − m.
- running_var: PyTorch accumulates the UNBIASED variance σ²·N/(N − 1); this exercise (like Keras)
  accumulates the biased σ². Feeding our update batch_var·N/(N − 1) reproduces PyTorch exactly;
  feeding σ² differs by exactly m_t·σ²/(N − 1) per step.
"""

import numpy as np
import pytest
import torch

from grader.course.catalog import load_catalog
from grader.engine.runner import load_reference

F = torch.nn.functional


ref = load_reference(load_catalog().resolve("18_batch_norm"))


def _data(seed, n=16, d=5):
    rng = np.random.default_rng(seed)
    return rng.normal(rng.uniform(-3, 3, d), rng.uniform(0.5, 2, d), (n, d)), rng.uniform(0.5, 2, d), rng.normal(size=d)


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("eps", [1e-5, 1e-3])
def test_training_forward_and_running_stats(seed, eps):
    x, gamma, beta = _data(seed)
    n, d = x.shape
    keras_momentum = 0.9
    running_mean_t, running_var_t = torch.zeros(d, dtype=torch.float64), torch.ones(d, dtype=torch.float64)
    out_t = F.batch_norm(torch.tensor(x), running_mean_t, running_var_t, torch.tensor(gamma), torch.tensor(beta),
                         training=True, momentum=1 - keras_momentum, eps=eps)
    out, mean, var = ref.batchnorm_forward_train(x, gamma, beta, eps)
    np.testing.assert_allclose(out, out_t.numpy(), rtol=1e-11, atol=1e-12)
    np.testing.assert_allclose(mean, x.mean(0), rtol=1e-12)
    np.testing.assert_allclose(var, x.var(0), rtol=1e-12)  # biased

    # same momentum rule, PyTorch's unbiased running variance
    rm, rv = ref.update_running_stats(np.zeros(d), np.ones(d), mean, var * n / (n - 1), momentum=keras_momentum)
    np.testing.assert_allclose(rm, running_mean_t.numpy(), rtol=1e-12)
    np.testing.assert_allclose(rv, running_var_t.numpy(), rtol=1e-12)
    # with the biased variance (Keras, this exercise) the difference is exactly m_t·σ²/(N − 1)
    _, rv_biased = ref.update_running_stats(np.zeros(d), np.ones(d), mean, var, momentum=keras_momentum)
    np.testing.assert_allclose(running_var_t.numpy() - rv_biased, (1 - keras_momentum) * var / (n - 1), rtol=1e-9)


def test_running_stats_over_many_batches():
    rng = np.random.default_rng(7)
    d, keras_momentum = 3, 0.99
    rm_t, rv_t = torch.zeros(d, dtype=torch.float64), torch.ones(d, dtype=torch.float64)
    rm, rv = np.zeros(d), np.ones(d)
    for _ in range(50):
        x = rng.normal(2.0, 3.0, (int(rng.integers(2, 40)), d))
        n = len(x)
        F.batch_norm(torch.tensor(x), rm_t, rv_t, training=True, momentum=1 - keras_momentum)
        _, mean, var = ref.batchnorm_forward_train(x, np.ones(d), np.zeros(d))
        rm, rv = ref.update_running_stats(rm, rv, mean, var * n / (n - 1), keras_momentum)
    np.testing.assert_allclose(rm, rm_t.numpy(), rtol=1e-12)
    np.testing.assert_allclose(rv, rv_t.numpy(), rtol=1e-12)


@pytest.mark.parametrize("seed", range(3))
def test_inference_mode(seed):
    x, gamma, beta = _data(seed, n=9)
    rng = np.random.default_rng(100 + seed)
    running_mean, running_var = rng.normal(size=5), rng.uniform(0.1, 3.0, 5)
    out_t = F.batch_norm(torch.tensor(x), torch.tensor(running_mean), torch.tensor(running_var),
                         torch.tensor(gamma), torch.tensor(beta), training=False, eps=1e-5)
    out = ref.batchnorm_forward_inference(x, gamma, beta, running_mean, running_var, 1e-5)
    np.testing.assert_allclose(out, out_t.numpy(), rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("seed", range(4))
def test_backward_matches_autograd(seed):
    x, gamma, beta = _data(seed, n=11)
    dout = np.random.default_rng(seed + 50).normal(size=x.shape)
    tx, tg, tb = (torch.tensor(a, requires_grad=True) for a in (x, gamma, beta))
    out = F.batch_norm(tx, None, None, tg, tb, training=True, eps=1e-5)
    (out * torch.tensor(dout)).sum().backward()
    dx, dgamma, dbeta = ref.batchnorm_backward(dout, x, gamma, 1e-5)
    np.testing.assert_allclose(dx, tx.grad.numpy(), rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(dgamma, tg.grad.numpy(), rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(dbeta, tb.grad.numpy(), rtol=1e-12, atol=1e-12)
