"""Check for 12_early_stopping: Keras-style patience / min_delta, 0-based epochs, best weights kept.

Tolerance: none. The results are epoch indices and counts, compared exactly (Integer). The
random validation curves are continuous, so no loss sits exactly on a `best − min_delta`
boundary; the fixed cases that test ties and min_delta use values at least 0.003 from it.
"""

import numpy as np
import pytest

from grader.engine.verdict import Integer, Mistake, Parts, compare

RESULT = Parts((("stop_epoch", Integer()), ("best_epoch", Integer())))
COUNT = Integer()


def _rule(improved, stop_after=lambda wait, patience: wait >= patience, compare_with_previous=False):
    """A whole early-stopping implementation built from one (possibly wrong) piece of logic."""
    def run(val_losses, patience, min_delta=0.0):
        losses = np.asarray(val_losses, dtype=np.float64)
        best, best_epoch, wait, previous = np.inf, 0, 0, np.inf
        for epoch, loss in enumerate(losses):
            reference_value = previous if compare_with_previous else best
            if improved(loss, reference_value, min_delta):
                wait = 0
                if not compare_with_previous or loss < best:
                    best, best_epoch = loss, epoch
            else:
                wait += 1
                if stop_after(wait, patience):
                    return epoch, best_epoch
            previous = loss
        return len(losses) - 1, best_epoch
    return run


_right = _rule(lambda loss, best, delta: loss < best - delta)


def _shifted(function, by):
    def run(*args, **kwargs):
        stop, best = function(*args, **kwargs)
        return stop + by, best + by
    return run


def _last_weights(*args, **kwargs):
    stop, _ = _right(*args, **kwargs)
    return stop, stop


def _no_min_delta(val_losses, patience, min_delta=0.0):
    return _right(val_losses, patience, 0.0)


_relative_min_delta = _rule(lambda loss, best, delta: loss < best * (1.0 - delta))
RELATIVE = ("min_delta를 비율로 썼습니다 (best × (1 − min_delta)). min_delta는 손실의 절대적인 차이입니다: "
            "loss < best − min_delta이면 개선입니다.")


def _argmin_of_all(val_losses, patience, min_delta=0.0):
    stop, _ = _right(val_losses, patience, min_delta)
    return stop, int(np.argmin(np.asarray(val_losses, dtype=np.float64)))


_previous = _rule(lambda loss, prev, delta: loss < prev - delta, compare_with_previous=True)
_ties = _rule(lambda loss, best, delta: loss <= best - delta)
_late = _rule(lambda loss, best, delta: loss < best - delta, stop_after=lambda wait, patience: wait > patience)

STOP_MISTAKES = (
    Mistake("검증 손실을 '직전 에포크'와 비교했습니다. 개선 여부는 지금까지의 최솟값(best)과 비교해야 합니다.", _previous, id="compare-with-previous"),
    Mistake("멈춘 에포크의 가중치를 그대로 썼습니다. 되살릴 가중치는 검증 손실이 가장 좋았던 에포크(best_epoch)의 것입니다.",
            _last_weights, id="best-is-stop-epoch"),
    Mistake("best_epoch를 곡선 전체의 최솟값 위치로 골랐습니다. 멈춘 뒤의 에포크는 학습하지 않았으므로 볼 수 없습니다.",
            _argmin_of_all, id="best-is-global-argmin"),
    Mistake("에포크 번호를 1부터 셌습니다. 이 연습은 0부터 셉니다 (val_losses[0]이 에포크 0).", _shifted(_right, 1), id="epochs-from-one"),
    Mistake("min_delta를 무시했습니다. best − min_delta보다 작아져야 개선입니다.", _no_min_delta, id="min-delta-ignored"),
    Mistake(RELATIVE, _relative_min_delta, id="min-delta-relative"),
    Mistake("같은 값(또는 min_delta만큼 줄지 않은 값)도 개선으로 셌습니다. < 가 아니라 <= 를 썼나요?", _ties, id="ties-count-as-improvement"),
    Mistake("patience를 한 번 늦게 셌습니다: 개선 없는 에포크가 patience번이 되면 바로 멈춥니다 (wait > patience가 아니라 wait >= patience).",
            _late, id="patience-off-by-one"),
)


def _count(function, by=1):
    return lambda *args, **kwargs: function(*args, **kwargs)[0] + by


COUNT_MISTAKES = (
    Mistake("멈춘 에포크의 번호를 그대로 반환했습니다. 에포크 번호가 0부터이므로 학습한 에포크 수는 stop_epoch + 1입니다.",
            _count(_right, 0), id="count-is-stop-epoch"),
    Mistake("검증 손실을 '직전 에포크'와 비교했습니다. 개선 여부는 지금까지의 최솟값(best)과 비교해야 합니다.", _count(_previous), id="count-compare-with-previous"),
    Mistake("patience를 한 번 늦게 셌습니다 (wait > patience가 아니라 wait >= patience에서 멈춤).", _count(_late), id="count-patience-off-by-one"),
    Mistake("min_delta를 무시했습니다. best − min_delta보다 작아져야 개선입니다.", _count(_no_min_delta), id="count-min-delta-ignored"),
    Mistake(RELATIVE, _count(_relative_min_delta), id="count-min-delta-relative"),
)

