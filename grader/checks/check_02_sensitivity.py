"""Check for 02_sensitivity: confusion matrix [[TP, FN], [FP, TN]], accuracy, sensitivity,
specificity, with 0.0 when a denominator is zero.

Tolerances: the matrix is compared exactly (counts); the ratios with relative 1e-9 (they are
a single division, so any correct way of computing them agrees to the last bits).
"""

import numpy as np
import pytest

from grader.engine.verdict import Array, Mistake, Scalar, compare

COUNTS = Array(kind="int")
RATIO = Scalar(rtol=1e-9, atol=1e-12)


def _cells(y, p):
    y, p = np.asarray(y), np.asarray(p)
    return (int(np.sum((y == 1) & (p == 1))), int(np.sum((y == 1) & (p == 0))),
            int(np.sum((y == 0) & (p == 1))), int(np.sum((y == 0) & (p == 0))))


def _ratio(a, b):
    return a / b if b else 0.0


def _with_cells(formula):
    return lambda y, p: formula(*_cells(y, p))


def _ratio_or_one(a, b):
    return a / b if b else 1.0


def _abs_difference_accuracy(y, p):
    """1 − mean|y − p| in the labels' own dtype: right for int64, but for uint8 0 − 1 wraps to 255."""
    with np.errstate(all="ignore"):
        return float(1 - np.mean(np.abs(np.asarray(y) - np.asarray(p))))


ZERO_DENOMINATOR = "분모가 0일 때(해당 실제 클래스가 하나도 없을 때) 1.0을 반환했습니다. 이 과정은 scikit-learn처럼 0.0을 반환합니다."


def _counts_in_label_dtype(y, p):
    """The four counts stored in the labels' own dtype: uint8 wraps 300 around to 44."""
    cells = np.array(_cells(y, p), dtype=np.int64).reshape(2, 2)
    dtype = np.asarray(y).dtype
    return (cells % 256 if dtype.itemsize == 1 and dtype.kind == "u" else cells).astype(np.int64)


MATRIX_MISTAKES = (
    Mistake("scikit-learn의 배치 [[TN, FP], [FN, TP]]를 썼습니다. 이 과정의 표는 [[TP, FN], [FP, TN]]입니다.",
            _with_cells(lambda tp, fn, fp, tn: np.array([[tn, fp], [fn, tp]])), id="matrix-sklearn-layout"),
    Mistake("행과 열을 바꿨습니다 (행이 예측, 열이 실제). 행은 실제, 열은 예측입니다.",
            _with_cells(lambda tp, fn, fp, tn: np.array([[tp, fp], [fn, tn]])), id="matrix-rows-are-predictions"),
    Mistake("개수를 레이블의 dtype으로 셌습니다 (np.zeros(..., dtype=y_true.dtype)): uint8 레이블이면 한 칸이 255를 넘을 때 "
            "0으로 돌아갑니다. 개수는 np.int64 배열이나 파이썬 int로 세세요.", _counts_in_label_dtype, id="matrix-counts-in-label-dtype"),
)

ACCURACY_MISTAKES = (
    Mistake("양성을 맞힌 것(TP)만 세었습니다. 정확도는 (TP + TN) / 전체입니다.", _with_cells(lambda tp, fn, fp, tn: tp / (tp + fn + fp + tn)), id="accuracy-counts-only-tp"),
    Mistake("틀린 비율(오류율)을 계산했습니다.", _with_cells(lambda tp, fn, fp, tn: (fn + fp) / (tp + fn + fp + tn)), id="accuracy-error-rate"),
    Mistake("1 − mean|y − ŷ|를 레이블의 dtype 그대로 계산했습니다: uint8에서 0 − 1은 −1이 아니라 255가 됩니다. "
            "같은지 직접 비교하세요 (np.mean(y_true == y_pred)).", _abs_difference_accuracy, id="accuracy-unsigned-difference"),
)

SENSITIVITY_MISTAKES = (
    Mistake("민감도 대신 정밀도(precision) TP / (TP + FP)를 계산했습니다. 민감도의 분모는 실제 양성 전체 TP + FN입니다.",
            _with_cells(lambda tp, fn, fp, tn: _ratio(tp, tp + fp)), id="sensitivity-precision-instead"),
    Mistake("민감도 대신 특이도 TN / (TN + FP)를 계산했습니다.", _with_cells(lambda tp, fn, fp, tn: _ratio(tn, tn + fp)), id="sensitivity-specificity-instead"),
    Mistake("분모에 전체 개수를 썼습니다: TP / 전체는 민감도가 아닙니다.", _with_cells(lambda tp, fn, fp, tn: tp / (tp + fn + fp + tn)), id="sensitivity-divide-by-total"),
    Mistake(ZERO_DENOMINATOR, _with_cells(lambda tp, fn, fp, tn: _ratio_or_one(tp, tp + fn)), id="zero-denominator-returns-one"),
)

