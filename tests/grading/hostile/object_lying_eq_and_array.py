"""Hostile submission: Return an object that claims to equal anything and converts to anything."""
import numpy as np


class Anything:
    shape = ()
    dtype = np.dtype('int64')

    def __eq__(self, other):
        return True

    def __array__(self, dtype=None, copy=None):
        return np.zeros(3, dtype=np.int64)


def apply_threshold(probabilities, threshold=0.5):
    return Anything()


def count_positive_predictions(probabilities, thresholds):
    return Anything()
