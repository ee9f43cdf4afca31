"""A learner who cuts with np.array_split at multiples of batch_size and shuffles an arange in place."""
import numpy as np


def minibatch_indices(n, batch_size, rng, shuffle=True):
    order = np.arange(n)
    if shuffle:
        rng.shuffle(order)
    return np.array_split(order, range(batch_size, n, batch_size))


def epoch_batches(n, batch_size, epochs, rng):
    return [batch for _ in range(epochs) for batch in minibatch_indices(n, batch_size, rng)]


def minibatch_gd_epoch(x, y, w, b, lr, batch_size, rng):
    for batch in minibatch_indices(len(x), batch_size, rng):
        xb, yb = np.asarray(x)[batch], np.asarray(y)[batch]
        residual = w * xb + b - yb
        w, b = w - lr * 2 * np.dot(residual, xb) / len(xb), b - lr * 2 * residual.sum() / len(xb)
    return w, b
