"""Hostile submission: Return an array far larger than any answer."""
import numpy as np


def apply_threshold(probabilities, threshold=0.5):
    return np.zeros(200 * 2**20, dtype=np.uint8)


def count_positive_predictions(probabilities, thresholds):
    return np.zeros((2**14, 2**14), dtype=np.int8)
