"""14 가중치 규제(regularization): L1과 L2

복잡한 모델이 과적합되지 않도록 손실에 '가중치가 클수록 커지는 벌점'을 더합니다.
λ(lam)는 규제의 세기(하이퍼파라미터)입니다.

    L1 규제:  벌점 = λ · Σ |w|        기울기 = λ · sign(w)     (w = 0에서는 0으로 정합니다)
    L2 규제:  벌점 = λ · Σ w²         기울기 = 2λ · w

이 과정은 Keras(tf.keras.regularizers.l1(λ), l2(λ))와 같은 약속을 따릅니다: L2 벌점에 ½이 없으므로
기울기에 2가 붙습니다. (교재에 따라 ½λΣw²로 써서 기울기를 λw로 만들기도 합니다. PyTorch의
optimizer weight_decay=wd는 기울기에 wd · w를 더하므로, 이 과정의 λ로는 wd = 2λ에 해당합니다.)

편향(bias)은 규제하지 않습니다: 편향은 입력에 곱해지지 않아 모델을 복잡하게 만들지 않기 때문입니다.

regularized_mse는 선형 회귀 ŷ = x · w + b (x: (n, d), w: (d,), b: float, y: (n,))의
손실에 두 벌점을 더한 값과 그 기울기를 구합니다.

    손실 J = mean((ŷ − y)²) + l1 · Σ|w| + l2 · Σ w²
    dJ/dw = (2/n) · xᵀ(ŷ − y) + l1 · sign(w) + 2 · l2 · w
    dJ/db = (2/n) · Σ(ŷ − y)                      (편향에는 벌점 기울기가 없음)

예: l2_penalty(np.array([1.0, -2.0]), 0.1) == 0.5,  l2_gradient(np.array([1.0, -2.0]), 0.1) == [0.2, -0.4]
"""

import numpy as np


def l1_penalty(weights: np.ndarray, lam: float) -> float:
    """L1 벌점 λ · Σ|w| (float). weights는 임의 모양의 실수 배열입니다."""
    # BEGIN SOLUTION
    return float(lam * np.sum(np.abs(np.asarray(weights, dtype=np.float64))))
    # END SOLUTION


def l2_penalty(weights: np.ndarray, lam: float) -> float:
    """L2 벌점 λ · Σ w² (float). 제곱근을 씌우지 않습니다 (노름이 아니라 제곱합)."""
    # BEGIN SOLUTION
    return float(lam * np.sum(np.asarray(weights, dtype=np.float64) ** 2))
    # END SOLUTION


def l1_gradient(weights: np.ndarray, lam: float) -> np.ndarray:
    """L1 벌점의 기울기 λ · sign(w). weights와 같은 모양, w = 0인 자리는 0."""
    # BEGIN SOLUTION
    return lam * np.sign(np.asarray(weights, dtype=np.float64))
    # END SOLUTION


def l2_gradient(weights: np.ndarray, lam: float) -> np.ndarray:
    """L2 벌점의 기울기 2λ · w. weights와 같은 모양."""
    # BEGIN SOLUTION
    return 2.0 * lam * np.asarray(weights, dtype=np.float64)
    # END SOLUTION


def regularized_mse(
    x: np.ndarray, y: np.ndarray, w: np.ndarray, b: float, l1: float = 0.0, l2: float = 0.0
) -> tuple[float, np.ndarray, float]:
    """선형 회귀의 규제된 손실과 기울기 (J, dJ/dw, dJ/db)를 반환합니다.

    J = mean((x·w + b − y)²) + l1·Σ|w| + l2·Σw². 편향 b는 규제하지 않습니다.
    J와 dJ/db는 float, dJ/dw는 w와 같은 모양의 배열입니다.
    """
    # BEGIN SOLUTION
    x, y, w = (np.asarray(a, dtype=np.float64) for a in (x, y, w))
    residual = x @ w + b - y
    loss = float(np.mean(residual**2)) + l1_penalty(w, l1) + l2_penalty(w, l2)
    grad_w = 2.0 * x.T @ residual / len(y) + l1_gradient(w, l1) + l2_gradient(w, l2)
    grad_b = float(2.0 * np.mean(residual))
    return loss, grad_w, grad_b
    # END SOLUTION
