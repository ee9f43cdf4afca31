"""A learner who permutes an explicit index array and splits it with np.split (the same draw as
rng.permutation(n))."""
import math

import numpy as np


def split_sizes(n, ratios=(0.6, 0.2, 0.2)):
    total = sum(ratios)
    sizes = [math.floor(n * r / total + 1e-9) for r in ratios[1:]]
    return (n - sum(sizes), *sizes)


def train_val_test_split(n, rng, ratios=(0.6, 0.2, 0.2)):
    n_train, n_val, _ = split_sizes(n, ratios)
    order = rng.permutation(np.arange(n))
    train, val, test = np.split(order, [n_train, n_train + n_val])
    return train, val, test
