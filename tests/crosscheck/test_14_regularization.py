"""Cross-check 14_regularization against PyTorch: autograd of the L1/L2 penalties and of the
regularised linear-regression loss, and the relation to SGD's weight_decay.

This exercise uses the Keras convention L2 = λ·Σw² (gradient 2λw). torch.optim.SGD(weight_decay=wd)
adds wd·w to the gradient, i.e. it minimises the loss + (wd/2)·Σw²: weight_decay = 2λ."""

import numpy as np
import pytest
import torch

from grader.course.catalog import load_catalog
from grader.engine.runner import load_reference


ref = load_reference(load_catalog().resolve("14_regularization"))


@pytest.mark.parametrize("seed", range(5))
def test_penalty_gradients_match_autograd(seed):
    rng = np.random.default_rng(seed)
    w = rng.normal(size=(4, 3))
    w[0, 0] = 0.0  # torch.abs has sign(0) = 0 as its gradient, like np.sign
    lam = float(rng.uniform(0.01, 1.0))
    t = torch.tensor(w, requires_grad=True)
    l1 = lam * t.abs().sum()
    l1.backward()
    assert ref.l1_penalty(w, lam) == pytest.approx(l1.item(), rel=1e-12)
    np.testing.assert_allclose(ref.l1_gradient(w, lam), t.grad.numpy(), rtol=1e-12)
    t.grad = None
    l2 = lam * (t**2).sum()
    l2.backward()
    assert ref.l2_penalty(w, lam) == pytest.approx(l2.item(), rel=1e-12)
    np.testing.assert_allclose(ref.l2_gradient(w, lam), t.grad.numpy(), rtol=1e-12)


@pytest.mark.parametrize("seed", range(5))
def test_regularized_mse_matches_autograd(seed):
    rng = np.random.default_rng(seed)
    x, y, w, b = rng.normal(size=(20, 5)), rng.normal(size=20), rng.normal(size=5), float(rng.normal())
    l1, l2 = 0.03, 0.2
    tw, tb = torch.tensor(w, requires_grad=True), torch.tensor(b, dtype=torch.float64, requires_grad=True)
    pred = torch.tensor(x) @ tw + tb
    loss = torch.mean((pred - torch.tensor(y)) ** 2) + l1 * tw.abs().sum() + l2 * (tw**2).sum()  # bias not penalised
    loss.backward()
    ours_loss, ours_dw, ours_db = ref.regularized_mse(x, y, w, b, l1, l2)
    assert ours_loss == pytest.approx(loss.item(), rel=1e-12)
    np.testing.assert_allclose(ours_dw, tw.grad.numpy(), rtol=1e-10, atol=1e-13)
    assert ours_db == pytest.approx(tb.grad.item(), rel=1e-10, abs=1e-13)


def test_sgd_weight_decay_is_twice_lambda():
    rng = np.random.default_rng(0)
    x, y, w0 = rng.normal(size=(30, 4)), rng.normal(size=30), rng.normal(size=4)
    lam, lr = 0.05, 0.1
    tw = torch.tensor(w0, requires_grad=True)
    optimizer = torch.optim.SGD([tw], lr=lr, weight_decay=2 * lam)
    w = w0.copy()
    for _ in range(25):
        optimizer.zero_grad()
        torch.mean((torch.tensor(x) @ tw - torch.tensor(y)) ** 2).backward()  # data loss only
        optimizer.step()
        _, dw, _ = ref.regularized_mse(x, y, w, 0.0, l2=lam)  # data loss + λΣw²
        w = w - lr * dw
    np.testing.assert_allclose(w, tw.detach().numpy(), rtol=1e-10, atol=1e-12)
