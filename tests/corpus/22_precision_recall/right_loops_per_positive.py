"""A learner who counts with plain Python loops and computes AP as the mean, over the positives, of
the precision at the threshold equal to that positive's score (the same sum, grouped by sample)."""
import numpy as np


def _count(y_true, y_pred):
    tp = fp = fn = 0
    for truth, guess in zip(y_true, y_pred):
        if guess == 1 and truth == 1:
            tp += 1
        elif guess == 1:
            fp += 1
        elif truth == 1:
            fn += 1
    return tp, fp, fn


def precision(y_true, y_pred):
    tp, fp, _ = _count(y_true, y_pred)
    try:
        return tp / (tp + fp)
    except ZeroDivisionError:
        return 0.0


def recall(y_true, y_pred):
    tp, _, fn = _count(y_true, y_pred)
    try:
        return tp / (tp + fn)
    except ZeroDivisionError:
        return 0.0


def f1_score(y_true, y_pred):
    tp, fp, fn = _count(y_true, y_pred)
    denominator = 2 * tp + fp + fn
    return 2 * tp / denominator if denominator else 0.0


def _precision_at(y_true, scores, t):
    chosen = [label for label, score in zip(y_true, scores) if score >= t]
    return sum(1 for label in chosen if label == 1) / len(chosen)


def precision_recall_curve(y_true, scores):
    scores = [float(v) for v in scores]
    labels = [int(v) for v in y_true]
    positives = sum(labels)
    thresholds = sorted(set(scores), reverse=True)
    precisions, recalls = [], []
    for t in thresholds:
        precisions.append(_precision_at(labels, scores, t))
        recalls.append(sum(1 for label, score in zip(labels, scores) if label == 1 and score >= t) / positives)
    return np.array(precisions), np.array(recalls), np.array(thresholds)


def average_precision(y_true, scores):
    labels = [int(v) for v in y_true]
    scores = [float(v) for v in scores]
    at_positives = [_precision_at(labels, scores, score) for label, score in zip(labels, scores) if label == 1]
    return sum(at_positives) / len(at_positives)
