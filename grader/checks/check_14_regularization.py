"""Check for 14_regularization: L1 = λΣ|w| and L2 = λΣw² (Keras convention, no ½), their
gradients λ·sign(w) (0 at w = 0) and 2λw, and a regularised linear-regression loss whose bias
is not penalised.

Tolerances: penalties and gradients relative 1e-9, absolute 1e-12 (one sum or one product;
float32 weights relative 1e-6, absolute 1e-9, since a learner may keep float32);
the regularised loss and its gradient relative 1e-8, absolute 1e-11 (a matrix product whose
summation order may differ). Gradient check (grader.engine.gradcheck) of regularized_mse against
central differences of the reference loss, with every weight at least 0.05 from the L1 kink at 0.
"""

import numpy as np
import pytest

from grader.engine.gradcheck import expect_gradient, numerical_gradient
from grader.engine.verdict import Array, Mistake, Parts, Scalar, compare, expect, type_name

PENALTY = Scalar(rtol=1e-9, atol=1e-12)
GRADIENT = Array(rtol=1e-9, atol=1e-12)
LOOSE = {Scalar: Scalar(rtol=1e-6, atol=1e-9), Array: Array(rtol=1e-6, atol=1e-9)}  # float32 weights
RESULT = Parts((("loss", Scalar(rtol=1e-8, atol=1e-11)), ("dw", Array(rtol=1e-8, atol=1e-11)),
                ("db", Scalar(rtol=1e-8, atol=1e-11))))


def _w(weights):
    return np.asarray(weights, dtype=np.float64)


L1_MISTAKES = (
    Mistake("절댓값을 빠뜨렸습니다: 음수 가중치가 벌점을 줄입니다. L1 벌점은 λΣ|w|입니다.", lambda w, lam: lam * np.sum(_w(w)), id="l1-missing-abs"),
    Mistake("합이 아니라 평균을 썼습니다. L1 벌점은 λΣ|w|입니다.", lambda w, lam: lam * np.mean(np.abs(_w(w))), id="l1-mean-instead-of-sum"),
    Mistake("절댓값 대신 제곱을 썼습니다: 그것은 L2 벌점입니다.", lambda w, lam: lam * np.sum(_w(w) ** 2), id="l1-square-instead-of-abs"),
)

L2_MISTAKES = (
    Mistake("제곱합에 제곱근을 씌웠습니다 (노름 ‖w‖). L2 벌점은 제곱합 λΣw²입니다.", lambda w, lam: lam * np.sqrt(np.sum(_w(w) ** 2)), id="l2-sqrt-norm"),
    Mistake("½λΣw²를 썼습니다. 이 과정(Keras)의 L2 벌점에는 ½이 없습니다: λΣw².", lambda w, lam: 0.5 * lam * np.sum(_w(w) ** 2), id="l2-half"),
    Mistake("합이 아니라 평균을 썼습니다. L2 벌점은 λΣw²입니다.", lambda w, lam: lam * np.mean(_w(w) ** 2), id="l2-mean-instead-of-sum"),
    Mistake("제곱 대신 절댓값을 썼습니다: 그것은 L1 벌점입니다.", lambda w, lam: lam * np.sum(np.abs(_w(w))), id="l2-abs-instead-of-square"),
)

L1_GRADIENT_MISTAKES = (
    Mistake("L1의 기울기로 λ·w를 썼습니다. |w|의 미분은 sign(w)이므로 λ·sign(w)입니다.", lambda w, lam: lam * _w(w), id="l1-gradient-w-instead-of-sign"),
    Mistake("부호를 빠뜨렸습니다 (모든 자리에 λ). 음수 가중치의 기울기는 −λ입니다.", lambda w, lam: np.full(_w(w).shape, float(lam)), id="l1-gradient-missing-sign"),
    Mistake("w = 0인 자리의 기울기를 0이 아닌 값으로 정했습니다. 이 과정은 sign(0) = 0 (np.sign)을 씁니다.",
            lambda w, lam: lam * np.where(_w(w) >= 0, 1.0, -1.0), id="l1-gradient-nonzero-at-zero"),
)

