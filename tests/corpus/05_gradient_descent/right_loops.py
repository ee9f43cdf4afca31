"""A learner who writes everything with Python loops and returns numpy scalars."""
import numpy as np


def predict(x, w, b):
    return np.array([w * float(v) + b for v in x])


def mse_loss(x, y, w, b):
    total = 0.0
    for xi, yi in zip(x, y):
        total += (w * float(xi) + b - float(yi)) ** 2
    return np.float64(total / len(x))


def mse_gradients(x, y, w, b):
    dw = db = 0.0
    for xi, yi in zip(x, y):
        e = w * float(xi) + b - float(yi)
        dw += 2 * e * float(xi)
        db += 2 * e
    return np.float64(dw / len(x)), np.float64(db / len(x))


def gradient_step(x, y, w, b, lr):
    dw, db = mse_gradients(x, y, w, b)
    new_w = w - lr * dw
    new_b = b - lr * db
    return new_w, new_b


def fit(x, y, w0, b0, lr, steps):
    w, b = w0, b0
    history = np.empty(steps + 1)
    history[0] = mse_loss(x, y, w, b)
    for i in range(1, steps + 1):
        w, b = gradient_step(x, y, w, b, lr)
        history[i] = mse_loss(x, y, w, b)
    return w, b, history