NOTE_EXAMPLE = [1.0, 0.8, 0.7, 0.75, 0.72, 0.9]

EDGE_CASES = {
    "문제 설명의 예 (patience 2)": (np.array(NOTE_EXAMPLE), 2, 0.0),
    "파이썬 리스트 입력": (NOTE_EXAMPLE, 2, 0.0),
    "계속 줄어듦 (끝까지 멈추지 않음)": (np.array([1.0, 0.9, 0.8, 0.7, 0.6]), 3, 0.0),
    "patience 1 (규칙: 오차가 늘면 바로 종료)": (np.array([0.9, 0.7, 0.8, 0.6, 0.5]), 1, 0.0),
    "직전보다는 줄었지만 최솟값보다는 큼": (np.array([1.0, 0.5, 0.9, 0.8, 0.7, 0.6, 0.4]), 3, 0.0),
    "같은 값이 이어짐 (개선 아님)": (np.array([0.5, 0.5, 0.5, 0.5, 0.5]), 2, 0.0),
    "min_delta보다 작게 줄어듦": (np.array([1.0, 0.996, 0.993, 0.5, 0.4]), 2, 0.01),
    "min_delta보다 크게 줄었다가 작게 줄어듦": (np.array([1.0, 0.98, 0.975, 0.97, 0.96, 0.95]), 2, 0.015),
    "손실이 10 근처 (min_delta는 비율이 아니라 차이)": (np.array([10.0, 9.995, 9.99, 9.5]), 2, 0.002),
    "첫 에포크가 가장 좋음": (np.array([0.3, 0.4, 0.5, 0.6, 0.2]), 3, 0.0),
    "에포크 하나": (np.array([0.7]), 1, 0.0),
    "patience가 에포크 수보다 큼": (np.array([0.5, 0.6, 0.7]), 10, 0.0),
    "멈춘 뒤의 값은 보지 않음": (np.array([0.5, 0.6, 0.7, 0.1, 0.05]), 2, 0.0),
}


def _call(case):
    losses, patience, min_delta = EDGE_CASES[case]
    return (losses, patience), ({"min_delta": min_delta} if min_delta else {})


@pytest.mark.parametrize("case", list(EDGE_CASES))
def test_early_stopping_edge_cases(student, reference, case):
    """early_stopping: 정해진 경우들"""
    args, kwargs = _call(case)
    compare(student, reference, "early_stopping", args, kwargs, case=case, spec=RESULT, mistakes=STOP_MISTAKES)


@pytest.mark.parametrize("case", list(EDGE_CASES))
def test_epochs_trained_edge_cases(student, reference, case):
    """epochs_trained: 정해진 경우들"""
    args, kwargs = _call(case)
    compare(student, reference, "epochs_trained", args, kwargs, case=case, spec=COUNT, mistakes=COUNT_MISTAKES)


def _random_curve(rng):
    n = int(rng.integers(5, 60))
    bottom = float(rng.uniform(0.2, 0.8)) * n
    t = np.arange(n)
    losses = 0.3 + 0.5 * np.exp(-t / max(bottom / 3, 1.0)) + 0.002 * np.maximum(t - bottom, 0) ** 1.5
    return losses + rng.normal(0.0, float(rng.choice([0.002, 0.01, 0.03])), n)


@pytest.mark.parametrize("function", ["early_stopping", "epochs_trained"])
def test_random_curves(student, reference, rng, function):
    """무작위 학습 곡선 (줄었다가 다시 느는 검증 손실 + 잡음)"""
    spec, mistakes = (RESULT, STOP_MISTAKES) if function == "early_stopping" else (COUNT, COUNT_MISTAKES)
    for trial in range(25):
        losses = _random_curve(rng)
        patience = int(rng.integers(1, 8))
        min_delta = float(rng.choice([0.0, 0.001, 0.005]))
        compare(student, reference, function, (losses, patience), {"min_delta": min_delta},
                case=f"무작위 곡선 {trial + 1}번째 (에포크 {len(losses)}개, patience={patience}, min_delta={min_delta})",
                spec=spec, mistakes=mistakes)


def test_default_min_delta(student, reference):
    """early_stopping: min_delta를 생략하면 0"""
    compare(student, reference, "early_stopping", (np.array([1.0, 0.9999, 0.9998, 0.9999, 1.0]), 2),
            case="min_delta 생략, 아주 조금씩 줄어듦", spec=RESULT, mistakes=STOP_MISTAKES)
