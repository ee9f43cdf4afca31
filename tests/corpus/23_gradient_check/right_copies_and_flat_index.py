"""A learner who makes two fresh copies per element, walks the flat index, and loops over the
four parameters with an explicit if/else instead of a closure."""
import numpy as np


def linear_loss(loss, w, x, y):
    z = np.asarray(x, dtype=np.float64) @ np.asarray(w, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if loss == "mse":
        return float(np.mean((z - y) ** 2))
    return float(np.mean(np.logaddexp(0.0, z) - y * z))


def network_loss(x, y, W1, b1, W2, b2, activation="sigmoid"):
    z1 = np.asarray(x, dtype=float) @ W1 + b1
    if activation == "sigmoid":
        e = np.exp(-np.abs(z1))
        a1 = np.where(z1 >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    else:
        a1 = np.maximum(z1, 0.0)
    return float(np.mean((a1 @ W2 + b2 - y) ** 2))


def relative_error(a, b, tiny=1e-12):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    scale = np.stack([np.abs(a), np.abs(b), np.full(a.shape, tiny)]).max(axis=0)
    return np.abs(a - b) / scale


def _numeric(f, w, h):
    w = np.asarray(w, dtype=float)
    grad = np.empty(w.size)
    for i in range(w.size):
        plus, minus = w.copy().ravel(), w.copy().ravel()
        plus[i] += h
        minus[i] -= h
        grad[i] = (f(plus.reshape(w.shape)) - f(minus.reshape(w.shape))) / (2 * h)
    return grad.reshape(w.shape)


def numeric_gradient(loss, w, x, y, h=1e-5):
    return _numeric(lambda v: linear_loss(loss, v, x, y), w, h)


def network_numeric_gradients(x, y, W1, b1, W2, b2, activation="sigmoid", h=1e-5):
    dW1 = _numeric(lambda v: network_loss(x, y, v, b1, W2, b2, activation), W1, h)
    db1 = _numeric(lambda v: network_loss(x, y, W1, v, W2, b2, activation), b1, h)
    dW2 = _numeric(lambda v: network_loss(x, y, W1, b1, v, b2, activation), W2, h)
    db2 = _numeric(lambda v: network_loss(x, y, W1, b1, W2, v, activation), b2, h)
    return dW1, db1, dW2, db2


def gradient_check(analytic, x, y, W1, b1, W2, b2, activation="sigmoid", h=1e-5):
    numeric = network_numeric_gradients(x, y, W1, b1, W2, b2, activation, h)
    errors = []
    for a, n in zip(analytic, numeric):
        errors.append(relative_error(a, n).max())
    return np.array(errors, dtype=float)
