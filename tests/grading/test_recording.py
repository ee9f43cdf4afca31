"""Grading plans: every call a check makes, recorded once against the reference."""

from __future__ import annotations

import numpy as np

from grader.course.catalog import load_catalog
from grader.grading.recording import call_digest, record_plans, same_value

THRESHOLD = load_catalog().resolve("03")


def test_plans_record_every_call_with_the_references_output():
    plan = record_plans([THRESHOLD], seed=3)[THRESHOLD.id]
    assert plan.reference_outcomes and all(t.passed for t in plan.reference_outcomes)
    calls = [call for calls in plan.calls.values() for call in calls]
    assert {call.function for call in calls} == {"apply_threshold", "count_positive_predictions"}
    first = calls[0]
    assert same_value(first.output, getattr(plan.reference, first.function)(*first.args, **first.kwargs))


def test_the_same_seed_records_the_same_inputs():
    one = record_plans([THRESHOLD], seed=3)[THRESHOLD.id]
    two = record_plans([THRESHOLD], seed=3)[THRESHOLD.id]
    digests = lambda plan: [c.digest for calls in plan.calls.values() for c in calls]  # noqa: E731
    assert digests(one) == digests(two)
    assert digests(one) != digests(record_plans([THRESHOLD], seed=4)[THRESHOLD.id])


def test_digest_tells_dtype_and_shape_apart():
    assert call_digest("f", (np.zeros(2, np.int64),), {}) != call_digest("f", (np.zeros(2, np.float64),), {})
    assert call_digest("f", (np.zeros((2, 1)),), {}) != call_digest("f", (np.zeros((1, 2)),), {})


def test_same_value_is_bitwise_but_treats_nan_as_equal():
    assert same_value(np.array([np.nan, 1.0]), np.array([np.nan, 1.0]))
    assert not same_value(np.array([1, 2]), np.array([1.0, 2.0]))
    assert not same_value(1, 1.0)
    assert same_value((np.float64(0.5), [1, 2]), (np.float64(0.5), [1, 2]))
