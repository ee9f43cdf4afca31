"""A learner who counts positions as ceil((span + 1) / s) (the same integer as floor(span / s) + 1)
and pools with numpy's sliding_window_view, keeping every stride-th window."""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def conv_output_length(n, kernel_size, padding=0, stride=1, dilation=1):
    if min(kernel_size, stride, dilation) < 1 or padding < 0:
        raise ValueError("잘못된 합성곱 설정입니다")
    span = n + 2 * padding - dilation * (kernel_size - 1) - 1
    if span < 0:
        raise ValueError("출력 길이가 1보다 작습니다")
    return -(-(span + 1) // stride)


def _windows(x, kernel_size, stride):
    x = np.asarray(x, dtype=np.float64)
    if kernel_size > x.shape[-1]:
        raise ValueError("창이 입력보다 깁니다")
    step = kernel_size if stride is None else stride
    return sliding_window_view(x, kernel_size, axis=-1)[..., ::step, :]


def max_pool1d(x, kernel_size, stride=None):
    return np.max(_windows(x, kernel_size, stride), axis=-1)


def avg_pool1d(x, kernel_size, stride=None):
    return np.sum(_windows(x, kernel_size, stride), axis=-1) / kernel_size
