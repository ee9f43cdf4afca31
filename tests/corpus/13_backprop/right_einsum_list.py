"""A learner who uses einsum, keeps float32 inputs' precision in float64 and returns a list."""
import numpy as np


def forward(x, W1, b1, W2, b2, activation="sigmoid"):
    x, W1, b1, W2, b2 = (np.asarray(a, np.float64) for a in (x, W1, b1, W2, b2))
    z1 = np.einsum("nd,dh->nh", x, W1) + b1
    if activation == "sigmoid":
        a1 = np.exp(-np.logaddexp(0.0, -z1))
    else:
        a1 = z1 * (z1 > 0)
    return z1, a1, np.einsum("nh,hk->nk", a1, W2) + b2


def mse_loss(y_hat, y):
    return np.mean(np.square(np.subtract(y_hat, y)))


def backward(x, y, W1, b1, W2, b2, activation="sigmoid"):
    z1, a1, y_hat = forward(x, W1, b1, W2, b2, activation)
    g = 2 * (y_hat - np.asarray(y, np.float64)) / np.size(y_hat)
    local = a1 * (1 - a1) if activation == "sigmoid" else np.heaviside(z1, 0.0)
    g1 = np.einsum("nk,hk->nh", g, np.asarray(W2, np.float64)) * local
    return [np.einsum("nd,nh->dh", np.asarray(x, np.float64), g1), g1.sum(0),
            np.einsum("nh,nk->hk", a1, g), g.sum(0)]
