"""A learner who back-propagates one sample at a time and accumulates, with tanh-based sigmoid."""
import numpy as np


def _act(z, activation):
    if activation == "sigmoid":
        return 0.5 * (1.0 + np.tanh(0.5 * z))
    return np.where(z > 0, z, 0.0)


def forward(x, W1, b1, W2, b2, activation="sigmoid"):
    z1 = np.dot(x, W1) + b1
    a1 = _act(z1, activation)
    return z1, a1, np.dot(a1, W2) + b2


def mse_loss(y_hat, y):
    d = (np.asarray(y_hat, float) - np.asarray(y, float)).ravel()
    return float(d @ d / d.size)


def backward(x, y, W1, b1, W2, b2, activation="sigmoid"):
    x, y = np.asarray(x, float), np.asarray(y, float)
    W1, b1, W2, b2 = (np.asarray(a, float) for a in (W1, b1, W2, b2))
    n, k = y.shape
    gW1, gb1, gW2, gb2 = (np.zeros_like(a) for a in (W1, b1, W2, b2))
    for i in range(n):
        z1 = x[i] @ W1 + b1
        a1 = _act(z1, activation)
        err = 2.0 * (a1 @ W2 + b2 - y[i]) / (n * k)
        gW2 += np.outer(a1, err)
        gb2 += err
        back = W2 @ err
        back = back * (a1 * (1 - a1) if activation == "sigmoid" else (z1 > 0))
        gW1 += np.outer(x[i], back)
        gb1 += back
    return gW1, gb1, gW2, gb2
