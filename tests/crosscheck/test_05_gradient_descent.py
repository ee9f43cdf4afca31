"""Cross-check 05_gradient_descent against PyTorch: autograd's gradient of the MSE with respect to
w and b, one torch.optim.SGD step, a whole run, and the least-squares optimum."""

import numpy as np
import pytest
import torch

from grader.course.catalog import load_catalog
from grader.engine.runner import load_reference

ref = load_reference(load_catalog().resolve("05_gradient_descent"))


def _data(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 80))
    x = rng.normal(0, 2, n)
    y = rng.normal() * x + rng.normal() + rng.normal(0, 0.5, n)
    return x, y, float(rng.normal()), float(rng.normal())


def _torch_loss(x, y, w, b):
    return torch.mean((w * torch.tensor(x) + b - torch.tensor(y)) ** 2)


@pytest.mark.parametrize("seed", range(30))
def test_gradients_equal_autograd(seed):
    x, y, w0, b0 = _data(seed)
    w = torch.tensor(w0, dtype=torch.float64, requires_grad=True)
    b = torch.tensor(b0, dtype=torch.float64, requires_grad=True)
    loss = _torch_loss(x, y, w, b)
    loss.backward()
    dw, db = ref.mse_gradients(x, y, w0, b0)
    assert ref.mse_loss(x, y, w0, b0) == pytest.approx(loss.item(), rel=1e-12)
    assert dw == pytest.approx(w.grad.item(), rel=1e-10, abs=1e-12)
    assert db == pytest.approx(b.grad.item(), rel=1e-10, abs=1e-12)


@pytest.mark.parametrize("seed", range(5))
def test_fit_equals_torch_sgd(seed):
    x, y, w0, b0 = _data(seed)
    lr, steps = 0.01, 50
    w = torch.tensor(w0, dtype=torch.float64, requires_grad=True)
    b = torch.tensor(b0, dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.SGD([w, b], lr=lr)
    losses = []
    for _ in range(steps):
        optimizer.zero_grad()
        loss = _torch_loss(x, y, w, b)
        losses.append(loss.item())
        loss.backward()
        optimizer.step()
    losses.append(_torch_loss(x, y, w, b).item())
    w_ref, b_ref, losses_ref = ref.fit(x, y, w0, b0, lr, steps)
    assert ref.gradient_step(x, y, w0, b0, lr) == pytest.approx(ref.fit(x, y, w0, b0, lr, 1)[:2], rel=1e-15)
    assert (w_ref, b_ref) == pytest.approx((w.item(), b.item()), rel=1e-9, abs=1e-12)
    np.testing.assert_allclose(losses_ref, losses, rtol=1e-9)


def test_fit_reaches_least_squares():
    rng = np.random.default_rng(0)
    x = rng.uniform(-1, 1, 200)
    y = 3 * x - 1 + rng.normal(0, 0.1, 200)
    w, b, _ = ref.fit(x, y, 0.0, 0.0, 0.5, 300)
    (w_ls, b_ls), *_ = np.linalg.lstsq(np.column_stack([x, np.ones_like(x)]), y, rcond=None)
    assert (w, b) == pytest.approx((w_ls, b_ls), rel=1e-8)
