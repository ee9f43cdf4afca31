"""Check for 20_logit: odds p/(1 − p) (a ratio, not a probability), logit = ln(odds) with
torch-style clipping to [eps, 1 − eps] when eps > 0 (±inf at p = 0, 1 when eps = 0), the
sigmoid as its inverse, and odds back to probability o/(1 + o) (1 at o = +inf).

Tolerances: relative 1e-9, absolute 1e-12 (float32 inputs: relative 1e-6, absolute 1e-7, since a
learner may keep the input dtype). ln(p/(1 − p)) and ln p − ln(1 − p) differ by ~1e-16
absolutely near p = 0.5 where the logit is ~0, hence the absolute part; every misconception
below (log10, inverted ratio, odds = p, ...) is off by far more. Infinite expected values
(odds(1), logit(0), logit(1)) must be the same infinity; the stability probes (sigmoid(±1000),
odds_to_probability(inf)) must be exact 0/1 without NaN. The contract promises all of it "경고나
NaN 없이", so every comparison fails a RuntimeWarning (`no_warnings=True`).
"""

import numpy as np
import pytest

from grader.engine.verdict import Array, Mistake, compare, expect

VALUES = Array(rtol=1e-9, atol=1e-12)
VALUES32 = Array(rtol=1e-6, atol=1e-7)  # float32 inputs: a learner may keep float32 (eps ≈ 6e-8)


def _spec(args):
    return VALUES32 if any(getattr(a, "dtype", None) == np.float32 for a in args) else VALUES


def _f(a):
    return np.asarray(a, dtype=np.float64)


def _quiet(function):
    def run(*args, **kwargs):
        with np.errstate(all="ignore"):
            return function(*args, **kwargs)
    return run


ODDS_MISTAKES = (
    Mistake("오즈를 확률 p 그대로 반환했습니다. 오즈는 확률이 아니라 비율 p / (1 − p)입니다 (p = 0.75이면 3).", _quiet(lambda p: _f(p)), id="odds-returns-probability"),
    Mistake("분자와 분모가 바뀌었습니다: (1 − p) / p는 '일어나지 않을' 오즈입니다. 오즈는 p / (1 − p)입니다.",
            _quiet(lambda p: (1 - _f(p)) / _f(p)), id="odds-inverted"),
    Mistake("p / (1 + p)를 썼습니다. 오즈의 분모는 일어나지 않을 확률 1 − p입니다.", _quiet(lambda p: _f(p) / (1 + _f(p))), id="odds-one-plus-p-denominator"),
)


def _logit(rule):
    def run(p, eps=0.0):
        p = _f(p)
        if eps > 0:
            p = np.clip(p, eps, 1 - eps)
        with np.errstate(all="ignore"):
            return rule(p)
    return run


LOGIT_MISTAKES = (
    Mistake("상용로그(log10)를 썼습니다. 로짓은 자연로그 ln(p / (1 − p))입니다 (np.log).", _logit(lambda p: np.log10(p / (1 - p))), id="logit-log10"),
    Mistake("ln p만 계산했습니다 (로그 확률). 로짓은 오즈의 로그 ln(p / (1 − p))입니다.", _logit(lambda p: np.log(p)), id="logit-log-p-only"),
    Mistake("괄호를 빠뜨렸습니다: np.log(p) / (1 − p)가 아니라 np.log(p / (1 − p))입니다.", _logit(lambda p: np.log(p) / (1 - p)), id="logit-missing-parentheses"),
    Mistake("부호가 반대입니다: ln((1 − p) / p)는 −logit(p)입니다.", _logit(lambda p: np.log((1 - p) / p)), id="logit-wrong-sign"),
    Mistake("eps를 무시했습니다. eps > 0이면 p를 먼저 np.clip(p, eps, 1 − eps)로 잘라서 유한한 값을 내야 합니다.",
            lambda p, eps=0.0: _logit(lambda q: np.log(q / (1 - q)))(p), id="logit-eps-ignored"),
)

