"""The typed result model: statuses, counts, points, and a JSON round trip that loses nothing."""

from __future__ import annotations

import json

import pytest

from grader.engine import failures
from grader.engine.results import (
    SCHEMA_VERSION, ExerciseGrade, ExerciseResult, FailureKind, NamedMistake, Status, StudentResult, TestResult, Verdict,
)

WRONG = TestResult("test_edge[같음]", "apply_threshold: 경계값 [같음]", Status.FAILED, "03_threshold",
                   verdict=Verdict("apply_threshold", "확률이 임계값과 정확히 같음", ("기대값 [0, 1], 반환값 [0, 0]",),
                                   (NamedMistake("gt-instead-of-ge", "임계값과 같은 확률을 음성으로 처리했습니다."),),
                                   "[0.3, 0.5], 0.5"))
HUNG = TestResult("test_random", "apply_threshold: 무작위", Status.FAILED, "03_threshold",
                  failure=failures.timeout("apply_threshold", 3.0), seed=7)
PASSED = TestResult("test_default", "apply_threshold: 기본값", Status.PASSED, "03_threshold")


def student() -> StudentResult:
    grades = {
        "03_threshold": ExerciseGrade("03_threshold", 10, ExerciseResult("03_threshold", 7, [PASSED, WRONG, HUNG])),
        "01_mse": ExerciseGrade("01_mse", 10, None),
    }
    return StudentResult("김민준", "abc", 7, "시간 초과", grades)


def test_points_are_proportional_to_tests_passed_and_missing_is_zero():
    result = student()
    assert result.exercises["03_threshold"].points == 3.33
    assert result.exercises["01_mse"].points == 0.0 and not result.exercises["01_mse"].submitted
    assert (result.total, result.max_total) == (3.33, 20)


def test_a_file_that_does_not_load_counts_as_zero_of_one():
    result = ExerciseResult("01_mse", 0, [], failures.missing_file("exercises/01_mse.py"))
    assert result.counts == (0, 1) and not result.passed
    assert result.load_failure.kind is FailureKind.LOAD_ERROR


def test_json_round_trip_keeps_every_field():
    original = student()
    text = json.dumps(original.to_json(), ensure_ascii=False)
    again = StudentResult.from_json(json.loads(text))
    assert again == original
    assert json.loads(text)["version"] == SCHEMA_VERSION


def test_an_old_schema_is_refused_not_misread():
    data = student().to_json()
    data["version"] = 1
    with pytest.raises(ValueError, match="schema"):
        StudentResult.from_json(data)


def test_message_puts_the_named_mistake_before_the_numbers_and_shows_the_input():
    lines = WRONG.message.splitlines()
    assert lines[0] == "apply_threshold — 확률이 임계값과 정확히 같음"
    assert lines[1] == "  흔한 실수: 임계값과 같은 확률을 음성으로 처리했습니다."
    assert lines[2] == "  입력: [0.3, 0.5], 0.5"


def test_message_of_a_random_test_tells_how_to_reproduce_it():
    assert HUNG.message.endswith("'learn check 03_threshold --seed 7'로 같은 입력을 다시 만들 수 있습니다)")
    assert "시간 초과" in HUNG.message
