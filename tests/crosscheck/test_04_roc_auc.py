"""Cross-check 04_roc_auc against scikit-learn: roc_curve (drop_intermediate=False keeps every
threshold, as the exercise does), roc_auc_score and auc."""

import numpy as np
import pytest
from sklearn import metrics

from grader.course.catalog import load_catalog
from grader.engine.runner import load_reference

ref = load_reference(load_catalog().resolve("04_roc_auc"))


def _data(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 300))
    y = rng.integers(0, 2, n)
    y[:2] = [0, 1]
    decimals = int(rng.integers(1, 4))  # few decimals: many tied scores
    scores = np.round(np.clip(0.5 + 0.2 * (2 * y - 1) + rng.normal(0, 0.3, n), 0, 1), decimals)
    return y, scores


@pytest.mark.parametrize("seed", range(40))
def test_roc_points_equal_sklearn(seed):
    y, scores = _data(seed)
    fpr, tpr, thresholds = ref.roc_curve(y, scores)
    sk_fpr, sk_tpr, sk_thresholds = metrics.roc_curve(y, scores, drop_intermediate=False)
    np.testing.assert_allclose(fpr, sk_fpr, rtol=1e-12, atol=0)
    np.testing.assert_allclose(tpr, sk_tpr, rtol=1e-12, atol=0)
    np.testing.assert_array_equal(thresholds, sk_thresholds)
    assert (fpr[0], tpr[0]) == (0.0, 0.0) and (fpr[-1], tpr[-1]) == (1.0, 1.0)


@pytest.mark.parametrize("seed", range(40))
def test_auc_equals_sklearn(seed):
    y, scores = _data(seed)
    assert ref.roc_auc(y, scores) == pytest.approx(metrics.roc_auc_score(y, scores), rel=1e-12, abs=1e-15)
    fpr, tpr, _ = ref.roc_curve(y, scores)
    assert ref.auc(fpr, tpr) == pytest.approx(metrics.auc(fpr, tpr), rel=1e-12, abs=1e-15)


def test_auc_is_the_probability_a_positive_outranks_a_negative():
    y, scores = _data(123)
    pos, neg = scores[y == 1], scores[y == 0]
    wins = (pos[:, None] > neg[None, :]).mean() + 0.5 * (pos[:, None] == neg[None, :]).mean()
    assert ref.roc_auc(y, scores) == pytest.approx(wins, rel=1e-12)


def test_threshold_rule_matches_03_threshold():
    """Each ROC point is what 03's rule (p >= t) gives at that threshold."""
    threshold_ref = load_reference(load_catalog().resolve("03_threshold"))
    y, scores = _data(7)
    fpr, tpr, thresholds = ref.roc_curve(y, scores)
    for f, t, th in zip(fpr, tpr, thresholds):
        predicted = threshold_ref.apply_threshold(scores, th)
        assert t == np.sum((predicted == 1) & (y == 1)) / np.sum(y == 1)
        assert f == np.sum((predicted == 1) & (y == 0)) / np.sum(y == 0)
