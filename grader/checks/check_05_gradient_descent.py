"""Check for 05_gradient_descent: H(x) = w·x + b, the MSE, its gradient for w and b, one step of
gradient descent and a short fit.

Tolerances: predictions relative 1e-12 (one multiply-add); losses and gradients relative 1e-9,
absolute 1e-10 (a mean of n products: summation order changes the last bits, and a gradient near
zero is a cancellation whose absolute error is about n·1e-16 times the size of the terms); the
fit (up to 200 steps) relative 1e-7, absolute 1e-10: gradient descent with a stable learning
rate is a contraction, so rounding differences between correct formulations do not grow.
The gradient is also checked against central differences of the reference's loss (grader.engine.gradcheck),
which does not depend on how the learner wrote the formula. The fit must reach the least-squares
loss (np.polyfit on the trusted side) to within 0.1%.
"""

import numpy as np
import pytest

from grader.engine.gradcheck import expect_gradient, numerical_gradient
from grader.engine.verdict import Array, Mistake, Parts, Scalar, compare, expect

PREDICTION = Array(rtol=1e-12, atol=1e-12)
VALUE = Scalar(rtol=1e-9, atol=1e-10)
PAIR = Parts((("dw", VALUE), ("db", VALUE)))
PARAMS = Parts((("w", VALUE), ("b", VALUE)))
FIT_VALUE = Scalar(rtol=1e-7, atol=1e-10)
# structure only (a finite number; a real array of the right shape), for property tests
ANY_NUMBER = Scalar(rtol=0.0, atol=np.inf)
ANY_ARRAY = Array(rtol=0.0, atol=np.inf)
FIT = Parts((("w", FIT_VALUE), ("b", FIT_VALUE), ("losses", Array(rtol=1e-7, atol=1e-10))))


def _f(a):
    return np.asarray(a, dtype=np.float64)


def _errors(x, y, w, b):
    return w * _f(x) + b - _f(y)


PREDICT_MISTAKES = (
    Mistake("w와 b의 자리를 바꿨습니다 (b·x + w). 가설은 H(x) = w·x + b입니다.", lambda x, w, b: b * _f(x) + w, id="predict-w-b-swapped"),
    Mistake("편향 b를 더하지 않았습니다.", lambda x, w, b: w * _f(x), id="predict-missing-bias"),
)

LOSS_MISTAKES = (
    Mistake("MSE를 평균이 아니라 합으로 계산했습니다 (n으로 나누지 않음).", lambda x, y, w, b: float(np.sum(_errors(x, y, w, b) ** 2)), id="loss-sum-instead-of-mean"),
    Mistake("½을 곱했습니다. 이 연습의 비용은 ½이 없는 MSE = (1/n)·Σ e²입니다.",
            lambda x, y, w, b: float(np.mean(_errors(x, y, w, b) ** 2) / 2), id="loss-half-mse"),
    Mistake("제곱 대신 절댓값을 썼습니다: 그것은 MAE입니다.", lambda x, y, w, b: float(np.mean(np.abs(_errors(x, y, w, b)))), id="loss-abs-instead-of-square"),
)


def _grad(rule):
    def run(x, y, w, b):
        x = _f(x)
        return rule(x, _errors(x, y, w, b), len(x))
    return run


GRADIENT_MISTAKES = (
    Mistake("2를 빠뜨렸습니다. (e²)' = 2e이므로 ∂L/∂w = (2/n)·Σ e·x, ∂L/∂b = (2/n)·Σ e입니다.",
            _grad(lambda x, e, n: (float(np.mean(e * x)), float(np.mean(e)))), id="gradient-missing-factor-2"),
    Mistake("오차의 부호가 반대입니다 (e = y − H(x)로 썼는데 식은 e = H(x) − y용): 기울기의 부호가 뒤집힙니다.",
            _grad(lambda x, e, n: (float(-2 * np.mean(e * x)), float(-2 * np.mean(e)))), id="gradient-wrong-sign"),
    Mistake("n으로 나누지 않았습니다 (평균이 아니라 합): 비용이 MSE라면 기울기도 평균입니다.",
            _grad(lambda x, e, n: (float(2 * np.sum(e * x)), float(2 * np.sum(e)))), id="gradient-sum-instead-of-mean"),
    Mistake("∂L/∂w에 x를 곱하지 않았습니다. H = w·x + b를 w로 미분하면 x가 남습니다.",
            _grad(lambda x, e, n: (float(2 * np.mean(e)), float(2 * np.mean(e)))), id="gradient-w-missing-x"),
    Mistake("∂L/∂b에 x를 곱했습니다. H = w·x + b를 b로 미분하면 1입니다.",
            _grad(lambda x, e, n: (float(2 * np.mean(e * x)), float(2 * np.mean(e * x)))), id="gradient-b-times-x"),
    Mistake("(∂L/∂w, ∂L/∂b)의 순서를 바꿔 반환했습니다.",
            _grad(lambda x, e, n: (float(2 * np.mean(e)), float(2 * np.mean(e * x)))), id="gradient-order-swapped"),
)


