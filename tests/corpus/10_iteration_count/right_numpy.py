"""A learner who uses numpy's integer division (np.divmod on int64) and returns numpy integers."""
import numpy as np


def iterations_per_epoch(n_samples, batch_size):
    quotient, remainder = np.divmod(np.int64(n_samples), np.int64(batch_size))
    return quotient + (remainder > 0)


def total_iterations(n_samples, batch_size, epochs):
    return np.int64(epochs) * iterations_per_epoch(n_samples, batch_size)


def last_batch_size(n_samples, batch_size):
    return np.int64(n_samples) - np.int64(batch_size) * (iterations_per_epoch(n_samples, batch_size) - 1)
