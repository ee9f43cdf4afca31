"""Check for 22_precision_recall: precision, recall and F1 from 0/1 predictions with
scikit-learn's zero_division=0 rule; the PR curve over the thresholds [distinct scores,
descending] with the rule score >= t; average precision AP = sum (R_n - R_{n-1}) P_n, R_0 = 0,
without interpolation (scikit-learn's average_precision_score).

Tolerances: precision, recall and F1 are one ratio of whole counts, compared with relative
1e-12, absolute 1e-15 (any correct way of counting gives the same integers). The curve's
precision and recall are ratios of counts (relative 1e-12); thresholds are the input scores
themselves (relative 1e-12). AP is a sum of m products and compared with relative 1e-9,
absolute 1e-12 (summation order changes the last bits only; every misconception below changes
it by 1e-3 or more where it is named, and a mistake is only named on a case that tells it apart).
The contract promises "어떤 경우에도 NaN이나 경고를 내지 않습니다", so every comparison fails a
RuntimeWarning (`no_warnings=True`), e.g. a 0/0 turned into 0.0 with np.nan_to_num.
"""

import numpy as np
import pytest

from grader.engine.verdict import Array, Mistake, Parts, Scalar, compare

RATIO = Scalar(rtol=1e-12, atol=1e-15)
AREA = Scalar(rtol=1e-9, atol=1e-12)
EXACT = Array(rtol=1e-12, atol=1e-15)


class CurveSpec(Parts):
    """Parts (precision, recall, thresholds), plus a plain-language diagnosis of the number of points."""

    def problems(self, actual, expected):
        lines = super().problems(actual, expected)
        if lines and isinstance(actual, (tuple, list)) and len(actual) == 3 and np.ndim(actual[0]) == 1:
            got, want = np.shape(actual[0])[0], len(expected[0])
            if got > want + 1:
                lines.append(f"점이 {got}개로 기대({want}개)보다 많습니다. 점수가 같은 샘플들은 한 임계값에서 함께 양성이 되므로 "
                             "서로 다른 점수마다 점 하나만 찍어야 합니다 (같은 점수는 함께 움직임).")
            elif got == want + 1:
                lines.append(f"점이 {got}개로 하나 많습니다. 임계값은 서로 다른 점수들뿐입니다: np.inf나 scikit-learn이 "
                             "덧붙이는 끝점 (정밀도 1, 재현율 0)은 넣지 않습니다.")
        return lines


CURVE = CurveSpec((("precision", EXACT), ("recall", EXACT), ("thresholds", EXACT)))


