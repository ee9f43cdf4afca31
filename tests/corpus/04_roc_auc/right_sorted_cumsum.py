"""A learner who sorts once, counts with cumulative sums and keeps the last index of each tie block."""
import numpy as np


def roc_curve(y_true, scores):
    y = np.asarray(y_true)
    s = np.asarray(scores, dtype=float)
    order = np.argsort(-s, kind="mergesort")
    s, y = s[order], y[order]
    tps = np.cumsum(y == 1)
    fps = np.cumsum(y == 0)
    last_of_tie = np.r_[np.nonzero(np.diff(s))[0], len(s) - 1]
    tpr = np.r_[0, tps[last_of_tie]] / tps[-1]
    fpr = np.r_[0, fps[last_of_tie]] / fps[-1]
    return fpr, tpr, np.r_[np.inf, s[last_of_tie]]


def auc(x, y):
    area = 0.0
    for i in range(len(x) - 1):
        area += (x[i + 1] - x[i]) * (y[i] + y[i + 1]) / 2
    return np.float64(area)


def roc_auc(y_true, scores):
    fpr, tpr, _ = roc_curve(y_true, scores)
    return np.trapezoid(tpr, fpr)
