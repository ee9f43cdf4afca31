"""Check for 01_mse: mean squared error and mean absolute error.

Tolerance: relative 1e-6, absolute 1e-12. Summation order (loops vs np.mean) and float32 inputs
change the last digits only; every misconception below changes the value by far more.
"""

import numpy as np
import pytest

from grader.engine.verdict import Mistake, Scalar, compare

LOSS = Scalar(rtol=1e-6, atol=1e-12)


def _errors(y, p):
    return np.asarray(y, dtype=np.float64) - np.asarray(p, dtype=np.float64)


def _raw_errors(y, p):
    """y − p in the inputs' own dtype, as a learner who never converts to float computes it:
    for uint8 inputs 0 − 5 wraps around to 251, and the square wraps again."""
    with np.errstate(all="ignore"):
        return np.asarray(y) - np.asarray(p)


WRAPAROUND = ("정수 배열(uint8, int8 등)을 float로 바꾸지 않고 뺄셈·제곱을 했습니다: 그 dtype의 범위를 넘는 값이 "
              "돌아 들어옵니다 (uint8에서 0 − 5 = 251). 먼저 np.asarray(y, dtype=np.float64)로 바꾸세요.")


FLOAT32 = ("float64 입력을 float32로 바꿔 계산했습니다: float32의 유효숫자는 7자리뿐이라 값이 클 때(예: 10⁸ 근처) "
           "작은 오차가 통째로 사라집니다. np.asarray(y, dtype=np.float64)로 계산하세요.")


def _float32_errors(y, p):
    return np.asarray(y, dtype=np.float32) - np.asarray(p, dtype=np.float32)


MSE_MISTAKES = (
    Mistake(FLOAT32, lambda y, p: float(np.mean(_float32_errors(y, p) ** 2)), id="mse-float32-precision"),
    Mistake("MSE를 평균이 아니라 합으로 계산했습니다 (n으로 나누지 않음).", lambda y, p: np.sum(_errors(y, p) ** 2), id="mse-sum-instead-of-mean"),
    Mistake("제곱 대신 절댓값을 썼습니다: 그것은 MAE입니다.", lambda y, p: np.mean(np.abs(_errors(y, p))), id="mse-abs-instead-of-square"),
    Mistake("평균 뒤에 제곱근을 씌웠습니다: 그것은 RMSE입니다.", lambda y, p: np.sqrt(np.mean(_errors(y, p) ** 2)), id="mse-sqrt-of-mean"),
    Mistake("n이 아니라 n − 1로 나눴습니다 (표본 분산의 공식과 혼동).",
            lambda y, p: np.sum(_errors(y, p) ** 2) / (np.size(y) - 1), id="mse-divide-by-n-minus-1"),
    Mistake(WRAPAROUND, lambda y, p: np.mean(_raw_errors(y, p) ** 2), id="mse-integer-wraparound"),
    Mistake("오차를 먼저 평균한 뒤 제곱했습니다: 양과 음의 오차가 서로 지워집니다.", lambda y, p: np.mean(_errors(y, p)) ** 2, id="mse-square-of-mean-error"),
)

MAE_MISTAKES = (
    Mistake(FLOAT32, lambda y, p: float(np.mean(np.abs(_float32_errors(y, p)))), id="mae-float32-precision"),
    Mistake("MAE를 평균이 아니라 합으로 계산했습니다 (n으로 나누지 않음).", lambda y, p: np.sum(np.abs(_errors(y, p))), id="mae-sum-instead-of-mean"),
    Mistake("절댓값을 빠뜨렸습니다: 양과 음의 오차가 서로 지워집니다.", lambda y, p: np.mean(_errors(y, p)), id="mae-missing-abs"),
    Mistake("절댓값 대신 제곱을 썼습니다: 그것은 MSE입니다.", lambda y, p: np.mean(_errors(y, p) ** 2), id="mae-square-instead-of-abs"),
    Mistake("오차를 먼저 평균한 뒤 절댓값을 씌웠습니다.", lambda y, p: abs(np.mean(_errors(y, p))), id="mae-abs-of-mean-error"),
    Mistake(WRAPAROUND, lambda y, p: np.mean(np.abs(_raw_errors(y, p))), id="mae-integer-wraparound"),
)

EDGE_CASES = {
    "완벽한 예측 (오차 0)": (np.array([1.0, 2.0, 3.0]), np.array([1.0, 2.0, 3.0])),
    "기본 예: 한 원소만 2만큼 틀림": (np.array([1.0, 2.0, 3.0]), np.array([1.0, 2.0, 5.0])),
    "양과 음의 오차가 섞임": (np.array([0.0, 0.0, 0.0, 0.0]), np.array([1.0, -1.0, 3.0, -3.0])),
    "원소 하나": (np.array([2.5]), np.array([-0.5])),
    "정수 배열 입력": (np.array([3, 5, 7]), np.array([2, 5, 10])),
    "2차원 배열 (모든 원소의 평균)": (np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([[0.0, 2.0], [3.0, 8.0]])),
    "float32 입력": (np.array([0.1, 0.2, 0.3], dtype=np.float32), np.array([0.3, 0.2, 0.1], dtype=np.float32)),
    "uint8 입력 (y − ŷ가 음수가 되는 자리)": (np.array([0, 10, 200, 255], dtype=np.uint8), np.array([5, 3, 250, 0], dtype=np.uint8)),
    "int8 입력 (차이가 int8의 범위 밖)": (np.array([-100, 100, 0], dtype=np.int8), np.array([100, -100, 5], dtype=np.int8)),
    "큰 값 근처의 작은 오차 (10⁸ + 0.25 …, float64)": (1e8 + np.array([0.25, 1.5, -2.0, 3.0]), 1e8 + np.array([0.0, 0.5, 0.0, 2.75])),
}


@pytest.mark.parametrize("case", list(EDGE_CASES))
def test_mse_edge_cases(student, reference, case):
    """mse: 정해진 경우들"""
    compare(student, reference, "mse", EDGE_CASES[case], case=case, spec=LOSS, mistakes=MSE_MISTAKES)


@pytest.mark.parametrize("case", list(EDGE_CASES))
def test_mae_edge_cases(student, reference, case):
    """mae: 정해진 경우들"""
    compare(student, reference, "mae", EDGE_CASES[case], case=case, spec=LOSS, mistakes=MAE_MISTAKES)


@pytest.mark.parametrize("function", ["mse", "mae"])
def test_random_vectors(student, reference, rng, function):
    """무작위 실수 벡터"""
    mistakes = MSE_MISTAKES if function == "mse" else MAE_MISTAKES
    for trial in range(20):
        n = int(rng.integers(2, 200))
        y_true = rng.normal(0.0, 10.0, n)
        y_pred = y_true + rng.normal(0.0, 2.0, n)
        compare(student, reference, function, (y_true, y_pred),
                case=f"무작위 입력 {trial + 1}번째 (n={n})", spec=LOSS, mistakes=mistakes)
