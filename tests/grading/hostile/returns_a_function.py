"""Hostile submission: Return a callable instead of data."""
def apply_threshold(probabilities, threshold=0.5):
    return lambda *a: True


def count_positive_predictions(probabilities, thresholds):
    return (x for x in thresholds)
