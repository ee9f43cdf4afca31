"""A learner who builds lists with loops (float32 result) and scans each row for the 1."""
import numpy as np


def to_one_hot(labels, num_classes=None):
    labels = [int(v) for v in labels]
    if num_classes is None:
        num_classes = max(labels) + 1
    rows = []
    for label in labels:
        if not 0 <= label < num_classes:
            raise ValueError(f"레이블 {label}이(가) 0 … {num_classes - 1} 밖에 있습니다")
        row = [0.0] * num_classes
        row[label] = 1.0
        rows.append(row)
    return np.array(rows, dtype=np.float32).reshape(len(labels), num_classes)


def from_one_hot(one_hot):
    labels = []
    for row in np.asarray(one_hot):
        for j, value in enumerate(row):
            if value == 1:
                labels.append(j)
                break
    return np.array(labels)
