"""Check for 09_cross_entropy: binary, categorical and sparse categorical cross-entropy with
p clipped to [eps, 1 − eps] (eps = 1e-7, Keras' default), MAE, and hinge (labels {−1, +1},
or {0, 1} with 0 read as −1).

Tolerances: float64 inputs relative 1e-9, absolute 1e-12. A loss is a mean of n logs; different
correct formulations (np.where vs the two-term formula, log1p(−p) vs log(1 − p), loops) agree to
about 1e-15 relative. At the clipping boundary 1 − p = 1e-7 is itself rounded (relative 1e-10),
so log(1 − p) moves by 1e-10 absolute out of 16: still far inside 1e-9 relative. Float32 inputs
(interior probabilities only): relative 1e-6, so a learner computing in float32 passes.
Every misconception below (no clipping, eps 1e-15, log(p + eps), a missing term, sum instead of
mean, k in the denominator, ...) changes the value by 1e-7 relative or more on these inputs.
Stability probes: p exactly 0 or 1 (log(0) without clipping gives inf or 0·(−inf) = NaN).
"""

import numpy as np
import pytest

from grader.engine.verdict import Mistake, Scalar, compare

LOSS = Scalar(rtol=1e-9, atol=1e-12)
LOSS_F32 = Scalar(rtol=1e-6, atol=1e-9)
EPS = 1e-7
NO_CLIP = "확률을 잘라내지(clip) 않아 log(0)이 되었습니다 (p가 0이나 1이면 inf/NaN): 먼저 p = np.clip(p, eps, 1 − eps)를 하세요."


def _f(a):
    return np.asarray(a, dtype=np.float64)


def _bce(clip=lambda p, eps: np.clip(p, eps, 1 - eps), terms="both", reduce=np.mean, log=np.log, sign=-1.0):
    def run(y_true, probs, eps=EPS):
        y, p = _f(y_true), clip(_f(probs), eps)
        with np.errstate(all="ignore"):
            inner = y * log(p) + ((1 - y) * log(1 - p) if terms == "both" else 0.0)
            return float(sign * reduce(inner))
    return run


BCE_MISTAKES = (
    Mistake(NO_CLIP, _bce(clip=lambda p, eps: p), id="bce-no-clip"),
    Mistake("eps를 1e-15로 잘랐습니다: 이 연습은 Keras처럼 eps = 1e-7을 씁니다 (eps 인자를 쓰세요).",
            _bce(clip=lambda p, eps: np.clip(p, 1e-15, 1 - 1e-15)), id="bce-eps-1e-15"),
    Mistake("자르지(clip) 않고 log(p + eps)로 계산했습니다: 이 연습은 p를 [eps, 1 − eps]로 자른 뒤 log를 씁니다.",
            lambda y_true, probs, eps=EPS: float(-np.mean(_f(y_true) * np.log(_f(probs) + eps)
                                                           + (1 - _f(y_true)) * np.log(1 - _f(probs) + eps))), id="bce-log-p-plus-eps"),
    Mistake("(1 − y)·log(1 − p) 항을 빠뜨렸습니다: 음성(y = 0) 샘플의 손실이 0이 됩니다.", _bce(terms="positive"), id="bce-missing-negative-term"),
    Mistake("앞의 마이너스 부호를 빠뜨렸습니다: 손실이 음수가 됩니다.", _bce(sign=1.0), id="bce-missing-minus-sign"),
    Mistake("평균이 아니라 합으로 계산했습니다 (n으로 나누지 않음).", _bce(reduce=np.sum), id="bce-sum-instead-of-mean"),
    Mistake("자연로그(np.log) 대신 log10을 썼습니다.", _bce(log=np.log10), id="bce-log10"),
)


def _cce(clip=True, reduce="samples", formula="categorical", sign=-1.0):
    def run(y_true, probs, eps=EPS):
        y, p = _f(y_true), _f(probs)
        if clip:
            p = np.clip(p, eps, 1 - eps)
        with np.errstate(all="ignore"):
            terms = y * np.log(p)
            if formula == "binary":
                terms = terms + (1 - y) * np.log(1 - p)
            if reduce == "all":
                return float(sign * np.mean(terms))
            if reduce == "sum":
                return float(sign * np.sum(terms))
            return float(sign * np.mean(np.sum(terms, axis=-1)))
    return run


