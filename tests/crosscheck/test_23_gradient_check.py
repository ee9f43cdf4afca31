"""Cross-check 23_gradient_check against PyTorch autograd: the reference central differences of
the given losses (linear MSE, logistic BCE, exercise 13's network) equal autograd's exact
gradients within the error of the method; torch.autograd.gradcheck accepts the same network; and
the reference gradient check reports tiny errors for autograd's and exercise 13's gradients and
large ones for wrong gradients."""

import numpy as np
import pytest
import torch

from grader.course.catalog import load_catalog
from grader.engine.gradcheck import numerical_gradient
from grader.engine.runner import load_reference

F = torch.nn.functional
ref = load_reference(load_catalog().resolve("23_gradient_check"))
backprop = load_reference(load_catalog().resolve("13_backprop"))


def _linear(seed, loss):
    rng = np.random.default_rng(seed)
    n, d, k = int(rng.integers(1, 20)), int(rng.integers(1, 6)), int(rng.integers(1, 4))
    shape = (d,) if seed % 2 else (d, k)
    x, w = rng.normal(size=(n, d)), rng.normal(size=shape)
    out = (n,) + shape[1:]
    y = rng.integers(0, 2, out).astype(float) if loss == "bce" else rng.normal(size=out)
    return w, x, y


def _autograd_linear(loss, w, x, y):
    wt = torch.tensor(w, requires_grad=True)
    z = torch.tensor(x) @ wt
    value = F.mse_loss(z, torch.tensor(y)) if loss == "mse" else F.binary_cross_entropy_with_logits(z, torch.tensor(y))
    value.backward()
    return value.item(), wt.grad.numpy()


@pytest.mark.parametrize("loss", ["mse", "bce"])
@pytest.mark.parametrize("seed", range(15))
def test_numeric_gradient_of_linear_losses_equals_autograd(loss, seed):
    w, x, y = _linear(seed, loss)
    value, exact = _autograd_linear(loss, w, x, y)
    assert ref.linear_loss(loss, w, x, y) == pytest.approx(value, rel=1e-12)
    numeric = ref.numeric_gradient(loss, w, x, y, h=1e-5)
    np.testing.assert_allclose(numeric, exact, rtol=1e-6, atol=1e-8)
    # the grader's own central differences (grader.engine.gradcheck) agree to rounding
    np.testing.assert_allclose(numeric, numerical_gradient(lambda v: ref.linear_loss(loss, v, x, y), w, 1e-5),
                               rtol=1e-12, atol=1e-12)


def test_central_difference_beats_forward_difference():
    """The error of the central difference shrinks like h², the forward difference's like h."""
    w, x, y = _linear(3, "bce")
    _, exact = _autograd_linear("bce", w, x, y)
    errors = [np.max(np.abs(ref.numeric_gradient("bce", w, x, y, h=h) - exact)) for h in (1e-1, 1e-2)]
    assert errors[1] < errors[0] / 50  # h ten times smaller: error about a hundred times smaller
    forward = np.array([(ref.linear_loss("bce", w + 1e-2 * e.reshape(w.shape), x, y) - ref.linear_loss("bce", w, x, y)) / 1e-2
                        for e in np.eye(w.size)]).reshape(w.shape)
    assert np.max(np.abs(forward - exact)) > 10 * errors[1]


def _network(seed, activation):
    rng = np.random.default_rng(seed)
    n, d, h, k = 6, 3, 5, 2
    while True:
        x, y = rng.normal(size=(n, d)), rng.normal(size=(n, k))
        params = [rng.normal(size=(d, h)) / np.sqrt(d), rng.normal(0, 0.5, h), rng.normal(size=(h, k)) / np.sqrt(h),
                  rng.normal(0, 0.5, k)]
        if activation == "sigmoid" or np.min(np.abs(x @ params[0] + params[1])) > 0.05:
            return x, y, params


def _torch_loss(x, y, activation):
    def loss(W1, b1, W2, b2):
        z1 = torch.tensor(x) @ W1 + b1
        a1 = torch.sigmoid(z1) if activation == "sigmoid" else torch.relu(z1)
        return F.mse_loss(a1 @ W2 + b2, torch.tensor(y))
    return loss


@pytest.mark.parametrize("activation", ["sigmoid", "relu"])
@pytest.mark.parametrize("seed", range(6))
def test_network_numeric_gradients_equal_autograd(activation, seed):
    x, y, params = _network(seed, activation)
    tensors = [torch.tensor(p, requires_grad=True) for p in params]
    value = _torch_loss(x, y, activation)(*tensors)
    value.backward()
    assert ref.network_loss(x, y, *params, activation=activation) == pytest.approx(value.item(), rel=1e-12)
    numeric = ref.network_numeric_gradients(x, y, *params, activation=activation)
    for ours, tensor in zip(numeric, tensors):
        np.testing.assert_allclose(ours, tensor.grad.numpy(), rtol=1e-6, atol=1e-8)
    # torch's own gradient check (central differences, its tolerances) accepts the same network
    inputs = tuple(torch.tensor(p, requires_grad=True) for p in params)
    assert torch.autograd.gradcheck(_torch_loss(x, y, activation), inputs, eps=1e-6, atol=1e-5, rtol=1e-3)


@pytest.mark.parametrize("activation", ["sigmoid", "relu"])
@pytest.mark.parametrize("seed", range(6))
def test_gradient_check_separates_right_from_wrong_gradients(activation, seed):
    x, y, params = _network(seed, activation)
    tensors = [torch.tensor(p, requires_grad=True) for p in params]
    _torch_loss(x, y, activation)(*tensors).backward()
    autograd = tuple(t.grad.numpy() for t in tensors)
    ours = backprop.backward(x, y, *params, activation=activation)
    for analytic in (autograd, ours):
        errors = ref.gradient_check(analytic, x, y, *params, activation=activation)
        assert errors.shape == (4,) and np.all(errors < 1e-6), errors
    halved = ref.gradient_check(tuple(g / 2 for g in autograd), x, y, *params, activation=activation)
    np.testing.assert_allclose(halved, 0.5, rtol=1e-4)
    flipped = ref.gradient_check((-autograd[0], *autograd[1:]), x, y, *params, activation=activation)
    assert flipped[0] == pytest.approx(2.0, rel=1e-4) and np.all(flipped[1:] < 1e-6)


def test_relative_error_is_symmetric_and_bounded():
    rng = np.random.default_rng(0)
    a, b = rng.normal(size=50), rng.normal(size=50)
    np.testing.assert_array_equal(ref.relative_error(a, b), ref.relative_error(b, a))
    assert np.all(ref.relative_error(a, b) <= 2.0)
    np.testing.assert_array_equal(ref.relative_error(np.zeros(3), np.zeros(3)), np.zeros(3))
