"""Hostile submission: End the process from inside the function."""
import os


def apply_threshold(probabilities, threshold=0.5):
    os._exit(0)


def count_positive_predictions(probabilities, thresholds):
    os._exit(0)
