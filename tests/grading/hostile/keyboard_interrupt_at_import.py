"""Hostile submission: Raise KeyboardInterrupt at import."""
import numpy as np
raise KeyboardInterrupt

def apply_threshold(probabilities, threshold=0.5):
    return np.zeros(len(probabilities) + 1, dtype=np.int64)


def count_positive_predictions(probabilities, thresholds):
    return np.zeros(len(thresholds) + 1, dtype=np.int64)
