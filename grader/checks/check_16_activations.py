"""Check for 16_activations: sigmoid, ReLU, Leaky ReLU, their derivatives (relu'(0) = 0,
leaky'(0) = α, as PyTorch's autograd), and the vanishing gradient through n sigmoid layers.

Tolerances: element-wise values relative 1e-9, absolute 1e-12; for float32 inputs relative 1e-6,
absolute 1e-7, because a learner may keep the input dtype (float32 rounding is ~6e-8). The absolute part accepts every
correct way of writing the sigmoid (e.g. ½(1 + tanh(x/2)) returns 0 where σ(−40) ≈ 4e-18, and
σ(x)(1 − σ(x)) loses relative accuracy for |x| > 20 but stays within 1e-16 absolutely). The chain
gradient and its bound 0.25ⁿ are products of up to 30 factors that reach 1e-18, so they are
compared relatively only (relative 1e-9, absolute 0) on inputs |x| ≤ 5, where every correct
formula is accurate to ~1e-14. Stability probes at x = ±1000 must give exact 0/1 without NaN,
and the sigmoid (only it: see QUIET) without a RuntimeWarning (`no_warnings=True`).
Gradient checks (grader.engine.gradcheck): each derivative against central differences of the
reference function, away from the kinks (|x| ≥ 0.05).
"""

import numpy as np
import pytest

from grader.engine.gradcheck import expect_gradient, numerical_gradient
from grader.engine.verdict import Array, Mistake, Scalar, compare

VALUES = Array(rtol=1e-9, atol=1e-12)
VALUES32 = Array(rtol=1e-6, atol=1e-7)  # float32 inputs: a learner may keep float32 (eps ≈ 6e-8)
CHAIN = Array(rtol=1e-9, atol=0.0)
BOUND = Scalar(rtol=1e-12, atol=0.0)


def _x(x):
    return np.asarray(x, dtype=np.float64)


def _sig(x):
    e = np.exp(-np.abs(_x(x)))
    return np.where(_x(x) >= 0, 1 / (1 + e), e / (1 + e))


SIGMOID_EXP_RATIO = ("σ(x)를 e^x / (1 + e^x)로 계산했습니다: x가 710을 넘으면 e^x가 inf로 넘쳐 inf / inf = NaN이 됩니다. "
                     "x ≥ 0에서는 1 / (1 + e^(−x)), x < 0에서는 e^x / (1 + e^x)처럼 지수가 넘치지 않는 쪽을 고르세요.")


def _exp_ratio(x):
    """e^x / (1 + e^x) as numpy computes it: NaN once e^x overflows."""
    with np.errstate(over="ignore", invalid="ignore"):
        return np.exp(_x(x)) / (1 + np.exp(_x(x)))


def _derivative_overflow(x):
    with np.errstate(over="ignore", invalid="ignore"):
        e = np.exp(-_x(x))
        return e / (1 + e) ** 2


