"""A deadline stops a call that runs too long, and leaves a quick one alone."""

from __future__ import annotations

import time

import pytest

from grader.engine.deadline import DeadlineExceeded, deadline


def test_a_loop_past_its_deadline_is_stopped():
    started = time.monotonic()
    with pytest.raises(DeadlineExceeded):
        with deadline(0.2):
            while True:
                pass
    assert time.monotonic() - started < 2.0


def test_a_quick_call_returns_and_no_alarm_fires_later():
    with deadline(0.2):
        value = sum(range(10))
    time.sleep(0.3)  # a leftover alarm would raise here
    assert value == 45


def test_the_learner_cannot_swallow_the_deadline_with_except_exception():
    def stubborn():
        while True:
            try:
                time.sleep(0.01)
            except Exception:
                pass

    with pytest.raises(DeadlineExceeded):
        with deadline(0.2):
            stubborn()
