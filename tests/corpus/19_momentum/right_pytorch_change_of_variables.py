"""A learner who keeps PyTorch's buffer b internally and converts: v = -lr * b."""
import numpy as np


def momentum_step(w, v, grad, lr=0.01, beta=0.9):
    buffer = -np.asarray(v, dtype=float) / lr if lr else np.zeros_like(np.asarray(v, dtype=float))
    buffer = beta * buffer + np.asarray(grad, dtype=float)
    w_new = np.asarray(w, dtype=float) - lr * buffer
    return w_new, -lr * buffer


def minimize_quadratic(curvature, w0, lr, beta, steps):
    w = np.asarray(w0, dtype=float)
    v = np.zeros_like(w)
    positions = np.empty((steps + 1, w.size))
    positions[0] = w
    for step in range(1, steps + 1):
        w, v = momentum_step(w, v, np.asarray(curvature) * w, lr, beta)
        positions[step] = w
    return positions
