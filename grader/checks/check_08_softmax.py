"""Check for 08_softmax: numerically stable softmax and log-softmax along an axis (default −1),
and the predicted class (argmax along the axis).

Tolerances: float64 inputs relative 1e-9, absolute 1e-15. Correct stable formulations
(exp(z − m)/Σ, exp(z − logsumexp), loops) agree to about |z|·1e-16 relative, far inside that,
and 1e-15 absolute lets exp(−750) be 0 or a denormal. Float32 inputs: relative 1e-5,
absolute 1e-7, so a learner who keeps float32 (as PyTorch does) passes. Log-probabilities
relative 1e-9, absolute 1e-9: z − m − log Σ is a difference of numbers as large as the logits
(up to 1000 here), so its rounding error is about |z|·1e-16 absolute, not relative (a log-prob of
−2e-13 may come back as −2.3e-13); every misconception below is off by far more. Predicted
classes are integers, compared exactly.
Stability probes: logits around ±1000 overflow or underflow a naive exp; the verdict names it.
softmax and log_softmax promise no warning, so a RuntimeWarning during either fails
(`no_warnings=True`), even when the values come out right.
"""

import numpy as np
import pytest

from grader.engine.verdict import Array, Mistake, compare

PROBS = Array(rtol=1e-9, atol=1e-15)
PROBS_F32 = Array(rtol=1e-5, atol=1e-7)
LOG_PROBS = Array(rtol=1e-9, atol=1e-9)
OVERFLOW = "큰 로짓에서 exp가 넘쳤습니다 (inf/NaN): 최댓값을 빼고 exp를 계산하세요."


class ClassSpec(Array):
    """Integer labels, plus a diagnosis when a single number comes back for a batch."""

    def problems(self, actual, expected):
        lines = super().problems(actual, expected)
        if lines and isinstance(actual, (int, np.integer)) and np.ndim(expected) >= 1:
            lines.append("숫자 하나가 나왔습니다: axis 없이 np.argmax를 쓰면 배열을 펼친 위치 하나를 돌려줍니다. axis=axis를 주세요.")
        return lines


CLASSES = ClassSpec(kind="int")


def _f(z):
    return np.asarray(z, dtype=np.float64)


def _naive(z, axis=-1):
    with np.errstate(all="ignore"):
        e = np.exp(_f(z))
        return e / np.sum(e, axis=axis, keepdims=True)


def _global_max(z, axis=-1):
    with np.errstate(all="ignore"):
        e = np.exp(_f(z) - np.max(z))
        return e / np.sum(e, axis=axis, keepdims=True)


def _stable(z, axis=-1, sum_axis="same", keepdims_max=True):
    z = _f(z)
    m = np.max(z, axis=axis, keepdims=keepdims_max)
    with np.errstate(all="ignore"):
        e = np.exp(z - m)
        if sum_axis == "all":
            return e / np.sum(e)
        if sum_axis == "first":
            return e / np.sum(e, axis=0, keepdims=True)
        return e / np.sum(e, axis=axis, keepdims=True)


def _mean_shift(z, axis=-1):
    """exp(z − mean) / Σ: overflows when a logit is far above the row's mean."""
    z = _f(z)
    with np.errstate(all="ignore"):
        e = np.exp(z - np.mean(z, axis=axis, keepdims=True))
        return e / np.sum(e, axis=axis, keepdims=True)


SOFTMAX_MISTAKES = (
    Mistake(OVERFLOW.removesuffix(".") + " (그대로 exp(z)를 계산함).", _naive, id="softmax-overflow"),
    Mistake("배열 전체의 최댓값 하나를 뺐습니다: axis를 따라(행마다) 최댓값을 빼야 합니다. "
            "값의 범위가 다른 행은 exp가 모두 0으로 언더플로되어 0/0 = NaN이 됩니다.", _global_max, id="softmax-global-max"),
    Mistake("배열 전체의 합으로 나눴습니다: axis를 따라(행마다) 합해야 각 행의 합이 1이 됩니다.",
            lambda z, axis=-1: _stable(z, axis, sum_axis="all"), id="softmax-global-sum"),
    Mistake("합을 axis=0(열 방향)으로 구했습니다: 확률은 axis(기본 마지막 축)를 따라 합이 1이어야 합니다.",
            lambda z, axis=-1: _stable(z, axis, sum_axis="first"), id="softmax-sum-axis-0"),
    Mistake("최댓값에 keepdims=True를 빠뜨렸습니다: 행마다의 최댓값이 엉뚱한 축으로 브로드캐스트되어 행마다 다른 수를 뺐습니다.",
            lambda z, axis=-1: _stable(z, axis, keepdims_max=False), id="softmax-max-without-keepdims"),
    Mistake("최댓값이 아니라 평균을 뺐습니다: 평균보다 700 넘게 큰 로짓이 있으면 exp가 여전히 넘칩니다 (inf / inf = NaN). "
            "행마다 최댓값을 빼야 모든 지수가 0 이하가 됩니다.", _mean_shift, id="softmax-mean-shift"),
)


