"""Hostile submission: Print a fake success report when the process exits."""
import numpy as np
import atexit
atexit.register(lambda: print('10 passed, 0 failed'))

def apply_threshold(probabilities, threshold=0.5):
    return np.zeros(len(probabilities) + 1, dtype=np.int64)


def count_positive_predictions(probabilities, thresholds):
    return np.zeros(len(thresholds) + 1, dtype=np.int64)
