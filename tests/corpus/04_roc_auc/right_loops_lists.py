"""A learner who walks the thresholds with plain Python loops and builds lists first."""
import numpy as np


def roc_curve(y_true, scores):
    pairs = list(zip([float(v) for v in scores], [int(v) for v in y_true]))
    positives = sum(1 for _, label in pairs if label == 1)
    negatives = len(pairs) - positives
    thresholds = [float("inf")] + sorted(set(score for score, _ in pairs), reverse=True)
    fpr, tpr = [], []
    for t in thresholds:
        tp = sum(1 for score, label in pairs if score >= t and label == 1)
        fp = sum(1 for score, label in pairs if score >= t and label == 0)
        tpr.append(tp / positives)
        fpr.append(fp / negatives)
    return np.array(fpr), np.array(tpr), np.array(thresholds)


def auc(x, y):
    x = np.asarray(x)
    return float(np.sum(np.diff(x) * (np.asarray(y)[1:] + np.asarray(y)[:-1])) / 2)


def roc_auc(y_true, scores):
    # the probability that a random positive outranks a random negative, ties counting half
    s = np.asarray(scores, dtype=float)
    y = np.asarray(y_true)
    pos, neg = s[y == 1], s[y == 0]
    wins = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return wins / (len(pos) * len(neg))
