"""Check for 23_gradient_check: element-wise relative error |a - b| / max(|a|, |b|, tiny);
central-difference gradients (f(w + h e_i) - f(w - h e_i)) / 2h of the provided `linear_loss`
('mse', 'bce') and of exercise 13's network loss (`network_loss`); and a gradient check that
returns, per parameter (W1, b1, W2, b2), the largest relative error between an analytic gradient
passed in and the numeric one.

Why no callables: in grading mode the learner's functions run in a sandboxed worker and only
plain data (arrays, numbers, strings, tuples) crosses the process boundary, so a function cannot
be an argument. The learner's functions therefore take arrays and a loss *name*; the losses
themselves are given, already implemented, in the exercise file (not graded), and the learner
may of course use a callable-taking helper inside their own module. The analytic gradients given
to `gradient_check` come from exercise 13's REFERENCE `backward` (right ones) and from known
wrong variants of it (scaled, negated, zeroed), so a check that cannot tell them apart fails.

Tolerances: relative_error is a few exact operations per element: relative 1e-12, absolute
1e-15. Numeric gradients: relative 1e-6, absolute 1e-8 (correct programs evaluate the same loss
at the same points, so they differ by rounding of the final division only, about 1e-11 at
h = 1e-5; a forward difference is off by about h · f'' / 2 >= 1e-6 on these inputs, and every
case that names a mistake is one where it is off by more than the tolerance). Gradient-check
errors: relative 1e-3, absolute 1e-6. With right analytic gradients the errors are rounding
noise, about 1e-8 at most: networks are drawn so that every non-zero analytic gradient element
has magnitude >= 1e-3 and every ReLU pre-activation is >= 0.05 away from the kink, and a learner
who writes their own forward pass instead of the given `network_loss` changes the noise by about
1e-8, well inside 1e-6; a forward difference raises the W1 error to 1e-5 or more; wrong analytic
gradients give errors of 0.3 or more (a single wrong element: 0.5, which the mean hides).
"""

import numpy as np
import pytest

from grader.course.catalog import load_catalog
from grader.engine.runner import load_reference
from grader.engine.verdict import Array, Mistake, Parts, compare

RELATIVE = Array(rtol=1e-12, atol=1e-15)
NUMERIC = Array(rtol=1e-6, atol=1e-8)
NETWORK = Parts((("dW1", NUMERIC), ("db1", NUMERIC), ("dW2", NUMERIC), ("db2", NUMERIC)))
ERRORS = Array(rtol=1e-3, atol=1e-6)

_BACKPROP = None


def _backprop():
    """Exercise 13's reference solution: the trusted analytic gradients of the network."""
    global _BACKPROP
    if _BACKPROP is None:
        _BACKPROP = load_reference(load_catalog().resolve("13_backprop"))
    return _BACKPROP


# --- relative_error -----------------------------------------------------------------------------

def _relative(rule):
    def run(a, b, tiny=1e-12):
        a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
        with np.errstate(divide="ignore", invalid="ignore"):
            return rule(a, b, tiny)
    return run


