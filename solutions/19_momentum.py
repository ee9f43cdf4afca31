"""19 모멘텀(momentum)

경사 하강법에 '관성'을 더합니다. 속도 v가 지난 기울기들을 누적해, 같은 방향으로 계속 내려가는
동안은 점점 빨라지고 방향이 자주 바뀌는 축에서는 진동이 줄어듭니다. 이 과정의 규칙(노트와 Keras의 방식):

    v ← β · v − η · ∇L(w)
    w ← w + v

η는 학습률(lr), β는 모멘텀 계수(beta, 보통 0.9)입니다. β = 0이면 보통의 경사 하강법과 같습니다.
(PyTorch는 v ← β·v + ∇L, w ← w − η·v로 씁니다. 학습률이 일정하면 이 과정의 v는 PyTorch의 v에 −η를 곱한 것이어서
두 방식의 w 궤적은 같습니다. 이 연습은 이 과정의 방식을 따릅니다.)
"""

import numpy as np


def momentum_step(
    w: np.ndarray, v: np.ndarray, grad: np.ndarray, lr: float = 0.01, beta: float = 0.9
) -> tuple[np.ndarray, np.ndarray]:
    """한 번의 갱신. (새 가중치 w, 새 속도 v)를 반환합니다. 모든 배열은 같은 모양입니다."""
    # BEGIN SOLUTION
    v_new = beta * np.asarray(v, dtype=np.float64) - lr * np.asarray(grad, dtype=np.float64)
    return np.asarray(w, dtype=np.float64) + v_new, v_new
    # END SOLUTION


def minimize_quadratic(
    curvature: np.ndarray, w0: np.ndarray, lr: float, beta: float, steps: int
) -> np.ndarray:
    """그릇 모양 손실 L(w) = ½ · Σ curvature_i · w_i² 를 v = 0에서 시작해 steps번 모멘텀으로 내려갑니다.

    기울기는 ∇L(w) = curvature * w 입니다. 시작점을 포함한 모든 위치를 모양 (steps + 1, d)의
    배열로 반환합니다 (d = len(w0)).
    """
    # BEGIN SOLUTION
    curvature = np.asarray(curvature, dtype=np.float64)
    w = np.asarray(w0, dtype=np.float64)
    v = np.zeros_like(w)
    path = [w]
    for _ in range(steps):
        w, v = momentum_step(w, v, curvature * w, lr, beta)
        path.append(w)
    return np.array(path)
    # END SOLUTION
