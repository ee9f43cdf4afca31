"""A learner who computes the sizes with numpy (numpy integers) and slices a permutation."""
import numpy as np


def split_sizes(n, ratios=(0.6, 0.2, 0.2)):
    r = np.asarray(ratios, dtype=float) / np.sum(ratios)
    n_val, n_test = np.floor(n * r[1:] + 1e-9).astype(np.int64)
    return n - n_val - n_test, n_val, n_test


def train_val_test_split(n, rng, ratios=(0.6, 0.2, 0.2)):
    n_train, n_val, n_test = split_sizes(n, ratios)
    perm = rng.permutation(n)
    train = perm[:n_train]
    val = perm[n_train:][:n_val]
    test = perm[n - n_test:]
    return train, val, test
