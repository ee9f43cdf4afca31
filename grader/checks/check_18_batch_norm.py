"""Check for 18_batch_norm: training-mode forward (biased batch variance, ε inside the square
root), Keras-convention running averages (running ← m·running + (1 − m)·batch), inference with
the running statistics, and the training-mode backward pass.

Tolerances: outputs relative 1e-8, absolute 1e-10 (x̂ divides by √(σ² + ε); a one-pass variance
E[x²] − E[x]² is still accurate to ~1e-14 on the data used here, with |mean|/std ≤ 10);
statistics and running averages relative 1e-9, absolute 1e-12; backward relative 1e-7,
absolute 1e-10 (several sums whose order may differ). float32 batches: relative and absolute
1e-5 for everything, since a learner may keep float32 (~1e-7 per operation, sums of up to 40). The small-variance cases (std 1e-3, ε =
1e-5) separate ε inside from ε outside the root by a factor of about 1.005 and more.
Gradient check (grader.engine.gradcheck): dx, dγ, dβ against central differences of
Σ(out · dout) computed with the reference forward pass (no kinks: batch norm is smooth).
"""

import numpy as np
import pytest

from grader.engine.gradcheck import expect_gradient, numerical_gradient
from grader.engine.verdict import Array, Mistake, Parts, compare, expect, type_name

OUT = Array(rtol=1e-8, atol=1e-10)
STAT = Array(rtol=1e-9, atol=1e-12)
TRAIN = Parts((("out", OUT), ("batch_mean", STAT), ("batch_var", STAT)))
RUNNING = Parts((("running_mean", STAT), ("running_var", STAT)))
GRAD = Array(rtol=1e-7, atol=1e-10)
LOOSE = Array(rtol=1e-5, atol=1e-5)  # float32 inputs: a learner may normalise in float32
TRAIN32 = Parts((("out", LOOSE), ("batch_mean", LOOSE), ("batch_var", LOOSE)))
BACKWARD = Parts((("dx", GRAD), ("dgamma", GRAD), ("dbeta", GRAD)))


def _f(*arrays):
    return tuple(np.asarray(a, dtype=np.float64) for a in arrays)


def _train(ddof=0, eps_outside=False, axis=0, affine=True, divide_by_var=False, one_pass=False):
    def run(x, gamma, beta, eps=1e-5):
        x, gamma, beta = _f(x, gamma, beta)
        mean, var = x.mean(axis=axis, keepdims=True), x.var(axis=axis, ddof=ddof, keepdims=True)
        if one_pass:
            var = (x * x).mean(axis=axis, keepdims=True) - mean * mean
            var = var if one_pass == "unclamped" else np.maximum(var, 0.0)
        with np.errstate(invalid="ignore"):
            if divide_by_var:
                x_hat = (x - mean) / (var + eps)
            elif eps_outside:
                x_hat = (x - mean) / (np.sqrt(var) + eps)
            else:
                x_hat = (x - mean) / np.sqrt(var + eps)
        out = gamma * x_hat + beta if affine else x_hat
        return out, mean.squeeze(axis), var.squeeze(axis)
    return run


ONE_PASS = ("분산을 한 번에 E[x²] − E[x]²로 구했습니다: 평균이 표준편차보다 훨씬 크면(예: 10⁸ + 잡음) 비슷한 두 큰 수의 뺄셈에서 "
            "유효숫자가 사라집니다. 평균을 뺀 뒤 제곱해 평균내세요 (np.var).")

TRAIN_MISTAKES = (
    Mistake("분산을 N − 1로 나눴습니다 (불편 분산, ddof=1). 배치 정규화는 배치의 분산을 N으로 나눕니다 (np.var의 기본값).",
            _train(ddof=1), id="train-unbiased-variance"),
    Mistake("ε를 제곱근 밖에 더했습니다: (x − μ) / (√σ² + ε). ε는 제곱근 안에 더합니다: √(σ² + ε).", _train(eps_outside=True), id="train-eps-outside-sqrt"),
    Mistake("특성 축(axis=1)으로 평균과 분산을 구했습니다. 배치 정규화는 특성마다 배치 축(axis=0)으로 구합니다.", _train(axis=1), id="train-feature-axis"),
    Mistake("γ(스케일)와 β(시프트)를 적용하지 않았습니다: out = γ · x̂ + β입니다.", _train(affine=False), id="train-missing-affine"),
    Mistake("표준편차가 아니라 분산으로 나눴습니다: x̂ = (x − μ) / √(σ² + ε)입니다.", _train(divide_by_var=True), id="train-divide-by-variance"),
    Mistake(ONE_PASS, _train(one_pass=True), id="train-one-pass-variance"),
    Mistake(ONE_PASS, _train(one_pass="unclamped"), id="train-one-pass-variance"),  # without max(·, 0): NaN where it goes negative
)


