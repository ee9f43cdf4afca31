"""Check for 21_conv1d: Keras-layout Conv1D (input (batch, steps, in_channels), kernel
(kernel_size, in_channels, filters), output (batch, new_steps, filters)), stride 1,
cross-correlation (no kernel flip), 'valid' and TensorFlow-style 'same' padding (the extra zero
of an even kernel goes to the end), optional ReLU after the bias; and the shapes Keras gives.

Tolerances: values relative 1e-9, absolute 1e-11 (each output is a sum of up to
kernel_size · in_channels = 84 products; the order of summation differs between loops, einsum
and tensordot); float32 inputs relative and absolute 1e-5 (a learner may keep float32). Shapes and lengths are compared exactly (Integer).
"""

import numpy as np
import pytest

from grader.engine.verdict import Array, Integer, Mistake, Parts, compare, expect, fmt

OUT = Array(rtol=1e-9, atol=1e-11)
OUT32 = Array(rtol=1e-5, atol=1e-5)  # float32 inputs: a learner may keep float32
LENGTH = Integer()
SHAPE = Parts((("0", Integer()), ("1", Integer()), ("2", Integer())))
OUTPUT_SHAPE = Parts((("batch", Integer()), ("new_steps", Integer()), ("filters", Integer())))
KERNEL_SHAPE = Parts((("kernel_size", Integer()), ("in_channels", Integer()), ("filters", Integer())))


def _conv(flip=False, pad_front_extra=False, use_activation=True, use_bias=True, relu_before_bias=False, ignore_same=False):
    """A whole Conv1D holding one misconception (or none, with the defaults)."""
    def run(x, kernel, bias, padding="valid", activation=None):
        x, kernel, bias = (np.asarray(a, dtype=np.float64) for a in (x, kernel, bias))
        size = kernel.shape[0]
        if flip:
            kernel = kernel[::-1]
        if padding == "same" and not ignore_same:
            front = size // 2 if pad_front_extra else (size - 1) // 2
            x = np.pad(x, ((0, 0), (front, size - 1 - front), (0, 0)))
        steps = x.shape[1] - size + 1
        out = sum(np.einsum("btc,cf->btf", x[:, j:j + steps], kernel[j]) for j in range(size))
        if relu_before_bias and activation == "relu":
            return np.maximum(out, 0) + bias
        out = out + bias if use_bias else out
        return np.maximum(out, 0) if activation == "relu" and use_activation else out
    return run


CONV_MISTAKES = (
    Mistake("커널을 뒤집었습니다 (수학의 합성곱). Keras와 PyTorch의 Conv1D는 커널을 뒤집지 않는 교차 상관입니다: "
            "out[t] = Σ_j x[t + j] · kernel[j].", _conv(flip=True), id="kernel-flipped"),
    Mistake("'same'에서 kernel_size가 짝수일 때 남는 0 하나를 앞에 채웠습니다. TensorFlow/Keras는 앞에 (k − 1) // 2개, 남는 것은 뒤에 채웁니다.",
            _conv(pad_front_extra=True), id="same-extra-zero-in-front"),
    Mistake("activation='relu'인데 ReLU를 적용하지 않았습니다.", _conv(use_activation=False), id="relu-not-applied"),
    Mistake("편향(bias)을 더하지 않았습니다.", _conv(use_bias=False), id="bias-missing"),
    Mistake("ReLU를 편향을 더하기 전에 적용했습니다. 순서는 relu(합 + bias)입니다.", _conv(relu_before_bias=True), id="relu-before-bias"),
    Mistake("padding='same'을 무시하고 'valid'처럼 계산했습니다: 양 끝에 0을 채워 길이를 steps로 유지해야 합니다.",
            _conv(ignore_same=True), id="same-ignored"),
)

LENGTH_MISTAKES = (
    Mistake("'valid'의 길이에서 1을 더하지 않았습니다: steps − kernel_size + 1입니다 (필터가 놓일 수 있는 자리의 수).",
            lambda steps, k, padding="valid": steps - k, id="length-valid-missing-plus-one"),
    Mistake("'same'인데 'valid'처럼 줄였습니다. 'same'은 0을 채워 길이를 steps로 유지합니다.",
            lambda steps, k, padding="valid": steps - k + 1, id="length-same-as-valid"),
    Mistake("'valid'에서 길이가 늘었습니다 (steps + kernel_size − 1은 'full' 합성곱의 길이).",
            lambda steps, k, padding="valid": steps if padding == "same" else steps + k - 1, id="length-full-convolution"),
)

