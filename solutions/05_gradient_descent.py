"""05 선형 회귀와 경사 하강법

가설 H(x) = w·x + b 의 w와 b를, 비용 함수 MSE를 최소화하도록 경사 하강법으로 찾습니다.
데이터 x, y가 n개(모양 (n,)의 실수 배열)이고 오차를 e_i = H(x_i) − y_i 라고 하면

    비용     L(w, b) = (1/n) · Σ e_i²
    기울기   ∂L/∂w = (2/n) · Σ e_i · x_i        ∂L/∂b = (2/n) · Σ e_i
    한 스텝  w ← w − η · ∂L/∂w,   b ← b − η · ∂L/∂b      (η = 학습률 lr)

두 기울기는 모두 갱신 '전'의 같은 (w, b)에서 구한 뒤 함께 갱신합니다.
w, b, lr, 손실과 기울기는 파이썬 실수(float)입니다.

예: x = [1, 2, 3], y = [2, 4, 6], w = 0, b = 0 이면 L = 56/3, ∂L/∂w = −56/3, ∂L/∂b = −8
    lr = 0.1로 한 스텝 가면 w = 56/30 ≈ 1.8667, b = 0.8
"""

import numpy as np


def predict(x: np.ndarray, w: float, b: float) -> np.ndarray:
    """가설 H(x) = w·x + b. 모양 (n,)의 실수 배열을 반환합니다."""
    # BEGIN SOLUTION
    return w * np.asarray(x, dtype=np.float64) + b
    # END SOLUTION


def mse_loss(x: np.ndarray, y: np.ndarray, w: float, b: float) -> float:
    """비용 L(w, b) = (1/n) · Σ (H(x_i) − y_i)² 를 float로 반환합니다."""
    # BEGIN SOLUTION
    errors = predict(x, w, b) - np.asarray(y, dtype=np.float64)
    return float(np.mean(errors**2))
    # END SOLUTION


def mse_gradients(x: np.ndarray, y: np.ndarray, w: float, b: float) -> tuple[float, float]:
    """(∂L/∂w, ∂L/∂b) = ((2/n)·Σ e_i·x_i, (2/n)·Σ e_i), e_i = H(x_i) − y_i 를 두 float의 튜플로 반환합니다."""
    # BEGIN SOLUTION
    x = np.asarray(x, dtype=np.float64)
    errors = predict(x, w, b) - np.asarray(y, dtype=np.float64)
    return float(2.0 * np.mean(errors * x)), float(2.0 * np.mean(errors))
    # END SOLUTION


def gradient_step(x: np.ndarray, y: np.ndarray, w: float, b: float, lr: float) -> tuple[float, float]:
    """경사 하강법 한 스텝. 갱신 전의 (w, b)에서 구한 기울기로 함께 갱신한 (새 w, 새 b)를 반환합니다."""
    # BEGIN SOLUTION
    dw, db = mse_gradients(x, y, w, b)
    return w - lr * dw, b - lr * db
    # END SOLUTION


def fit(x: np.ndarray, y: np.ndarray, w0: float, b0: float, lr: float, steps: int) -> tuple[float, float, np.ndarray]:
    """(w0, b0)에서 시작해 gradient_step을 steps번 합니다. (w, b, losses)를 반환합니다.

    losses는 모양 (steps + 1,)의 실수 배열로, losses[0]은 시작점의 손실, losses[i]는 i번째 스텝 뒤의 손실입니다.
    """
    # BEGIN SOLUTION
    w, b = float(w0), float(b0)
    losses = [mse_loss(x, y, w, b)]
    for _ in range(steps):
        w, b = gradient_step(x, y, w, b, lr)
        losses.append(mse_loss(x, y, w, b))
    return w, b, np.array(losses)
    # END SOLUTION
