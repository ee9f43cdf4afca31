"""02 혼동 행렬, 정확도, 민감도, 특이도

이진 분류 결과(레이블 1 = 양성, 0 = 음성)를 혼동 행렬로 세고, 그 칸들로 평가지표를 계산합니다.
이 과정의 혼동 행렬은 행이 실제, 열이 예측입니다.

                 예측 양성(1)  예측 음성(0)
    실제 양성(1)     TP            FN
    실제 음성(0)     FP            TN

    정확도(accuracy)      = (TP + TN) / 전체
    민감도(sensitivity)   = TP / (TP + FN)   (재현율, TPR: 실제 양성 중 맞힌 비율)
    특이도(specificity)   = TN / (TN + FP)   (TNR: 실제 음성 중 맞힌 비율)

입력 y_true, y_pred는 0과 1로 된 같은 길이의 1차원 정수 배열입니다.
분모가 0이면(예: 실제 양성이 하나도 없으면) 0.0을 반환합니다 (scikit-learn의 기본 동작과 같음).
"""

import numpy as np


def confusion_matrix(y_true: np.ndarray, y_pred: np.ndarray) -> np.ndarray:
    """모양 (2, 2)의 정수 배열 [[TP, FN], [FP, TN]]을 반환합니다.

    주의: scikit-learn의 confusion_matrix는 레이블 0, 1 순서라서 [[TN, FP], [FN, TP]]로 배치합니다.
    여기서는 위 표의 배치를 따릅니다.
    """
    # BEGIN SOLUTION
    y_true = np.asarray(y_true)
    y_pred = np.asarray(y_pred)
    tp = int(np.sum((y_true == 1) & (y_pred == 1)))
    fn = int(np.sum((y_true == 1) & (y_pred == 0)))
    fp = int(np.sum((y_true == 0) & (y_pred == 1)))
    tn = int(np.sum((y_true == 0) & (y_pred == 0)))
    return np.array([[tp, fn], [fp, tn]], dtype=np.int64)
    # END SOLUTION


def accuracy(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    """맞힌 개수 / 전체 개수 (float)."""
    # BEGIN SOLUTION
    return float(np.mean(np.asarray(y_true) == np.asarray(y_pred)))


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0
    # END SOLUTION


def sensitivity(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    """TP / (TP + FN): 실제 양성 가운데 양성으로 맞힌 비율. 실제 양성이 없으면 0.0."""
    # BEGIN SOLUTION
    (tp, fn), _ = confusion_matrix(y_true, y_pred)
    return _ratio(int(tp), int(tp + fn))
    # END SOLUTION


def specificity(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    """TN / (TN + FP): 실제 음성 가운데 음성으로 맞힌 비율. 실제 음성이 없으면 0.0."""
    # BEGIN SOLUTION
    _, (fp, tn) = confusion_matrix(y_true, y_pred)
    return _ratio(int(tn), int(tn + fp))
    # END SOLUTION
