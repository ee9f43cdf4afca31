"""A learner who moves the axis to the end and loops over rows with Python floats."""
import math

import numpy as np


def _rows(z, axis):
    z = np.moveaxis(np.asarray(z, dtype=float), axis, -1)
    return z, z.reshape(-1, z.shape[-1])


def softmax(z, axis=-1):
    moved, rows = _rows(z, axis)
    out = np.empty_like(rows)
    for i, row in enumerate(rows):
        top = max(row)
        exps = [math.exp(v - top) for v in row]
        total = sum(exps)
        out[i] = [e / total for e in exps]
    return np.moveaxis(out.reshape(moved.shape), -1, axis)


def log_softmax(z, axis=-1):
    moved, rows = _rows(z, axis)
    out = np.empty_like(rows)
    for i, row in enumerate(rows):
        top = max(row)
        log_total = math.log(sum(math.exp(v - top) for v in row))
        out[i] = [v - top - log_total for v in row]
    return np.moveaxis(out.reshape(moved.shape), -1, axis)


def predict_class(z, axis=-1):
    moved, rows = _rows(z, axis)
    best = [max(range(len(row)), key=lambda j: row[j]) for row in rows]
    return np.array(best, dtype=np.int64).reshape(moved.shape[:-1])