OUTPUT_SHAPE_MISTAKES = (
    Mistake("(batch, filters, new_steps) 순서로 반환했습니다 (PyTorch의 channels-first). Keras는 (batch, new_steps, filters)입니다.",
            lambda shape, f, k, padding="valid": (shape[0], f, shape[1] if padding == "same" else shape[1] - k + 1), id="output-shape-channels-first"),
    Mistake("padding과 상관없이 길이를 steps − kernel_size + 1로 계산했습니다. 'same'이면 길이가 그대로입니다.",
            lambda shape, f, k, padding="valid": (shape[0], shape[1] - k + 1, f), id="output-shape-always-valid"),
    Mistake("마지막 축에 입력 채널 수를 그대로 두었습니다. 출력의 채널 수는 filters입니다.",
            lambda shape, f, k, padding="valid": (shape[0], shape[1] if padding == "same" else shape[1] - k + 1, shape[2]), id="output-shape-in-channels-kept"),
)

KERNEL_SHAPE_MISTAKES = (
    Mistake("(1, 28, 3)처럼 (1, in_channels, kernel_size)라고 했습니다. Keras의 커널은 (kernel_size, in_channels, filters)이고, "
            "필터 하나는 (kernel_size, in_channels)입니다.", lambda shape, f, k: (1, shape[2], k), id="kernel-shape-note-layout"),
    Mistake("PyTorch의 배치 (filters, in_channels, kernel_size)로 답했습니다. Keras는 (kernel_size, in_channels, filters)입니다.",
            lambda shape, f, k: (f, shape[2], k), id="kernel-shape-pytorch-layout"),
    Mistake("입력 채널 자리에 steps를 썼습니다. 필터는 steps 축으로 움직이고, 채널 축 전체를 한꺼번에 덮습니다.",
            lambda shape, f, k: (k, shape[1], f), id="kernel-shape-steps-as-channels"),
)


def _layer(rng, batch, steps, channels, filters, size, dtype=np.float64):
    x = rng.normal(size=(batch, steps, channels)).astype(dtype)
    kernel = rng.normal(0.0, 1.0 / np.sqrt(size * channels), (size, channels, filters)).astype(dtype)
    return x, kernel, rng.normal(0.0, 0.3, filters).astype(dtype)


RAMP = np.arange(1.0, 6.0).reshape(1, 5, 1)
FIXED = {
    "손으로 계산: x = 1…5, 커널 [1, 0, −1], valid → [−2, −2, −2]": ((RAMP, np.array([1.0, 0.0, -1.0]).reshape(3, 1, 1), np.zeros(1)), {}),
    "같은 예, same → 양 끝에 0 하나씩": ((RAMP, np.array([1.0, 0.0, -1.0]).reshape(3, 1, 1), np.zeros(1)), {"padding": "same"}),
    "짝수 커널 2, same (0을 뒤에 채움)": ((RAMP, np.array([1.0, 10.0]).reshape(2, 1, 1), np.zeros(1)), {"padding": "same"}),
    "짝수 커널 4, same": ((RAMP, np.array([1.0, 2.0, 3.0, 4.0]).reshape(4, 1, 1), np.array([0.5])), {"padding": "same"}),
    "편향과 ReLU": ((RAMP, np.array([1.0, -2.0, 0.5]).reshape(3, 1, 1), np.array([1.5])), {"activation": "relu"}),
    "편향이 음수인 ReLU": ((RAMP, np.array([0.2, 0.1, 0.3]).reshape(3, 1, 1), np.array([-1.5])), {"activation": "relu"}),
    "커널 크기 1 (채널만 섞음)": ((np.arange(12.0).reshape(2, 3, 2), np.array([[[1.0, 0.0, 2.0], [0.5, -1.0, 1.0]]]), np.zeros(3)), {}),
    "커널이 입력 길이와 같음 (출력 길이 1)": ((RAMP, np.ones((5, 1, 2)), np.array([0.0, 1.0])), {}),
}


@pytest.mark.parametrize("case", list(FIXED))
def test_conv1d_fixed(student, reference, case):
    """conv1d: 손으로 확인할 수 있는 경우들"""
    args, kwargs = FIXED[case]
    compare(student, reference, "conv1d", args, kwargs, case=case, spec=OUT, mistakes=CONV_MISTAKES)


