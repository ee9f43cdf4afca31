"""Check for 13_backprop: forward and backward pass of x → Linear → sigmoid/ReLU → Linear → MSE.

Tolerances: forward values relative 1e-9, absolute 1e-12 (two matrix products; only the
summation order differs between correct programs). Loss: relative 1e-9. Gradients compared
with the reference: relative 1e-7, absolute 1e-10 (a few more products and sums); for the float32
trial relative 1e-4, absolute 1e-6 (a learner may compute in float32, ~1e-7 per operation). Every
misconception below changes a gradient by a factor of 2 or more, or drops a whole term.
Gradient check (grader.engine.gradcheck): the learner's gradients against central differences of the
reference forward pass and loss, bands as documented there; inputs are drawn so that every
hidden pre-activation is at least 0.05 away from the ReLU kink at 0.
forward and backward promise a sigmoid without NaN or warning at pre-activations of ±800, so a
RuntimeWarning during either fails (`no_warnings=True`), even when the values come out right.
"""

import numpy as np
import pytest

from grader.engine.gradcheck import expect_gradient, numerical_gradient
from grader.engine.verdict import Array, Mistake, Parts, Scalar, compare, expect, type_name

VALUES = Array(rtol=1e-9, atol=1e-12)
FORWARD = Parts((("z1", VALUES), ("a1", VALUES), ("y_hat", VALUES)))
LOSS = Scalar(rtol=1e-9, atol=1e-12)
GRAD = Array(rtol=1e-7, atol=1e-10)
GRADIENTS = Parts((("dW1", GRAD), ("db1", GRAD), ("dW2", GRAD), ("db2", GRAD)))
GRAD32 = Array(rtol=1e-4, atol=1e-6)  # float32 inputs: a learner may compute in float32
GRADIENTS32 = Parts((("dW1", GRAD32), ("db1", GRAD32), ("dW2", GRAD32), ("db2", GRAD32)))
NAMES = ("W1", "b1", "W2", "b2")


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def _backward(scale="mean", hidden_derivative="right", bias="sum", relu_at_zero=0.0):
    """A whole backward pass that holds one misconception (or none, with the defaults)."""
    def run(x, y, W1, b1, W2, b2, activation="sigmoid"):
        x, y, W1, b1, W2, b2 = (np.asarray(a, dtype=np.float64) for a in (x, y, W1, b1, W2, b2))
        z1 = x @ W1 + b1
        a1 = _sigmoid(z1) if activation == "sigmoid" else np.maximum(z1, 0)
        y_hat = a1 @ W2 + b2
        factor = {"mean": 2 / y_hat.size, "sum": 2.0, "half": 1 / y_hat.size, "batch": 2 / len(y_hat)}[scale]
        d_yhat = factor * (y_hat - y)
        d_a1 = d_yhat @ W2.T
        if hidden_derivative == "none":
            d_z1 = d_a1
        elif hidden_derivative == "of_z" and activation == "sigmoid":
            d_z1 = d_a1 * z1 * (1 - z1)
        elif activation == "sigmoid":
            d_z1 = d_a1 * a1 * (1 - a1)
        else:
            d_z1 = d_a1 * np.where(z1 == 0, relu_at_zero, z1 > 0)
        reduce = np.sum if bias == "sum" else np.mean
        return x.T @ d_z1, reduce(d_z1, axis=0), a1.T @ d_yhat, reduce(d_yhat, axis=0)
    return run


BACKWARD_MISTAKES = (
    Mistake("손실을 평균이 아니라 합으로 미분했습니다: 기울기를 원소 수 n·k로 나누지 않았습니다.", _backward(scale="sum"), id="backward-sum-instead-of-mean"),
    Mistake("제곱의 미분에서 2를 빠뜨렸습니다: d(ŷ − y)²/dŷ = 2(ŷ − y)입니다 (½을 곱한 손실이 아님).", _backward(scale="half"), id="backward-missing-factor-2"),
    Mistake("배치 크기 n으로만 나눴습니다. 손실은 n·k개 원소 전체의 평균이므로 n·k로 나눕니다.", _backward(scale="batch"), id="backward-divide-by-batch-only"),
    Mistake("은닉층 활성화 함수의 도함수 f'(z1)을 곱하지 않았습니다 (연쇄 법칙의 한 고리가 빠짐).",
            _backward(hidden_derivative="none"), id="backward-missing-activation-derivative"),
    Mistake("시그모이드의 도함수를 a1(1 − a1)이 아니라 z1(1 − z1)로 계산했습니다: σ'(z) = σ(z)(1 − σ(z))입니다.",
            _backward(hidden_derivative="of_z"), id="backward-sigmoid-derivative-of-z"),
    Mistake("편향의 기울기를 배치 축으로 더하지 않고 평균냈습니다. 평균은 dŷ에 이미 들어 있으므로 편향은 합입니다.",
            _backward(bias="mean"), id="backward-bias-mean-instead-of-sum"),
    Mistake("ReLU의 도함수를 z1 = 0에서 1로 썼습니다 (z1 >= 0). 이 과정은 PyTorch처럼 z1 > 0일 때만 1, z1 = 0에서는 0입니다.",
            _backward(relu_at_zero=1.0), id="backward-relu-derivative-one-at-zero"),
    Mistake("dW1을 d_z1ᵀ @ x로 곱해 전치된 기울기를 만들었습니다: 기울기는 가중치와 같은 모양이어야 하므로 dW1 = xᵀ @ d_z1입니다.",
            lambda *args, **kwargs: (lambda g: (g[0].T, *g[1:]))(_backward()(*args, **kwargs)), id="backward-dw1-transposed"),
)