MISTAKES = {
    "sigmoid": (
        Mistake("지수의 부호가 반대입니다: σ(x) = 1 / (1 + e^(−x))입니다 (1 / (1 + e^x)는 σ(−x)).", lambda x: _sig(-_x(x)), id="sigmoid-wrong-sign"),
        Mistake("1 / (1 + e^(−x))가 아니라 1 / (1 − e^(−x))를 썼습니다.",
                lambda x: 1 / (1 - np.exp(-np.clip(_x(x), -700, 700))), id="sigmoid-one-minus-exp"),
        Mistake(SIGMOID_EXP_RATIO, _exp_ratio, id="sigmoid-exp-ratio-overflow"),
    ),
    "sigmoid_derivative": (
        Mistake("입력 x에 바로 x(1 − x)를 계산했습니다. σ'(x) = σ(x)(1 − σ(x))이므로 먼저 σ(x)를 구해야 합니다.",
                lambda x: _x(x) * (1 - _x(x)), id="sigmoid-derivative-of-input"),
        Mistake("σ'(x) 대신 σ(x)를 반환했습니다.", _sig, id="sigmoid-derivative-returns-sigmoid"),
        Mistake("σ(x)(1 − σ(x))가 아니라 σ(x)(1 + σ(x))를 썼습니다.", lambda x: _sig(x) * (1 + _sig(x)), id="sigmoid-derivative-plus"),
        Mistake("e^(−x) / (1 + e^(−x))²를 그대로 계산했습니다: x가 −710보다 작으면 e^(−x)가 inf로 넘쳐 inf / inf = NaN이 됩니다. "
                "도함수는 x에 대해 대칭이므로 e^(−|x|)를 쓰세요.", _derivative_overflow, id="sigmoid-derivative-overflow"),
    ),
    "relu": (
        Mistake("음수를 0으로 바꾸지 않고 절댓값을 취했습니다.", lambda x: np.abs(_x(x)), id="relu-abs"),
        Mistake("max(0, x)가 아니라 min(0, x)를 썼습니다.", lambda x: np.minimum(_x(x), 0), id="relu-min-instead-of-max"),
    ),
    "relu_derivative": (
        Mistake("x = 0에서의 도함수를 1로 정했습니다 (x >= 0). 이 과정은 PyTorch처럼 x > 0일 때만 1입니다.",
                lambda x: (_x(x) >= 0).astype(float), id="relu-derivative-one-at-zero"),
        Mistake("도함수가 아니라 ReLU 값 max(0, x)를 반환했습니다.", lambda x: np.maximum(_x(x), 0), id="relu-derivative-returns-relu"),
    ),
    "leaky_relu": (
        Mistake("Keras의 기본값 α = 0.3을 썼습니다. 이 연습의 기본값은 PyTorch와 같은 0.01입니다.",
                lambda x, alpha=0.01: np.where(_x(x) > 0, _x(x), 0.3 * _x(x)), id="leaky-relu-keras-alpha"),
        Mistake("음수 쪽에 α를 곱하지 않고 0으로 만들었습니다: 그것은 보통의 ReLU입니다.",
                lambda x, alpha=0.01: np.maximum(_x(x), 0), id="leaky-relu-zero-negative-side"),
        Mistake("양수 쪽에 α를 곱했습니다. 양수는 그대로, 음수에만 α를 곱합니다.",
                lambda x, alpha=0.01: np.where(_x(x) > 0, alpha * _x(x), _x(x)), id="leaky-relu-alpha-on-positive-side"),
        Mistake("np.maximum(x, α·x)를 썼습니다: α ≤ 1일 때만 맞는 지름길입니다. α > 1이면 양수 쪽에서 α·x, 음수 쪽에서 x가 됩니다. "
                "정의대로 np.where(x > 0, x, α·x)를 쓰세요.", lambda x, alpha=0.01: np.maximum(_x(x), alpha * _x(x)),
                id="leaky-relu-maximum-shortcut"),
    ),
    "leaky_relu_derivative": (
        Mistake("음수 쪽 도함수를 0으로 했습니다: Leaky ReLU의 음수 쪽 기울기는 α입니다 (그래서 죽은 ReLU가 생기지 않음).",
                lambda x, alpha=0.01: (_x(x) > 0).astype(float), id="leaky-derivative-zero-negative-side"),
        Mistake("음수 쪽 도함수로 α·x를 썼습니다. α·x의 미분은 α입니다.",
                lambda x, alpha=0.01: np.where(_x(x) > 0, 1.0, alpha * _x(x)), id="leaky-derivative-alpha-times-x"),
        Mistake("x = 0에서의 도함수를 1로 정했습니다 (x >= 0). 이 과정은 PyTorch처럼 x > 0일 때만 1, x = 0에서는 α입니다.",
                lambda x, alpha=0.01: np.where(_x(x) >= 0, 1.0, alpha), id="leaky-derivative-one-at-zero"),
        Mistake("Keras의 기본값 α = 0.3을 썼습니다. 이 연습의 기본값은 PyTorch와 같은 0.01입니다.",
                lambda x, alpha=0.01: np.where(_x(x) > 0, 1.0, 0.3), id="leaky-derivative-keras-alpha"),
    ),
}