RELATIVE_MISTAKES = (
    Mistake("분모에 max(|a|, |b|) 대신 합 |a| + |b|를 썼습니다. 이 문제의 상대 오차는 |a − b| / max(|a|, |b|, tiny)입니다.",
            _relative(lambda a, b, tiny: np.abs(a - b) / np.maximum(np.abs(a) + np.abs(b), tiny)), id="relative-error-sum-denominator"),
    Mistake("분모에 |a| 하나만 썼습니다. 상대 오차는 두 값 중 큰 쪽 max(|a|, |b|, tiny)로 나눕니다 (a와 b를 바꿔도 같은 값).",
            _relative(lambda a, b, tiny: np.abs(a - b) / np.maximum(np.abs(a), tiny)), id="relative-error-divides-by-first"),
    Mistake("분자에 절댓값을 씌우지 않았습니다: 상대 오차는 0 이상이어야 하므로 |a − b|입니다.",
            _relative(lambda a, b, tiny: (a - b) / np.maximum(np.maximum(np.abs(a), np.abs(b)), tiny)), id="relative-error-signed"),
    Mistake("나누지 않았습니다: |a − b|는 절대 오차입니다. 상대 오차는 max(|a|, |b|, tiny)로 나눕니다.",
            _relative(lambda a, b, tiny: np.abs(a - b)), id="relative-error-not-divided"),
    Mistake("tiny를 쓰지 않아 a와 b가 모두 0인 원소에서 0/0 = NaN이 나왔습니다. 분모는 max(|a|, |b|, tiny)입니다.",
            _relative(lambda a, b, tiny: np.abs(a - b) / np.maximum(np.abs(a), np.abs(b))), id="relative-error-zero-over-zero"),
    Mistake("배열 전체의 최댓값 하나로 나눴습니다. 분모는 원소마다의 max(|a_i|, |b_i|, tiny)입니다.",
            _relative(lambda a, b, tiny: np.abs(a - b) / max(float(np.max(np.abs(a))), float(np.max(np.abs(b))), tiny)),
            id="relative-error-global-max"),
)


# --- numeric gradients ---------------------------------------------------------------------------

