"""Check for 04_roc_auc: ROC points (fpr, tpr, thresholds) with the rule score >= t over the
thresholds [inf, distinct scores descending], and AUC by the trapezoid rule.

Tolerances: fpr and tpr are ratios of whole counts, compared with relative 1e-12 (any correct
way of counting gives the same two integers, then one division); thresholds are the input
scores themselves (plus inf) and compared with relative 1e-12. The AUC is a sum of m trapezoids
and compared with relative 1e-9, absolute 1e-12 (summation order changes the last bits only;
every misconception below changes it by 1e-3 or more on these inputs).
"""

import numpy as np
import pytest

from grader.engine.verdict import Array, Mistake, Parts, Scalar, compare

EXACT = Array(rtol=1e-12, atol=1e-15)
AREA = Scalar(rtol=1e-9, atol=1e-12)


class RocSpec(Parts):
    """Parts (fpr, tpr, thresholds), plus a plain-language diagnosis of the number of points."""

    def problems(self, actual, expected):
        lines = super().problems(actual, expected)
        if lines and isinstance(actual, (tuple, list)) and len(actual) == 3:
            got = np.shape(actual[0])[0] if np.ndim(actual[0]) == 1 else None
            want = len(expected[0])
            if got is not None and got > want:
                lines.append(f"점이 {got}개로 기대({want}개)보다 많습니다. 점수가 같은 샘플들은 한 임계값에서 함께 양성이 되므로 "
                             "서로 다른 점수마다 점 하나만 찍어야 합니다 (같은 점수는 함께 움직임).")
            elif got is not None and got == want - 1:
                lines.append(f"점이 {got}개로 하나 모자랍니다. 임계값 np.inf에서의 시작점 (0, 0)을 넣었는지 확인하세요.")
        return lines


ROC = RocSpec((("fpr", EXACT), ("tpr", EXACT), ("thresholds", EXACT)))


def _points(y, s, thresholds, positive):
    y = np.asarray(y)
    s = np.asarray(s, dtype=np.float64)
    tp = np.array([np.sum(positive(s, t) & (y == 1)) for t in thresholds], dtype=np.float64)
    fp = np.array([np.sum(positive(s, t) & (y == 0)) for t in thresholds], dtype=np.float64)
    return fp / max(np.sum(y == 0), 1), tp / max(np.sum(y == 1), 1)


def _thresholds(s):
    return np.concatenate(([np.inf], np.unique(np.asarray(s, dtype=np.float64))[::-1]))


def _correct(y, s):
    t = _thresholds(s)
    fpr, tpr = _points(y, s, t, lambda s, t: s >= t)
    return fpr, tpr, t


def _strict(y, s):
    t = _thresholds(s)
    fpr, tpr = _points(y, s, t, lambda s, t: s > t)
    return fpr, tpr, t


def _specificity_axis(y, s):
    t = _thresholds(s)
    fpr, tpr = _points(y, s, t, lambda s, t: s >= t)
    return 1 - fpr, tpr, t


def _swapped(y, s):
    t = _thresholds(s)
    fpr, tpr = _points(y, s, t, lambda s, t: s >= t)
    return tpr, fpr, t


def _no_start(y, s):
    t = np.unique(np.asarray(s, dtype=np.float64))[::-1]
    fpr, tpr = _points(y, s, t, lambda s, t: s >= t)
    return fpr, tpr, t


def _ascending(y, s):
    fpr, tpr, t = _no_start(y, s)
    return fpr[::-1], tpr[::-1], t[::-1]


def _one_by_one(y, s, reverse_ties=False, positives_first=None):
    """Sort the samples and move them one at a time, even when their scores are equal (within a tie
    in index order, or in reverse index order as np.argsort(s)[::-1] gives). An unstable sort may
    put a tie in any order; `positives_first` gives the two extremes (every positive of a tie
    first, or last), between which any order's area lies."""
    y = np.asarray(y)
    s = np.asarray(s, dtype=np.float64)
    if positives_first is not None:
        order = np.lexsort(((y != 1) if positives_first else (y == 1), -s))  # last key first: score, then label
    else:
        order = np.argsort(s, kind="stable")[::-1] if reverse_ties else np.argsort(-s, kind="stable")
    tp = np.concatenate(([0], np.cumsum(y[order] == 1)))
    fp = np.concatenate(([0], np.cumsum(y[order] == 0)))
    return fp / max(np.sum(y == 0), 1), tp / max(np.sum(y == 1), 1), np.concatenate(([np.inf], s[order]))


