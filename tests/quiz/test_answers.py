"""Parsing learners' answers of every type, and the Korean reasons for unreadable ones."""

from __future__ import annotations

import pytest

from grader.quiz import AnswerError, QuizBank, parse_answer
from grader.quiz.answers import format_answer


@pytest.fixture
def single(bank: QuizBank):
    return bank.question("metrics-roc-axes")


@pytest.mark.parametrize("raw", ["b", "B", " b ", "b)", "(b)", ["b"]])
def test_single_letter(single, raw) -> None:
    assert parse_answer(single, raw) == 1


@pytest.mark.parametrize("raw, reason", [("z", "보기에 없는 글자"), ("a,b", "하나만"), ("2", "보기에 없는 글자"), ("", "비어")])
def test_single_invalid(single, raw, reason) -> None:
    with pytest.raises(AnswerError, match=reason):
        parse_answer(single, raw)


@pytest.mark.parametrize("raw", ["a,c", "a c", "A, C", "c,a", "ac", ["a", "c"], "a,c,a"])
def test_multiple_forms(bank: QuizBank, raw) -> None:
    question = bank.question("threshold-lower-tradeoff")
    assert parse_answer(question, raw) == frozenset({0, 2})


@pytest.mark.parametrize("raw, expected", [("O", True), ("o", True), ("true", True), ("참", True), (True, True),
                                          ("X", False), ("x", False), ("false", False), ("거짓", False), (False, False)])
def test_truefalse_forms(bank: QuizBank, raw, expected) -> None:
    assert parse_answer(bank.question("threshold-always-half"), raw) is expected


def test_truefalse_zero_is_not_o(bank: QuizBank) -> None:
    with pytest.raises(AnswerError, match="영문자 O"):
        parse_answer(bank.question("threshold-always-half"), "0")
    with pytest.raises(AnswerError, match="O 또는 X"):
        parse_answer(bank.question("threshold-always-half"), "아마도")


@pytest.mark.parametrize("raw, value", [("0.8", 0.8), ("4", 4.0), ("-2", -2.0), (".25", 0.25), ("1e-3", 0.001),
                                        ("1,000", 1000.0), ("12,345.5", 12345.5), (4, 4.0), (0.8, 0.8), ("10회", 10.0)])
def test_numeric_forms(bank: QuizBank, raw, value) -> None:
    question = bank.question("epoch-batch-iteration-basic")  # unit 회
    assert parse_answer(question, raw) == pytest.approx(value)


@pytest.mark.parametrize("raw, reason", [("0,8", "소수점"), ("80%", "%를 빼고"), ("3/4", "소수로"), ("열", "숫자가 아닙니다"),
                                         (True, "숫자로"), ("1,00", "소수점"), (float("nan"), "유한한")])
def test_numeric_invalid(bank: QuizBank, raw, reason) -> None:
    with pytest.raises(AnswerError, match=reason):
        parse_answer(bank.question("odds-logit-odds-value"), raw)


def test_order_letters_map_to_items(bank: QuizBank) -> None:
    question = bank.question("training-loop-early-stopping-order")
    letters = question.correct_letters()
    assert parse_answer(question, ",".join(letters)) == tuple(range(5))
    assert parse_answer(question, " ".join(letters)) == tuple(range(5))
    assert parse_answer(question, "".join(letters).upper()) == tuple(range(5))
    assert parse_answer(question, list(letters)) == tuple(range(5))
    assert format_answer(question, tuple(range(5))) == ",".join(letters)


@pytest.mark.parametrize("raw", ["a,b", "a,a,b,c,d", "a,b,c,d,e,f"])
def test_order_needs_each_letter_once(bank: QuizBank, raw) -> None:
    with pytest.raises(AnswerError):
        parse_answer(bank.question("training-loop-early-stopping-order"), raw)
