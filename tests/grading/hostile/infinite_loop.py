"""Hostile submission: Never return."""
def apply_threshold(probabilities, threshold=0.5):
    while True:
        pass


def count_positive_predictions(probabilities, thresholds):
    while True:
        pass