# A learner whose confusion matrix has the wrong layout and who reads sensitivity and specificity
# from it gets exactly what "specificity instead" (etc.) gives: the two are look-alikes, so neither
# is named from the ratio alone (the matrix test names the layout).
_LAYOUTS = {
    "matrix-sklearn-layout": (MATRIX_MISTAKES[0].description, lambda tp, fn, fp, tn: (tn, fp, fn, tp)),
    "matrix-rows-are-predictions": (MATRIX_MISTAKES[1].description, lambda tp, fn, fp, tn: (tp, fp, fn, tn)),
}
SENSITIVITY_MISTAKES += tuple(
    Mistake(text, _with_cells(lambda *cells, read=read: (lambda tp, fn, fp, tn: _ratio(tp, tp + fn))(*read(*cells))), id=key)
    for key, (text, read) in _LAYOUTS.items())

SPECIFICITY_MISTAKES = (
    Mistake("특이도 대신 음성 예측도(NPV) TN / (TN + FN)를 계산했습니다. 특이도의 분모는 실제 음성 전체 TN + FP입니다.",
            _with_cells(lambda tp, fn, fp, tn: _ratio(tn, tn + fn)), id="specificity-npv-instead"),
    Mistake("특이도 대신 민감도 TP / (TP + FN)를 계산했습니다.", _with_cells(lambda tp, fn, fp, tn: _ratio(tp, tp + fn)), id="specificity-sensitivity-instead"),
    Mistake("특이도를 1 − 민감도로 계산했습니다. 둘은 서로 다른 집단(실제 음성과 실제 양성)에서 구합니다.",
            _with_cells(lambda tp, fn, fp, tn: 1 - _ratio(tp, tp + fn)), id="specificity-one-minus-sensitivity"),
    Mistake(ZERO_DENOMINATOR, _with_cells(lambda tp, fn, fp, tn: _ratio_or_one(tn, tn + fp)), id="zero-denominator-returns-one"),
)

SPECIFICITY_MISTAKES += tuple(
    Mistake(text, _with_cells(lambda *cells, read=read: (lambda tp, fn, fp, tn: _ratio(tn, tn + fp))(*read(*cells))), id=key)
    for key, (text, read) in _LAYOUTS.items())

FUNCTIONS = {
    "confusion_matrix": (COUNTS, MATRIX_MISTAKES),
    "accuracy": (RATIO, ACCURACY_MISTAKES),
    "sensitivity": (RATIO, SENSITIVITY_MISTAKES),
    "specificity": (RATIO, SPECIFICITY_MISTAKES),
}

EDGE_CASES = {
    "네 칸이 모두 다른 수": (np.array([1, 1, 1, 1, 1, 0, 0, 0, 1, 0]), np.array([1, 1, 1, 0, 0, 0, 0, 1, 1, 0])),
    "모두 맞힘": (np.array([1, 0, 1, 0]), np.array([1, 0, 1, 0])),
    "모두 틀림": (np.array([1, 0, 1, 0]), np.array([0, 1, 0, 1])),
    "실제 양성이 없음 (민감도의 분모 0)": (np.array([0, 0, 0]), np.array([0, 1, 0])),
    "실제 음성이 없음 (특이도의 분모 0)": (np.array([1, 1, 1]), np.array([1, 0, 1])),
    "모두 양성으로 예측": (np.array([1, 0, 0, 1, 0]), np.array([1, 1, 1, 1, 1])),
    "모두 음성으로 예측": (np.array([1, 0, 0, 1, 0]), np.array([0, 0, 0, 0, 0])),
    "레이블이 모두 음성, 긴 벡터 (민감도의 분모 0)": (np.zeros(12, dtype=np.int64), np.array([0, 1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0])),
    "uint8 레이블": (np.array([1, 0, 1, 1, 0, 0, 1], dtype=np.uint8), np.array([0, 1, 1, 1, 0, 1, 0], dtype=np.uint8)),
    # counts above 255 do not fit a small integer dtype (uint8 would wrap 300 to 44)
    "샘플 600개, uint8 레이블 (한 칸의 개수가 255를 넘음)": (np.repeat(np.array([1, 1, 0, 0], dtype=np.uint8), [300, 20, 10, 270]),
                                               np.repeat(np.array([1, 0, 1, 0], dtype=np.uint8), [300, 20, 10, 270])),
}


@pytest.mark.parametrize("function", list(FUNCTIONS))
@pytest.mark.parametrize("case", list(EDGE_CASES))
def test_edge_cases(student, reference, function, case):
    """정해진 경우들"""
    spec, mistakes = FUNCTIONS[function]
    compare(student, reference, function, EDGE_CASES[case], case=case, spec=spec, mistakes=mistakes)


@pytest.mark.parametrize("function", list(FUNCTIONS))
def test_random_labels(student, reference, rng, function):
    """무작위 레이블"""
    spec, mistakes = FUNCTIONS[function]
    for trial in range(15):
        n = int(rng.integers(5, 300))
        y_true = rng.integers(0, 2, n)
        y_pred = np.where(rng.random(n) < 0.7, y_true, 1 - y_true)
        compare(student, reference, function, (y_true, y_pred),
                case=f"무작위 입력 {trial + 1}번째 (n={n})", spec=spec, mistakes=mistakes)
