"""A learner who writes the sigmoid with tanh, keeps the input dtype and uses np.where everywhere."""
import numpy as np


def sigmoid(x):
    x = np.asarray(x)
    return 0.5 * (1 + np.tanh(x / 2))


def sigmoid_derivative(x):
    s = sigmoid(x)
    return s * (1 - s)


def relu(x):
    x = np.asarray(x)
    return np.where(x > 0, x, np.zeros_like(x))


def relu_derivative(x):
    return np.where(np.asarray(x) > 0, 1.0, 0.0)


def leaky_relu(x, alpha=0.01):
    x = np.asarray(x)
    return np.maximum(x, alpha * x) if alpha <= 1 else np.where(x > 0, x, alpha * x)


def leaky_relu_derivative(x, alpha=0.01):
    return np.where(np.asarray(x) > 0, 1.0, alpha)


def sigmoid_chain_gradient(x, n_layers):
    values = [np.asarray(x, dtype=float)]
    for _ in range(n_layers):
        values.append(sigmoid(values[-1]))
    grad = np.ones_like(values[0])
    for a in values[:-1]:
        grad *= sigmoid_derivative(a)
    return grad


def max_sigmoid_chain_gradient(n_layers):
    return np.float64(sigmoid_derivative(0.0)) ** n_layers
