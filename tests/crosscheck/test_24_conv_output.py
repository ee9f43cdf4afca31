"""Cross-check 24_conv_output against PyTorch: the reference output length equals the length of
torch.nn.functional.conv1d's output over a grid of (n, kernel_size, padding, stride, dilation),
and raises ValueError exactly where torch refuses the setting (output smaller than 1); max and
average pooling equal F.max_pool1d and F.avg_pool1d (padding 0, ceil_mode=False, default stride =
kernel_size) on seeded inputs of shape (batch, channels, n) and (n,)."""

import itertools

import numpy as np
import pytest
import torch

from grader.course.catalog import load_catalog
from grader.engine.runner import load_reference

F = torch.nn.functional
ref = load_reference(load_catalog().resolve("24_conv_output"))

GRID = list(itertools.product(range(1, 13), range(1, 6), range(0, 3), range(1, 4), range(1, 4)))


def _torch_length(n, k, p, s, d):
    x = torch.zeros(1, 1, n, dtype=torch.float64)
    weight = torch.zeros(1, 1, k, dtype=torch.float64)
    try:
        return F.conv1d(x, weight, padding=p, stride=s, dilation=d).shape[-1]
    except RuntimeError:
        return None


@pytest.mark.parametrize("n", range(1, 13))
def test_output_length_equals_torch_conv1d(n):
    refused = 0
    for _, k, p, s, d in (setting for setting in GRID if setting[0] == n):
        expected = _torch_length(n, k, p, s, d)
        if expected is None:
            refused += 1
            with pytest.raises(ValueError):
                ref.conv_output_length(n, k, padding=p, stride=s, dilation=d)
        else:
            got = ref.conv_output_length(n, k, padding=p, stride=s, dilation=d)
            assert type(got) is int and got == expected, (n, k, p, s, d)
    if n <= 4:
        assert refused > 0  # the grid does reach the invalid settings


def test_output_length_equals_torch_conv1d_layer_on_larger_inputs():
    rng = np.random.default_rng(0)
    for _ in range(200):
        n, k, p, s, d = (int(v) for v in (rng.integers(20, 400), rng.integers(1, 12), rng.integers(0, 6),
                                           rng.integers(1, 8), rng.integers(1, 6)))
        layer = torch.nn.Conv1d(1, 1, k, stride=s, padding=p, dilation=d)
        with torch.no_grad():
            assert ref.conv_output_length(n, k, p, s, d) == layer(torch.zeros(1, 1, n)).shape[-1]


def test_output_length_is_exact_for_huge_inputs():
    n = 10**30 + 7
    assert ref.conv_output_length(n, 5, padding=2, stride=3, dilation=2) == (n + 4 - 8 - 1) // 3 + 1


def _pool_inputs(seed):
    rng = np.random.default_rng(seed)
    k = int(rng.integers(1, 7))
    n = int(rng.integers(k, 40))
    stride = None if seed % 3 == 0 else int(rng.integers(1, 6))
    shape = (int(rng.integers(1, 4)), int(rng.integers(1, 4)), n)
    return rng.normal(0.0, 2.0, shape), k, stride


@pytest.mark.parametrize("seed", range(40))
def test_pooling_equals_torch(seed):
    x, k, stride = _pool_inputs(seed)
    t = torch.tensor(x)
    np.testing.assert_array_equal(ref.max_pool1d(x, k, stride), F.max_pool1d(t, k, stride=stride).numpy())
    np.testing.assert_allclose(ref.avg_pool1d(x, k, stride), F.avg_pool1d(t, k, stride=stride).numpy(),
                               rtol=1e-12, atol=1e-14)
    # a single signal (n,) is pooled like one batch element with one channel
    np.testing.assert_array_equal(ref.max_pool1d(x[0, 0], k, stride), F.max_pool1d(t[:1, :1], k, stride=stride).numpy()[0, 0])


@pytest.mark.parametrize("seed", range(10))
def test_pooled_length_is_the_conv_formula_without_padding(seed):
    x, k, stride = _pool_inputs(seed)
    step = k if stride is None else stride
    assert ref.max_pool1d(x, k, stride).shape[-1] == ref.conv_output_length(x.shape[-1], k, 0, step, 1)
    assert torch.nn.MaxPool1d(k, stride=stride)(torch.tensor(x)).shape[-1] == ref.avg_pool1d(x, k, stride).shape[-1]
