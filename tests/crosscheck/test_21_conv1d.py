"""Cross-check 21_conv1d against torch.nn.functional.conv1d.

Layouts: Keras input (batch, steps, channels) ↔ torch (batch, channels, steps);
Keras kernel (kernel_size, in_channels, filters) ↔ torch weight (filters, in_channels, kernel_size).
Both libraries compute cross-correlation (no kernel flip). For 'same' with an even kernel, torch's
padding='same' also puts the extra zero at the end, like TensorFlow."""

import numpy as np
import pytest
import torch

from grader.course.catalog import load_catalog
from grader.engine.runner import load_reference

F = torch.nn.functional
pytestmark = pytest.mark.filterwarnings("ignore:Using padding=.same. with even kernel lengths")


ref = load_reference(load_catalog().resolve("21_conv1d"))


def _torch_conv(x, kernel, bias, padding, activation):
    out = F.conv1d(torch.tensor(x).permute(0, 2, 1), torch.tensor(kernel).permute(2, 1, 0), torch.tensor(bias),
                   padding=padding)
    if activation == "relu":
        out = torch.relu(out)
    return out.permute(0, 2, 1).numpy()


@pytest.mark.parametrize("padding", ["valid", "same"])
@pytest.mark.parametrize("kernel_size", [1, 2, 3, 4, 5])
@pytest.mark.parametrize("activation", [None, "relu"])
def test_values_and_shapes_match_torch(padding, kernel_size, activation):
    rng = np.random.default_rng(kernel_size)
    x = rng.normal(size=(3, 17, 4))
    kernel, bias = rng.normal(size=(kernel_size, 4, 6)), rng.normal(size=6)
    ours = ref.conv1d(x, kernel, bias, padding, activation)
    theirs = _torch_conv(x, kernel, bias, padding, activation)
    assert ours.shape == theirs.shape == ref.conv1d_output_shape(x.shape, 6, kernel_size, padding)
    np.testing.assert_allclose(ours, theirs, rtol=1e-11, atol=1e-12)


def test_note_example_shapes():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(1, 28, 28))
    conv = torch.nn.Conv1d(in_channels=28, out_channels=10, kernel_size=3, padding="same", dtype=torch.float64)
    # torch keeps (filters, in_channels, kernel_size) = (10, 28, 3); Keras keeps (3, 28, 10)
    assert tuple(conv.weight.shape) == (10, 28, 3)
    assert ref.conv1d_kernel_shape((1, 28, 28), 10, 3) == (3, 28, 10)
    kernel = conv.weight.detach().numpy().transpose(2, 1, 0)
    bias = conv.bias.detach().numpy()
    same = ref.conv1d(x, kernel, bias, "same", "relu")
    theirs = torch.relu(conv(torch.tensor(x).permute(0, 2, 1))).permute(0, 2, 1).detach().numpy()
    assert same.shape == (1, 28, 10) == ref.conv1d_output_shape((1, 28, 28), 10, 3, "same")
    np.testing.assert_allclose(same, theirs, rtol=1e-11, atol=1e-12)
    assert ref.conv1d(x, kernel, bias, "valid").shape == (1, 26, 10) == ref.conv1d_output_shape((1, 28, 28), 10, 3, "valid")


def test_no_kernel_flip():
    x = np.arange(1.0, 6.0).reshape(1, 5, 1)
    kernel = np.array([1.0, 0.0, -1.0]).reshape(3, 1, 1)
    np.testing.assert_array_equal(ref.conv1d(x, kernel, np.zeros(1))[0, :, 0], [-2.0, -2.0, -2.0])
    np.testing.assert_array_equal(_torch_conv(x, kernel, np.zeros(1), "valid", None)[0, :, 0], [-2.0, -2.0, -2.0])
