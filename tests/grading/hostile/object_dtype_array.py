"""Hostile submission: Return an object-dtype array."""
import numpy as np


def apply_threshold(probabilities, threshold=0.5):
    return np.array([object()] * len(probabilities), dtype=object)


def count_positive_predictions(probabilities, thresholds):
    return np.array([None] * len(thresholds), dtype=object)
