"""A learner who writes the update element-wise with loops over flattened arrays."""
import numpy as np


def momentum_step(w, v, grad, lr=0.01, beta=0.9):
    w, v, grad = (np.asarray(a, dtype=float) for a in (w, v, grad))
    v_new = np.empty_like(v)
    w_new = np.empty_like(w)
    for i in np.ndindex(w.shape):
        v_new[i] = beta * v[i] - lr * grad[i]
        w_new[i] = w[i] + v_new[i]
    return w_new, v_new


def minimize_quadratic(curvature, w0, lr, beta, steps):
    w, v = np.array(w0, dtype=float), np.zeros(len(w0))
    path = [w.copy()]
    for _ in range(steps):
        w, v = momentum_step(w, v, np.multiply(curvature, w), lr, beta)
        path.append(w.copy())
    return np.stack(path)
