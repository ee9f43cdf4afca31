"""Check for 19_momentum: v <- beta*v - lr*grad, w <- w + v, and a run down a quadratic bowl.

Tolerance: relative 1e-9, absolute 1e-12 for one step (a few float64 operations); relative 1e-6
for the 60-step trajectory, where rounding differences between correct formulations can grow.
"""

import numpy as np
import pytest

from grader.engine.verdict import Array, Mistake, Parts, compare, expect

STEP = Parts((("w", Array(rtol=1e-9, atol=1e-12)), ("v", Array(rtol=1e-9, atol=1e-12))))
PATH = Array(rtol=1e-6, atol=1e-9)


def _step(rule):
    def step(w, v, grad, lr=0.01, beta=0.9):
        w, v, grad = (np.asarray(a, dtype=np.float64) for a in (w, v, grad))
        return rule(w, v, grad, lr, beta)
    return step


STEP_MISTAKES = (
    Mistake("기울기 항의 부호가 반대입니다 (v = βv + η∇L): 손실이 커지는 방향으로 올라갑니다.",
            _step(lambda w, v, g, lr, b: (w + (b * v + lr * g), b * v + lr * g)), id="momentum-wrong-sign"),
    Mistake("가중치를 새 속도가 아니라 이전 속도로 움직였습니다 (w + v를 먼저 계산).",
            _step(lambda w, v, g, lr, b: (w + v, b * v - lr * g)), id="step-with-old-velocity"),
    Mistake("이전 속도를 반영하지 않았습니다 (β를 빠뜨림): 보통의 경사 하강법과 같아집니다.",
            _step(lambda w, v, g, lr, b: (w - lr * g, -lr * g)), id="momentum-missing-beta"),
    Mistake("PyTorch 방식(v = βv + ∇L, w = w − ηv)을 썼습니다. 이 연습의 v는 이 과정의 방식 v = βv − η∇L입니다.",
            _step(lambda w, v, g, lr, b: (w - lr * (b * v + g), b * v + g)), id="pytorch-convention"),
    Mistake("β를 이전 속도가 아니라 기울기에 곱했습니다.",
            _step(lambda w, v, g, lr, b: (w + (v - b * lr * g), v - b * lr * g)), id="beta-on-gradient"),
    Mistake("새 가중치는 맞지만 속도로 이전 속도 v를 반환했습니다: 다음 스텝에 쓸 새 속도 βv − η∇L을 반환해야 합니다.",
            _step(lambda w, v, g, lr, b: (w + b * v - lr * g, v)), id="returns-old-velocity"),
)


def _path(step, lookahead=False, first_velocity=None):
    def run(curvature, w0, lr, beta, steps):
        curvature = np.asarray(curvature, dtype=np.float64)
        w = np.asarray(w0, dtype=np.float64)
        v = np.zeros_like(w) if first_velocity is None else first_velocity(curvature, w, lr)
        path = [w]
        for _ in range(steps):
            w, v = step(w, v, curvature * (w + beta * v if lookahead else w), lr, beta)
            path.append(w)
        return np.array(path)
    return run


def _right_step(w, v, grad, lr, beta):
    v_new = beta * v - lr * grad
    return w + v_new, v_new


PATH_MISTAKES = tuple(Mistake(m.description, _path(m.compute), id=f"path-{m.id}") for m in STEP_MISTAKES) + (
    Mistake("기울기를 현재 w가 아니라 w + βv에서 구했습니다 (네스테로프 모멘텀). 이 연습은 보통의 모멘텀: ∇L(w)입니다.",
            _path(_right_step, lookahead=True), id="path-nesterov-lookahead"),
    Mistake("경로에 시작점 w0을 넣지 않았습니다: 경로는 w0부터 steps번의 갱신 뒤까지 steps + 1개의 점입니다.",
            lambda *args: _path(_right_step)(*args)[1:], id="path-missing-start"),
    Mistake("속도를 0이 아니라 첫 기울기 스텝(−η∇L(w0))으로 시작했습니다: 처음 속도는 v = 0입니다.",
            _path(_right_step, first_velocity=lambda c, w, lr: -lr * c * w), id="path-velocity-not-zero-at-start"),
)

