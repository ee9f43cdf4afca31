"""A learner who splits positive and negative inputs with masks (stable sigmoid) and loops layers."""
import math
import numpy as np


def sigmoid(x):
    x = np.asarray(x, dtype=np.float64)
    out = np.empty_like(x)
    pos = x >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-x[pos]))
    ex = np.exp(x[~pos])
    out[~pos] = ex / (1.0 + ex)
    return out


def sigmoid_derivative(x):
    return sigmoid(x) * sigmoid(-np.asarray(x, dtype=np.float64))


def relu(x):
    return np.clip(np.asarray(x, dtype=np.float64), 0.0, None)


def relu_derivative(x):
    return np.heaviside(np.asarray(x, dtype=np.float64), 0.0)


def leaky_relu(x, alpha=0.01):
    x = np.asarray(x, dtype=np.float64)
    return x * np.where(x > 0, 1.0, alpha)


def leaky_relu_derivative(x, alpha=0.01):
    d = np.ones(np.shape(x))
    d[np.asarray(x) <= 0] = alpha
    return d


def sigmoid_chain_gradient(x, n_layers):
    a = np.asarray(x, dtype=np.float64)
    grad = np.ones(a.shape)
    layer = 0
    while layer < n_layers:
        s = sigmoid(a)
        grad = grad * s * (1 - s)
        a = s
        layer += 1
    return grad


def max_sigmoid_chain_gradient(n_layers):
    return math.pow(0.25, n_layers)
