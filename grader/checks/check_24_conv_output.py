"""Check for 24_conv_output: the output length of a 1-D convolution with padding, stride and
dilation, floor((n + 2p - d(k - 1) - 1) / s) + 1 in exact integer arithmetic, with ValueError for
invalid settings (kernel_size, stride or dilation below 1, negative padding, or a result below 1);
and 1-D max and average pooling along the last axis without padding (stride defaults to
kernel_size, the partial window at the end is dropped, as PyTorch's ceil_mode=False).

Tolerances: lengths are compared exactly (Integer: a float such as 5.0 is refused with a reason).
Max pooling returns input values themselves and is compared with relative 1e-12, absolute 0
(exact in practice); average pooling is a mean of kernel_size values, compared with relative
1e-12, absolute 1e-12 (np.mean and a sum divided by k differ in the last bits; a difference of
cumulative sums loses up to about 1e-14 absolute on these inputs of magnitude below 10, which
matters for window means near 0; every misconception changes some value by 0.1 or more).
The ValueError tests accept any ValueError (the message is the learner's); another exception
type or a returned value fails with an explanation.
"""

import math

import numpy as np
import pytest

from grader.engine.student import StudentError
from grader.engine.verdict import Array, Integer, Mistake, compare, expect, fmt

LENGTH = Integer()
MAX = Array(rtol=1e-12, atol=0.0)
AVERAGE = Array(rtol=1e-12, atol=1e-12)


def _length(rule):
    def run(n, kernel_size, padding=0, stride=1, dilation=1):
        return int(rule(n, kernel_size, padding, stride, dilation))
    return run