def _running(rule):
    def run(running_mean, running_var, batch_mean, batch_var, momentum=0.99):
        rm, rv, bm, bv = _f(running_mean, running_var, batch_mean, batch_var)
        return rule(rm, bm, momentum), rule(rv, bv, momentum)
    return run


RUNNING_MISTAKES = (
    Mistake("momentum을 새 배치 쪽에 곱했습니다 (PyTorch의 약속). 이 과정(Keras)은 running ← momentum · running + (1 − momentum) · batch입니다.",
            _running(lambda r, b, m: (1 - m) * r + m * b), id="running-pytorch-momentum"),
    Mistake("이전 이동 평균을 버리고 이번 배치의 통계로 바꿨습니다. 이동 평균은 둘을 섞은 값입니다.", _running(lambda r, b, m: b), id="running-replaced-by-batch"),
    Mistake("(1 − momentum)을 빠뜨렸습니다: momentum · running + batch. 두 가중치의 합이 1이어야 합니다.",
            _running(lambda r, b, m: m * r + b), id="running-missing-one-minus-momentum"),
)


def _inference(rule):
    def run(x, gamma, beta, running_mean, running_var, eps=1e-5):
        x, gamma, beta, rm, rv = _f(x, gamma, beta, running_mean, running_var)
        return rule(x, gamma, beta, rm, rv, eps)
    return run


INFERENCE_MISTAKES = (
    Mistake("추론 때도 이번 배치의 평균과 분산을 썼습니다. 추론에서는 학습 중에 모은 running_mean, running_var를 씁니다.",
            _inference(lambda x, g, b, rm, rv, eps: g * (x - x.mean(0)) / np.sqrt(x.var(0) + eps) + b), id="inference-batch-statistics"),
    Mistake("ε를 제곱근 밖에 더했습니다: √(running_var + ε)이어야 합니다.",
            _inference(lambda x, g, b, rm, rv, eps: g * (x - rm) / (np.sqrt(rv) + eps) + b), id="inference-eps-outside-sqrt"),
    Mistake("γ와 β를 적용하지 않았습니다: out = γ · x̂ + β입니다.",
            _inference(lambda x, g, b, rm, rv, eps: (x - rm) / np.sqrt(rv + eps)), id="inference-missing-affine"),
)


def _backward(rule):
    def run(dout, x, gamma, eps=1e-5):
        dout, x, gamma = _f(dout, x, gamma)
        n, std = x.shape[0], np.sqrt(x.var(0) + eps)
        x_hat = (x - x.mean(0)) / std
        return rule(dout, x_hat, gamma, std, n)
    return run


BACKWARD_MISTAKES = (
    Mistake("μ와 σ²를 상수로 보고 dx = γ · dout / √(σ² + ε)로 계산했습니다. μ와 σ²도 x에 의존하므로 두 항이 더 있습니다.",
            _backward(lambda d, xh, g, std, n: (g * d / std, (d * xh).sum(0), d.sum(0))), id="backward-constant-statistics"),
    Mistake("σ²를 통한 경로(x̂ · Σ dout·x̂ 항)를 빠뜨렸습니다: 평균을 통한 경로만 반영했습니다.",
            _backward(lambda d, xh, g, std, n: (g / (n * std) * (n * d - d.sum(0)), (d * xh).sum(0), d.sum(0))), id="backward-missing-variance-path"),
    Mistake("dγ를 Σ dout로 계산했습니다. out = γ · x̂ + β이므로 dγ = Σ dout · x̂입니다.",
            _backward(lambda d, xh, g, std, n: (g / (n * std) * (n * d - d.sum(0) - xh * (d * xh).sum(0)), d.sum(0), d.sum(0))), id="backward-dgamma-sum-dout"),
    Mistake("dβ와 dγ를 배치 축으로 더하지 않고 평균냈습니다.",
            _backward(lambda d, xh, g, std, n: (g / (n * std) * (n * d - d.sum(0) - xh * (d * xh).sum(0)), (d * xh).mean(0), d.mean(0))), id="backward-mean-instead-of-sum"),
)


def _batch(rng, n, d, dtype=np.float64):
    x = rng.normal(rng.uniform(-5.0, 5.0, d), rng.uniform(0.5, 3.0, d), (n, d))
    return x.astype(dtype), rng.uniform(0.5, 2.0, d), rng.normal(0.0, 1.0, d)


