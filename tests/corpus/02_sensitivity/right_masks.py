"""A learner who works with boolean masks and numpy integers."""
import numpy as np


def confusion_matrix(y_true, y_pred):
    actual = np.asarray(y_true).astype(bool)
    predicted = np.asarray(y_pred).astype(bool)
    tp = np.count_nonzero(actual & predicted)
    fn = np.count_nonzero(actual & ~predicted)
    fp = np.count_nonzero(~actual & predicted)
    tn = np.count_nonzero(~actual & ~predicted)
    return np.array([[tp, fn], [fp, tn]], dtype=np.int32)


def accuracy(y_true, y_pred):
    return np.mean(np.asarray(y_true) == np.asarray(y_pred))


def sensitivity(y_true, y_pred):
    actual = np.asarray(y_true) == 1
    if not actual.any():
        return 0.0
    return np.mean(np.asarray(y_pred)[actual] == 1)


def specificity(y_true, y_pred):
    actual = np.asarray(y_true) == 0
    if not actual.any():
        return 0.0
    return np.mean(np.asarray(y_pred)[actual] == 0)