def test_conv1d_note_example(student, reference, rng):
    """conv1d: 기본 예 — 입력 (1, 28, 28), 필터 10개, kernel_size 3, 'same', ReLU"""
    x, kernel, bias = _layer(rng, 1, 28, 28, 10, 3)
    compare(student, reference, "conv1d", (x, kernel, bias), {"padding": "same", "activation": "relu"},
            case="입력 (1, 28, 28), 커널 (3, 28, 10) → 출력 (1, 28, 10)", spec=OUT, mistakes=CONV_MISTAKES)


@pytest.mark.parametrize("padding", ["valid", "same"])
@pytest.mark.parametrize("activation", [None, "relu"])
def test_conv1d_random(student, reference, rng, padding, activation):
    """conv1d: 무작위 입력 (배치, 채널, 필터 여러 개)"""
    for trial in range(8):
        size = int(rng.integers(1, 6))
        steps = int(rng.integers(size, 20))
        batch, channels, filters = (int(v) for v in rng.integers(1, 5, size=3))
        dtype = np.float32 if trial == 7 else np.float64
        x, kernel, bias = _layer(rng, batch, steps, channels, filters, size, dtype)
        compare(student, reference, "conv1d", (x, kernel, bias), {"padding": padding, "activation": activation},
                case=f"무작위 {trial + 1}번째 (입력 {x.shape}, 커널 {kernel.shape}, {padding}, {activation}, {np.dtype(dtype).name})",
                spec=OUT32 if dtype == np.float32 else OUT, mistakes=CONV_MISTAKES)


LENGTH_CASES = [(28, 3, "same"), (28, 3, "valid"), (10, 1, "valid"), (10, 10, "valid"), (7, 4, "same"), (100, 5, "valid")]


@pytest.mark.parametrize("steps,kernel_size,padding", LENGTH_CASES)
def test_output_length(student, reference, steps, kernel_size, padding):
    """conv1d_output_length: 'valid'와 'same'의 출력 길이"""
    compare(student, reference, "conv1d_output_length", (steps, kernel_size, padding),
            case=f"steps={steps}, kernel_size={kernel_size}, padding='{padding}'", spec=LENGTH, mistakes=LENGTH_MISTAKES)


SHAPE_CASES = [((1, 28, 28), 10, 3, "same"), ((1, 28, 28), 10, 3, "valid"), ((32, 100, 8), 16, 5, "valid"),
               ((4, 50, 3), 7, 4, "same")]


@pytest.mark.parametrize("input_shape,filters,kernel_size,padding", SHAPE_CASES)
def test_output_shape(student, reference, input_shape, filters, kernel_size, padding):
    """conv1d_output_shape: Keras Conv1D 출력의 모양 (기본 예 포함)"""
    compare(student, reference, "conv1d_output_shape", (input_shape, filters, kernel_size, padding),
            case=f"입력 {input_shape}, filters={filters}, kernel_size={kernel_size}, padding='{padding}'",
            spec=OUTPUT_SHAPE, mistakes=OUTPUT_SHAPE_MISTAKES)


@pytest.mark.parametrize("input_shape,filters,kernel_size", [((1, 28, 28), 10, 3), ((32, 100, 8), 16, 5), ((2, 9, 1), 4, 2)])
def test_kernel_shape(student, reference, input_shape, filters, kernel_size):
    """conv1d_kernel_shape: Keras Conv1D 커널의 모양 (기본 예 포함)"""
    compare(student, reference, "conv1d_kernel_shape", (input_shape, filters, kernel_size),
            case=f"입력 {input_shape}, filters={filters}, kernel_size={kernel_size}", spec=KERNEL_SHAPE,
            mistakes=KERNEL_SHAPE_MISTAKES)


def test_output_shape_agrees_with_conv1d(student, rng):
    """conv1d와 conv1d_output_shape가 서로 맞음"""
    x, kernel, bias = _layer(rng, 2, 11, 3, 5, 4)
    for padding in ("valid", "same"):
        out = student.call("conv1d", (x, kernel, bias), {"padding": padding})
        shape = student.call("conv1d_output_shape", ((2, 11, 3), 5, 4, padding))
        case = f"입력 (2, 11, 3), 커널 (4, 3, 5), '{padding}'"
        expect(isinstance(shape, (tuple, list)) and len(shape) == 3, "conv1d_output_shape", case,
               f"정수 3개의 튜플을 반환해야 하는데 {fmt(shape)}을(를) 반환했습니다.")
        problems = SHAPE.problems(tuple(np.shape(out)), tuple(int(v) for v in shape))
        expect(not problems, "conv1d / conv1d_output_shape", case,
               f"conv1d 결과의 모양 {np.shape(out)}과 conv1d_output_shape의 답 {tuple(shape)}이 다릅니다.", *problems)
