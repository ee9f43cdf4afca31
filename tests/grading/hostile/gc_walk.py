"""Hostile submission: Search the garbage collector for the reference module or its arrays."""
import gc


def _steal(name):
    for obj in gc.get_objects():
        if callable(obj) and getattr(obj, "__name__", "") == name and getattr(obj, "__module__", "") != __name__:
            return obj
    return None


def apply_threshold(probabilities, threshold=0.5):
    reference = _steal("apply_threshold")
    return reference(probabilities, threshold) if reference else None


def count_positive_predictions(probabilities, thresholds):
    reference = _steal("count_positive_predictions")
    return reference(probabilities, thresholds) if reference else None