ROC_MISTAKES = (
    Mistake("임계값과 같은 점수를 음성으로 처리했습니다 (>= 대신 > 를 씀). 03처럼 score ≥ t이면 양성입니다.", _strict, id="roc-gt-instead-of-ge"),
    Mistake("x축에 특이도(TNR)를 썼습니다. ROC의 x축은 FPR = 1 − 특이도입니다 ('TPR과 TNR'은 잘못된 설명).",
            _specificity_axis, id="roc-specificity-axis"),
    Mistake("fpr와 tpr의 자리를 바꿨습니다. x축이 FPR, y축이 TPR(민감도)입니다.", _swapped, id="roc-fpr-tpr-swapped"),
    Mistake("임계값 np.inf에서의 시작점 (0, 0)을 빠뜨렸습니다.", _no_start, id="roc-missing-start-point"),
    Mistake("임계값을 작은 것부터 올렸습니다: 점이 (1, 1)에서 (0, 0)으로 갑니다. 임계값은 큰 것부터 내립니다.", _ascending, id="roc-ascending-thresholds"),
    Mistake("점수가 같은 샘플을 하나씩 따로 움직였습니다. 같은 점수의 샘플은 한 임계값에서 함께 양성이 됩니다.", _one_by_one, id="roc-ties-one-by-one"),
)


def _trapezoid(x, y):
    x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    return float(np.sum((x[1:] - x[:-1]) * (y[1:] + y[:-1]) / 2))


AUC_MISTAKES = (
    Mistake("사다리꼴 대신 직사각형(왼쪽 점의 높이)으로 넓이를 구했습니다.",
            lambda x, y: float(np.sum((np.asarray(x)[1:] - np.asarray(x)[:-1]) * np.asarray(y)[:-1])), id="auc-left-rectangles"),
    Mistake("사다리꼴 대신 직사각형(오른쪽 점의 높이)으로 넓이를 구했습니다.",
            lambda x, y: float(np.sum((np.asarray(x)[1:] - np.asarray(x)[:-1]) * np.asarray(y)[1:])), id="auc-right-rectangles"),
    Mistake("x와 y를 바꿔 적분했습니다 (np.trapezoid(x, y)처럼 인자 순서를 바꿈). 넓이는 y를 x에 대해 적분합니다.",
            lambda x, y: _trapezoid(y, x), id="auc-x-y-swapped"),
    Mistake("폭(x의 간격)을 곱하지 않고 높이의 평균만 냈습니다.", lambda x, y: float(np.mean(np.asarray(y, dtype=np.float64))), id="auc-mean-height"),
)


def _area_of(curve):
    return lambda y, s: _trapezoid(*curve(y, s)[:2])


ROC_AUC_MISTAKES = (
    Mistake("ROC의 x축에 특이도(TNR)를 썼습니다: 넓이가 음수가 됩니다. x축은 FPR = 1 − 특이도입니다.", _area_of(_specificity_axis), id="roc-auc-specificity-axis"),
    Mistake("임계값과 같은 점수를 음성으로 처리했습니다 (>= 대신 > 를 씀): 마지막 점 (1, 1)에 닿지 않습니다.", _area_of(_strict), id="roc-auc-gt-instead-of-ge"),
    Mistake("점수가 같은 샘플을 하나씩 따로 움직였습니다: 같은 점수 구간이 대각선이 아니라 계단이 됩니다.", _area_of(_one_by_one), id="roc-auc-ties-one-by-one"),
    Mistake("임계값 np.inf에서의 시작점 (0, 0)을 빠뜨렸습니다: 첫 사다리꼴이 빠집니다.", _area_of(_no_start), id="roc-auc-missing-start-point"),
    Mistake("사다리꼴 대신 직사각형(왼쪽 점의 높이)으로 넓이를 구했습니다.",
            lambda y, s: AUC_MISTAKES[0].compute(*_correct(y, s)[:2]), id="roc-auc-left-rectangles"),
)


# roc_auc is the area of roc_curve: a mistake in either step reaches it. Each is listed under its own
# id, so a case where two of them give the same area names neither (they are look-alikes there).
ROC_AUC_MISTAKES += (
    Mistake(ROC_MISTAKES[2].description, _area_of(_swapped), id=ROC_MISTAKES[2].id),
    Mistake(ROC_MISTAKES[4].description, _area_of(_ascending), id=ROC_MISTAKES[4].id),
    Mistake(ROC_AUC_MISTAKES[2].description, _area_of(lambda y, s: _one_by_one(y, s, reverse_ties=True)),
            id=ROC_AUC_MISTAKES[2].id),
    # A tie's positives moved first give exactly the right-rectangle area on that segment: where
    # the two agree, neither is named (the learner sees what was observed, not a guess).
    *(Mistake(ROC_AUC_MISTAKES[2].description, _area_of(lambda y, s, first=first: _one_by_one(y, s, positives_first=first)),
              id=ROC_AUC_MISTAKES[2].id) for first in (True, False)),
    *(Mistake(m.description, (lambda compute: lambda y, s: compute(*_correct(y, s)[:2]))(m.compute), id=m.id)
      for m in AUC_MISTAKES[1:]),
)


