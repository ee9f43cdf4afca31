"""01 평균 제곱 오차(MSE)와 평균 절대 오차(MAE)

회귀 모델이 얼마나 틀렸는지를 숫자 하나로 요약하는 두 손실 함수를 구현합니다.
실제값 y와 예측값 ŷ가 n개 있을 때

    MSE = (1/n) · Σ (y_i − ŷ_i)²
    MAE = (1/n) · Σ |y_i − ŷ_i|

입력은 같은 모양(shape)의 numpy 배열이고 (1차원이든 2차원이든 모든 원소를 평균), 결과는
실수 하나(float)입니다.
"""

import numpy as np


def mse(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    """평균 제곱 오차: 오차를 제곱해 모두 더한 뒤 원소 개수 n으로 나눈 값.

    예: mse(np.array([1.0, 2.0, 3.0]), np.array([1.0, 2.0, 5.0])) == 4/3
    """
    # BEGIN SOLUTION
    errors = np.asarray(y_true, dtype=np.float64) - np.asarray(y_pred, dtype=np.float64)
    return float(np.mean(errors**2))
    # END SOLUTION


def mae(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    """평균 절대 오차: 오차의 절댓값을 모두 더한 뒤 원소 개수 n으로 나눈 값.

    예: mae(np.array([1.0, 2.0, 3.0]), np.array([2.0, 2.0, 1.0])) == 1.0
    """
    # BEGIN SOLUTION
    errors = np.asarray(y_true, dtype=np.float64) - np.asarray(y_pred, dtype=np.float64)
    return float(np.mean(np.abs(errors)))
    # END SOLUTION