L2_GRADIENT_MISTAKES = (
    Mistake("L2의 기울기로 λ·w를 썼습니다 (½λΣw²의 기울기). λΣw²의 기울기는 2λ·w입니다.", lambda w, lam: lam * _w(w), id="l2-gradient-missing-factor-2"),
    Mistake("λ를 곱하지 않았습니다: 2w입니다. 기울기는 2λ·w입니다.", lambda w, lam: 2 * _w(w), id="l2-gradient-missing-lambda"),
    Mistake("L2의 기울기로 λ·sign(w)를 썼습니다: 그것은 L1의 기울기입니다.", lambda w, lam: lam * np.sign(_w(w)), id="l2-gradient-sign"),
)


def _regularized(penalise_bias=False, l2_factor=2.0, l1_rule=np.sign, gradient_penalty=True, data_factor=2.0):
    def run(x, y, w, b, l1=0.0, l2=0.0):
        x, y, w = (np.asarray(a, dtype=np.float64) for a in (x, y, w))
        r = x @ w + b - y
        loss = np.mean(r**2) + l1 * np.sum(np.abs(w)) + l2 * np.sum(w**2)
        dw = data_factor * x.T @ r / len(y)
        db = data_factor * np.mean(r)
        if gradient_penalty:
            dw = dw + l1 * l1_rule(w) + l2_factor * l2 * w
        if penalise_bias:
            loss += l1 * abs(b) + l2 * b**2
            db += l1 * np.sign(b) + l2_factor * l2 * b
        return float(loss), dw, float(db)
    return run


REGULARIZED_MISTAKES = (
    Mistake("편향 b도 규제했습니다. 편향은 입력에 곱해지지 않으므로 벌점에서 뺍니다.", _regularized(penalise_bias=True), id="regularized-bias-penalized"),
    Mistake("L2 벌점의 기울기로 l2·w를 썼습니다 (½의 약속). l2·Σw²의 기울기는 2·l2·w입니다.", _regularized(l2_factor=1.0), id="regularized-l2-gradient-missing-factor-2"),
    Mistake("L1 벌점의 기울기로 l1·w를 썼습니다. l1·Σ|w|의 기울기는 l1·sign(w)입니다.", _regularized(l1_rule=lambda w: w), id="regularized-l1-gradient-w"),
    Mistake("손실에는 벌점을 더했지만 기울기에는 벌점의 기울기를 더하지 않았습니다.", _regularized(gradient_penalty=False), id="regularized-gradient-missing-penalty"),
    Mistake("평균 제곱 오차의 기울기에서 2를 빠뜨렸습니다: d mean(r²)/dw = (2/n)·xᵀr.", _regularized(data_factor=1.0), id="regularized-data-gradient-missing-factor-2"),
)

FUNCTIONS = {
    "l1_penalty": (PENALTY, L1_MISTAKES),
    "l2_penalty": (PENALTY, L2_MISTAKES),
    "l1_gradient": (GRADIENT, L1_GRADIENT_MISTAKES),
    "l2_gradient": (GRADIENT, L2_GRADIENT_MISTAKES),
}

EDGE_CASES = {
    "문제 설명의 예": (np.array([1.0, -2.0]), 0.1),
    "0인 가중치가 섞임": (np.array([0.0, 3.0, -0.5, 0.0]), 0.01),
    "모두 0": (np.zeros(3), 0.5),
    "2차원 가중치 행렬": (np.array([[0.5, -1.5, 2.0], [-0.25, 0.0, 1.0]]), 0.001),
    "λ = 0 (규제 없음)": (np.array([4.0, -4.0]), 0.0),
    "큰 λ": (np.array([-0.3, 0.7]), 10.0),
    "float32 가중치": (np.array([0.1, -0.2, 0.3], dtype=np.float32), 0.05),
}


