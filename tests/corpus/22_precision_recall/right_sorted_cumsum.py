"""A learner who sorts once, counts with cumulative sums and keeps the last index of each tie block."""
import numpy as np


def precision(y_true, y_pred):
    predicted = np.asarray(y_pred) == 1
    if not predicted.any():
        return 0.0
    return float(np.mean(np.asarray(y_true)[predicted] == 1))


def recall(y_true, y_pred):
    actual = np.asarray(y_true) == 1
    if not actual.any():
        return 0.0
    return float(np.mean(np.asarray(y_pred)[actual] == 1))


def f1_score(y_true, y_pred):
    p, r = precision(y_true, y_pred), recall(y_true, y_pred)
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def precision_recall_curve(y_true, scores):
    y = np.asarray(y_true)
    s = np.asarray(scores, dtype=float)
    order = np.argsort(-s, kind="mergesort")
    s, y = s[order], y[order]
    tps = np.cumsum(y == 1)
    last_of_tie = np.r_[np.nonzero(np.diff(s))[0], len(s) - 1]
    tp = tps[last_of_tie]
    return tp / (last_of_tie + 1.0), tp / tps[-1], s[last_of_tie]


def average_precision(y_true, scores):
    p, r, _ = precision_recall_curve(y_true, scores)
    return np.float64(np.dot(np.diff(np.r_[0.0, r]), p))
