"""Cross-check 11_minibatch against PyTorch's BatchSampler (drop_last=False keeps the last smaller
batch, as the exercise does) and 10_iteration_count's number of iterations, and the mini-batch
epoch against torch.optim.SGD fed the same batches."""

import numpy as np
import pytest
import torch

from grader.course.catalog import load_catalog
from grader.engine.runner import load_reference

catalog = load_catalog()
ref = load_reference(catalog.resolve("11_minibatch"))
iterations = load_reference(catalog.resolve("10_iteration_count"))


@pytest.mark.parametrize("n, batch_size", [(10, 3), (2000, 200), (2050, 200), (5, 10), (6, 1), (7, 7)])
def test_unshuffled_batches_equal_torch_batch_sampler(n, batch_size):
    sampler = torch.utils.data.BatchSampler(torch.utils.data.SequentialSampler(range(n)), batch_size, drop_last=False)
    ours = ref.minibatch_indices(n, batch_size, np.random.default_rng(0), shuffle=False)
    assert [b.tolist() for b in ours] == list(sampler)
    assert len(ours) == iterations.iterations_per_epoch(n, batch_size)
    assert len(ours[-1]) == iterations.last_batch_size(n, batch_size)
    epochs = ref.epoch_batches(n, batch_size, 3, np.random.default_rng(0))
    assert len(epochs) == iterations.total_iterations(n, batch_size, 3)


@pytest.mark.parametrize("batch_size", [1, 4, 7, 100])
def test_epoch_equals_torch_sgd_on_the_same_batches(batch_size):
    rng = np.random.default_rng(batch_size)
    x = rng.normal(size=23)
    y = 2 * x + 1 + rng.normal(0, 0.1, 23)
    w = torch.tensor(0.3, dtype=torch.float64, requires_grad=True)
    b = torch.tensor(-0.1, dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.SGD([w, b], lr=0.05)
    for batch in ref.minibatch_indices(23, batch_size, np.random.default_rng(42)):
        optimizer.zero_grad()
        loss = torch.mean((w * torch.tensor(x[batch]) + b - torch.tensor(y[batch])) ** 2)
        loss.backward()
        optimizer.step()
    got = ref.minibatch_gd_epoch(x, y, 0.3, -0.1, 0.05, batch_size, np.random.default_rng(42))
    assert got == pytest.approx((w.item(), b.item()), rel=1e-10)
