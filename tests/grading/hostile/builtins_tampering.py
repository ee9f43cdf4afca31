"""Hostile submission: Make isinstance and len lie."""
import numpy as np
import builtins
builtins.isinstance = lambda *a: True
builtins.len = lambda x: 0

def apply_threshold(probabilities, threshold=0.5):
    return np.zeros(3, dtype=np.int64)


def count_positive_predictions(probabilities, thresholds):
    return np.zeros(3, dtype=np.int64)
