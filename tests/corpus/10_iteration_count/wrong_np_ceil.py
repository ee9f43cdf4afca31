"""expect: 정수(int)를 반환해야 하는데 실수

A learner who returns np.ceil's float result."""
import numpy as np


def iterations_per_epoch(n_samples, batch_size):
    return np.ceil(n_samples / batch_size)


def total_iterations(n_samples, batch_size, epochs):
    return epochs * iterations_per_epoch(n_samples, batch_size)


def last_batch_size(n_samples, batch_size):
    return n_samples - (iterations_per_epoch(n_samples, batch_size) - 1) * batch_size
