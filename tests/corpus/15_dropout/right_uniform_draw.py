"""A learner who draws the mask with rng.uniform(0, 1, shape): the same numbers as rng.random(shape)."""
import numpy as np


def dropout_forward(x, rate, rng, training=True):
    x = np.array(x, dtype=np.float64)
    if not training:
        return x, np.full(x.shape, True)
    u = rng.uniform(0.0, 1.0, size=x.shape)
    mask = u >= rate
    return np.where(mask, x / (1.0 - rate), 0.0), mask
