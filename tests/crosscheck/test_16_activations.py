"""Cross-check 16_activations against PyTorch: torch.sigmoid / relu / leaky_relu values and
their autograd derivatives, including the conventions at x = 0 (relu'(0) = 0, leaky'(0) = α)
and the vanishing gradient through stacked sigmoids."""

import numpy as np
import pytest
import torch

from grader.course.catalog import load_catalog
from grader.engine.runner import load_reference

F = torch.nn.functional


ref = load_reference(load_catalog().resolve("16_activations"))
X = np.concatenate([np.array([0.0, -0.0, 1e-300, -1e-300, 40.0, -40.0, 700.0, -700.0, 1000.0, -1000.0]),
                    np.random.default_rng(0).normal(0.0, 5.0, 200)])


def _autograd(function, **kwargs):
    t = torch.tensor(X, requires_grad=True)
    out = function(t, **kwargs)
    out.sum().backward()
    return out.detach().numpy(), t.grad.numpy()


def test_sigmoid_and_derivative():
    value, grad = _autograd(torch.sigmoid)
    np.testing.assert_allclose(ref.sigmoid(X), value, rtol=1e-13, atol=1e-300)
    # torch's backward computes s·(1 − s), which loses relative accuracy for large x (it gives 0 at
    # x = 40 where σ'(40) ≈ 4.2e-18); ours uses e^(−|x|)/(1 + e^(−|x|))², hence the absolute part.
    np.testing.assert_allclose(ref.sigmoid_derivative(X), grad, rtol=1e-10, atol=1e-16)
    assert np.all(np.isfinite(ref.sigmoid(X))) and ref.sigmoid(np.array([-1000.0]))[0] == 0.0


def test_relu_and_derivative():
    value, grad = _autograd(torch.relu)
    np.testing.assert_array_equal(ref.relu(X), value)
    np.testing.assert_array_equal(ref.relu_derivative(X), grad)  # 0 at x = 0, as PyTorch


@pytest.mark.parametrize("alpha", [0.01, 0.2, 0.3])
def test_leaky_relu_and_derivative(alpha):
    value, grad = _autograd(F.leaky_relu, negative_slope=alpha)
    np.testing.assert_allclose(ref.leaky_relu(X, alpha), value, rtol=1e-15, atol=0)
    np.testing.assert_array_equal(ref.leaky_relu_derivative(X, alpha), grad)  # α at x = 0, as PyTorch


def test_default_alpha_is_torch_default():
    np.testing.assert_array_equal(ref.leaky_relu(X), F.leaky_relu(torch.tensor(X)).numpy())


@pytest.mark.parametrize("n_layers", [0, 1, 2, 5, 10, 30])
def test_chain_gradient_matches_autograd(n_layers):
    x = np.linspace(-5.0, 5.0, 41)
    t = torch.tensor(x, requires_grad=True)
    a = t
    for _ in range(n_layers):
        a = torch.sigmoid(a)
    a.sum().backward()
    ours = ref.sigmoid_chain_gradient(x, n_layers)
    np.testing.assert_allclose(ours, t.grad.numpy(), rtol=1e-12, atol=0)
    assert np.all(ours <= ref.max_sigmoid_chain_gradient(n_layers) * (1 + 1e-12))
