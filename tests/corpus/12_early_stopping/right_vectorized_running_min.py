"""A learner who uses a running minimum of 'improvement' epochs, returning a list."""
import numpy as np


def early_stopping(val_losses, patience, min_delta=0.0):
    losses = np.asarray(val_losses, dtype=float)
    best = np.inf
    last_improvement = 0
    for i in range(losses.size):
        if losses[i] < best - min_delta:
            best = losses[i]
            last_improvement = i
        elif i - last_improvement >= patience:
            return [i, last_improvement]
    return [losses.size - 1, last_improvement]


def epochs_trained(val_losses, patience, min_delta=0.0):
    stop, _ = early_stopping(val_losses, patience, min_delta)
    return len(np.asarray(val_losses)[: stop + 1])
