"""A learner who computes the sizes with exact fractions and shuffles an arange in place."""
from fractions import Fraction

import numpy as np


def split_sizes(n, ratios=(0.6, 0.2, 0.2)):
    parts = [Fraction(str(r)) for r in ratios]
    total = sum(parts)
    n_val = int(n * parts[1] // total)
    n_test = int(n * parts[2] // total)
    return n - n_val - n_test, n_val, n_test


def train_val_test_split(n, rng, ratios=(0.6, 0.2, 0.2)):
    n_train, n_val, n_test = split_sizes(n, ratios)
    order = np.arange(n)
    rng.shuffle(order)  # for a Generator the same stream as rng.permutation(n)
    return np.split(order, [n_train, n_train + n_val])
