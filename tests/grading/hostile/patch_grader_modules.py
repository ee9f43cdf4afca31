"""Hostile submission: Install fake grader modules whose compare() never fails."""
import numpy as np
import sys, types
for name in ('grader', 'grader.engine.verdict', 'grader.engine.plugin'):
    module = types.ModuleType(name)
    module.compare = lambda *a, **k: None
    sys.modules[name] = module

def apply_threshold(probabilities, threshold=0.5):
    return np.zeros(len(probabilities) + 1, dtype=np.int64)


def count_positive_predictions(probabilities, thresholds):
    return np.zeros(len(thresholds) + 1, dtype=np.int64)
