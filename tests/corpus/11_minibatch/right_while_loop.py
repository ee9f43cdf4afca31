"""A learner who walks a start pointer with a while loop and returns numpy scalars for (w, b)."""
import numpy as np


def minibatch_indices(n, batch_size, rng, shuffle=True):
    perm = rng.permutation(n) if shuffle else np.arange(n)
    batches, start = [], 0
    while start < n:
        batches.append(perm[start:min(start + batch_size, n)].copy())
        start += batch_size
    return batches


def epoch_batches(n, batch_size, epochs, rng):
    out = []
    for epoch in range(epochs):
        out += minibatch_indices(n, batch_size, rng, shuffle=True)
    return out


def minibatch_gd_epoch(x, y, w, b, lr, batch_size, rng):
    w, b = np.float64(w), np.float64(b)
    for batch in minibatch_indices(len(x), batch_size, rng):
        dw = db = 0.0
        for i in batch:
            e = w * x[i] + b - y[i]
            dw += 2 * e * x[i]
            db += 2 * e
        w, b = w - lr * dw / len(batch), b - lr * db / len(batch)
    return w, b