CCE_MISTAKES = (
    Mistake(NO_CLIP + " 원-핫의 0인 자리도 0·log(0) = NaN이 됩니다.", _cce(clip=False), id="cce-no-clip"),
    Mistake("모든 원소의 평균(np.mean(y * log p))을 냈습니다: 클래스 수 k로도 나눈 셈입니다. "
            "샘플마다 클래스에 대해 합한 뒤 샘플 수 n으로만 나누세요.", _cce(reduce="all"), id="cce-mean-over-classes"),
    Mistake("평균이 아니라 합으로 계산했습니다 (샘플 수 n으로 나누지 않음).", _cce(reduce="sum"), id="cce-sum-instead-of-mean"),
    Mistake("이진 크로스 엔트로피 식을 클래스마다 적용했습니다 ((1 − y)·log(1 − p) 항까지 더함). "
            "카테고리칼 크로스 엔트로피는 −Σ y·log p뿐입니다.", _cce(formula="binary"), id="cce-binary-formula"),
    Mistake("앞의 마이너스 부호를 빠뜨렸습니다: 손실이 음수가 됩니다.", _cce(sign=1.0), id="cce-missing-minus-sign"),
    Mistake("아래쪽만 잘랐습니다 (np.maximum(p, eps)): 정답 클래스의 확률이 정확히 1이면 손실이 0이 됩니다. "
            "이 연습은 p를 [eps, 1 − eps]로 양쪽 모두 자릅니다 (np.clip).",
            lambda y_true, probs, eps=EPS: float(-np.mean(np.sum(_f(y_true) * np.log(np.maximum(_f(probs), eps)), axis=-1))),
            id="cce-clip-lower-only"),
)


def _picked(labels, p):
    return _f(p)[np.arange(len(labels)), np.asarray(labels)]


SCCE_MISTAKES = (
    Mistake("p[:, labels]로 골랐습니다: (n, n) 행렬이 됩니다. 샘플 i마다 p[i, labels[i]] 하나씩, "
            "곧 p[np.arange(n), labels]로 골라야 합니다.",
            lambda labels, probs, eps=EPS: float(-np.mean(np.log(np.clip(_f(probs), eps, 1 - eps)[:, np.asarray(labels)]))), id="scce-column-indexing"),
    Mistake(NO_CLIP, lambda labels, probs, eps=EPS: float(-np.mean(np.log(_picked(labels, probs))))
            if np.all(_picked(labels, probs) > 0) else float("inf"), id="scce-no-clip"),
    Mistake("평균이 아니라 합으로 계산했습니다 (n으로 나누지 않음).",
            lambda labels, probs, eps=EPS: float(-np.sum(np.log(np.clip(_picked(labels, probs), eps, 1 - eps)))), id="scce-sum-instead-of-mean"),
    Mistake("정답 클래스의 확률이 아니라 가장 큰 확률의 log를 썼습니다: 정답 레이블로 골라야 합니다.",
            lambda labels, probs, eps=EPS: float(-np.mean(np.log(np.clip(np.max(_f(probs), axis=-1), eps, 1 - eps)))), id="scce-max-probability"),
)

MAE_MISTAKES = (
    Mistake("평균이 아니라 합으로 계산했습니다 (n으로 나누지 않음).", lambda y, p: float(np.sum(np.abs(_f(y) - _f(p)))), id="mae-sum-instead-of-mean"),
    Mistake("절댓값을 빠뜨렸습니다: 양과 음의 오차가 서로 지워집니다.", lambda y, p: float(np.mean(_f(y) - _f(p))), id="mae-missing-abs"),
    Mistake("절댓값 대신 제곱을 썼습니다: 그것은 MSE입니다.", lambda y, p: float(np.mean((_f(y) - _f(p)) ** 2)), id="mae-square-instead-of-abs"),
)


def _hinge(convert, margin=1.0, clamp=True):
    def run(y_true, scores):
        y = convert(_f(y_true))
        value = margin - y * _f(scores)
        return float(np.mean(np.maximum(0.0, value) if clamp else value))
    return run


