"""A learner who keeps a Python list, a counter and plain floats; returns numpy ints."""
import numpy as np


def early_stopping(val_losses, patience, min_delta=0.0):
    losses = [float(v) for v in val_losses]
    best_value = float("inf")
    best_at = 0
    bad_epochs = 0
    epoch = 0
    while epoch < len(losses):
        if best_value - losses[epoch] > min_delta:
            best_value, best_at, bad_epochs = losses[epoch], epoch, 0
        else:
            bad_epochs += 1
            if bad_epochs == patience:
                break
        epoch += 1
    stop = min(epoch, len(losses) - 1)
    return np.int64(stop), np.int64(best_at)


def epochs_trained(val_losses, patience, min_delta=0.0):
    return int(early_stopping(val_losses, patience, min_delta)[0]) + 1
