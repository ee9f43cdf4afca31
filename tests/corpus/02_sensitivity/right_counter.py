"""A learner who counts with a loop and a dictionary."""
import numpy as np


def confusion_matrix(y_true, y_pred):
    counts = {(1, 1): 0, (1, 0): 0, (0, 1): 0, (0, 0): 0}
    for actual, predicted in zip(y_true, y_pred):
        counts[(int(actual), int(predicted))] += 1
    return np.array([[counts[1, 1], counts[1, 0]], [counts[0, 1], counts[0, 0]]])


def accuracy(y_true, y_pred):
    matrix = confusion_matrix(y_true, y_pred)
    return np.trace(matrix) / matrix.sum()


def sensitivity(y_true, y_pred):
    (tp, fn), _ = confusion_matrix(y_true, y_pred)
    return tp / (tp + fn) if tp + fn > 0 else 0.0


def specificity(y_true, y_pred):
    _, (fp, tn) = confusion_matrix(y_true, y_pred)
    return tn / (tn + fp) if tn + fp > 0 else 0.0