_TO_PM = lambda y: np.where(y == 0, -1.0, y)


def _hinge_in_label_dtype(y_true, scores):
    """np.where(y == 0, -1, y) keeps the labels' dtype: for uint8 labels −1 wraps around to 255."""
    with np.errstate(all="ignore"):
        y = np.where(np.asarray(y_true) == 0, -1, np.asarray(y_true))
        return float(np.mean(np.maximum(0.0, 1.0 - y * _f(scores))))

HINGE_MISTAKES = (
    Mistake("레이블 0을 −1로 바꾸지 않았습니다: y = 0이면 y·s = 0이 되어 음성 샘플의 점수가 무시됩니다.", _hinge(lambda y: y), id="hinge-zero-label-not-converted"),
    Mistake("레이블을 항상 2y − 1로 바꿨습니다: 이미 −1/+1인 레이블은 그대로 써야 합니다 (−1 → −3이 됨).",
            _hinge(lambda y: 2 * y - 1), id="hinge-always-2y-minus-1"),
    Mistake("max(0, ·)를 빠뜨렸습니다: 충분히 맞힌 샘플(y·s > 1)이 음수 손실을 줍니다.", _hinge(_TO_PM, clamp=False), id="hinge-missing-max"),
    Mistake("마진 1을 빠뜨렸습니다 (max(0, −y·s)): 경계 가까이에서 겨우 맞힌 샘플도 손실이 0이 됩니다.", _hinge(_TO_PM, margin=0.0), id="hinge-missing-margin"),
    Mistake("레이블을 그 dtype 그대로 −1로 바꿨습니다: uint8 레이블에서 np.where(y == 0, -1, y)의 −1은 255가 됩니다. "
            "먼저 실수로 바꾸세요 (np.asarray(y_true, dtype=np.float64)).", _hinge_in_label_dtype, id="hinge-unsigned-label-wraparound"),
)

BCE_CASES = {
    "기본 예": (np.array([1, 0]), np.array([0.9, 0.2])),
    "모두 0.5 (log 2)": (np.array([1, 0, 1, 1]), np.array([0.5, 0.5, 0.5, 0.5])),
    "p가 정확히 0과 1, 모두 맞힘 (clip 필요)": (np.array([1, 0, 1]), np.array([1.0, 0.0, 1.0])),
    "p가 정확히 0과 1, 확신하고 틀림 (clip 필요)": (np.array([1, 0, 0]), np.array([0.0, 1.0, 0.3])),
    "모양 (n, 1)": (np.array([[1.0], [0.0], [1.0]]), np.array([[0.8], [0.35], [0.6]])),
    "양성 샘플만": (np.array([1, 1]), np.array([0.7, 0.95])),
    "음성 샘플만": (np.array([0, 0, 0]), np.array([0.1, 0.45, 0.02])),
    "uint8 레이블": (np.array([1, 0, 1, 0], dtype=np.uint8), np.array([0.8, 0.3, 0.55, 0.1])),
}


@pytest.mark.parametrize("case", list(BCE_CASES))
def test_binary_cross_entropy(student, reference, case):
    """binary_cross_entropy: 정해진 경우들 (p = 0, 1 포함)"""
    compare(student, reference, "binary_cross_entropy", BCE_CASES[case], case=case, spec=LOSS, mistakes=BCE_MISTAKES)


def test_binary_cross_entropy_float32(student, reference):
    """binary_cross_entropy: float32 입력"""
    compare(student, reference, "binary_cross_entropy",
            (np.array([1, 0, 1, 0], dtype=np.float32), np.array([0.8, 0.3, 0.55, 0.1], dtype=np.float32)),
            case="float32 입력", spec=LOSS_F32, mistakes=BCE_MISTAKES)


def test_binary_cross_entropy_random(student, reference, rng):
    """binary_cross_entropy: 무작위 레이블과 확률 (가끔 정확히 0이나 1)"""
    for trial in range(20):
        n = int(rng.integers(1, 100))
        y = rng.integers(0, 2, n)
        p = rng.uniform(0.001, 0.999, n)
        if trial % 3 == 2:
            p[rng.random(n) < 0.2] = rng.integers(0, 2)
        compare(student, reference, "binary_cross_entropy", (y, p), case=f"무작위 입력 {trial + 1}번째 (n={n})",
                spec=LOSS, mistakes=BCE_MISTAKES)