def _forward_mistake(rule):
    def run(x, W1, b1, W2, b2, activation="sigmoid"):
        x, W1, b1, W2, b2 = (np.asarray(a, dtype=np.float64) for a in (x, W1, b1, W2, b2))
        z1 = x @ W1 + b1
        a1 = rule(z1, activation)
        return z1, a1, a1 @ W2 + b2
    return run


def _exp_ratio(z, activation):
    """σ(z) as e^z / (1 + e^z): NaN once e^z overflows."""
    if activation != "sigmoid":
        return np.maximum(z, 0.0)
    with np.errstate(over="ignore", invalid="ignore"):
        return np.exp(z) / (1.0 + np.exp(z))


FORWARD_MISTAKES = (
    Mistake("은닉층에 활성화 함수를 적용하지 않았습니다 (a1 = z1).", _forward_mistake(lambda z, act: z), id="forward-missing-activation"),
    Mistake("시그모이드의 부호가 반대입니다: σ(z) = 1 / (1 + e^(−z))입니다.",
            _forward_mistake(lambda z, act: _sigmoid(-z) if act == "sigmoid" else np.maximum(z, 0)), id="forward-sigmoid-wrong-sign"),
    Mistake("σ(z)를 e^z / (1 + e^z)로 계산했습니다: z가 710을 넘으면 e^z가 inf로 넘쳐 inf / inf = NaN이 됩니다. "
            "z ≥ 0에서는 1 / (1 + e^(−z)), z < 0에서는 e^z / (1 + e^z)처럼 지수가 넘치지 않는 쪽을 고르세요.",
            _forward_mistake(_exp_ratio), id="forward-sigmoid-exp-ratio-overflow"),
)

LOSS_MISTAKES = (
    Mistake("평균이 아니라 합을 반환했습니다.", lambda y_hat, y: np.sum((np.asarray(y_hat) - y) ** 2), id="loss-sum-instead-of-mean"),
    Mistake("½을 곱했습니다. 이 과정의 MSE는 mean((ŷ − y)²)입니다.", lambda y_hat, y: 0.5 * np.mean((np.asarray(y_hat) - y) ** 2), id="loss-half-mse"),
)


def _network(rng, n, d, h, k, activation, dtype=np.float64, scale=1.0):
    """Random inputs whose hidden pre-activations stay at least 0.05 from 0 (no ReLU kink)."""
    while True:
        x = rng.normal(0.0, scale, (n, d))
        W1 = rng.normal(0.0, 1.0 / np.sqrt(d), (d, h))
        b1 = rng.normal(0.0, 0.5, h)
        W2 = rng.normal(0.0, 1.0 / np.sqrt(h), (h, k))
        b2 = rng.normal(0.0, 0.5, k)
        y = rng.normal(0.0, 1.0, (n, k))
        if activation == "sigmoid" or np.min(np.abs(x @ W1 + b1)) > 0.05:
            return tuple(a.astype(dtype) for a in (x, y, W1, b1, W2, b2))


FIXED = {
    "문제 설명의 예 (모든 크기 1, sigmoid)": (np.array([[1.0]]), np.array([[0.0]]), np.array([[0.0]]), np.array([0.0]),
                                    np.array([[1.0]]), np.array([0.0]), "sigmoid"),
    "배치 2, 출력 1, relu": (np.array([[1.0, 2.0], [-1.0, 0.5]]), np.array([[1.0], [-2.0]]),
                         np.array([[0.5, -1.0, 0.3], [0.2, 0.4, -0.6]]), np.array([0.1, 0.2, 0.3]),
                         np.array([[1.0], [-0.5], [2.0]]), np.array([0.25]), "relu"),
}


# Hidden pre-activations exactly 0 (x·W1 + b1 = 0 in exact arithmetic), where the ReLU kink is.
FIXED["relu, 은닉층 가중합이 정확히 0인 자리 (relu'(0) = 0)"] = (
    np.array([[1.0], [2.0], [-1.0]]), np.array([[0.5], [0.0], [1.0]]), np.array([[1.0, -1.0]]), np.array([-1.0, 2.0]),
    np.array([[1.0], [0.5]]), np.array([0.0]), "relu")
