"""A learner who computes the statistics with explicit sums (the variance from the centred
values: a one-pass E[x²] − E[x]² fails on data far from 0) and uses the step-by-step
(dvar, dmu) form of the backward pass."""
import numpy as np


def batchnorm_forward_train(x, gamma, beta, eps=1e-5):
    x = np.asarray(x, dtype=np.float64)
    n = x.shape[0]
    mean = x.sum(axis=0) / n
    centered = x - mean
    var = (centered * centered).sum(axis=0) / n
    return gamma * (x - mean) / np.sqrt(var + eps) + beta, mean, var


def update_running_stats(running_mean, running_var, batch_mean, batch_var, momentum=0.99):
    new_mean = running_mean + (1 - momentum) * (np.asarray(batch_mean) - running_mean)
    new_var = running_var + (1 - momentum) * (np.asarray(batch_var) - running_var)
    return new_mean, new_var


def batchnorm_forward_inference(x, gamma, beta, running_mean, running_var, eps=1e-5):
    scale = gamma / np.sqrt(running_var + eps)
    return x * scale + (beta - running_mean * scale)


def batchnorm_backward(dout, x, gamma, eps=1e-5):
    n = x.shape[0]
    mu = x.mean(0)
    inv_std = 1.0 / np.sqrt(((x - mu) ** 2).mean(0) + eps)
    x_hat = (x - mu) * inv_std
    dx_hat = dout * gamma
    dvar = np.sum(dx_hat * (x - mu), axis=0) * -0.5 * inv_std**3
    dmu = np.sum(-dx_hat * inv_std, axis=0) + dvar * np.mean(-2.0 * (x - mu), axis=0)
    dx = dx_hat * inv_std + dvar * 2.0 * (x - mu) / n + dmu / n
    return dx, np.sum(dout * x_hat, axis=0), np.sum(dout, axis=0)
