"""Hostile submission: Return the input unchanged."""
def apply_threshold(probabilities, threshold=0.5):
    return probabilities


def count_positive_predictions(probabilities, thresholds):
    return thresholds
