"""A learner who validates in a different order, counts with integer arithmetic, and pools with
explicit Python loops (max) and a cumulative sum (average)."""
import numpy as np


def conv_output_length(n, kernel_size, padding=0, stride=1, dilation=1):
    if padding < 0:
        raise ValueError("padding이 음수입니다")
    for name, value in (("kernel_size", kernel_size), ("stride", stride), ("dilation", dilation)):
        if value <= 0:
            raise ValueError(f"{name}은(는) 양수여야 합니다")
    effective = dilation * (kernel_size - 1) + 1
    padded = n + 2 * padding
    if effective > padded:
        raise ValueError("필터가 입력보다 깁니다")
    return (padded - effective) // stride + 1


def max_pool1d(x, kernel_size, stride=None):
    x = np.asarray(x, dtype=float)
    step = stride or kernel_size
    length = conv_output_length(x.shape[-1], kernel_size, stride=step)
    out = np.empty(x.shape[:-1] + (length,))
    for i in range(length):
        best = x[..., i * step]
        for j in range(1, kernel_size):
            best = np.maximum(best, x[..., i * step + j])
        out[..., i] = best
    return out


def avg_pool1d(x, kernel_size, stride=None):
    x = np.asarray(x, dtype=float)
    step = kernel_size if stride is None else stride
    length = conv_output_length(x.shape[-1], kernel_size, stride=step)
    zeros = np.zeros(x.shape[:-1] + (1,))
    total = np.concatenate([zeros, np.cumsum(x, axis=-1)], axis=-1)
    starts = np.arange(length) * step
    return (total[..., starts + kernel_size] - total[..., starts]) / kernel_size
