"""Cross-check 08_softmax against PyTorch (torch.softmax, torch.log_softmax, argmax) and SciPy,
including logits large enough to overflow a naive exp."""

import numpy as np
import pytest
import torch
from scipy import special

from grader.course.catalog import load_catalog
from grader.engine.runner import load_reference

ref = load_reference(load_catalog().resolve("08_softmax"))


@pytest.mark.parametrize("scale", [1.0, 30.0, 1000.0])
@pytest.mark.parametrize("axis", [-1, 0, 1])
@pytest.mark.parametrize("seed", range(5))
def test_equals_torch(seed, axis, scale):
    z = np.random.default_rng(seed).normal(0, scale, (6, 4, 5))
    t = torch.tensor(z)
    np.testing.assert_allclose(ref.softmax(z, axis=axis), torch.softmax(t, dim=axis).numpy(), rtol=1e-12, atol=1e-300)
    np.testing.assert_allclose(ref.log_softmax(z, axis=axis), torch.log_softmax(t, dim=axis).numpy(), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(ref.softmax(z, axis=axis), special.softmax(z, axis=axis), rtol=1e-12, atol=1e-300)
    np.testing.assert_array_equal(ref.predict_class(z, axis=axis), torch.argmax(t, dim=axis).numpy())


def test_large_logits_are_finite():
    z = np.array([[1000.0, 0.0, -1000.0], [-1000.0, -1001.0, -1002.0]])
    probabilities = ref.softmax(z)
    assert np.all(np.isfinite(probabilities)) and np.allclose(probabilities.sum(axis=1), 1.0)
    np.testing.assert_allclose(ref.log_softmax(z), torch.log_softmax(torch.tensor(z), dim=-1).numpy(), rtol=1e-12)