SIGMOID_MISTAKES = (
    Mistake("지수의 부호가 반대입니다: σ(z) = 1 / (1 + e^(−z))입니다.", _quiet(lambda z: 1 / (1 + np.exp(_f(z)))), id="sigmoid-wrong-sign"),
    Mistake("시그모이드 대신 오즈를 확률로 바꾸는 식 z / (1 + z)를 썼습니다. 로짓의 역함수는 1 / (1 + e^(−z))입니다.",
            _quiet(lambda z: _f(z) / (1 + _f(z))), id="sigmoid-odds-formula"),
    Mistake("σ(z)를 e^z / (1 + e^z)로 계산했습니다: z가 710을 넘으면 e^z가 inf로 넘쳐 inf / inf = NaN이 됩니다. "
            "z ≥ 0에서는 1 / (1 + e^(−z)), z < 0에서는 e^z / (1 + e^z)처럼 지수가 넘치지 않는 쪽을 고르세요.",
            _quiet(lambda z: np.exp(_f(z)) / (1 + np.exp(_f(z)))), id="sigmoid-exp-ratio-overflow"),
)

PROBABILITY_MISTAKES = (
    Mistake("1 / (1 + o)를 썼습니다: 그것은 '일어나지 않을' 확률입니다. 확률은 o / (1 + o)입니다.", _quiet(lambda o: 1 / (1 + _f(o))), id="probability-one-over-one-plus-odds"),
    Mistake("오즈를 그대로 확률로 반환했습니다. 오즈 3은 확률 0.75입니다: p = o / (1 + o).", _quiet(lambda o: _f(o)), id="probability-returns-odds"),
    Mistake("o / (1 − o)를 썼습니다: 오즈를 구하는 식을 다시 적용했습니다. 역변환은 p = o / (1 + o)입니다.",
            _quiet(lambda o: _f(o) / (1 - _f(o))), id="probability-odds-formula-again"),
    Mistake("o / (1 + o)를 그대로 썼습니다: 오즈가 inf(확률 1의 오즈)이면 inf / inf = NaN이 됩니다. "
            "오즈가 inf인 자리는 확률 1.0으로 따로 처리하세요 (np.where(np.isinf(o), 1.0, o / (1 + o))).",
            _quiet(lambda o: _f(o) / (1 + _f(o))), id="probability-infinite-odds-nan"),
)

PROBABILITIES = np.array([0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0])

ODDS_CASES = {
    "0부터 1까지 (odds(1) = inf)": (PROBABILITIES,),
    "기본 예 p = 0.75 → 3": (np.array([0.75]),),
    "아주 작은 확률과 아주 큰 확률": (np.array([1e-12, 1e-6, 1 - 1e-6]),),
    "2차원 배열": (np.array([[0.2, 0.4], [0.6, 0.8]]),),
    "float32 입력": (np.array([0.2, 0.5, 0.8], dtype=np.float32),),
}

LOGIT_CASES = {
    "0부터 1까지, eps 생략 (logit(0) = −inf, logit(1) = inf)": ((PROBABILITIES,), {}),
    "0부터 1까지, eps = 1e-6 (자른 뒤 유한한 값)": ((PROBABILITIES,), {"eps": 1e-6}),
    "eps = 0.05: 경계 밖의 값이 잘림": ((np.array([0.0, 0.01, 0.05, 0.5, 0.97, 1.0]),), {"eps": 0.05}),
    "기본 예 p = 0.75 → ln 3": ((np.array([0.75]),), {}),
    "0.5 근처 (로짓 ≈ 0)": ((np.array([0.5, 0.5 + 1e-9, 0.5 - 1e-6]),), {}),
    "2차원 배열": ((np.array([[0.2, 0.4], [0.6, 0.8]]),), {}),
    "float32 입력": ((np.array([0.2, 0.5, 0.8], dtype=np.float32),), {}),
}

SIGMOID_CASES = {
    "작은 값들": (np.array([-3.0, -1.0, 0.0, 1.0, 3.0]),),
    "ln 3 → 0.75": (np.array([np.log(3.0)]),),
    "큰 입력 ±1000 (e^1000은 넘침)": (np.array([-1000.0, -750.0, -40.0, 40.0, 750.0, 1000.0]),),
    "float32의 큰 입력 ±100": (np.array([-100.0, 100.0], dtype=np.float32),),
    "2차원 배열": (np.array([[-0.5, 0.5], [2.0, -2.0]]),),
}

