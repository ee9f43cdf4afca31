"""A learner who writes four nested loops, pads by hand and returns a list-shaped tuple."""
import numpy as np


def conv1d(x, kernel, bias, padding="valid", activation=None):
    x = np.asarray(x, dtype=float)
    batch, steps, channels = x.shape
    size, _, filters = np.shape(kernel)
    if padding == "same":
        front = (size - 1) // 2
        back = size - 1 - front
        padded = np.zeros((batch, steps + size - 1, channels))
        padded[:, front:front + steps, :] = x
        x = padded
    new_steps = x.shape[1] - size + 1
    out = np.zeros((batch, new_steps, filters))
    for b in range(batch):
        for t in range(new_steps):
            for f in range(filters):
                total = bias[f]
                for j in range(size):
                    for c in range(channels):
                        total += x[b, t + j, c] * kernel[j][c][f]
                out[b, t, f] = max(total, 0.0) if activation == "relu" else total
    return out


def conv1d_output_length(steps, kernel_size, padding="valid"):
    if padding == "valid":
        return steps - (kernel_size - 1)
    return steps


def conv1d_kernel_shape(input_shape, filters, kernel_size):
    return [kernel_size, input_shape[-1], filters]


def conv1d_output_shape(input_shape, filters, kernel_size, padding="valid"):
    return (input_shape[0], conv1d_output_length(input_shape[1], kernel_size, padding), filters)
