"""Hostile submission: Replace numpy's comparisons so that every comparison says 'equal'."""
import numpy as np
np.allclose = lambda *a, **k: True
np.isclose = lambda a, b, *r, **k: np.ones(np.shape(b), dtype=bool)
np.array_equal = lambda *a, **k: True

def apply_threshold(probabilities, threshold=0.5):
    return np.zeros(len(probabilities) + 1, dtype=np.int64)


def count_positive_predictions(probabilities, thresholds):
    return np.zeros(len(thresholds) + 1, dtype=np.int64)