def _linear_loss(loss, w, x, y):
    z = np.asarray(x, dtype=np.float64) @ np.asarray(w, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    return float(np.mean((z - y) ** 2)) if loss == "mse" else float(np.mean(np.logaddexp(0.0, z) - y * z))


def _network_loss(x, y, W1, b1, W2, b2, activation="sigmoid"):
    _, _, y_hat = _backprop().forward(x, W1, b1, W2, b2, activation)
    return _backprop().mse_loss(y_hat, y)


def _differences(f, w, h, variant):
    """Numeric gradient of f at w, computed the right way or with one misconception."""
    w = np.array(w, dtype=np.float64)
    if variant == "h-fixed":
        h, variant = 1e-5, "central"
    if variant == "all-at-once":
        slope = (f(w + h) - f(w - h)) / (2 * h)
        return np.full_like(w, slope)
    base = f(w.copy())
    grad = np.zeros_like(w)
    for index in np.ndindex(w.shape):
        original = w[index]
        w[index] = original + h
        plus = f(w.copy())
        if variant == "forward":
            w[index] = original
            grad[index] = (plus - base) / h
            continue
        w[index] = original - h
        minus = f(w.copy())
        if variant != "not-restored":
            w[index] = original
        grad[index] = (plus - minus) / (h if variant == "over-h" else 2 * h)
    return grad


def _numeric(variant):
    return lambda loss, w, x, y, h=1e-5: _differences(lambda v: _linear_loss(loss, v, x, y), w, h, variant)


NUMERIC_MISTAKES = (
    Mistake("전진 차분 (L(w + h) − L(w)) / h를 썼습니다. 중앙 차분 (L(w + h) − L(w − h)) / (2h)은 오차가 h가 아니라 h²에 비례합니다.",
            _numeric("forward"), id="forward-difference"),
    Mistake("중앙 차분을 2h가 아니라 h로 나눴습니다: 두 점 w + h와 w − h 사이의 거리는 2h입니다.",
            _numeric("over-h"), id="divided-by-h"),
    Mistake("모든 원소를 한꺼번에 h만큼 움직였습니다. 원소 i의 기울기는 w_i 하나만 움직이고(w ± h·e_i) 나머지는 그대로 둔 채 구합니다.",
            _numeric("all-at-once"), id="perturbed-all-at-once"),
    Mistake("원소를 움직인 뒤 원래 값으로 되돌리지 않았습니다: 다음 원소를 계산할 때 앞 원소가 w_i − h에 남아 있습니다. "
            "손실을 잰 뒤 w[i] = 원래 값으로 되돌리세요 (또는 매번 복사본을 쓰세요).", _numeric("not-restored"), id="perturbation-not-restored"),
    Mistake("인자로 받은 h 대신 정해진 값 1e-5를 썼습니다. 차분의 간격은 인자 h입니다.", _numeric("h-fixed"), id="step-ignored"),
)


def _network(variant):
    def run(x, y, W1, b1, W2, b2, activation="sigmoid", h=1e-5):
        params = [W1, b1, W2, b2]
        grads = []
        for position in range(4):
            def loss(v, position=position):
                changed = list(params)
                changed[position] = v
                return _network_loss(x, y, *changed, activation=activation)
            grads.append(_differences(loss, params[position], h, variant))
        return tuple(grads)
    return run


NETWORK_MISTAKES = (
    Mistake("전진 차분 (L(w + h) − L(w)) / h를 썼습니다. 중앙 차분 (L(w + h) − L(w − h)) / (2h)을 쓰세요.",
            _network("forward"), id="network-forward-difference"),
    Mistake("중앙 차분을 2h가 아니라 h로 나눴습니다.", _network("over-h"), id="network-divided-by-h"),
    Mistake("매개변수 배열의 모든 원소를 한꺼번에 움직였습니다. 원소 하나씩 움직여야 합니다.",
            _network("all-at-once"), id="network-perturbed-all-at-once"),
    Mistake("원소를 움직인 뒤 원래 값으로 되돌리지 않았습니다.", _network("not-restored"), id="network-perturbation-not-restored"),
)


def _check(variant="central", reduce=np.max, error="relative"):
    def run(analytic, x, y, W1, b1, W2, b2, activation="sigmoid", h=1e-5):
        numeric = _network(variant)(x, y, W1, b1, W2, b2, activation, h)
        out = []
        for a, n in zip(analytic, numeric):
            a = np.asarray(a, dtype=np.float64)
            if error == "absolute":
                values = np.abs(a - n)
            elif error == "sum":
                values = np.abs(a - n) / np.maximum(np.abs(a) + np.abs(n), 1e-12)
            else:
                values = np.abs(a - n) / np.maximum(np.maximum(np.abs(a), np.abs(n)), 1e-12)
            out.append(float(reduce(values)))
        return np.array(out)
    return run


CHECK_MISTAKES = (
    Mistake("수치 기울기를 전진 차분으로 구했습니다: 올바른 역전파와도 상대 오차가 h 정도(1e-6 ~ 1e-5)로 커집니다. 중앙 차분을 쓰세요.",
            _check(variant="forward"), id="check-forward-difference"),
    Mistake("상대 오차가 아니라 절대 오차 |a − b|의 최댓값을 반환했습니다. 원소마다 relative_error를 쓰세요.",
            _check(error="absolute"), id="check-absolute-error"),
    Mistake("원소별 상대 오차의 최댓값이 아니라 평균을 반환했습니다. 틀린 원소 하나도 놓치지 않도록 최댓값을 씁니다.",
            _check(reduce=np.mean), id="check-mean-instead-of-max"),
    Mistake("상대 오차의 분모에 |a| + |b|를 썼습니다. 분모는 max(|a|, |b|, tiny)입니다.", _check(error="sum"),
            id="check-sum-denominator"),
)


# --- inputs ---------------------------------------------------------------------------------------

def _net(rng, n, d, h, k, activation):
    """A random network whose ReLU pre-activations stay >= 0.05 from 0 and whose non-zero
    analytic gradient elements are all >= 1e-3 in magnitude (so rounding noise stays small)."""
    while True:
        x = rng.normal(0.0, 1.0, (n, d))
        W1 = rng.normal(0.0, 1.0 / np.sqrt(d), (d, h))
        b1 = rng.normal(0.0, 0.5, h)
        W2 = rng.normal(0.0, 1.0 / np.sqrt(h), (h, k))
        b2 = rng.normal(0.0, 0.5, k)
        y = rng.normal(0.0, 1.0, (n, k))
        if activation == "relu" and np.min(np.abs(x @ W1 + b1)) <= 0.05:
            continue
        grads = _backprop().backward(x, y, W1, b1, W2, b2, activation)
        magnitudes = np.concatenate([np.abs(g).ravel() for g in grads])
        if np.all((magnitudes == 0) | (magnitudes >= 1e-3)):
            return x, y, W1, b1, W2, b2


X2 = np.array([[1.0, 2.0], [3.0, 4.0]])
NUMERIC_CASES = {
    "문제 설명의 예 (mse, w = [0.5, −0.5])": (("mse", np.array([0.5, -0.5]), X2, np.array([1.0, 2.0])), {}),
    "bce, w = 0": (("bce", np.zeros(3), np.array([[1.0, -2.0, 0.5], [0.3, 1.0, -1.0], [2.0, 0.0, 1.0]]),
                    np.array([1.0, 0.0, 1.0])), {}),
    "mse, w가 2차원 (d, k) = (2, 3)": (("mse", np.array([[0.5, -1.0, 2.0], [1.5, 0.0, -0.5]]), X2,
                                      np.array([[1.0, 0.0, 2.0], [-1.0, 3.0, 0.5]])), {}),
    "bce, 큰 간격 h = 0.1": (("bce", np.array([0.8, -1.2]), np.array([[1.5, 2.0], [-2.0, 1.0], [0.5, -1.5]]),
                             np.array([1.0, 0.0, 0.0])), {"h": 0.1}),
    "mse, 간격 h = 1e-3": (("mse", np.array([2.0, -1.0, 0.5]), np.array([[1.0, 0.0, 2.0], [0.0, 1.0, -1.0]]),
                           np.array([0.5, -0.5])), {"h": 1e-3}),
}


@pytest.mark.parametrize("case", list(NUMERIC_CASES))
def test_numeric_gradient_fixed(student, reference, case):
    """numeric_gradient: 정해진 경우들 (mse와 bce, 1차원과 2차원 w, 여러 간격 h)"""
    args, kwargs = NUMERIC_CASES[case]
    compare(student, reference, "numeric_gradient", args, kwargs, case=case, spec=NUMERIC, mistakes=NUMERIC_MISTAKES)


@pytest.mark.parametrize("loss", ["mse", "bce"])
def test_numeric_gradient_random(student, reference, rng, loss):
    """numeric_gradient: 무작위 선형 모델"""
    for trial in range(8):
        n, d = int(rng.integers(1, 12)), int(rng.integers(1, 6))
        shape = (d,) if trial % 2 == 0 else (d, int(rng.integers(1, 4)))
        x = rng.normal(0.0, 1.0, (n, d))
        w = rng.normal(0.0, 1.0, shape)
        out = (n,) + shape[1:]
        y = rng.integers(0, 2, out).astype(np.float64) if loss == "bce" else rng.normal(0.0, 1.0, out)
        h = float(rng.choice([1e-5, 1e-4, 1e-2]))
        compare(student, reference, "numeric_gradient", (loss, w, x, y), {"h": h},
                case=f"무작위 {trial + 1}번째 ({loss}, x {x.shape}, w {w.shape}, h = {h:g})", spec=NUMERIC,
                mistakes=NUMERIC_MISTAKES)


RELATIVE_CASES = {
    "문제 설명의 예": ((np.array([1.0, 2.0, 0.0]), np.array([1.0, 1.0, 0.0])), {}),
    "부호가 다른 원소": ((np.array([1.0, -2.0, 3.0]), np.array([-1.0, 2.0, 3.0])), {}),
    "둘 다 0이거나 아주 작은 원소 (tiny)": ((np.array([0.0, 0.0, 1e-3, 5.0]), np.array([0.0, 1e-20, 2e-3, 4.0])), {}),
    "tiny = 1e-3": ((np.array([1e-6, 0.5, 0.0]), np.array([0.0, 0.25, 0.0])), {"tiny": 1e-3}),
    "크기가 아주 다른 원소들": ((np.array([1e-8, 1e8, -3.0]), np.array([2e-8, 1.5e8, -3.000003])), {}),
    "2차원 배열": ((np.array([[1.0, 2.0, 3.0], [0.5, 0.0, -1.0]]), np.array([[1.1, 2.0, 2.0], [0.5, 0.25, -4.0]])), {}),
}


@pytest.mark.parametrize("case", list(RELATIVE_CASES))
def test_relative_error_fixed(student, reference, case):
    """relative_error: 정해진 경우들 (부호, 0과 tiny, 2차원)"""
    args, kwargs = RELATIVE_CASES[case]
    compare(student, reference, "relative_error", args, kwargs, case=case, spec=RELATIVE, mistakes=RELATIVE_MISTAKES)


def test_relative_error_random(student, reference, rng):
    """relative_error: 무작위 배열 (가까운 값과 먼 값)"""
    for trial in range(10):
        shape = (int(rng.integers(1, 8)),) if trial % 2 else (int(rng.integers(1, 5)), int(rng.integers(1, 5)))
        a = rng.normal(0.0, 1.0, shape) * 10.0 ** rng.integers(-6, 6, shape)
        b = a * (1 + rng.normal(0.0, 10.0 ** -float(rng.integers(1, 9)), shape))
        b[rng.random(shape) < 0.2] *= -1
        compare(student, reference, "relative_error", (a, b), case=f"무작위 {trial + 1}번째 (모양 {shape})",
                spec=RELATIVE, mistakes=RELATIVE_MISTAKES)


@pytest.mark.parametrize("activation", ["sigmoid", "relu"])
def test_network_numeric_gradients(student, reference, rng, activation):
    """network_numeric_gradients: 13의 신경망에서 네 매개변수의 수치 기울기"""
    for trial in range(4):
        n, d, h, k = (int(v) for v in rng.integers(1, 5, size=4))
        args = _net(rng, n, d, h, k, activation)
        step = 1e-5 if trial < 3 else 1e-3
        compare(student, reference, "network_numeric_gradients", (*args, activation, step),
                case=f"무작위 {trial + 1}번째 ({activation}, n={n}, d={d}, h={h}, k={k}, 간격 {step:g})",
                spec=NETWORK, mistakes=NETWORK_MISTAKES)


def _variants(grads, n, k):
    dW1, db1, dW2, db2 = grads
    return {
        "13의 참조 역전파가 준 올바른 기울기": grads,
        "손실을 평균 대신 합으로 미분한 기울기 (n·k배)": tuple(g * (n * k) for g in grads),
        "제곱의 미분에서 2를 빠뜨린 기울기 (½배)": tuple(g / 2 for g in grads),
        "dW1의 부호만 반대": (-dW1, db1, dW2, db2),
        "db2가 모두 0": (dW1, db1, dW2, np.zeros_like(db2)),
        "dW2의 첫 원소만 두 배": (dW1, db1, np.where(np.arange(dW2.size).reshape(dW2.shape) == 0, 2 * dW2, dW2), db2),
    }


@pytest.mark.parametrize("activation", ["sigmoid", "relu"])
def test_gradient_check(student, reference, rng, activation):
    """gradient_check: 13의 참조 역전파(올바른 기울기)와 틀린 기울기를 넣어 매개변수별 최대 상대 오차 비교"""
    for trial in range(2):
        n, d, h, k = 4 + trial, 3, 4, 2
        net = _net(rng, n, d, h, k, activation)
        grads = _backprop().backward(*net, activation)
        for name, analytic in _variants(grads, n, k).items():
            compare(student, reference, "gradient_check", (analytic, *net, activation),
                    case=f"{name} ({activation}, n={n}, d={d}, h={h}, k={k})", spec=ERRORS, mistakes=CHECK_MISTAKES)
