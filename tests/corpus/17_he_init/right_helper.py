"""A learner who factors out the variance and derives the uniform limit from it (a = √(3·var))."""
import numpy as np


def _normal(variance, shape, rng):
    return rng.normal(0.0, np.sqrt(variance), size=shape)


def _uniform(variance, shape, rng):
    limit = np.sqrt(3.0 * variance)
    return rng.uniform(-limit, limit, size=shape)


def he_normal(fan_in, fan_out, rng):
    return _normal(2.0 / fan_in, (fan_in, fan_out), rng)


def he_uniform(fan_in, fan_out, rng):
    return _uniform(2.0 / fan_in, (fan_in, fan_out), rng)


def xavier_normal(fan_in, fan_out, rng):
    return _normal(2.0 / (fan_in + fan_out), (fan_in, fan_out), rng)


def xavier_uniform(fan_in, fan_out, rng):
    return _uniform(2.0 / (fan_in + fan_out), (fan_in, fan_out), rng)
