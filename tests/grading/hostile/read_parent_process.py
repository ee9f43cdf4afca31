"""Hostile submission: Read the grader's memory and environment through /proc."""
import os


def _peek():
    for path in ('/proc/1/environ', f'/proc/{os.getppid()}/cmdline', '/proc/self/../1/mem'):
        try:
            with open(path, 'rb') as handle:
                handle.read(100)
        except OSError:
            pass
    return None


def apply_threshold(probabilities, threshold=0.5):
    return _peek()


def count_positive_predictions(probabilities, thresholds):
    return _peek()
