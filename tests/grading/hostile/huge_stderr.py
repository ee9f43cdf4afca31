"""Hostile submission: Write 100 MB to stderr."""
import sys


def apply_threshold(probabilities, threshold=0.5):
    sys.stderr.write('x' * 10**8)
    return None


def count_positive_predictions(probabilities, thresholds):
    sys.stderr.write('y' * 10**8)
    return None
