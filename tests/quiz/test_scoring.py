"""Grading single answers and answer sheets (YAML and JSON), including every sheet problem."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from grader.quiz import AnswerSheetError, QuizBank, grade_answer, grade_sheet

from .conftest import correct_answer, wrong_answer


def write_sheet(tmp_path: Path, data: dict, name: str = "answers.yaml") -> Path:
    path = tmp_path / name
    if name.endswith(".json"):
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    else:
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_every_correct_answer_scores_100(bank: QuizBank, tmp_path: Path) -> None:
    sheet = write_sheet(tmp_path, {"student": "김학생", "answers": {q.id: correct_answer(q) for q in bank}})
    result = grade_sheet(bank, sheet)
    assert result.max_score == len(bank)
    assert result.score == len(bank)
    assert result.percent == 100.0
    assert result.student == "김학생"
    assert result.unknown_ids == [] and result.unanswered_ids == [] and result.warnings == []


def test_every_wrong_answer_scores_0_with_feedback(bank: QuizBank, tmp_path: Path) -> None:
    sheet = write_sheet(tmp_path, {"answers": {q.id: wrong_answer(q) for q in bank}}, "answers.json")
    result = grade_sheet(bank, sheet)
    assert result.score == 0 and result.percent == 0.0
    by_id = {r.question_id: r for r in result.results}
    for question in bank:
        graded = by_id[question.id]
        assert graded.status == "wrong"
        assert graded.explanation == question.explanation
        if question.type in ("single", "multiple"):
            assert graded.feedback, question.id  # every wrong option carries its misconception


def test_misconception_feedback_is_the_chosen_option(bank: QuizBank) -> None:
    question = bank.question("metrics-roc-axes")
    tnr_option = next(i for i, o in enumerate(question.options) if "TNR" in o.text)
    result = grade_answer(question, "abcdef"[tnr_option])
    assert not result.correct
    assert result.feedback == question.options[tnr_option].feedback
    assert "1 − 특이도" in result.feedback


def test_numeric_mistake_feedback(bank: QuizBank) -> None:
    result = grade_answer(bank.question("odds-logit-odds-value"), "0.8")
    assert not result.correct and "확률" in result.feedback
    result = grade_answer(bank.question("epoch-batch-iteration-remainder"), 10)
    assert "올림" in result.feedback
    assert grade_answer(bank.question("epoch-batch-iteration-remainder"), "11").correct


def test_numeric_tolerance(bank: QuizBank) -> None:
    question = bank.question("loss-functions-bce-value")  # 0.2231 ± 0.005
    assert grade_answer(question, "0.22").correct
    assert not grade_answer(question, "0.23").correct


def test_multiple_needs_exact_set(bank: QuizBank) -> None:
    question = bank.question("threshold-lower-tradeoff")
    correct = correct_answer(question)
    partial = correct.split(",")[0]
    result = grade_answer(question, partial)
    assert not result.correct and "고르지 않은 정답 보기" in result.feedback


def test_section_sheet_with_unknown_missing_and_text_for_numeric(bank: QuizBank, tmp_path: Path) -> None:
    questions = bank.for_section("odds-logit")
    answers = {q.id: correct_answer(q) for q in questions}
    missing = questions[1].id
    del answers[missing]
    answers["odds-logit-odds-value"] = "네 배"
    answers["no-such-question"] = "a"
    answers["threshold-always-half"] = "X"
    sheet = write_sheet(tmp_path, {"section": "odds-logit", "answers": answers})
    result = grade_sheet(bank, sheet)
    assert result.max_score == len(questions)
    by_id = {r.question_id: r for r in result.results}

    assert result.unanswered_ids == [missing]
    assert by_id[missing].status == "unanswered" and not by_id[missing].correct
    assert by_id[missing].to_dict()["status_label"] == "미응답"

    text_numeric = by_id["odds-logit-odds-value"]
    assert text_numeric.status == "invalid" and not text_numeric.correct
    assert "숫자가 아닙니다" in text_numeric.feedback and text_numeric.given == "네 배"

    assert result.unknown_ids == ["no-such-question"]
    assert result.out_of_scope_ids == ["threshold-always-half"]
    assert any("answers.yaml: 문항 'no-such-question'" in w and "없는 id" in w for w in result.warnings)
    assert result.score == len(questions) - 2

    data = result.to_dict()
    json.dumps(data, ensure_ascii=False)
    assert data["max_score"] == len(questions) and data["unknown_ids"] == ["no-such-question"]


@pytest.mark.parametrize(
    "name, text, reason",
    [
        ("bad.yaml", "student: 김\nanswers:\n  q: a: b\n", "bad.yaml: 3번째 줄: YAML 형식이 잘못되었습니다"),
        ("bad.json", '{"answers": {', "bad.json: 1번째 줄"),
        ("list.yaml", "- a\n- b\n", "list.yaml: 'answers' 항목이 있는 매핑"),
        ("shape.yaml", "answers: [a, b]\n", "shape.yaml: 'answers'는 문항 id와 답의 매핑"),
        ("sec.yaml", "section: nowhere\nanswers: {}\n", "sec.yaml: 알 수 없는 section: nowhere"),
    ],
)
def test_malformed_sheets(bank: QuizBank, tmp_path: Path, name: str, text: str, reason: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AnswerSheetError) as caught:
        grade_sheet(bank, path)
    assert reason in str(caught.value)


def test_missing_sheet_file(bank: QuizBank, tmp_path: Path) -> None:
    with pytest.raises(AnswerSheetError, match="nothing.yaml: 답안지 파일이 없습니다"):
        grade_sheet(bank, tmp_path / "nothing.yaml")
