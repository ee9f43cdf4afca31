"""Cross-check 19_momentum against torch.optim.SGD(momentum=β).

PyTorch:  v_t ← β·v_t + g,   w ← w − η·v_t        (v_t starts at 0; its first step is v_t = g)
Notes:    v_n ← β·v_n − η·g, w ← w + v_n
With a constant η, set v_n = −η·v_t. Then β·v_n − η·g = −η(β·v_t + g) = −η·v_t' = v_n', and
w + v_n' = w − η·v_t', so both give the same weights at every step (by induction from v = 0).
The tests check the trajectories and the relation v_n = −η·v_t at every step."""

import numpy as np
import pytest
import torch

from grader.course.catalog import load_catalog
from grader.engine.runner import load_reference


ref = load_reference(load_catalog().resolve("19_momentum"))


@pytest.mark.parametrize("lr,beta", [(0.05, 0.9), (0.1, 0.5), (0.01, 0.99), (0.2, 0.0)])
def test_quadratic_trajectory_matches_torch_sgd(lr, beta):
    curvature, w0, steps = np.array([1.0, 10.0, 0.3]), np.array([-4.0, 1.5, 2.0]), 60
    w = torch.tensor(w0, requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=lr, momentum=beta)
    path = [w0.copy()]
    for _ in range(steps):
        optimizer.zero_grad()
        (0.5 * (torch.tensor(curvature) * w**2).sum()).backward()
        optimizer.step()
        path.append(w.detach().numpy().copy())
    np.testing.assert_allclose(ref.minimize_quadratic(curvature, w0, lr, beta, steps), np.array(path), rtol=1e-10, atol=1e-13)


@pytest.mark.parametrize("seed", range(3))
def test_velocity_is_minus_lr_times_torch_buffer(seed):
    rng = np.random.default_rng(seed)
    lr, beta = 0.03, 0.9
    w_np, v_np = rng.normal(size=(3, 4)), np.zeros((3, 4))
    w = torch.tensor(w_np.copy(), requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=lr, momentum=beta)
    for _ in range(20):
        grad = rng.normal(size=(3, 4))
        w.grad = torch.tensor(grad)
        optimizer.step()
        w_np, v_np = ref.momentum_step(w_np, v_np, grad, lr, beta)
        np.testing.assert_allclose(w_np, w.detach().numpy(), rtol=1e-12, atol=1e-14)
        np.testing.assert_allclose(v_np, -lr * optimizer.state[w]["momentum_buffer"].numpy(), rtol=1e-12, atol=1e-15)
