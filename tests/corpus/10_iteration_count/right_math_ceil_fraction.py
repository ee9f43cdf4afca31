"""A learner who rounds up an exact fraction (no float on the way)."""
import math
from fractions import Fraction


def iterations_per_epoch(n_samples, batch_size):
    return math.ceil(Fraction(n_samples, batch_size))


def total_iterations(n_samples, batch_size, epochs):
    return epochs * iterations_per_epoch(n_samples, batch_size)


def last_batch_size(n_samples, batch_size):
    return n_samples - (iterations_per_epoch(n_samples, batch_size) - 1) * batch_size