def _dsig(a):
    s = _sig(a)
    return s * (1 - s)


def _chain(rule):
    def run(x, n_layers):
        return rule(_x(x), int(n_layers))
    return run


def _same_input(x, n):
    return _dsig(x) ** n


def _summed(x, n):
    a, total = x, np.zeros_like(x) if n else np.ones_like(x)
    for _ in range(n):
        total = total + _dsig(a)
        a = _sig(a)
    return total


def _shifted(x, n):
    a, grad = _sig(x), np.ones_like(x)
    for _ in range(n):
        grad = grad * _dsig(a)
        a = _sig(a)
    return grad


CHAIN_MISTAKES = (
    Mistake("모든 층에서 처음 입력 x의 σ'(x)를 곱했습니다 (σ'(x)ⁿ). k번째 층의 도함수는 그 층의 입력 a_(k−1)에서 구합니다.",
            _chain(_same_input), id="chain-same-input"),
    Mistake("층마다의 도함수를 곱하지 않고 더했습니다. 연쇄 법칙은 곱입니다.", _chain(_summed), id="chain-sum-instead-of-product"),
    Mistake("층의 입력이 아니라 출력에서 도함수를 구했습니다 (σ'(a_1) … σ'(a_n)). k번째 층은 σ'(a_(k−1))입니다.",
            _chain(_shifted), id="chain-derivative-at-outputs"),
    Mistake("상한 0.25ⁿ을 그대로 반환했습니다. 실제 기울기는 입력마다 다릅니다.",
            _chain(lambda x, n: np.full(x.shape, 0.25**n)), id="chain-returns-bound"),
)

BOUND_MISTAKES = (
    Mistake("σ(0) = 0.5를 도함수의 최댓값으로 썼습니다. 시그모이드 도함수의 최댓값은 σ'(0) = 0.25입니다.", lambda n: 0.5**n, id="bound-half-per-layer"),
    Mistake("층마다 0.25를 곱하지 않고 더했습니다 (0.25 · n). 기울기는 층을 지날 때마다 곱해집니다.", lambda n: 0.25 * n, id="bound-sum-instead-of-product"),
    Mistake("거듭제곱의 지수가 하나 모자랍니다 (0.25^(n−1)).", lambda n: 0.25 ** (n - 1), id="bound-exponent-off-by-one"),
)

GRID = np.array([-3.0, -1.0, -0.5, 0.0, 0.5, 1.0, 3.0])
EDGE_CASES = {
    "0을 포함한 작은 값들": (GRID,),
    "x = 0 하나 (도함수의 약속)": (np.array([0.0]),),
    "큰 입력 ±1000 (e^1000은 넘침)": (np.array([-1000.0, -745.0, -40.0, 40.0, 745.0, 1000.0]),),
    "2차원 배열": (np.array([[-2.0, 0.0, 2.0], [-0.1, 0.1, 7.0]]),),
    "float32 입력": (np.array([-2.5, -0.25, 0.0, 0.25, 2.5], dtype=np.float32),),
    "float32의 큰 입력 ±100": (np.array([-100.0, 100.0], dtype=np.float32),),
}

ELEMENTWISE = ("sigmoid", "sigmoid_derivative", "relu", "relu_derivative", "leaky_relu", "leaky_relu_derivative")
# The contract promises "x = ±1000에서도 NaN이나 경고 없이" for the sigmoid only; a warning elsewhere is allowed.
QUIET = frozenset({"sigmoid"})


@pytest.mark.parametrize("function", ELEMENTWISE)
@pytest.mark.parametrize("case", list(EDGE_CASES))
def test_elementwise_edge_cases(student, reference, function, case):
    """활성화 함수와 도함수: 정해진 경우들 (x = 0, 큰 입력, float32)"""
    spec = VALUES32 if EDGE_CASES[case][0].dtype == np.float32 else VALUES
    compare(student, reference, function, EDGE_CASES[case], case=case, spec=spec, mistakes=MISTAKES[function],
            no_warnings=function in QUIET)


