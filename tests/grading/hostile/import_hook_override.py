"""Hostile submission: Replace __import__ so later imports return a fake module."""
import numpy as np
import builtins
_real = builtins.__import__
builtins.__import__ = lambda name, *a, **k: _real('types') if name.startswith(('grader', 'pytest')) else _real(name, *a, **k)

def apply_threshold(probabilities, threshold=0.5):
    return np.zeros(len(probabilities) + 1, dtype=np.int64)


def count_positive_predictions(probabilities, thresholds):
    return np.zeros(len(thresholds) + 1, dtype=np.int64)
