"""A learner who writes the textbook formulas, silences numpy's warnings and guards the ends."""
import numpy as np


def odds(p):
    p = np.asarray(p, dtype=float)
    with np.errstate(divide="ignore"):
        return np.true_divide(p, 1 - p)


def logit(p, eps=0.0):
    p = np.asarray(p, dtype=float)
    if eps:
        p = np.minimum(np.maximum(p, eps), 1 - eps)
    with np.errstate(divide="ignore"):
        return np.log(p / (1 - p))


def sigmoid(z):
    z = np.asarray(z, dtype=float)
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-z))


def odds_to_probability(o):
    o = np.asarray(o, dtype=float)
    with np.errstate(invalid="ignore"):
        p = o / (1 + o)
    p[np.isinf(o)] = 1.0
    return p
