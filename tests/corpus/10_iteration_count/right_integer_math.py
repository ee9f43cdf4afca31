"""A learner who avoids floats: ceiling division with integers only."""


def iterations_per_epoch(n_samples, batch_size):
    return -(-n_samples // batch_size)


def total_iterations(n_samples, batch_size, epochs):
    return iterations_per_epoch(n_samples, batch_size) * epochs


def last_batch_size(n_samples, batch_size):
    remainder = n_samples % batch_size
    return remainder if remainder else batch_size
