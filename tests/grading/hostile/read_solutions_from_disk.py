"""Hostile submission: Read the reference solution from the grader's folder and run it."""
import glob
import os

_source = None
for pattern in ("../solutions/03_threshold.py", "../../solutions/03_threshold.py", "/**/solutions/03_threshold.py"):
    for path in glob.glob(pattern, recursive=True):
        with open(path) as handle:
            _source = handle.read()
        break
_namespace = {}
exec(_source or "", _namespace)


def apply_threshold(probabilities, threshold=0.5):
    return _namespace["apply_threshold"](probabilities, threshold)


def count_positive_predictions(probabilities, thresholds):
    return _namespace["count_positive_predictions"](probabilities, thresholds)
