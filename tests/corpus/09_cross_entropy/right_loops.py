"""A learner who loops over samples with math.log and Python floats, skipping the zero one-hot entries."""
import math

import numpy as np


def _clip(v, eps):
    return min(max(float(v), eps), 1 - eps)


def binary_cross_entropy(y_true, p, eps=1e-7):
    y_flat, p_flat = np.ravel(y_true), np.ravel(p)
    total = 0.0
    for y, q in zip(y_flat, p_flat):
        q = _clip(q, eps)
        total += -(y * math.log(q) + (1 - y) * math.log(1 - q))
    return total / len(y_flat)


def categorical_cross_entropy(y_true, p, eps=1e-7):
    total = 0.0
    for row_y, row_p in zip(y_true, p):
        total -= sum(y * math.log(_clip(q, eps)) for y, q in zip(row_y, row_p) if y != 0)
    return total / len(y_true)


def sparse_categorical_cross_entropy(labels, p, eps=1e-7):
    return sum(-math.log(_clip(row[label], eps)) for label, row in zip(labels, p)) / len(labels)


def mae(y_true, y_pred):
    return sum(abs(float(a) - float(b)) for a, b in zip(y_true, y_pred)) / len(y_true)


def hinge(y_true, scores):
    total = 0.0
    for y, s in zip(y_true, scores):
        y = -1.0 if y == 0 else float(y)
        total += max(0.0, 1.0 - y * float(s))
    return total / len(y_true)
