"""A learner who uses sliding_window_view + tensordot and keeps float32."""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def conv1d(x, kernel, bias, padding="valid", activation=None):
    x, kernel = np.asarray(x), np.asarray(kernel)
    k = kernel.shape[0]
    if padding == "same":
        x = np.pad(x, [(0, 0), ((k - 1) // 2, k // 2), (0, 0)])
    windows = sliding_window_view(x, k, axis=1)          # (batch, new_steps, channels, k)
    out = np.tensordot(windows, kernel, axes=([3, 2], [0, 1])) + bias
    return np.maximum(out, 0) if activation == "relu" else out


def conv1d_output_length(steps, kernel_size, padding="valid"):
    return np.int64(steps if padding == "same" else steps - kernel_size + 1)


def conv1d_kernel_shape(input_shape, filters, kernel_size):
    batch, steps, channels = input_shape
    return kernel_size, channels, filters


def conv1d_output_shape(input_shape, filters, kernel_size, padding="valid"):
    return input_shape[0], int(conv1d_output_length(input_shape[1], kernel_size, padding)), filters
