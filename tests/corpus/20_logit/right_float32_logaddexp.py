"""A learner who keeps float32 inputs in float32 and uses logaddexp / reciprocals."""
import numpy as np


def odds(p):
    p = np.asarray(p)
    with np.errstate(divide="ignore"):
        return p / (1 - p)


def logit(p, eps=0.0):
    p = np.clip(np.asarray(p), eps, 1 - eps)
    with np.errstate(divide="ignore"):
        return np.log(p) - np.log(1 - p)


def sigmoid(z):
    z = np.asarray(z)
    return np.exp(-np.logaddexp(0, -z))


def odds_to_probability(o):
    o = np.asarray(o, dtype=float)
    with np.errstate(divide="ignore"):
        return 1.0 / (1.0 + 1.0 / o) if np.all(o > 0) else np.where(o > 0, 1.0 / (1.0 + 1.0 / np.where(o > 0, o, 1.0)), 0.0)