@pytest.mark.parametrize("function", list(FUNCTIONS))
@pytest.mark.parametrize("case", list(EDGE_CASES))
def test_penalties_edge_cases(student, reference, function, case):
    """벌점과 그 기울기: 정해진 경우들"""
    spec, mistakes = FUNCTIONS[function]
    if EDGE_CASES[case][0].dtype == np.float32:
        spec = LOOSE[type(spec)]
    compare(student, reference, function, EDGE_CASES[case], case=case, spec=spec, mistakes=mistakes)


@pytest.mark.parametrize("function", list(FUNCTIONS))
def test_penalties_random(student, reference, rng, function):
    """벌점과 그 기울기: 무작위 가중치"""
    spec, mistakes = FUNCTIONS[function]
    for trial in range(15):
        shape = tuple(int(s) for s in rng.integers(1, 8, size=int(rng.integers(1, 3))))
        weights, lam = rng.normal(0.0, 2.0, shape), float(rng.choice([0.001, 0.01, 0.1, 1.0]))
        compare(student, reference, function, (weights, lam),
                case=f"무작위 {trial + 1}번째 (모양 {shape}, λ={lam})", spec=spec, mistakes=mistakes)


def _problem(rng, n, d):
    x = rng.normal(size=(n, d))
    w = rng.choice([-1.0, 1.0], d) * rng.uniform(0.05, 2.0, d)  # at least 0.05 from the L1 kink
    y = x @ rng.normal(size=d) + rng.normal(0.0, 0.3, n)
    return x, y, w, float(rng.normal())


REGULARIZED_CASES = {
    "규제 없음 (l1 = l2 = 0)": (0.0, 0.0),
    "L2만": (0.0, 0.1),
    "L1만": (0.05, 0.0),
    "L1과 L2 함께": (0.02, 0.3),
}


@pytest.mark.parametrize("case", list(REGULARIZED_CASES))
def test_regularized_mse(student, reference, rng, case):
    """regularized_mse: 손실과 기울기"""
    l1, l2 = REGULARIZED_CASES[case]
    for trial in range(6):
        n, d = int(rng.integers(2, 30)), int(rng.integers(1, 6))
        x, y, w, b = _problem(rng, n, d)
        compare(student, reference, "regularized_mse", (x, y, w, b), {"l1": l1, "l2": l2},
                case=f"{case}, 무작위 {trial + 1}번째 (n={n}, d={d}, b={b:.3f})", spec=RESULT, mistakes=REGULARIZED_MISTAKES)


def test_regularized_mse_gradient_check(student, reference, rng):
    """regularized_mse: 수치 미분(중앙 차분)과 비교하는 기울기 검사"""
    x, y, w, b = _problem(rng, 12, 4)
    l1, l2 = 0.05, 0.2
    case = f"n=12, d=4, l1={l1}, l2={l2}"
    result = student.call("regularized_mse", (x, y, w, b), {"l1": l1, "l2": l2})
    expect(isinstance(result, (tuple, list)) and len(result) == 3, "regularized_mse", case,
           f"(손실, dw, db) 세 값의 튜플을 반환해야 하는데 {type_name(result)}을(를) 반환했습니다.")
    _, dw, db = result
    numeric_w = numerical_gradient(lambda v: reference.regularized_mse(x, y, v, b, l1, l2)[0], w)
    expect_gradient(dw, numeric_w, function="regularized_mse", case=case, name="dw")
    numeric_b = numerical_gradient(lambda v: reference.regularized_mse(x, y, w, float(v[()]), l1, l2)[0], np.array(b))
    if isinstance(db, (int, float, np.integer, np.floating)) and not isinstance(db, bool):
        db = np.asarray(db, dtype=np.float64)
    expect_gradient(db, numeric_b, function="regularized_mse", case=case, name="db")
