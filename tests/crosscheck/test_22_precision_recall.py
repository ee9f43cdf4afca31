"""Cross-check 22_precision_recall against scikit-learn: precision_score, recall_score and
f1_score with zero_division=0, precision_recall_curve (same points, listed from the smallest
threshold, plus its appended end point precision 1, recall 0) and average_precision_score."""

import warnings

import numpy as np
import pytest
from sklearn import metrics

from grader.course.catalog import load_catalog
from grader.engine.runner import load_reference

ref = load_reference(load_catalog().resolve("22_precision_recall"))


def _labels(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 60))
    # rare positives and rare positive predictions make the zero-division cases frequent
    y_true = (rng.random(n) < rng.uniform(0.0, 0.6)).astype(int)
    y_pred = (rng.random(n) < rng.uniform(0.0, 0.6)).astype(int)
    return y_true, y_pred


def _scored(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 300))
    y = rng.integers(0, 2, n)
    y[0] = 1
    decimals = int(rng.integers(1, 4))  # few decimals: many tied scores
    scores = np.round(np.clip(0.5 + 0.2 * (2 * y - 1) + rng.normal(0, 0.3, n), 0, 1), decimals)
    return y, scores


@pytest.mark.parametrize("seed", range(60))
def test_label_metrics_equal_sklearn(seed):
    y_true, y_pred = _labels(seed)
    for ours, theirs in ((ref.precision, metrics.precision_score), (ref.recall, metrics.recall_score),
                         (ref.f1_score, metrics.f1_score)):
        expected = theirs(y_true, y_pred, labels=[0, 1], pos_label=1, zero_division=0)
        assert ours(y_true, y_pred) == pytest.approx(expected, rel=1e-12, abs=1e-15)


def test_zero_division_cases_are_covered_and_equal_sklearn():
    cases = [([1, 0, 1], [0, 0, 0]), ([0, 0, 0], [0, 1, 1]), ([0, 0], [0, 0]), ([1, 1, 0], [0, 0, 1])]
    for y_true, y_pred in cases:
        y_true, y_pred = np.array(y_true), np.array(y_pred)
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # the reference never warns, whatever the counts
            ours = (ref.precision(y_true, y_pred), ref.recall(y_true, y_pred), ref.f1_score(y_true, y_pred))
        theirs = tuple(f(y_true, y_pred, labels=[0, 1], pos_label=1, zero_division=0)
                       for f in (metrics.precision_score, metrics.recall_score, metrics.f1_score))
        assert ours == pytest.approx(theirs, abs=0)


@pytest.mark.parametrize("seed", range(60))
def test_curve_equals_sklearn(seed):
    y, scores = _scored(seed)
    precision, recall, thresholds = ref.precision_recall_curve(y, scores)
    sk_precision, sk_recall, sk_thresholds = metrics.precision_recall_curve(y, scores)
    assert (sk_precision[-1], sk_recall[-1]) == (1.0, 0.0)  # scikit-learn's appended end point
    np.testing.assert_allclose(precision, sk_precision[:-1][::-1], rtol=1e-12, atol=0)
    np.testing.assert_allclose(recall, sk_recall[:-1][::-1], rtol=1e-12, atol=0)
    np.testing.assert_array_equal(thresholds, sk_thresholds[::-1])


@pytest.mark.parametrize("seed", range(60))
def test_average_precision_equals_sklearn(seed):
    y, scores = _scored(seed)
    assert ref.average_precision(y, scores) == pytest.approx(metrics.average_precision_score(y, scores),
                                                             rel=1e-12, abs=1e-15)


@pytest.mark.parametrize("seed", range(10))
def test_curve_points_are_03_threshold_predictions(seed):
    """Each point is precision and recall of 03's rule (p >= t) at that threshold."""
    threshold_ref = load_reference(load_catalog().resolve("03_threshold"))
    y, scores = _scored(seed)
    for p, r, t in zip(*ref.precision_recall_curve(y, scores)):
        predicted = threshold_ref.apply_threshold(scores, t)
        assert p == ref.precision(y, predicted) and r == ref.recall(y, predicted)
        assert p == metrics.precision_score(y, predicted, zero_division=0)
