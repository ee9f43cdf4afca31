"""Cross-check 13_backprop against PyTorch autograd: the reference gradients of the two-layer
network (sigmoid and ReLU hidden layers, MSE averaged over all n·k outputs) equal autograd's."""

import numpy as np
import pytest
import torch

from grader.course.catalog import load_catalog
from grader.engine.runner import load_reference


ref = load_reference(load_catalog().resolve("13_backprop"))


@pytest.mark.parametrize("activation", ["sigmoid", "relu"])
@pytest.mark.parametrize("seed", range(5))
def test_gradients_match_autograd(activation, seed):
    rng = np.random.default_rng(seed)
    n, d, h, k = 7, 4, 5, 3
    x, y = rng.normal(size=(n, d)), rng.normal(size=(n, k))
    params = [rng.normal(size=(d, h)), rng.normal(size=h), rng.normal(size=(h, k)), rng.normal(size=k)]
    tensors = [torch.tensor(p, dtype=torch.float64, requires_grad=True) for p in params]
    W1, b1, W2, b2 = tensors
    z1 = torch.tensor(x) @ W1 + b1
    a1 = torch.sigmoid(z1) if activation == "sigmoid" else torch.relu(z1)
    y_hat = a1 @ W2 + b2
    loss = torch.nn.functional.mse_loss(y_hat, torch.tensor(y))  # reduction='mean' over n·k elements
    loss.backward()

    z1_ref, a1_ref, y_hat_ref = ref.forward(x, *params, activation=activation)
    np.testing.assert_allclose(y_hat_ref, y_hat.detach().numpy(), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(a1_ref, a1.detach().numpy(), rtol=1e-12, atol=1e-12)
    assert ref.mse_loss(y_hat_ref, y) == pytest.approx(loss.item(), rel=1e-12)
    for ours, tensor in zip(ref.backward(x, y, *params, activation=activation), tensors):
        np.testing.assert_allclose(ours, tensor.grad.numpy(), rtol=1e-10, atol=1e-12)


def test_sigmoid_hidden_layer_is_stable_for_huge_inputs():
    x = np.array([[1000.0, -1000.0]])
    _, a1, _ = ref.forward(x, np.eye(2), np.zeros(2), np.ones((2, 1)), np.zeros(1))
    np.testing.assert_array_equal(a1, torch.sigmoid(torch.tensor(x)).numpy())