def _log_of_softmax(z, axis=-1):
    with np.errstate(all="ignore"):
        return np.log(_stable(z, axis))


def _log_naive(z, axis=-1):
    with np.errstate(all="ignore"):
        return _f(z) - np.log(np.sum(np.exp(_f(z)), axis=axis, keepdims=True))


LOG_SOFTMAX_MISTAKES = (
    Mistake("softmax를 구한 뒤 log를 취했습니다: 아주 작은 확률이 0으로 언더플로되어 log(0) = −inf가 됩니다. "
            "(z − m) − log Σ exp(z − m)로 직접 계산하세요.", _log_of_softmax, id="log-softmax-log-of-softmax"),
    Mistake(OVERFLOW.removesuffix(".") + " (log Σ exp(z)를 그대로 계산함).", _log_naive, id="log-softmax-overflow"),
    Mistake("log Σ exp(z − m)를 빼지 않았습니다: z − m만으로는 로그 확률이 아닙니다.",
            lambda z, axis=-1: _f(z) - np.max(_f(z), axis=axis, keepdims=True), id="log-softmax-missing-logsumexp"),
)

CLASS_MISTAKES = (
    Mistake("argmax를 axis=0(열 방향)으로 했습니다: 샘플마다 고르려면 마지막 축(axis=−1)을 따라야 합니다.",
            lambda z, axis=-1: np.argmax(np.asarray(z), axis=0), id="predict-argmax-axis-0"),
    Mistake("argmax 대신 argmin을 썼습니다: 예측 클래스는 점수가 가장 '큰' 클래스입니다.",
            lambda z, axis=-1: np.argmin(np.asarray(z), axis=axis), id="predict-argmin"),
    Mistake("클래스 번호(argmax)가 아니라 가장 큰 값(max)을 반환했습니다.",
            lambda z, axis=-1: np.max(np.asarray(z), axis=axis).astype(np.int64), id="predict-max-instead-of-argmax"),
    Mistake("그대로 exp(z)를 계산한 소프트맥스의 argmax를 골랐습니다: 큰 로짓에서 exp가 넘쳐 NaN이 되고, np.argmax는 NaN의 위치를 "
            "돌려줍니다. 로짓의 argmax를 바로 고르세요 (softmax는 순서를 바꾸지 않음).",
            lambda z, axis=-1: np.argmax(_naive(z, axis), axis=axis), id="predict-argmax-of-naive-softmax"),
)

CASES = {
    "기본 예: 벡터 [1, 2, 3]": (np.array([1.0, 2.0, 3.0]), {}),
    "행렬 (n, k), 행마다": (np.array([[1.0, 2.0, 0.5, -1.0], [0.0, 0.0, 0.0, 0.0], [3.0, -2.0, 1.0, 2.5]]), {}),
    "정사각 행렬 (n = k)": (np.array([[2.0, 1.0, 0.1], [0.5, 3.0, -1.0], [-2.0, 0.0, 4.0]]), {}),
    "모든 로짓이 같음": (np.array([5.0, 5.0, 5.0, 5.0]), {}),
    "클래스 하나 (k = 1)": (np.array([[3.0], [-7.0]]), {}),
    "axis=0 (열마다)": (np.array([[1.0, 2.0], [3.0, 0.0], [0.5, 0.5]]), {"axis": 0}),
    "3차원 배열, 마지막 축": (np.arange(24.0).reshape(2, 3, 4) / 5 - 2, {}),
    "정수 로짓": (np.array([[1, 2, 3], [0, 5, 1]]), {}),
}

LARGE = {
    "큰 로짓 [1000, 0]": np.array([1000.0, 0.0]),
    "평균보다 훨씬 큰 로짓 [2000, 0, 0, 0] (평균을 빼도 e^1500)": np.array([2000.0, 0.0, 0.0, 0.0]),
    "큰 로짓 [1000, 1001, 999]": np.array([1000.0, 1001.0, 999.0]),
    "아주 작은 로짓 [−1000, −1001] (언더플로)": np.array([-1000.0, -1001.0]),
    "행마다 범위가 다른 큰 로짓": np.array([[1000.0, 999.0, 998.0], [0.0, 1.0, 2.0], [-800.0, -801.0, -805.0]]),
}


