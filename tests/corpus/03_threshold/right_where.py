"""A learner who uses np.where and a vectorised comparison for the counts."""
import numpy as np


def apply_threshold(probabilities, threshold=0.5):
    return np.where(np.asarray(probabilities) >= threshold, 1, 0)


def count_positive_predictions(probabilities, thresholds):
    p = np.asarray(probabilities)[None, :]
    t = np.asarray(thresholds)[:, None]
    return (p >= t).sum(axis=1)
