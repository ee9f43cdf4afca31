"""A learner who writes loops over flattened weights and returns numpy scalars."""
import numpy as np


def l1_penalty(weights, lam):
    total = 0.0
    for w in np.ravel(weights):
        total += abs(float(w))
    return np.float64(lam * total)


def l2_penalty(weights, lam):
    total = 0.0
    for w in np.ravel(weights):
        total += float(w) * float(w)
    return np.float64(lam * total)


def l1_gradient(weights, lam):
    flat = [lam * (1.0 if w > 0 else -1.0 if w < 0 else 0.0) for w in np.ravel(weights)]
    return np.array(flat).reshape(np.shape(weights))


def l2_gradient(weights, lam):
    return np.array([2 * lam * float(w) for w in np.ravel(weights)]).reshape(np.shape(weights))


def regularized_mse(x, y, w, b, l1=0.0, l2=0.0):
    n = len(y)
    pred = [float(np.dot(row, w)) + b for row in x]
    residual = np.array(pred) - np.asarray(y, float)
    loss = float(np.mean(residual ** 2)) + float(l1_penalty(w, l1)) + float(l2_penalty(w, l2))
    dw = np.zeros(len(w))
    for i in range(n):
        dw += 2.0 / n * residual[i] * np.asarray(x[i], float)
    dw += l1_gradient(w, l1) + l2_gradient(w, l2)
    return loss, dw, np.float64(2.0 / n * residual.sum())
