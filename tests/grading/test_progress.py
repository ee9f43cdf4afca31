"""Progress lines of `learn grade`: a bar for terminals, one plain line per student elsewhere."""

from __future__ import annotations

from grader.grading.batch import ProgressEvent
from grader.grading.progress import live_line, plain_line


def test_plain_line_names_the_student_status_rate_and_time_left():
    event = ProgressEvent(done=3, total=10, student="김민준", status="시간 초과 1회", seconds=2.5, elapsed=6.0, graded=3)
    assert plain_line(event) == "[3/10] 김민준: 시간 초과 1회 (2.5초, 0.5명/초, 남은 시간 14초)"
    assert "\r" not in plain_line(event)


def test_live_line_has_a_bar_and_no_eta_when_done():
    event = ProgressEvent(done=10, total=10, student="x", status="정상", seconds=1.0, elapsed=20.0, graded=10)
    assert live_line(event) == "채점 중 [########################] 10/10 · 0.5명/초 · 남은 시간 -"


def test_eta_in_minutes_for_long_runs():
    event = ProgressEvent(done=1, total=100, student="x", status="정상", seconds=3.0, elapsed=3.0, graded=1)
    assert "남은 시간 4분 57초" in live_line(event)