@pytest.mark.parametrize("function", ["leaky_relu", "leaky_relu_derivative"])
@pytest.mark.parametrize("alpha", [0.01, 0.2, 0.5, 1.0, 2.5])
def test_leaky_alpha(student, reference, function, alpha):
    """Leaky ReLU: 여러 α 값"""
    compare(student, reference, function, (GRID,), {"alpha": alpha}, case=f"alpha={alpha}", spec=VALUES,
            mistakes=MISTAKES[function])


@pytest.mark.parametrize("function", ELEMENTWISE)
def test_elementwise_random(student, reference, rng, function):
    """활성화 함수와 도함수: 무작위 입력"""
    for trial in range(8):
        shape = tuple(int(s) for s in rng.integers(1, 6, size=int(rng.integers(1, 4))))
        x = rng.normal(0.0, float(rng.choice([1.0, 5.0, 50.0])), shape)
        compare(student, reference, function, (x,), case=f"무작위 {trial + 1}번째 (모양 {shape})", spec=VALUES,
                mistakes=MISTAKES[function], no_warnings=function in QUIET)


@pytest.mark.parametrize("derivative,function,kwargs", [
    ("sigmoid_derivative", "sigmoid", {}),
    ("relu_derivative", "relu", {}),
    ("leaky_relu_derivative", "leaky_relu", {"alpha": 0.1}),
], ids=["sigmoid", "relu", "leaky_relu"])
def test_derivative_gradient_check(student, reference, rng, derivative, function, kwargs):
    """도함수: 수치 미분(중앙 차분)과 비교하는 기울기 검사"""
    x = rng.choice([-1.0, 1.0], 12) * rng.uniform(0.05, 4.0, 12)  # away from the kink at 0
    numeric = numerical_gradient(lambda v: np.sum(getattr(reference, function)(v, **kwargs)), x)
    analytic = student.call(derivative, (x,), kwargs)
    expect_gradient(analytic, numeric, function=derivative, case=f"x 12개, |x| ≥ 0.05 {kwargs or ''}", name=f"d{function}/dx")


CHAIN_CASES = {
    "0개 층 (기울기 1)": (GRID, 0),
    "1개 층 (= σ'(x))": (GRID, 1),
    "2개 층": (GRID, 2),
    "5개 층": (np.array([-5.0, 0.0, 5.0]), 5),
    "10개 층": (np.array([0.0, 1.0]), 10),
    "30개 층": (np.array([-2.0, 2.0]), 30),
}


@pytest.mark.parametrize("case", list(CHAIN_CASES))
def test_sigmoid_chain_gradient(student, reference, case):
    """sigmoid_chain_gradient: 시그모이드 층을 지날수록 작아지는 기울기"""
    compare(student, reference, "sigmoid_chain_gradient", CHAIN_CASES[case], case=case, spec=CHAIN, mistakes=CHAIN_MISTAKES)


def test_sigmoid_chain_gradient_check(student, reference, rng):
    """sigmoid_chain_gradient: 수치 미분과 비교하는 기울기 검사 (3개 층)"""
    x = rng.uniform(-4.0, 4.0, 6)

    def stacked(v):
        for _ in range(3):
            v = reference.sigmoid(v)
        return np.sum(v)

    expect_gradient(student.call("sigmoid_chain_gradient", (x, 3)), numerical_gradient(stacked, x),
                    function="sigmoid_chain_gradient", case="x 6개, 3개 층", name="d a_3 / dx")


@pytest.mark.parametrize("n_layers", [0, 1, 2, 5, 10, 20])
def test_max_sigmoid_chain_gradient(student, reference, n_layers):
    """max_sigmoid_chain_gradient: 상한 0.25ⁿ"""
    compare(student, reference, "max_sigmoid_chain_gradient", (n_layers,), case=f"{n_layers}개 층", spec=BOUND,
            mistakes=BOUND_MISTAKES)
