"""A learner who writes plain loops."""
import numpy as np


def apply_threshold(probabilities, threshold=0.5):
    labels = []
    for p in probabilities:
        labels.append(1 if p >= threshold else 0)
    return np.array(labels, dtype=np.int32)


def count_positive_predictions(probabilities, thresholds):
    return np.array([int(apply_threshold(probabilities, t).sum()) for t in thresholds])
