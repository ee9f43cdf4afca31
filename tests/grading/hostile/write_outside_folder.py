"""Hostile submission: Write a file outside the working folder."""
import numpy as np
def _plant():
    for path in ('/tmp/learn-hostile-was-here', '../planted.py', '/etc/learn-hostile'):
        try:
            with open(path, 'w') as handle:
                handle.write('pwned')
        except OSError:
            pass


_plant()

def apply_threshold(probabilities, threshold=0.5):
    return np.zeros(len(probabilities) + 1, dtype=np.int64)


def count_positive_predictions(probabilities, thresholds):
    return np.zeros(len(thresholds) + 1, dtype=np.int64)