TRAIN_CASES = {
    "배치 4, 특성 1 (손으로 계산: x = 1, 2, 3, 4)": (np.array([[1.0], [2.0], [3.0], [4.0]]), np.array([1.0]), np.array([0.0])),
    "γ와 β가 있는 경우": (np.array([[1.0, 10.0], [3.0, 30.0], [5.0, 20.0]]), np.array([2.0, 0.5]), np.array([1.0, -1.0])),
    "분산이 아주 작음 (std 0.001, ε의 위치가 드러남)": (np.array([[0.001, 1.0], [-0.001, 1.002], [0.0, 0.998]]), np.ones(2), np.zeros(2)),
    "배치 크기 1 (분산 0 → out = β)": (np.array([[3.0, -2.0, 7.0]]), np.array([1.0, 2.0, 3.0]), np.array([0.5, 0.0, -0.5])),
    "한 특성의 값이 모두 같음": (np.array([[2.0, 1.0], [2.0, 5.0], [2.0, 3.0]]), np.ones(2), np.zeros(2)),
}


@pytest.mark.parametrize("case", list(TRAIN_CASES))
def test_train_edge_cases(student, reference, case):
    """batchnorm_forward_train: 정해진 경우들"""
    compare(student, reference, "batchnorm_forward_train", TRAIN_CASES[case], case=case, spec=TRAIN, mistakes=TRAIN_MISTAKES)


def test_train_random(student, reference, rng):
    """batchnorm_forward_train: 무작위 배치 (ε 여러 값, float32 포함)"""
    for trial in range(15):
        n, d = int(rng.integers(2, 40)), int(rng.integers(1, 8))
        dtype = np.float32 if trial % 5 == 4 else np.float64
        x, gamma, beta = _batch(rng, n, d, dtype=dtype)
        eps = float(rng.choice([1e-5, 1e-3, 0.1]))
        compare(student, reference, "batchnorm_forward_train", (x, gamma, beta), {"eps": eps},
                case=f"무작위 {trial + 1}번째 (N={n}, D={d}, eps={eps}, {np.dtype(dtype).name})",
                spec=TRAIN32 if dtype == np.float32 else TRAIN,
                mistakes=TRAIN_MISTAKES)


def test_train_large_offset(student, reference, rng):
    """batchnorm_forward_train: 평균이 표준편차보다 훨씬 큰 특성 (10⁸ + 잡음)"""
    x = 1e8 + rng.normal(0.0, 1.0, (16, 3))
    gamma, beta = rng.uniform(0.5, 2.0, 3), rng.normal(0.0, 1.0, 3)
    # x − μ is exact to ~1e-8 (the spacing of floats near 1e8), so out is compared to 1e-6;
    # E[x²] − E[x]² loses everything there (its rounding is ~2, the variance ~1).
    loose = Parts((("out", Array(rtol=1e-6, atol=1e-6)), ("batch_mean", STAT), ("batch_var", Array(rtol=1e-6, atol=1e-9))))
    compare(student, reference, "batchnorm_forward_train", (x, gamma, beta), case="평균 10⁸, 표준편차 1인 특성 3개",
            spec=loose, mistakes=TRAIN_MISTAKES)


def test_train_small_variance(student, reference, rng):
    """batchnorm_forward_train: 분산이 ε에 가까운 배치"""
    x = rng.normal(0.0, 1e-3, (8, 3))
    gamma, beta = rng.uniform(0.5, 2.0, 3), rng.normal(0.0, 1.0, 3)
    compare(student, reference, "batchnorm_forward_train", (x, gamma, beta), case="std 0.001인 특성 3개, eps 1e-5",
            spec=TRAIN, mistakes=TRAIN_MISTAKES)


def test_running_stats(student, reference, rng):
    """update_running_stats: 이동 평균 (momentum 생략 시 0.99)"""
    compare(student, reference, "update_running_stats", (np.zeros(2), np.ones(2), np.array([1.0, -2.0]), np.array([4.0, 0.5])),
            case="처음 상태 (0, 1)에서 한 번, momentum 생략", spec=RUNNING, mistakes=RUNNING_MISTAKES)
    for trial in range(10):
        d = int(rng.integers(1, 6))
        args = (rng.normal(size=d), rng.uniform(0.1, 3, d), rng.normal(size=d), rng.uniform(0.1, 3, d))
        momentum = float(rng.choice([0.9, 0.99, 0.5]))
        compare(student, reference, "update_running_stats", args, {"momentum": momentum},
                case=f"무작위 {trial + 1}번째 (D={d}, momentum={momentum})", spec=RUNNING, mistakes=RUNNING_MISTAKES)