def test_binary_cross_entropy_eps_argument(student, reference):
    """binary_cross_entropy: eps 인자를 씀"""
    compare(student, reference, "binary_cross_entropy", (np.array([1, 0]), np.array([0.0, 0.4])), {"eps": 1e-3},
            case="eps = 1e-3, p = 0인 양성", spec=LOSS, mistakes=BCE_MISTAKES)


ONE_HOT = np.eye(3)[[0, 2, 1, 2]]
CCE_CASES = {
    "기본 예: 3개 클래스": (np.eye(3)[[0, 1]], np.array([[0.7, 0.2, 0.1], [0.1, 0.8, 0.1]])),
    "정답이 아닌 클래스의 확률이 0 (clip 필요)": (ONE_HOT, np.array([[0.9, 0.1, 0.0], [0.0, 0.0, 1.0], [0.0, 1.0, 0.0], [0.2, 0.3, 0.5]])),
    "정답 클래스의 확률이 0 (clip 필요)": (np.eye(2)[[0, 1]], np.array([[0.0, 1.0], [0.5, 0.5]])),
    "균등한 확률 (log k)": (np.eye(4)[[0, 1, 2, 3, 3]], np.full((5, 4), 0.25)),
    "정답 클래스의 확률이 정확히 1 (위쪽도 clip 필요)": (np.eye(3)[[0, 2]], np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]])),
    "샘플 하나": (np.array([[0.0, 1.0, 0.0, 0.0, 0.0]]), np.array([[0.1, 0.6, 0.1, 0.1, 0.1]])),
}


@pytest.mark.parametrize("case", list(CCE_CASES))
def test_categorical_cross_entropy(student, reference, case):
    """categorical_cross_entropy: 정해진 경우들 (확률 0 포함)"""
    compare(student, reference, "categorical_cross_entropy", CCE_CASES[case], case=case, spec=LOSS, mistakes=CCE_MISTAKES)


def _random_probs(rng, n, k, zeros):
    z = rng.normal(0.0, 2.0, (n, k))
    p = np.exp(z - z.max(axis=1, keepdims=True))
    if zeros:
        p[rng.random((n, k)) < 0.25] = 0.0
        p[np.arange(n), rng.integers(0, k, n)] += 0.1
    return p / p.sum(axis=1, keepdims=True)


def test_categorical_cross_entropy_random(student, reference, rng):
    """categorical_cross_entropy: 무작위 원-핫과 확률"""
    for trial in range(20):
        n, k = int(rng.integers(1, 40)), int(rng.integers(2, 8))
        labels = rng.integers(0, k, n)
        compare(student, reference, "categorical_cross_entropy", (np.eye(k)[labels], _random_probs(rng, n, k, trial % 3 == 2)),
                case=f"무작위 입력 {trial + 1}번째 (n={n}, k={k})", spec=LOSS, mistakes=CCE_MISTAKES)


SCCE_CASES = {
    "기본 예: 3개 클래스": (np.array([0, 1]), np.array([[0.7, 0.2, 0.1], [0.1, 0.8, 0.1]])),
    "정답 클래스의 확률이 0 (clip 필요)": (np.array([0, 1, 2]), np.array([[0.0, 0.5, 0.5], [0.2, 0.8, 0.0], [0.3, 0.3, 0.4]])),
    "샘플 수와 클래스 수가 다름": (np.array([1, 1, 0, 3]), np.array([[0.1, 0.6, 0.2, 0.1], [0.25, 0.25, 0.25, 0.25],
                                                                   [0.9, 0.05, 0.05, 0.0], [0.1, 0.1, 0.1, 0.7]])),
    "정답이 최대 확률이 아님": (np.array([2, 0]), np.array([[0.5, 0.3, 0.2], [0.1, 0.6, 0.3]])),
    "정답 클래스의 확률이 정확히 1 (위쪽도 clip 필요)": (np.array([0, 1]), np.array([[1.0, 0.0], [0.3, 0.7]])),
    "uint8 레이블": (np.array([2, 0, 1], dtype=np.uint8), np.array([[0.1, 0.2, 0.7], [0.6, 0.3, 0.1], [0.25, 0.5, 0.25]])),
}


