"""A learner who loops over features (columns), builds lists and keeps float32 input as float32."""
import math
import numpy as np


def batchnorm_forward_train(x, gamma, beta, eps=1e-5):
    x = np.asarray(x)
    n, d = x.shape
    out = np.zeros((n, d), dtype=x.dtype)
    means, variances = [], []
    for j in range(d):
        column = x[:, j]
        m = sum(column) / n
        v = sum((c - m) ** 2 for c in column) / n
        out[:, j] = gamma[j] * (column - m) / math.sqrt(v + eps) + beta[j]
        means.append(m)
        variances.append(v)
    return out, np.array(means), np.array(variances)


def update_running_stats(running_mean, running_var, batch_mean, batch_var, momentum=0.99):
    mix = lambda old, new: np.array([momentum * a + (1 - momentum) * b for a, b in zip(old, new)])
    return mix(running_mean, batch_mean), mix(running_var, batch_var)


def batchnorm_forward_inference(x, gamma, beta, running_mean, running_var, eps=1e-5):
    x = np.asarray(x, dtype=float)
    out = np.empty_like(x)
    for j in range(x.shape[1]):
        out[:, j] = gamma[j] * (x[:, j] - running_mean[j]) / math.sqrt(running_var[j] + eps) + beta[j]
    return out


def batchnorm_backward(dout, x, gamma, eps=1e-5):
    x, dout = np.asarray(x, dtype=float), np.asarray(dout, dtype=float)
    n, d = x.shape
    dx = np.zeros((n, d))
    dgamma, dbeta = np.zeros(d), np.zeros(d)
    for j in range(d):
        std = math.sqrt(x[:, j].var() + eps)
        xh = (x[:, j] - x[:, j].mean()) / std
        dbeta[j] = dout[:, j].sum()
        dgamma[j] = (dout[:, j] * xh).sum()
        dx[:, j] = gamma[j] / (n * std) * (n * dout[:, j] - dbeta[j] - xh * dgamma[j])
    return dx, dgamma, dbeta