@pytest.mark.parametrize("case", list(CASES))
def test_softmax_edge_cases(student, reference, case):
    """softmax: 정해진 경우들"""
    z, kwargs = CASES[case]
    compare(student, reference, "softmax", (z,), kwargs, case=case, spec=PROBS, mistakes=SOFTMAX_MISTAKES, no_warnings=True)


@pytest.mark.parametrize("case", list(LARGE))
def test_softmax_large_logits(student, reference, case):
    """softmax: 큰 로짓에서도 넘치지 않음 (수치 안정성)"""
    compare(student, reference, "softmax", (LARGE[case],), case=case, spec=PROBS, mistakes=SOFTMAX_MISTAKES, no_warnings=True)


def test_softmax_float32_input(student, reference):
    """softmax: float32 입력"""
    z = np.array([[0.5, -1.25, 2.0], [10.0, 10.5, 9.0]], dtype=np.float32)
    compare(student, reference, "softmax", (z,), case="float32 입력", spec=PROBS_F32, mistakes=SOFTMAX_MISTAKES, no_warnings=True)


def test_softmax_random(student, reference, rng):
    """softmax: 무작위 로짓 (행렬, 가끔 아주 큼)"""
    for trial in range(20):
        n, k = int(rng.integers(1, 10)), int(rng.integers(2, 8))
        scale = 500.0 if trial % 4 == 3 else 3.0
        z = rng.normal(0.0, scale, (n, k))
        compare(student, reference, "softmax", (z,), case=f"무작위 입력 {trial + 1}번째 (모양 {(n, k)}, 크기 약 {scale:g})",
                spec=PROBS, mistakes=SOFTMAX_MISTAKES, no_warnings=True)


@pytest.mark.parametrize("case", list(CASES) + list(LARGE))
def test_log_softmax(student, reference, case):
    """log_softmax: log(0) 없이 로그 확률"""
    z, kwargs = CASES[case] if case in CASES else (LARGE[case], {})
    compare(student, reference, "log_softmax", (z,), kwargs, case=case, spec=LOG_PROBS, mistakes=LOG_SOFTMAX_MISTAKES, no_warnings=True)


def test_log_softmax_random(student, reference, rng):
    """log_softmax: 무작위 로짓"""
    for trial in range(15):
        n, k = int(rng.integers(1, 10)), int(rng.integers(2, 8))
        z = rng.normal(0.0, 200.0 if trial % 3 == 2 else 3.0, (n, k))
        compare(student, reference, "log_softmax", (z,), case=f"무작위 입력 {trial + 1}번째 (모양 {(n, k)})",
                spec=LOG_PROBS, mistakes=LOG_SOFTMAX_MISTAKES, no_warnings=True)


CLASS_CASES = {
    "행렬 (n, k)": (np.array([[0.1, 2.0, -1.0], [3.0, 0.0, 0.5], [0.2, 0.3, 0.25], [-5.0, -4.0, -6.0]]), {}),
    "확률 행렬 (softmax 뒤)": (np.array([[0.2, 0.7, 0.1], [0.6, 0.3, 0.1]]), {}),
    "axis=0": (np.array([[0.1, 2.0], [3.0, 0.0], [0.5, 0.7]]), {"axis": 0}),
    "3차원 배열": (np.array([[[1.0, 0.0], [0.0, 1.0]], [[2.0, 3.0], [5.0, 4.0]]]), {}),
    "큰 로짓 ±1000": (np.array([[999.0, 1000.0, 0.0], [-1000.0, -999.0, -1001.0]]), {}),
}


@pytest.mark.parametrize("case", list(CLASS_CASES))
def test_predict_class(student, reference, case):
    """predict_class: 축을 따라 argmax"""
    z, kwargs = CLASS_CASES[case]
    compare(student, reference, "predict_class", (z,), kwargs, case=case, spec=CLASSES, mistakes=CLASS_MISTAKES)


def test_predict_class_random(student, reference, rng):
    """predict_class: 무작위 점수"""
    for trial in range(15):
        n, k = int(rng.integers(1, 30)), int(rng.integers(2, 10))
        compare(student, reference, "predict_class", (rng.normal(size=(n, k)),),
                case=f"무작위 입력 {trial + 1}번째 (모양 {(n, k)})", spec=CLASSES, mistakes=CLASS_MISTAKES)
