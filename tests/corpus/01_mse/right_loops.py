"""A learner who writes loops and returns numpy scalars."""
import numpy as np


def mse(y_true, y_pred):
    y_true, y_pred = np.ravel(y_true), np.ravel(y_pred)
    total = 0.0
    for a, b in zip(y_true, y_pred):
        total += (float(a) - float(b)) ** 2
    return np.float64(total / len(y_true))


def mae(y_true, y_pred):
    y_true, y_pred = np.ravel(y_true), np.ravel(y_pred)
    total = 0.0
    for a, b in zip(y_true, y_pred):
        total += abs(float(a) - float(b))
    return np.float64(total / len(y_true))
