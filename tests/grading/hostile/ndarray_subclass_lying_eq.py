"""Hostile submission: Return an ndarray subclass whose comparisons are always true."""
import numpy as np


class Liar(np.ndarray):
    def __eq__(self, other):
        return np.ones(np.shape(other), dtype=bool)

    def __ne__(self, other):
        return np.zeros(np.shape(other), dtype=bool)


def apply_threshold(probabilities, threshold=0.5):
    return np.zeros(len(probabilities), dtype=np.int64).view(Liar)


def count_positive_predictions(probabilities, thresholds):
    return np.zeros(len(thresholds), dtype=np.int64).view(Liar)