def _gradients(x, y, w, b):
    x = _f(x)
    e = _errors(x, y, w, b)
    return float(2 * np.mean(e * x)), float(2 * np.mean(e))


def _ascent(x, y, w, b, lr):
    dw, db = _gradients(x, y, w, b)
    return w + lr * dw, b + lr * db


def _sequential(x, y, w, b, lr):
    dw, _ = _gradients(x, y, w, b)
    w = w - lr * dw
    _, db = _gradients(x, y, w, b)
    return w, b - lr * db


def _no_lr(x, y, w, b, lr):
    dw, db = _gradients(x, y, w, b)
    return w - dw, b - db


STEP_MISTAKES = (
    Mistake("기울기를 더했습니다 (w + η·∂L/∂w): 손실이 커지는 방향으로 올라갑니다. 경사 '하강'은 기울기를 뺍니다.", _ascent, id="step-gradient-ascent"),
    Mistake("w를 먼저 갱신한 뒤 새 w로 ∂L/∂b를 구했습니다. 두 기울기는 갱신 전의 같은 (w, b)에서 구해야 합니다.", _sequential, id="step-sequential-update"),
    Mistake("학습률 lr을 곱하지 않았습니다.", _no_lr, id="step-missing-lr"),
)


def _fit(step, record="all"):
    def run(x, y, w0, b0, lr, steps):
        w, b = float(w0), float(b0)
        loss = lambda: float(np.mean(_errors(x, y, w, b) ** 2))
        losses = [loss()]
        with np.errstate(all="ignore"):
            for _ in range(steps):
                w, b = step(x, y, w, b, lr)
                losses.append(loss())
        losses = np.array(losses)
        if record == "no_start":
            losses = losses[1:]
        elif record == "no_end":
            losses = losses[:-1]
        return w, b, losses
    return run


def _right_step(x, y, w, b, lr):
    dw, db = _gradients(x, y, w, b)
    return w - lr * dw, b - lr * db


FIT_MISTAKES = (
    Mistake("손실 기록에 시작점의 손실(losses[0])을 빠뜨렸습니다. losses는 steps + 1개입니다.", _fit(_right_step, "no_start"), id="fit-missing-start-loss"),
    Mistake("손실을 스텝 '전'에만 기록해 마지막 스텝 뒤의 손실이 빠졌습니다. losses는 steps + 1개입니다.", _fit(_right_step, "no_end"), id="fit-missing-end-loss"),
    *(Mistake(m.description, _fit(m.compute), id=f"fit-{m.id}") for m in STEP_MISTAKES),
)

DATA = {
    "기본 예: y = 2x, (w, b) = (0, 0)": (np.array([1.0, 2.0, 3.0]), np.array([2.0, 4.0, 6.0]), 0.0, 0.0),
    "이미 최적 (기울기 0)": (np.array([0.0, 1.0, 2.0]), np.array([1.0, 3.0, 5.0]), 2.0, 1.0),
    "음수 x와 음수 w": (np.array([-2.0, -1.0, 0.5, 4.0]), np.array([3.0, 1.0, 0.0, -7.0]), -0.5, 0.25),
    "샘플 하나": (np.array([2.0]), np.array([-1.0]), 1.5, -0.5),
    "정수 배열 입력": (np.array([1, 2, 3, 4]), np.array([3, 5, 8, 9]), 1.0, 1.0),
    "float32 입력": (np.array([0.5, 1.5, 2.5], dtype=np.float32), np.array([1.0, 2.0, 2.5], dtype=np.float32), 0.5, 0.0),
}


def _random_data(rng):
    n = int(rng.integers(1, 60))
    x = rng.normal(0.0, 3.0, n)
    y = float(rng.normal(0, 3)) * x + float(rng.normal(0, 5)) + rng.normal(0.0, 1.0, n)
    return n, x, y, float(rng.normal(0, 2)), float(rng.normal(0, 2))


@pytest.mark.parametrize("case", list(DATA))
def test_predict(student, reference, case):
    """predict: 가설 H(x) = w·x + b"""
    x, _, w, b = DATA[case]
    compare(student, reference, "predict", (x, w, b), case=case, spec=PREDICTION, mistakes=PREDICT_MISTAKES)


@pytest.mark.parametrize("case", list(DATA))
def test_mse_loss(student, reference, case):
    """mse_loss: 비용 (1/n)·Σ (H(x) − y)²"""
    compare(student, reference, "mse_loss", DATA[case], case=case, spec=VALUE, mistakes=LOSS_MISTAKES)


@pytest.mark.parametrize("case", list(DATA))
def test_mse_gradients(student, reference, case):
    """mse_gradients: 정해진 경우들"""
    compare(student, reference, "mse_gradients", DATA[case], case=case, spec=PAIR, mistakes=GRADIENT_MISTAKES)