EDGE_CASES = {
    "정지 상태에서 첫 스텝 (v = 0)": (np.array([1.0, -2.0]), np.zeros(2), np.array([0.5, -1.0]), 0.1, 0.9),
    "관성이 있는 상태": (np.array([0.3]), np.array([0.2]), np.array([1.0]), 0.05, 0.9),
    "기울기가 0이어도 관성으로 움직임": (np.array([1.0, 1.0]), np.array([-0.1, 0.2]), np.zeros(2), 0.1, 0.8),
    "β = 0 (보통의 경사 하강법)": (np.array([2.0, 3.0]), np.array([5.0, 5.0]), np.array([1.0, -1.0]), 0.5, 0.0),
    "2차원 가중치 행렬": (np.arange(6.0).reshape(2, 3), np.full((2, 3), 0.1), np.ones((2, 3)), 0.01, 0.9),
}


@pytest.mark.parametrize("case", list(EDGE_CASES))
def test_momentum_step_edge_cases(student, reference, case):
    """momentum_step: 정해진 경우들"""
    w, v, grad, lr, beta = EDGE_CASES[case]
    compare(student, reference, "momentum_step", (w, v, grad), {"lr": lr, "beta": beta},
            case=case, spec=STEP, mistakes=STEP_MISTAKES)


def test_momentum_step_default_arguments(student, reference):
    """momentum_step: lr와 beta를 생략하면 0.01과 0.9"""
    compare(student, reference, "momentum_step", (np.array([1.0]), np.array([0.5]), np.array([2.0])),
            case="lr, beta 생략", spec=STEP, mistakes=STEP_MISTAKES)


def test_momentum_step_random(student, reference, rng):
    """momentum_step: 무작위 입력"""
    for trial in range(20):
        shape = tuple(int(s) for s in rng.integers(1, 6, size=int(rng.integers(1, 3))))
        w, v, grad = (rng.normal(size=shape) for _ in range(3))
        lr, beta = float(rng.uniform(0.001, 0.5)), float(rng.uniform(0.0, 0.99))
        compare(student, reference, "momentum_step", (w, v, grad), {"lr": lr, "beta": beta},
                case=f"무작위 입력 {trial + 1}번째 (모양 {shape}, lr={lr:.3f}, beta={beta:.3f})",
                spec=STEP, mistakes=STEP_MISTAKES)


def test_minimize_quadratic(student, reference):
    """minimize_quadratic: 길쭉한 그릇을 60스텝 내려가기"""
    compare(student, reference, "minimize_quadratic", (np.array([1.0, 10.0]), np.array([-4.0, 1.5]), 0.05, 0.9, 60),
            case="곡률 [1, 10], 시작 [-4, 1.5], lr 0.05, beta 0.9", spec=PATH, mistakes=PATH_MISTAKES)


def test_minimize_quadratic_reaches_minimum(student):
    """minimize_quadratic: 충분히 내려가면 최솟값(0) 근처에 도착"""
    path = student.call("minimize_quadratic", (np.array([1.0, 4.0]), np.array([3.0, -2.0]), 0.1, 0.5, 200))
    final = np.asarray(path)[-1] if np.ndim(path) == 2 else None
    expect(final is not None and np.all(np.abs(final) < 1e-6), "minimize_quadratic", "200스텝 뒤 위치",
           f"200스텝 뒤 |w|가 1e-6보다 작아야 하는데 마지막 위치가 {final}입니다 (모양 {np.shape(path)}).",
           "부호나 갱신 순서를 확인하세요: 올바른 모멘텀은 이 그릇의 바닥으로 수렴합니다.")