EDGE_CASES = {
    "기본 예 (점수가 모두 다름)": (np.array([0, 0, 1, 1]), np.array([0.1, 0.4, 0.35, 0.8])),
    "같은 점수의 양성과 음성 (동점)": (np.array([0, 1, 0, 1, 1, 0]), np.array([0.2, 0.5, 0.5, 0.9, 0.5, 0.1])),
    "완벽하게 가름": (np.array([0, 0, 0, 1, 1]), np.array([0.1, 0.2, 0.3, 0.7, 0.9])),
    "거꾸로 가름": (np.array([1, 1, 0, 0]), np.array([0.1, 0.2, 0.8, 0.9])),
    "모든 점수가 같음": (np.array([0, 1, 1, 0, 1]), np.array([0.5, 0.5, 0.5, 0.5, 0.5])),
    "점수가 0과 1 (임계값 0과 1)": (np.array([1, 0, 1, 0, 0]), np.array([1.0, 0.0, 0.0, 1.0, 0.0])),
    "확률이 아닌 점수 (음수 포함)": (np.array([0, 1, 0, 1, 1, 0, 1]), np.array([-2.0, 3.5, 0.0, 1.25, -0.5, 1.25, 7.0])),
}


def _random_case(rng, n):
    y = rng.integers(0, 2, n)
    y[rng.choice(n, 2, replace=False)] = [0, 1]
    # a coarse grid of scores makes ties common, as real rounded probabilities do
    scores = np.round(np.clip(0.5 + 0.25 * (2 * y - 1) + rng.normal(0, 0.3, n), 0, 1), int(rng.integers(1, 3)))
    return y, scores


@pytest.mark.parametrize("case", list(EDGE_CASES))
def test_roc_curve_edge_cases(student, reference, case):
    """roc_curve: 정해진 경우들 (동점, 시작점 (0, 0)과 끝점 (1, 1))"""
    compare(student, reference, "roc_curve", EDGE_CASES[case], case=case, spec=ROC, mistakes=ROC_MISTAKES)


def test_roc_curve_random(student, reference, rng):
    """roc_curve: 무작위 레이블과 점수 (동점 많음)"""
    for trial in range(15):
        n = int(rng.integers(2, 80))
        compare(student, reference, "roc_curve", _random_case(rng, n),
                case=f"무작위 입력 {trial + 1}번째 (n={n})", spec=ROC, mistakes=ROC_MISTAKES)


AUC_CASES = {
    "삼각형 하나 (0,0)-(1,1)": (np.array([0.0, 1.0]), np.array([0.0, 1.0])),
    "기본 예의 ROC": (np.array([0.0, 0.0, 0.5, 0.5, 1.0]), np.array([0.0, 0.5, 0.5, 1.0, 1.0])),
    "대각선이 섞인 꺾은선": (np.array([0.0, 0.25, 0.25, 0.75, 1.0]), np.array([0.0, 0.5, 0.6, 0.8, 1.0])),
    "같은 x가 여러 번 (수직 이동)": (np.array([0.0, 0.0, 0.0, 0.5, 1.0, 1.0]), np.array([0.0, 0.2, 0.4, 0.9, 0.9, 1.0])),
    "ROC가 아닌 일반 꺾은선": (np.array([0.0, 1.0, 3.0, 4.5]), np.array([2.0, 1.0, 3.0, 0.5])),
}


@pytest.mark.parametrize("case", list(AUC_CASES))
def test_auc_edge_cases(student, reference, case):
    """auc: 사다리꼴 공식"""
    compare(student, reference, "auc", AUC_CASES[case], case=case, spec=AREA, mistakes=AUC_MISTAKES)


def test_auc_random(student, reference, rng):
    """auc: 무작위 꺾은선"""
    for trial in range(15):
        m = int(rng.integers(2, 30))
        x = np.sort(rng.random(m))
        y = rng.random(m)
        compare(student, reference, "auc", (x, y), case=f"무작위 꺾은선 {trial + 1}번째 (점 {m}개)",
                spec=AREA, mistakes=AUC_MISTAKES)


@pytest.mark.parametrize("case", list(EDGE_CASES))
def test_roc_auc_edge_cases(student, reference, case):
    """roc_auc: 정해진 경우들 (완벽 1.0, 거꾸로 0.0, 모두 같은 점수 0.5)"""
    compare(student, reference, "roc_auc", EDGE_CASES[case], case=case, spec=AREA, mistakes=ROC_AUC_MISTAKES)


def test_roc_auc_random(student, reference, rng):
    """roc_auc: 무작위 레이블과 점수 (동점 많음)"""
    for trial in range(15):
        n = int(rng.integers(2, 200))
        compare(student, reference, "roc_auc", _random_case(rng, n),
                case=f"무작위 입력 {trial + 1}번째 (n={n})", spec=AREA, mistakes=ROC_AUC_MISTAKES)