PROBABILITY_CASES = {
    "0, 1, 3, 9": (np.array([0.0, 1.0, 3.0, 9.0]),),
    "오즈 inf → 확률 1": (np.array([np.inf, 1e300, 1e-300]),),
    "2차원 배열": (np.array([[0.25, 4.0], [0.5, 2.0]]),),
}


@pytest.mark.parametrize("case", list(ODDS_CASES))
def test_odds(student, reference, case):
    """odds: 정해진 경우들"""
    compare(student, reference, "odds", ODDS_CASES[case], case=case, spec=_spec(ODDS_CASES[case]), mistakes=ODDS_MISTAKES, no_warnings=True)


@pytest.mark.parametrize("case", list(LOGIT_CASES))
def test_logit(student, reference, case):
    """logit: 정해진 경우들 (끝값 p = 0, 1과 eps)"""
    args, kwargs = LOGIT_CASES[case]
    compare(student, reference, "logit", args, kwargs, case=case, spec=_spec(args), mistakes=LOGIT_MISTAKES, no_warnings=True)


@pytest.mark.parametrize("case", list(SIGMOID_CASES))
def test_sigmoid(student, reference, case):
    """sigmoid: 정해진 경우들 (큰 입력에서 NaN 없이)"""
    compare(student, reference, "sigmoid", SIGMOID_CASES[case], case=case, spec=_spec(SIGMOID_CASES[case]), mistakes=SIGMOID_MISTAKES, no_warnings=True)


@pytest.mark.parametrize("case", list(PROBABILITY_CASES))
def test_odds_to_probability(student, reference, case):
    """odds_to_probability: 정해진 경우들"""
    compare(student, reference, "odds_to_probability", PROBABILITY_CASES[case], case=case, spec=VALUES,
            mistakes=PROBABILITY_MISTAKES, no_warnings=True)


def test_random(student, reference, rng):
    """네 함수: 무작위 입력"""
    for trial in range(10):
        shape = tuple(int(s) for s in rng.integers(1, 6, size=int(rng.integers(1, 3))))
        p = rng.uniform(0.001, 0.999, shape)
        case = f"무작위 {trial + 1}번째 (모양 {shape})"
        compare(student, reference, "odds", (p,), case=case, spec=VALUES, mistakes=ODDS_MISTAKES, no_warnings=True)
        compare(student, reference, "logit", (p,), {"eps": float(rng.choice([0.0, 1e-7, 0.01]))}, case=case, spec=VALUES,
                mistakes=LOGIT_MISTAKES, no_warnings=True)
        compare(student, reference, "sigmoid", (rng.normal(0.0, 10.0, shape),), case=case, spec=VALUES,
                mistakes=SIGMOID_MISTAKES, no_warnings=True)
        compare(student, reference, "odds_to_probability", (rng.lognormal(0.0, 2.0, shape),), case=case, spec=VALUES,
                mistakes=PROBABILITY_MISTAKES, no_warnings=True)


def test_sigmoid_inverts_logit(student):
    """sigmoid(logit(p)) = p, logit(sigmoid(z)) = z: 로짓과 시그모이드는 서로의 역함수"""
    p = np.linspace(0.01, 0.99, 99)
    back = student.call("sigmoid", (student.call("logit", (p,)),))
    problems = VALUES.problems(back, p)
    expect(not problems, "sigmoid(logit(p))", "p = 0.01 … 0.99", "학습자의 sigmoid(logit(p))가 p로 돌아오지 않습니다.", *problems)
    z = np.linspace(-8.0, 8.0, 33)
    again = student.call("logit", (student.call("sigmoid", (z,)),))
    problems = Array(rtol=1e-7, atol=1e-9).problems(again, z)
    expect(not problems, "logit(sigmoid(z))", "z = −8 … 8", "학습자의 logit(sigmoid(z))가 z로 돌아오지 않습니다.", *problems)


def test_odds_round_trip(student):
    """odds_to_probability(odds(p)) = p: 오즈와 확률은 서로 바꿀 수 있음"""
    p = np.linspace(0.0, 0.99, 100)
    back = student.call("odds_to_probability", (student.call("odds", (p,)),))
    problems = VALUES.problems(back, p)
    expect(not problems, "odds_to_probability(odds(p))", "p = 0 … 0.99", "오즈로 바꿨다가 되돌린 값이 p와 다릅니다.", *problems)