def _cells(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    tp = int(np.sum((y_true == 1) & (y_pred == 1)))
    fp = int(np.sum((y_true == 0) & (y_pred == 1)))
    fn = int(np.sum((y_true == 1) & (y_pred == 0)))
    tn = int(np.sum((y_true == 0) & (y_pred == 0)))
    return tp, fp, fn, tn


def _ratio(top, bottom):
    return top / bottom if bottom else 0.0


def _nan_ratio(top, bottom):
    return top / bottom if bottom else float("nan")


def _with_cells(rule):
    return lambda y_true, y_pred: rule(*_cells(y_true, y_pred))


PRECISION_MISTAKES = (
    Mistake("정밀도 대신 재현율 TP / (TP + FN)을 계산했습니다. 정밀도의 분모는 '양성이라고 예측한 것 전체' TP + FP입니다.",
            _with_cells(lambda tp, fp, fn, tn: _ratio(tp, tp + fn)), id="precision-recall-swapped"),
    Mistake("정밀도 대신 정확도 (TP + TN) / 전체를 계산했습니다.",
            _with_cells(lambda tp, fp, fn, tn: _ratio(tp + tn, tp + fp + fn + tn)), id="precision-is-accuracy"),
    Mistake("양성 예측이 하나도 없을 때(TP + FP = 0) NaN을 반환했습니다. 이때 정밀도는 0.0으로 정했습니다 (zero_division=0).",
            _with_cells(lambda tp, fp, fn, tn: _nan_ratio(tp, tp + fp)), id="precision-zero-division-nan"),
)

RECALL_MISTAKES = (
    Mistake("재현율 대신 정밀도 TP / (TP + FP)를 계산했습니다. 재현율의 분모는 '실제 양성 전체' TP + FN입니다.",
            _with_cells(lambda tp, fp, fn, tn: _ratio(tp, tp + fp)), id="recall-precision-swapped"),
    Mistake("재현율 대신 특이도 TN / (TN + FP)를 계산했습니다. 재현율은 민감도와 같은 TP / (TP + FN)입니다.",
            _with_cells(lambda tp, fp, fn, tn: _ratio(tn, tn + fp)), id="recall-is-specificity"),
    Mistake("실제 양성이 하나도 없을 때(TP + FN = 0) NaN을 반환했습니다. 이때 재현율은 0.0으로 정했습니다 (zero_division=0).",
            _with_cells(lambda tp, fp, fn, tn: _nan_ratio(tp, tp + fn)), id="recall-zero-division-nan"),
)


def _pr(tp, fp, fn):
    return _ratio(tp, tp + fp), _ratio(tp, tp + fn)


F1_MISTAKES = (
    Mistake("정밀도와 재현율의 산술 평균 (P + R) / 2를 계산했습니다. F1은 조화 평균 2PR / (P + R)입니다.",
            _with_cells(lambda tp, fp, fn, tn: sum(_pr(tp, fp, fn)) / 2), id="f1-arithmetic-mean"),
    Mistake("2를 곱하지 않았습니다: PR / (P + R)는 F1의 절반입니다. F1 = 2PR / (P + R)입니다.",
            _with_cells(lambda tp, fp, fn, tn: (lambda p, r: _ratio(p * r, p + r))(*_pr(tp, fp, fn))), id="f1-missing-factor-2"),
    Mistake("정밀도와 재현율의 곱 P · R을 반환했습니다. F1 = 2PR / (P + R)입니다.",
            _with_cells(lambda tp, fp, fn, tn: (lambda p, r: p * r)(*_pr(tp, fp, fn))), id="f1-product"),
    Mistake("P + R = 0일 때 NaN을 반환했습니다. 이때 F1은 0.0으로 정했습니다.",
            _with_cells(lambda tp, fp, fn, tn: (lambda p, r: _nan_ratio(2 * p * r, p + r))(*_pr(tp, fp, fn))),
            id="f1-zero-division-nan"),
)


def _curve(y, s, thresholds, positive):
    y = np.asarray(y)
    s = np.asarray(s, dtype=np.float64)
    tp = np.array([np.sum(positive(s, t) & (y == 1)) for t in thresholds], dtype=np.float64)
    predicted = np.array([np.sum(positive(s, t)) for t in thresholds], dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        precision = np.where(predicted > 0, tp / np.maximum(predicted, 1), 0.0)
    return precision, tp / max(int(np.sum(y == 1)), 1)


def _thresholds(s):
    return np.unique(np.asarray(s, dtype=np.float64))[::-1]


def _correct(y, s):
    t = _thresholds(s)
    return (*_curve(y, s, t, lambda s, t: s >= t), t)


def _strict(y, s):
    t = _thresholds(s)
    return (*_curve(y, s, t, lambda s, t: s > t), t)


def _ascending(y, s):
    p, r, t = _correct(y, s)
    return p[::-1], r[::-1], t[::-1]


def _sklearn_layout(y, s):
    p, r, t = _ascending(y, s)
    return np.append(p, 1.0), np.append(r, 0.0), t


def _with_inf(y, s):
    p, r, t = _correct(y, s)
    return np.concatenate(([1.0], p)), np.concatenate(([0.0], r)), np.concatenate(([np.inf], t))


def _swapped(y, s):
    p, r, t = _correct(y, s)
    return r, p, t


def _one_by_one(y, s):
    """Sort the samples and move them one at a time, even when their scores are equal."""
    y = np.asarray(y)
    s = np.asarray(s, dtype=np.float64)
    order = np.argsort(-s, kind="stable")
    tp = np.cumsum(y[order] == 1).astype(np.float64)
    return tp / np.arange(1, len(y) + 1), tp / max(int(np.sum(y == 1)), 1), s[order]


CURVE_MISTAKES = (
    Mistake("임계값과 같은 점수를 음성으로 처리했습니다 (>= 대신 > 를 씀). 03처럼 score ≥ t이면 양성입니다.", _strict,
            id="curve-strict-threshold"),
    Mistake("임계값을 작은 것부터 나열했습니다. 이 문제에서는 04의 ROC처럼 임계값을 큰 것부터 내립니다.", _ascending,
            id="curve-ascending-thresholds"),
    Mistake("scikit-learn의 precision_recall_curve처럼 임계값을 작은 것부터 나열하고 끝점 (1, 0)을 덧붙였습니다. "
            "이 문제의 곡선은 임계값이 큰 것부터이고 덧붙이는 점이 없습니다.", _sklearn_layout, id="curve-sklearn-layout"),
    Mistake("04의 ROC처럼 임계값 np.inf의 점을 넣었습니다. PR 곡선의 임계값은 서로 다른 점수들뿐입니다 "
            "(np.inf에서는 양성 예측이 없어 정밀도가 0/0입니다).", _with_inf, id="curve-inf-threshold"),
    Mistake("precision과 recall의 자리를 바꿨습니다. 반환 순서는 (precision, recall, thresholds)입니다.", _swapped,
            id="curve-precision-recall-swapped"),
    Mistake("점수가 같은 샘플을 하나씩 따로 움직였습니다. 같은 점수의 샘플은 한 임계값에서 함께 양성이 됩니다.", _one_by_one,
            id="curve-ties-one-by-one"),
)


def _ap_from(curve, rule):
    return lambda y, s: float(rule(*curve(y, s)[:2]))


def _interpolated(p, r):
    best_to_the_right = np.maximum.accumulate(p[::-1])[::-1]
    return np.sum(np.diff(r, prepend=0.0) * best_to_the_right)


AP_MISTAKES = (
    Mistake("첫 항을 빠뜨렸습니다: R_0 = 0에서 첫 재현율까지 늘어난 만큼(R_1 − 0) · P_1도 더해야 합니다 "
            "(np.diff(recall)만 쓰면 빠집니다).", _ap_from(_correct, lambda p, r: np.sum(np.diff(r) * p[1:])),
            id="ap-missing-first-step"),
    Mistake("PR 곡선 아래 넓이를 사다리꼴로 구했습니다 (04의 auc(recall, precision)). AP는 보간 없이 "
            "Σ (R_n − R_{n−1}) · P_n입니다.", _ap_from(_correct, lambda p, r: np.sum(np.diff(r) * (p[1:] + p[:-1]) / 2)),
            id="ap-trapezoid"),
    Mistake("정밀도를 보간했습니다 (각 점에서 오른쪽의 가장 큰 정밀도를 씀, PASCAL VOC 방식). scikit-learn의 AP는 보간하지 않습니다.",
            _ap_from(_correct, _interpolated), id="ap-interpolated"),
    Mistake("임계값마다의 정밀도를 단순 평균했습니다. 재현율이 늘어난 만큼 (R_n − R_{n−1})을 가중치로 곱해 더합니다.",
            _ap_from(_correct, lambda p, r: np.mean(p)), id="ap-plain-mean"),
    Mistake("점수가 같은 샘플을 하나씩 따로 세었습니다 (양성마다 그 순위까지의 정밀도를 평균). 같은 점수의 샘플은 "
            "한 임계값에서 함께 양성이 됩니다.", _ap_from(_one_by_one, lambda p, r: np.sum(np.diff(r, prepend=0.0) * p)),
            id="ap-ties-one-by-one"),
    Mistake("임계값과 같은 점수를 음성으로 처리했습니다 (>= 대신 > 를 씀).",
            _ap_from(_strict, lambda p, r: np.sum(np.diff(r, prepend=0.0) * p)), id="ap-strict-threshold"),
)


LABEL_CASES = {
    "문제 설명의 예 (TP 2, FP 1, FN 1)": (np.array([1, 1, 0, 0, 1, 0]), np.array([1, 0, 1, 0, 1, 0])),
    "정밀도와 재현율이 다름 (TP 3, FP 1, FN 3)": (np.array([1, 1, 1, 1, 1, 1, 0, 0]), np.array([1, 1, 1, 0, 0, 0, 1, 0])),
    "양성 예측이 하나도 없음 (TP + FP = 0)": (np.array([1, 0, 1, 0]), np.array([0, 0, 0, 0])),
    "실제 양성이 하나도 없음 (TP + FN = 0)": (np.array([0, 0, 0, 0, 0]), np.array([0, 1, 0, 1, 0])),
    "양성이 전혀 없음 (실제도 예측도)": (np.array([0, 0, 0]), np.array([0, 0, 0])),
    "모두 맞힘": (np.array([1, 0, 1, 1, 0]), np.array([1, 0, 1, 1, 0])),
    "맞힌 양성이 없음 (TP = 0, FP와 FN은 있음)": (np.array([1, 1, 0, 0]), np.array([0, 0, 1, 1])),
    "모두 양성으로 예측": (np.array([1, 0, 0, 0, 1, 0, 0]), np.array([1, 1, 1, 1, 1, 1, 1])),
}


def _labels(rng, n):
    y_true = (rng.random(n) < rng.uniform(0.1, 0.6)).astype(np.int64)
    y_pred = (rng.random(n) < rng.uniform(0.1, 0.6)).astype(np.int64)
    return y_true, y_pred


@pytest.mark.parametrize("function, mistakes", [
    ("precision", PRECISION_MISTAKES), ("recall", RECALL_MISTAKES), ("f1_score", F1_MISTAKES)])
@pytest.mark.parametrize("case", list(LABEL_CASES))
def test_label_metrics_edge_cases(student, reference, function, mistakes, case):
    """precision, recall, f1_score: 정해진 경우들 (0으로 나누는 경우 포함)"""
    compare(student, reference, function, LABEL_CASES[case], case=case, spec=RATIO, mistakes=mistakes, no_warnings=True)


@pytest.mark.parametrize("function, mistakes", [
    ("precision", PRECISION_MISTAKES), ("recall", RECALL_MISTAKES), ("f1_score", F1_MISTAKES)])
def test_label_metrics_random(student, reference, rng, function, mistakes):
    """precision, recall, f1_score: 무작위 레이블과 예측"""
    for trial in range(20):
        n = int(rng.integers(1, 60))
        compare(student, reference, function, _labels(rng, n), case=f"무작위 입력 {trial + 1}번째 (n={n})",
                spec=RATIO, mistakes=mistakes, no_warnings=True)


SCORE_CASES = {
    "문제 설명의 예 (점수가 모두 다름)": (np.array([1, 1, 0, 0, 1, 0]), np.array([0.9, 0.8, 0.7, 0.6, 0.5, 0.1])),
    "같은 점수의 양성과 음성 (동점)": (np.array([0, 1, 0, 1, 1, 0]), np.array([0.2, 0.5, 0.5, 0.9, 0.5, 0.1])),
    "완벽하게 가름": (np.array([0, 0, 0, 1, 1]), np.array([0.1, 0.2, 0.3, 0.7, 0.9])),
    "거꾸로 가름": (np.array([1, 1, 0, 0]), np.array([0.1, 0.2, 0.8, 0.9])),
    "모든 점수가 같음": (np.array([0, 1, 1, 0, 1]), np.array([0.5, 0.5, 0.5, 0.5, 0.5])),
    "양성이 하나뿐": (np.array([0, 0, 1, 0, 0, 0]), np.array([0.9, 0.3, 0.6, 0.6, 0.2, 0.1])),
    "모두 양성": (np.array([1, 1, 1]), np.array([0.3, 0.7, 0.3])),
    "확률이 아닌 점수 (음수 포함)": (np.array([0, 1, 0, 1, 1, 0, 1]), np.array([-2.0, 3.5, 0.0, 1.25, -0.5, 1.25, 7.0])),
}


def _scored(rng, n):
    y = rng.integers(0, 2, n)
    y[rng.integers(0, n)] = 1
    # a coarse grid of scores makes ties common, as real rounded probabilities do
    scores = np.round(np.clip(0.5 + 0.25 * (2 * y - 1) + rng.normal(0, 0.3, n), 0, 1), int(rng.integers(1, 3)))
    return y, scores


@pytest.mark.parametrize("case", list(SCORE_CASES))
def test_curve_edge_cases(student, reference, case):
    """precision_recall_curve: 정해진 경우들 (동점, 모두 같은 점수, 양성 하나)"""
    compare(student, reference, "precision_recall_curve", SCORE_CASES[case], case=case, spec=CURVE,
            mistakes=CURVE_MISTAKES, no_warnings=True)


def test_curve_random(student, reference, rng):
    """precision_recall_curve: 무작위 레이블과 점수 (동점 많음)"""
    for trial in range(15):
        n = int(rng.integers(1, 80))
        compare(student, reference, "precision_recall_curve", _scored(rng, n),
                case=f"무작위 입력 {trial + 1}번째 (n={n})", spec=CURVE, mistakes=CURVE_MISTAKES, no_warnings=True)


@pytest.mark.parametrize("case", list(SCORE_CASES))
def test_average_precision_edge_cases(student, reference, case):
    """average_precision: 정해진 경우들 (완벽히 가르면 1.0)"""
    compare(student, reference, "average_precision", SCORE_CASES[case], case=case, spec=AREA, mistakes=AP_MISTAKES, no_warnings=True)


def test_average_precision_random(student, reference, rng):
    """average_precision: 무작위 레이블과 점수 (동점 많음)"""
    for trial in range(15):
        n = int(rng.integers(1, 200))
        compare(student, reference, "average_precision", _scored(rng, n),
                case=f"무작위 입력 {trial + 1}번째 (n={n})", spec=AREA, mistakes=AP_MISTAKES, no_warnings=True)