def test_mse_gradients_random(student, reference, rng):
    """mse_gradients: 무작위 데이터"""
    for trial in range(20):
        n, x, y, w, b = _random_data(rng)
        compare(student, reference, "mse_gradients", (x, y, w, b), case=f"무작위 입력 {trial + 1}번째 (n={n})",
                spec=PAIR, mistakes=GRADIENT_MISTAKES)


def test_gradient_matches_numerical_derivative(student, reference, rng):
    """mse_gradients: 수치 미분(중앙 차분)과 일치"""
    for trial in range(10):
        n, x, y, w, b = _random_data(rng)
        case = f"수치 미분과 비교 {trial + 1}번째 (n={n}, w={w:.3f}, b={b:.3f})"
        result = student.call("mse_gradients", (x.copy(), y.copy(), w, b))
        problems = Parts((("dw", ANY_NUMBER), ("db", ANY_NUMBER))).problems(result, (0.0, 0.0))
        expect(not problems, "mse_gradients", case, *problems)
        analytic = np.array([float(np.asarray(result[0])), float(np.asarray(result[1]))])
        numeric = numerical_gradient(lambda p: reference.mse_loss(x, y, p[0], p[1]), np.array([w, b]))
        expect_gradient(analytic, numeric, function="mse_gradients", case=case, name="(∂L/∂w, ∂L/∂b)")


@pytest.mark.parametrize("case", list(DATA))
def test_gradient_step(student, reference, case):
    """gradient_step: 한 스텝 (lr = 0.1)"""
    compare(student, reference, "gradient_step", (*DATA[case], 0.1), case=f"{case}, lr 0.1",
            spec=PARAMS, mistakes=STEP_MISTAKES)


def test_gradient_step_random(student, reference, rng):
    """gradient_step: 무작위 데이터와 학습률"""
    for trial in range(20):
        n, x, y, w, b = _random_data(rng)
        lr = float(rng.uniform(0.001, 0.05))
        compare(student, reference, "gradient_step", (x, y, w, b, lr),
                case=f"무작위 입력 {trial + 1}번째 (n={n}, lr={lr:.4f})", spec=PARAMS, mistakes=STEP_MISTAKES)


def test_fit_matches_reference(student, reference):
    """fit: 기본 예를 20스텝"""
    compare(student, reference, "fit", (np.array([1.0, 2.0, 3.0]), np.array([2.0, 4.0, 6.0]), 0.0, 0.0, 0.05, 20),
            case="y = 2x, 시작 (0, 0), lr 0.05, 20스텝", spec=FIT, mistakes=FIT_MISTAKES)


def test_fit_zero_steps(student, reference):
    """fit: steps = 0이면 시작점 그대로, 손실 하나"""
    compare(student, reference, "fit", (np.array([1.0, 2.0]), np.array([0.0, 1.0]), 0.5, -1.0, 0.1, 0),
            case="steps = 0", spec=FIT, mistakes=FIT_MISTAKES)


def test_fit_reaches_least_squares_loss(student, rng):
    """fit: 200스텝 안에 최소제곱 해의 손실에 도달"""
    x = rng.uniform(-1.0, 1.0, 100)
    w_true, b_true = float(rng.uniform(-4, 4)), float(rng.uniform(-4, 4))
    y = w_true * x + b_true + rng.normal(0.0, 0.1, 100)
    w_best, b_best = np.polyfit(x, y, 1)
    best = float(np.mean((w_best * x + b_best - y) ** 2))
    case = f"y ≈ {w_true:.2f}·x + {b_true:.2f} + 잡음, 시작 (0, 0), lr 0.5, 200스텝"
    result = student.call("fit", (x, y, 0.0, 0.0, 0.5, 200))
    problems = Parts((("w", ANY_NUMBER), ("b", ANY_NUMBER), ("losses", ANY_ARRAY))).problems(result, (0.0, 0.0, np.zeros(201)))
    expect(not problems, "fit", case, *problems)
    w, b, losses = result
    final = float(np.mean((float(w) * x + float(b) - y) ** 2))
    expect(np.isfinite(final) and final <= best * 1.001, "fit", case,
           f"200스텝 뒤의 손실이 {final:.6g}입니다. 최소제곱 해(w={w_best:.4f}, b={b_best:.4f})의 손실 {best:.6g}의 0.1% 안에 들어야 합니다.",
           "기울기의 부호와 크기(2/n), 그리고 w와 b를 함께 갱신했는지 확인하세요.")
    losses = np.asarray(losses, dtype=np.float64)
    expect(bool(np.all(np.diff(losses) <= 1e-12)), "fit", case,
           "이 학습률에서는 손실이 스텝마다 줄어야 하는데 늘어난 스텝이 있습니다: losses[i]는 i번째 스텝 뒤의 손실입니다.")
