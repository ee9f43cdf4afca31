"""The ledger: hard failures cost once, the budget is final, the status counts honestly."""

from __future__ import annotations

from grader.engine import failures
from grader.engine.results import FailureKind
from grader.grading.ledger import GIVE_UP_AFTER, Ledger


def test_a_hung_function_is_not_called_again_but_others_are():
    ledger = Ledger(30)
    ledger.record("03_threshold", "apply_threshold", failures.timeout("apply_threshold", 3))
    refusal = ledger.refusal("03_threshold", "apply_threshold")
    assert refusal.kind is FailureKind.SKIPPED and "시간 초과" in refusal.message
    assert ledger.refusal("03_threshold", "count_positive_predictions") is None


def test_after_enough_broken_functions_every_call_is_refused():
    ledger = Ledger(30)
    for index in range(GIVE_UP_AFTER):
        ledger.record("01_mse", f"f{index}", failures.crash(f"f{index}", "강제 종료되었습니다(SIGKILL)."))
    assert ledger.refusal("08_softmax", "softmax").kind is FailureKind.SKIPPED


def test_an_exception_is_counted_but_does_not_stop_later_calls():
    ledger = Ledger(30)
    ledger.record("01_mse", "mse", failures.exception("mse", "ValueError", "bad"))
    assert ledger.refusal("01_mse", "mse") is None
    assert ledger.status_notes() == ["예외 1회"]


def test_a_spent_budget_refuses_everything_and_says_so():
    ledger = Ledger(budget_seconds=0.0)
    refusal = ledger.refusal("01_mse", "mse")
    assert refusal.kind is FailureKind.BUDGET and "0초" in refusal.message
    assert ledger.status_notes() == ["시간 예산 0초 초과"]


def test_status_notes_count_in_a_fixed_order_and_stubs_apart():
    ledger = Ledger(30)
    ledger.record("a", "f", failures.output_flood("f", 2**20))
    ledger.record("a", "g", failures.timeout("g", 3))
    ledger.record("a", "g", failures.timeout("g", 3))
    ledger.record("b", "h", failures.not_implemented("h"))
    assert ledger.status_notes() == ["시간 초과 2회", "출력 과다 1회", "미구현 함수 1개"]


def test_running_out_of_memory_is_remembered_like_a_crash():
    ledger = Ledger(30)
    ledger.record("15_dropout", "dropout", failures.exception("dropout", "MemoryError", ""))
    assert ledger.refusal("15_dropout", "dropout").kind is FailureKind.SKIPPED
    assert ledger.status_notes() == ["예외 1회"]