# Pre-activations of ±800: e^800 overflows a naive sigmoid.
FIXED["sigmoid, 은닉층 가중합이 ±800"] = (
    np.array([[800.0, -800.0], [-900.0, 1000.0]]), np.array([[1.0], [0.0]]), np.eye(2), np.zeros(2),
    np.array([[1.0], [-1.0]]), np.zeros(1), "sigmoid")


@pytest.mark.parametrize("case", list(FIXED))
def test_fixed_examples(student, reference, case):
    """forward, mse_loss, backward: 손으로 계산할 수 있는 예"""
    x, y, W1, b1, W2, b2, activation = FIXED[case]
    _, _, y_hat = reference.forward(x, W1, b1, W2, b2, activation)
    compare(student, reference, "forward", (x, W1, b1, W2, b2, activation), case=case, spec=FORWARD, mistakes=FORWARD_MISTAKES, no_warnings=True)
    compare(student, reference, "mse_loss", (y_hat, y), case=case, spec=LOSS, mistakes=LOSS_MISTAKES)
    compare(student, reference, "backward", (x, y, W1, b1, W2, b2, activation), case=case, spec=GRADIENTS,
            mistakes=BACKWARD_MISTAKES, no_warnings=True)


@pytest.mark.parametrize("activation", ["sigmoid", "relu"])
def test_forward_random(student, reference, rng, activation):
    """forward: 무작위 신경망"""
    for trial in range(10):
        n, d, h, k = (int(v) for v in rng.integers(1, 7, size=4))
        x, _, W1, b1, W2, b2 = _network(rng, n, d, h, k, activation)
        compare(student, reference, "forward", (x, W1, b1, W2, b2, activation),
                case=f"무작위 {trial + 1}번째 ({activation}, n={n}, d={d}, h={h}, k={k})", spec=FORWARD,
                mistakes=FORWARD_MISTAKES, no_warnings=True)


def test_forward_large_inputs_stay_finite(student, reference):
    """forward: 가중합이 ±800이어도 시그모이드가 넘치지 않음 (NaN 없음)"""
    x = np.array([[800.0, -800.0], [-900.0, 1000.0]])
    W1, b1 = np.eye(2), np.zeros(2)
    W2, b2 = np.array([[1.0], [1.0]]), np.zeros(1)
    compare(student, reference, "forward", (x, W1, b1, W2, b2, "sigmoid"),
            case="z1 = ±800 이상 (e^(−z)나 e^z가 넘치는 값)", spec=FORWARD, mistakes=FORWARD_MISTAKES, no_warnings=True)


def test_mse_loss_random(student, reference, rng):
    """mse_loss: 무작위 출력"""
    for trial in range(10):
        shape = (int(rng.integers(1, 20)), int(rng.integers(1, 5)))
        compare(student, reference, "mse_loss", (rng.normal(size=shape), rng.normal(size=shape)),
                case=f"무작위 {trial + 1}번째 (모양 {shape})", spec=LOSS, mistakes=LOSS_MISTAKES)


@pytest.mark.parametrize("activation", ["sigmoid", "relu"])
def test_backward_random(student, reference, rng, activation):
    """backward: 무작위 신경망에서 참조와 같은 기울기"""
    for trial in range(12):
        n, d, h, k = (int(v) for v in rng.integers(1, 7, size=4))
        dtype = np.float32 if trial == 11 else np.float64
        args = _network(rng, n, d, h, k, activation, dtype)
        compare(student, reference, "backward", (*args, activation),
                case=f"무작위 {trial + 1}번째 ({activation}, n={n}, d={d}, h={h}, k={k}{', float32 입력' if dtype == np.float32 else ''})",
                spec=GRADIENTS32 if dtype == np.float32 else GRADIENTS, mistakes=BACKWARD_MISTAKES, no_warnings=True)


@pytest.mark.parametrize("activation", ["sigmoid", "relu"])
def test_gradient_check(student, reference, rng, activation):
    """backward: 수치 미분(중앙 차분)과 비교하는 기울기 검사"""
    x, y, W1, b1, W2, b2 = _network(rng, 5, 3, 4, 2, activation)
    params = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    case = f"{activation}, n=5, d=3, h=4, k=2"
    grads = student.call("backward", (x, y, W1, b1, W2, b2, activation))
    expect(isinstance(grads, (tuple, list)) and len(grads) == 4, "backward", case,
           f"기울기 4개의 튜플 (dW1, db1, dW2, db2)을 반환해야 하는데 {type_name(grads)}을(를) 반환했습니다.")
    for name, analytic in zip(NAMES, grads):
        def loss(value, name=name):
            p = {**params, name: value}
            _, _, y_hat = reference.forward(x, p["W1"], p["b1"], p["W2"], p["b2"], activation)
            return reference.mse_loss(y_hat, y)
        expect_gradient(analytic, numerical_gradient(loss, params[name]), function="backward", case=case, name="d" + name)
