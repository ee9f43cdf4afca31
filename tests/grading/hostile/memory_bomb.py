"""Hostile submission: Allocate 10 GiB."""
import numpy as np


def apply_threshold(probabilities, threshold=0.5):
    return np.ones(10 * 2**30, dtype=np.uint8)


def count_positive_predictions(probabilities, thresholds):
    blocks = []
    while True:
        blocks.append(bytearray(2**28))
