"""09 손실 함수: 크로스 엔트로피, MAE, 힌지(hinge)

노트가 이름을 든 손실 함수들을 구현합니다. 모든 결과는 샘플에 대한 평균인 실수 하나(float)입니다.

이진 크로스 엔트로피 (출력층이 시그모이드인 이진 분류; y ∈ {0, 1}, p = 양성일 확률, 모양 (n,)):
    BCE = −(1/n) · Σ [ y·log p + (1 − y)·log(1 − p) ]

카테고리칼 크로스 엔트로피 (출력층이 소프트맥스인 다중 분류; y는 원-핫 (n, k), p는 각 행의 합이 1인 (n, k)):
    CCE = −(1/n) · Σ_i Σ_c y_ic · log p_ic          (클래스에 대해서는 합, 샘플에 대해서는 평균)

스파스 카테고리칼 크로스 엔트로피 (레이블이 원-핫이 아니라 정수 (n,)일 때; 값은 CCE와 같음):
    SCCE = −(1/n) · Σ_i log p_{i, labels_i}

log(0) = −inf를 피하려고 확률을 먼저 [eps, 1 − eps]로 자릅니다(clip): p ← np.clip(p, eps, 1 − eps),
eps = 1e-7 (Keras의 기본값). 그래서 p = 0이나 1에서도 손실은 유한합니다 (최대 약 −log(1e-7) ≈ 16.12).
로그는 자연로그(np.log)이고, 계산은 float64로 합니다.

MAE (회귀): (1/n) · Σ |y − ŷ|

힌지 (SVM의 손실; scores는 확률이 아니라 실수 점수, 양수면 양성 쪽):
    hinge = (1/n) · Σ max(0, 1 − y·s),   y ∈ {−1, +1}
레이블이 {0, 1}로 주어지면 0을 −1로 바꿔 씁니다 (Keras와 같음). 레이블 1은 그대로 +1입니다.

예: binary_cross_entropy([1, 0], [0.9, 0.2]) = −(log 0.9 + log 0.8)/2 ≈ 0.1643
    hinge([1, 0], [0.5, −2.0]) = (max(0, 1 − 0.5) + max(0, 1 − 2))/2 = 0.25
"""

import numpy as np


def binary_cross_entropy(y_true: np.ndarray, p: np.ndarray, eps: float = 1e-7) -> float:
    """이진 크로스 엔트로피의 평균. p를 [eps, 1 − eps]로 자른 뒤 계산합니다."""
    # BEGIN SOLUTION
    y = np.asarray(y_true, dtype=np.float64)
    p = np.clip(np.asarray(p, dtype=np.float64), eps, 1.0 - eps)
    return float(-np.mean(y * np.log(p) + (1.0 - y) * np.log(1.0 - p)))
    # END SOLUTION


def categorical_cross_entropy(y_true: np.ndarray, p: np.ndarray, eps: float = 1e-7) -> float:
    """카테고리칼 크로스 엔트로피: 샘플마다 −Σ_c y·log p를 구해 샘플 수 n으로 평균합니다 (y는 원-핫 (n, k))."""
    # BEGIN SOLUTION
    y = np.asarray(y_true, dtype=np.float64)
    p = np.clip(np.asarray(p, dtype=np.float64), eps, 1.0 - eps)
    return float(-np.mean(np.sum(y * np.log(p), axis=-1)))
    # END SOLUTION


def sparse_categorical_cross_entropy(labels: np.ndarray, p: np.ndarray, eps: float = 1e-7) -> float:
    """정수 레이블 (n,)과 확률 (n, k)로 구하는 카테고리칼 크로스 엔트로피: −(1/n)·Σ log p[i, labels[i]]."""
    # BEGIN SOLUTION
    labels = np.asarray(labels)
    p = np.clip(np.asarray(p, dtype=np.float64), eps, 1.0 - eps)
    return float(-np.mean(np.log(p[np.arange(len(labels)), labels])))
    # END SOLUTION


def mae(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    """평균 절대 오차 (1/n)·Σ |y − ŷ|."""
    # BEGIN SOLUTION
    return float(np.mean(np.abs(np.asarray(y_true, dtype=np.float64) - np.asarray(y_pred, dtype=np.float64))))
    # END SOLUTION


def hinge(y_true: np.ndarray, scores: np.ndarray) -> float:
    """힌지 손실의 평균 (1/n)·Σ max(0, 1 − y·s). 레이블 0은 −1로 바꿔 씁니다 ({0, 1}과 {−1, +1} 모두 받음)."""
    # BEGIN SOLUTION
    y = np.asarray(y_true, dtype=np.float64)
    y = np.where(y == 0, -1.0, y)
    return float(np.mean(np.maximum(0.0, 1.0 - y * np.asarray(scores, dtype=np.float64))))
    # END SOLUTION
