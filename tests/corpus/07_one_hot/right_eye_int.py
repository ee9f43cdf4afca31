"""A learner who indexes rows of an identity matrix (integer dtype) and finds the 1 with nonzero."""
import numpy as np


def to_one_hot(labels, num_classes=None):
    labels = np.asarray(labels)
    k = int(labels.max()) + 1 if num_classes is None else num_classes  # int(): uint8 255 + 1 would wrap to 0
    if np.any(labels < 0) or np.any(labels >= k):
        raise ValueError("범위 밖 레이블")
    return np.eye(k, dtype=int)[labels]


def from_one_hot(one_hot):
    rows, cols = np.nonzero(np.asarray(one_hot))
    return cols[np.argsort(rows)]