LENGTH_MISTAKES = (
    Mistake("내림 대신 올림을 했습니다. 끝에 남는 자투리에는 필터가 다 들어가지 않으므로 그 위치는 세지 않습니다: "
            "floor((n + 2p − d(k − 1) − 1) / s) + 1입니다.",
            _length(lambda n, k, p, s, d: math.ceil((n + 2 * p - d * (k - 1) - 1) / s) + 1), id="ceil-instead-of-floor"),
    Mistake("padding을 한쪽에만 더했습니다. 0은 앞과 뒤에 p개씩 붙으므로 2p를 더합니다.",
            _length(lambda n, k, p, s, d: (n + p - d * (k - 1) - 1) // s + 1), id="padding-counted-once"),
    Mistake("dilation을 무시했습니다. 원소 사이를 d − 1칸씩 띄운 필터가 덮는 폭은 d(k − 1) + 1입니다.",
            _length(lambda n, k, p, s, d: (n + 2 * p - (k - 1) - 1) // s + 1), id="dilation-ignored"),
    Mistake("dilation을 적용한 필터의 폭을 d · k로 계산했습니다. 원소 k개 사이의 간격은 k − 1개이므로 폭은 d(k − 1) + 1입니다.",
            _length(lambda n, k, p, s, d: (n + 2 * p - d * k) // s + 1), id="dilation-times-kernel"),
    Mistake("마지막에 1을 더하지 않았습니다. 첫 위치(0)도 하나의 출력이므로 floor(…) + 1입니다.",
            _length(lambda n, k, p, s, d: (n + 2 * p - d * (k - 1) - 1) // s), id="missing-plus-one"),
    Mistake("stride로 나누지 않았습니다. 필터가 s칸씩 움직이므로 위치의 수는 floor(… / s) + 1입니다.",
            _length(lambda n, k, p, s, d: n + 2 * p - d * (k - 1) - 1 + 1), id="stride-ignored"),
    Mistake("실수 나눗셈(/) 뒤에 내림을 했습니다: 아주 큰 n에서는 float의 유효 숫자(약 16자리)가 모자라 틀립니다. 정수 나눗셈 //를 쓰세요.",
            _length(lambda n, k, p, s, d: math.floor((n + 2 * p - d * (k - 1) - 1) / s) + 1), id="float-division"),
)


def _pool(reduce, stride_default="kernel", partial=None):
    """A whole pooling function holding one misconception (or none, with the defaults)."""
    def run(x, kernel_size, stride=None):
        x = np.asarray(x, dtype=np.float64)
        if stride is None:
            stride = kernel_size if stride_default == "kernel" else 1
        n = x.shape[-1]
        starts = range(0, n - kernel_size + 1, stride) if partial is None else range(0, n, stride)
        out = []
        for start in starts:
            window = x[..., start:start + kernel_size]
            if partial is None or window.shape[-1] == kernel_size:
                out.append(reduce(window))
            elif partial == "shrink":
                out.append(reduce(window))
            elif partial == "zeros":
                padded = np.concatenate([window, np.zeros(window.shape[:-1] + (kernel_size - window.shape[-1],))], axis=-1)
                out.append(reduce(padded))
            if partial is not None and start + kernel_size >= n:
                break
        return np.stack(out, axis=-1)
    return run


def _max(window):
    return window.max(axis=-1)


def _mean(window):
    return window.mean(axis=-1)


MAX_MISTAKES = (
    Mistake("stride를 주지 않았을 때 1로 했습니다. PyTorch와 Keras의 풀링은 stride의 기본값이 kernel_size라서 창이 겹치지 않습니다.",
            _pool(_max, stride_default="one"), id="max-pool-stride-one-by-default"),
    Mistake("끝에 남는 자투리 창(kernel_size보다 짧은 창)까지 풀링했습니다. padding 없는 풀링은 창이 다 들어가는 위치만 씁니다 "
            "(PyTorch의 ceil_mode=False).", _pool(_max, partial="shrink"), id="max-pool-includes-partial-window"),
    Mistake("최댓값을 0에서 시작해 구했습니다: 창의 값이 모두 음수이면 0이 나옵니다. 창의 첫 값(또는 np.max)에서 시작하세요.",
            _pool(lambda w: np.maximum(w.max(axis=-1), 0.0)), id="max-initialised-at-zero"),
)

AVG_MISTAKES = (
    Mistake("stride를 주지 않았을 때 1로 했습니다. 풀링의 stride 기본값은 kernel_size입니다.",
            _pool(_mean, stride_default="one"), id="avg-pool-stride-one-by-default"),
    Mistake("끝에 남는 자투리 창까지 그 안의 값들로 평균냈습니다. padding 없는 풀링은 창이 다 들어가는 위치만 씁니다.",
            _pool(_mean, partial="shrink"), id="avg-pool-includes-partial-window"),
    Mistake("끝에 남는 자투리 창을 0으로 채워 kernel_size로 나눴습니다. 그 창은 버립니다.",
            _pool(_mean, partial="zeros"), id="avg-pool-partial-window-zero-filled"),
    Mistake("평균 대신 합을 구했습니다. 평균 풀링은 창의 합을 kernel_size로 나눕니다.",
            _pool(lambda w: w.sum(axis=-1)), id="avg-pool-sum-instead-of-mean"),
)


LENGTH_CASES = [
    # (n, kernel_size, padding, stride, dilation)
    (28, 3, 0, 1, 1), (28, 3, 1, 1, 1), (10, 3, 0, 2, 1), (10, 3, 1, 2, 1), (10, 3, 0, 1, 2), (7, 3, 2, 3, 2),
    (5, 5, 0, 1, 1), (1, 1, 0, 1, 1), (3, 5, 1, 1, 1), (100, 7, 3, 4, 3), (16, 2, 0, 2, 1), (9, 4, 2, 3, 1),
    (12, 2, 0, 5, 3), (10_000_000_000_000_000_001, 3, 1, 3, 1),
]


@pytest.mark.parametrize("n, kernel_size, padding, stride, dilation", LENGTH_CASES)
def test_output_length_fixed(student, reference, n, kernel_size, padding, stride, dilation):
    """conv_output_length: 정해진 경우들 (padding, stride, dilation, 아주 큰 n)"""
    compare(student, reference, "conv_output_length", (n, kernel_size), {"padding": padding, "stride": stride, "dilation": dilation},
            case=f"n={n}, kernel_size={kernel_size}, padding={padding}, stride={stride}, dilation={dilation}",
            spec=LENGTH, mistakes=LENGTH_MISTAKES)


def test_output_length_random(student, reference, rng):
    """conv_output_length: 무작위 설정"""
    trial = 0
    while trial < 40:
        n, k, p, s, d = int(rng.integers(1, 80)), int(rng.integers(1, 9)), int(rng.integers(0, 5)), int(rng.integers(1, 6)), int(rng.integers(1, 5))
        if n + 2 * p - d * (k - 1) - 1 < 0:
            continue
        trial += 1
        compare(student, reference, "conv_output_length", (n, k, p, s, d),
                case=f"무작위 {trial}번째 (n={n}, kernel_size={k}, padding={p}, stride={s}, dilation={d})",
                spec=LENGTH, mistakes=LENGTH_MISTAKES)


def _expect_value_error(student, function, args, kwargs, case, advice, returned_hint=None):
    try:
        result = student.call(function, args, kwargs)
    except StudentError as error:
        message = str(error)
        if "ValueError" in message:
            return
        if "NotImplementedError" in message:
            raise
        expect(False, function, case, message, f"ValueError를 내야 합니다 (다른 예외가 아니라). {advice}")
        return
    extra = [returned_hint(result)] if returned_hint and returned_hint(result) else []
    expect(False, function, case, f"ValueError를 내야 하는데 값 {fmt(result)}을(를) 반환했습니다.", *extra, advice)


INVALID = [
    ((3, 5), {}, "커널(5)이 입력(3)보다 김"),
    ((4, 3), {"dilation": 2}, "dilation 2로 필터의 폭이 5가 되어 입력(4)보다 김"),
    ((4, 3), {"stride": 2, "dilation": 2}, "폭 5 > 길이 4, stride 2 (0 쪽으로 자르면 1이 나오는 경우)"),
    ((1, 2), {"stride": 3}, "커널(2)이 입력(1)보다 김, stride 3"),
    ((10, 3), {"stride": 0}, "stride 0"),
    ((10, 3), {"padding": -1}, "padding이 음수"),
    ((10, 3), {"dilation": 0}, "dilation 0"),
    ((10, 0), {}, "kernel_size 0"),
]


@pytest.mark.parametrize("args, kwargs, case", INVALID, ids=[case for *_, case in INVALID])
def test_output_length_rejects_invalid_settings(student, args, kwargs, case):
    """conv_output_length: 잘못된 설정은 ValueError"""
    def truncated(result):
        n, k = args
        p, s, d = kwargs.get("padding", 0), kwargs.get("stride", 1), kwargs.get("dilation", 1)
        if s >= 1 and result == int((n + 2 * p - d * (k - 1) - 1) / s) + 1 == 1:
            return ("int(a / b)는 0 쪽으로 자르므로 int(−1 / 2) = 0이 되어 1이 나옵니다. 내림은 //나 math.floor이고, "
                    "그 전에 n + 2p − d(k − 1) − 1 < 0인지 검사해야 합니다.")
        return None
    _expect_value_error(student, "conv_output_length", args, kwargs, f"n={args[0]}, kernel_size={args[1]}, {kwargs} ({case})",
                        "kernel_size, stride, dilation이 1보다 작거나 padding이 음수이거나 n + 2p − d(k − 1) − 1 < 0이면 "
                        "raise ValueError(...)를 하세요.", truncated)


POOL_CASES = {
    "문제 설명의 예 (자투리 7은 버림)": ((np.array([1.0, 3.0, 2.0, 5.0, 4.0, 0.0, 7.0]), 2), {}),
    "겹치는 창 (stride 1)": ((np.array([1.0, 3.0, 2.0, 5.0, 4.0, 0.0]), 3), {"stride": 1}),
    "stride 2, 창 3, 자투리 있음": ((np.array([0.5, -1.0, 2.0, 3.0, -4.0, 1.5, 2.5, -0.5]), 3), {"stride": 2}),
    "모두 음수": ((np.array([-3.0, -1.0, -2.0, -5.0, -4.0, -6.0]), 2), {}),
    "창이 입력 전체": ((np.array([2.0, -1.0, 4.0, 3.0]), 4), {}),
    "창 1 (그대로)": ((np.array([2.0, -1.0, 4.0]), 1), {}),
    "stride가 창보다 큼 (건너뜀)": ((np.arange(10.0) ** 2 % 7, 2), {"stride": 3}),
    "배치 (batch, channels, n) = (2, 3, 7)": ((np.arange(42.0).reshape(2, 3, 7) % 5 - 2, 3), {"stride": 2}),
}


@pytest.mark.parametrize("function, spec, mistakes", [("max_pool1d", MAX, MAX_MISTAKES), ("avg_pool1d", AVERAGE, AVG_MISTAKES)])
@pytest.mark.parametrize("case", list(POOL_CASES))
def test_pool_fixed(student, reference, function, spec, mistakes, case):
    """max_pool1d, avg_pool1d: 정해진 경우들 (기본 stride, 자투리 창, 음수, 배치)"""
    args, kwargs = POOL_CASES[case]
    compare(student, reference, function, args, kwargs, case=case, spec=spec, mistakes=mistakes)


@pytest.mark.parametrize("function, spec, mistakes", [("max_pool1d", MAX, MAX_MISTAKES), ("avg_pool1d", AVERAGE, AVG_MISTAKES)])
def test_pool_random(student, reference, rng, function, spec, mistakes):
    """max_pool1d, avg_pool1d: 무작위 입력 (1차원과 (batch, channels, n))"""
    for trial in range(12):
        k = int(rng.integers(1, 6))
        n = int(rng.integers(k, 30))
        shape = (n,) if trial % 2 == 0 else (int(rng.integers(1, 4)), int(rng.integers(1, 4)), n)
        x = rng.normal(0.0, 2.0, shape)
        kwargs = {} if trial % 3 == 0 else {"stride": int(rng.integers(1, 5))}
        compare(student, reference, function, (x, k), kwargs,
                case=f"무작위 {trial + 1}번째 (x {shape}, kernel_size={k}, stride={kwargs.get('stride')})", spec=spec,
                mistakes=mistakes)


@pytest.mark.parametrize("function", ["max_pool1d", "avg_pool1d"])
def test_pool_rejects_window_longer_than_input(student, function):
    """max_pool1d, avg_pool1d: 창이 입력보다 길면 ValueError"""
    _expect_value_error(student, function, (np.array([1.0, 2.0, 3.0]), 4), {}, "x 길이 3, kernel_size 4",
                        "창이 한 번도 들어가지 않으면 출력 길이가 0이므로 raise ValueError(...)를 하세요 "
                        "(conv_output_length를 불러 쓰면 저절로 됩니다).")
