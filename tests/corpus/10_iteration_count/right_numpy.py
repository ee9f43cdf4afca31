"""A learner who uses numpy and converts the result back to int."""
import numpy as np


def iterations_per_epoch(n_samples, batch_size):
    return int(np.ceil(n_samples / batch_size))


def total_iterations(n_samples, batch_size, epochs):
    return np.int64(epochs) * iterations_per_epoch(n_samples, batch_size)


def last_batch_size(n_samples, batch_size):
    return int(n_samples - batch_size * (iterations_per_epoch(n_samples, batch_size) - 1))