@pytest.mark.parametrize("case", list(SCCE_CASES))
def test_sparse_categorical_cross_entropy(student, reference, case):
    """sparse_categorical_cross_entropy: 정해진 경우들"""
    compare(student, reference, "sparse_categorical_cross_entropy", SCCE_CASES[case], case=case, spec=LOSS,
            mistakes=SCCE_MISTAKES)


def test_sparse_matches_categorical(student, reference, rng):
    """sparse_categorical_cross_entropy: 무작위 입력 (원-핫으로 바꾼 카테고리칼과 같은 값)"""
    for trial in range(20):
        n, k = int(rng.integers(1, 40)), int(rng.integers(2, 8))
        labels = rng.integers(0, k, n)
        compare(student, reference, "sparse_categorical_cross_entropy", (labels, _random_probs(rng, n, k, trial % 3 == 2)),
                case=f"무작위 입력 {trial + 1}번째 (n={n}, k={k})", spec=LOSS, mistakes=SCCE_MISTAKES)


MAE_CASES = {
    "양과 음의 오차": (np.array([0.0, 0.0, 0.0, 0.0]), np.array([1.0, -1.0, 3.0, -3.0])),
    "정수 입력": (np.array([3, 5, 7]), np.array([2, 5, 10])),
    "완벽한 예측": (np.array([1.5, 2.5]), np.array([1.5, 2.5])),
}


@pytest.mark.parametrize("case", list(MAE_CASES))
def test_mae(student, reference, case):
    """mae: 평균 절대 오차"""
    compare(student, reference, "mae", MAE_CASES[case], case=case, spec=LOSS, mistakes=MAE_MISTAKES)


def test_mae_random(student, reference, rng):
    """mae: 무작위 입력"""
    for trial in range(10):
        n = int(rng.integers(1, 100))
        y = rng.normal(0, 5, n)
        compare(student, reference, "mae", (y, y + rng.normal(0, 2, n)), case=f"무작위 입력 {trial + 1}번째 (n={n})",
                spec=LOSS, mistakes=MAE_MISTAKES)


HINGE_CASES = {
    "기본 예: {0, 1} 레이블": (np.array([1, 0]), np.array([0.5, -2.0])),
    "{−1, +1} 레이블": (np.array([1, -1, -1, 1]), np.array([2.0, -0.5, 0.3, 0.9])),
    "충분히 맞힘 (y·s > 1이면 0)": (np.array([1, -1]), np.array([3.0, -4.0])),
    "경계 위 (s = 0)": (np.array([1, 0, 1]), np.array([0.0, 0.0, 0.0])),
    "확신하고 틀림": (np.array([0, 1]), np.array([2.5, -1.5])),
    "uint8 레이블 {0, 1}": (np.array([1, 0, 0, 1], dtype=np.uint8), np.array([0.5, -2.0, 0.3, 2.0])),
    "int8 레이블 {−1, +1}": (np.array([1, -1, -1, 1], dtype=np.int8), np.array([0.5, -2.0, 0.3, 2.0])),
}


@pytest.mark.parametrize("case", list(HINGE_CASES))
def test_hinge(student, reference, case):
    """hinge: 정해진 경우들 ({0, 1}과 {−1, +1} 레이블)"""
    compare(student, reference, "hinge", HINGE_CASES[case], case=case, spec=LOSS, mistakes=HINGE_MISTAKES)


def test_hinge_random(student, reference, rng):
    """hinge: 무작위 레이블과 점수"""
    for trial in range(20):
        n = int(rng.integers(1, 80))
        y = rng.integers(0, 2, n)
        if trial % 2:
            y = 2 * y - 1
        compare(student, reference, "hinge", (y, rng.normal(0.0, 2.0, n)),
                case=f"무작위 입력 {trial + 1}번째 (n={n}, 레이블 {'{−1, +1}' if trial % 2 else '{0, 1}'})",
                spec=LOSS, mistakes=HINGE_MISTAKES)
