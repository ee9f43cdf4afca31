"""Hostile submission: Sleep instead of answering."""
import time


def apply_threshold(probabilities, threshold=0.5):
    time.sleep(100)


def count_positive_predictions(probabilities, thresholds):
    time.sleep(100)
