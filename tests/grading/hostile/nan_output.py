"""Hostile submission: Return NaN everywhere."""
import numpy as np


def apply_threshold(probabilities, threshold=0.5):
    return np.full(len(probabilities), np.nan)


def count_positive_predictions(probabilities, thresholds):
    return np.full(len(thresholds), np.nan)
