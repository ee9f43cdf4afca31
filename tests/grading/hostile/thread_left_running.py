"""Hostile submission: Start a thread that keeps running after the function returns."""
import numpy as np
import threading
import time


def _spin():
    while True:
        time.sleep(0.001)


threading.Thread(target=_spin, daemon=False).start()

def apply_threshold(probabilities, threshold=0.5):
    return np.zeros(len(probabilities) + 1, dtype=np.int64)


def count_positive_predictions(probabilities, thresholds):
    return np.zeros(len(thresholds) + 1, dtype=np.int64)