def test_inference(student, reference, rng):
    """batchnorm_forward_inference: 이동 평균으로 정규화"""
    compare(student, reference, "batchnorm_forward_inference",
            (np.array([[3.0]]), np.array([2.0]), np.array([1.0]), np.array([1.0]), np.array([4.0])), {"eps": 0.0},
            case="샘플 하나, eps 0: 2 · (3 − 1) / 2 + 1 = 3", spec=OUT, mistakes=INFERENCE_MISTAKES)
    for trial in range(10):
        n, d = int(rng.integers(2, 20)), int(rng.integers(1, 6))
        x, gamma, beta = _batch(rng, n, d)
        running_mean, running_var = rng.normal(0, 3, d), rng.uniform(1e-4, 4.0, d)
        compare(student, reference, "batchnorm_forward_inference", (x, gamma, beta, running_mean, running_var),
                case=f"무작위 {trial + 1}번째 (N={n}, D={d})", spec=OUT, mistakes=INFERENCE_MISTAKES)


def test_backward_random(student, reference, rng):
    """batchnorm_backward: 참조와 같은 기울기"""
    for trial in range(10):
        n, d = int(rng.integers(2, 20)), int(rng.integers(1, 6))
        x, gamma, _ = _batch(rng, n, d)
        dout = rng.normal(size=(n, d))
        compare(student, reference, "batchnorm_backward", (dout, x, gamma),
                case=f"무작위 {trial + 1}번째 (N={n}, D={d})", spec=BACKWARD, mistakes=BACKWARD_MISTAKES)


def test_backward_large_offset(student, reference, rng):
    """batchnorm_backward: 평균이 표준편차보다 훨씬 큰 특성 (10⁸ + 잡음)"""
    x = 1e8 + rng.normal(0.0, 1.0, (16, 3))
    gamma, dout = rng.uniform(0.5, 2.0, 3), rng.normal(size=(16, 3))
    # x − μ is exact to ~1e-8 relative; E[x²] − E[x]² is off by ~2 where the variance is ~1
    loose = Parts((("dx", Array(rtol=1e-5, atol=1e-6)), ("dgamma", Array(rtol=1e-5, atol=1e-6)), ("dbeta", Array(rtol=1e-9, atol=1e-9))))
    compare(student, reference, "batchnorm_backward", (dout, x, gamma), case="평균 10⁸, 표준편차 1인 특성 3개",
            spec=loose, mistakes=BACKWARD_MISTAKES + ONE_PASS_BACKWARD)


def _one_pass_backward(dout, x, gamma, eps=1e-5, clamp=True):
    """The backward pass with σ² = E[x²] − E[x]² (clamped at 0 or not), as the forward mistake computes it."""
    dout, x, gamma = _f(dout, x, gamma)
    n, mean = x.shape[0], x.mean(0)
    var = (x * x).mean(0) - mean * mean
    with np.errstate(invalid="ignore"):
        std = np.sqrt((np.maximum(var, 0.0) if clamp else var) + eps)
    x_hat = (x - mean) / std
    return gamma / (n * std) * (n * dout - dout.sum(0) - x_hat * (dout * x_hat).sum(0)), (dout * x_hat).sum(0), dout.sum(0)


ONE_PASS_BACKWARD = (Mistake(ONE_PASS, _one_pass_backward, id="train-one-pass-variance"),
                     Mistake(ONE_PASS, lambda *a, **k: _one_pass_backward(*a, clamp=False, **k), id="train-one-pass-variance"))


def test_backward_gradient_check(student, reference, rng):
    """batchnorm_backward: 수치 미분(중앙 차분)과 비교하는 기울기 검사"""
    x, gamma, beta = _batch(rng, 6, 3)
    dout = rng.normal(size=(6, 3))
    case = "N=6, D=3, 손실 Σ(out · dout)"
    result = student.call("batchnorm_backward", (dout, x, gamma))
    expect(isinstance(result, (tuple, list)) and len(result) == 3, "batchnorm_backward", case,
           f"(dx, dgamma, dbeta) 세 값의 튜플을 반환해야 하는데 {type_name(result)}을(를) 반환했습니다.")
    params = {"x": x, "gamma": gamma, "beta": beta}
    for name, analytic in zip(params, result):
        def loss(value, name=name):
            p = {**params, name: value}
            return np.sum(reference.batchnorm_forward_train(p["x"], p["gamma"], p["beta"])[0] * dout)
        expect_gradient(analytic, numerical_gradient(loss, params[name]), function="batchnorm_backward", case=case,
                        name="d" + name)
