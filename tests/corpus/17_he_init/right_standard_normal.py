"""A learner who scales standard draws: rng.normal(0, s) equals s * rng.standard_normal()."""
import math

import numpy as np


def he_normal(fan_in, fan_out, rng):
    return rng.normal(size=(fan_in, fan_out)) * math.sqrt(2 / fan_in)


def he_uniform(fan_in, fan_out, rng):
    a = math.sqrt(6 / fan_in)
    return rng.uniform(low=-a, high=a, size=(fan_in, fan_out))


def xavier_normal(fan_in, fan_out, rng):
    return math.sqrt(2 / (fan_in + fan_out)) * rng.normal(size=(fan_in, fan_out))


def xavier_uniform(fan_in, fan_out, rng):
    a = math.sqrt(6 / (fan_in + fan_out))
    return rng.uniform(-a, a, (fan_in, fan_out))
