"""Hostile submission: Print 100 MB."""
import sys


def apply_threshold(probabilities, threshold=0.5):
    sys.stdout.write('x' * 10**8)
    return None


def count_positive_predictions(probabilities, thresholds):
    print('y' * 10**8)
    return None
