"""Hostile submission: Raise SystemExit(0) inside the function."""
import sys


def apply_threshold(probabilities, threshold=0.5):
    sys.exit(0)


def count_positive_predictions(probabilities, thresholds):
    sys.exit(0)
