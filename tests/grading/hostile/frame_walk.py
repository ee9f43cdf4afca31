"""Hostile submission: Look for the expected answer in the callers' frames."""
import sys


def _steal():
    frame = sys._getframe(1)
    while frame is not None:
        for name in ("expected", "reference", "want"):
            if name in frame.f_locals:
                return frame.f_locals[name]
        frame = frame.f_back
    return None


def apply_threshold(probabilities, threshold=0.5):
    return _steal()


def count_positive_predictions(probabilities, thresholds):
    return _steal()
