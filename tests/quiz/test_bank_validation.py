"""Each bank mistake gives a Korean QuizBankError naming the file and the question."""

from __future__ import annotations

import pytest

from grader.quiz import QuizBankError, load_bank

from .conftest import TEST_SECTIONS

GOOD_SINGLE = """
  - id: threshold-good
    type: single
    prompt: 임계값을 낮추면?
    options:
      - text: 양성 예측이 늘어난다
        correct: true
      - text: 양성 예측이 줄어든다
        feedback: 기준이 낮아지면 넘는 샘플이 많아집니다.
    explanation: 확률이 임계값보다 크면 양성입니다.
"""


def problems_for(make_bank, files: dict[str, str]) -> str:
    directory = make_bank(files)
    with pytest.raises(QuizBankError) as caught:
        load_bank(directory, sections=TEST_SECTIONS)
    return str(caught.value)


def test_valid_throwaway_bank_loads(make_bank) -> None:
    directory = make_bank({"threshold.yaml": "section: threshold\nquestions:" + GOOD_SINGLE})
    bank = load_bank(directory, sections=TEST_SECTIONS)
    assert [q.id for q in bank] == ["threshold-good"]
    assert bank.for_section("odds-logit") == []


def test_duplicate_id_across_files(make_bank) -> None:
    other = "section: odds-logit\nquestions:" + GOOD_SINGLE
    message = problems_for(make_bank, {"threshold.yaml": "section: threshold\nquestions:" + GOOD_SINGLE, "odds-logit.yaml": other})
    assert "quizzes/threshold.yaml: 문항 'threshold-good': id가 중복됩니다 (quizzes/odds-logit.yaml에 이미 있습니다)" in message


def test_no_correct_option(make_bank) -> None:
    text = "section: threshold\nquestions:" + GOOD_SINGLE.replace("        correct: true\n", "")
    assert "quizzes/threshold.yaml: 문항 'threshold-good': 정답 보기가 없습니다" in problems_for(make_bank, {"threshold.yaml": text})


def test_two_correct_options_for_single(make_bank) -> None:
    text = "section: threshold\nquestions:" + GOOD_SINGLE.replace(
        "        feedback: 기준이 낮아지면 넘는 샘플이 많아집니다.\n", "        correct: true\n"
    )
    message = problems_for(make_bank, {"threshold.yaml": text})
    assert "quizzes/threshold.yaml: 문항 'threshold-good': 단일 선택 문항인데 정답 보기가 2개입니다" in message


def test_missing_explanation(make_bank) -> None:
    text = "section: threshold\nquestions:" + GOOD_SINGLE.replace("    explanation: 확률이 임계값보다 크면 양성입니다.\n", "")
    message = problems_for(make_bank, {"threshold.yaml": text})
    assert "quizzes/threshold.yaml: 문항 'threshold-good': 'explanation'(해설)이 없습니다" in message


def test_missing_id_is_named_by_index(make_bank) -> None:
    text = "section: threshold\nquestions:" + GOOD_SINGLE + GOOD_SINGLE.replace("  - id: threshold-good\n    type", "  - type")
    message = problems_for(make_bank, {"threshold.yaml": text})
    assert "quizzes/threshold.yaml: 2번째 문항(id 없음): 'id'가 없습니다" in message


def test_bad_yaml_names_file_and_line(make_bank) -> None:
    text = "section: threshold\nquestions:\n  - id: x\n    prompt: [열린 괄호\n    type: single\n"
    message = problems_for(make_bank, {"threshold.yaml": text})
    assert message.startswith("quizzes/threshold.yaml: ")
    assert "번째 줄" in message and "YAML 문법 오류" in message


def test_section_not_matching_file_name(make_bank) -> None:
    text = "section: odds-logit\nquestions:" + GOOD_SINGLE
    message = problems_for(make_bank, {"threshold.yaml": text})
    assert "quizzes/threshold.yaml: section 'odds-logit'이(가) 파일 이름 'threshold'과(와) 다릅니다" in message


def test_section_not_in_catalog(make_bank) -> None:
    text = "section: nonsense\nquestions:" + GOOD_SINGLE
    message = problems_for(make_bank, {"nonsense.yaml": text})
    assert "quizzes/nonsense.yaml: section 'nonsense'은(는) catalog.toml에 없는 섹션입니다" in message


def test_unknown_type(make_bank) -> None:
    text = "section: threshold\nquestions:" + GOOD_SINGLE.replace("type: single", "type: essay")
    assert "문항 'threshold-good': 알 수 없는 type 'essay'" in problems_for(make_bank, {"threshold.yaml": text})


def test_numeric_rules(make_bank) -> None:
    text = """section: threshold
questions:
  - id: threshold-num
    type: numeric
    prompt: 몇 개인가?
    answer: 세 개
    explanation: 세어 봅니다.
"""
    message = problems_for(make_bank, {"threshold.yaml": text})
    assert "문항 'threshold-num': 수치 문항의 'answer'는 숫자여야 합니다" in message
    assert "문항 'threshold-num': 수치 문항에는 0 이상의 숫자 'tolerance'(허용 오차)가 필요합니다" in message


def test_truefalse_order_and_unknown_key_rules(make_bank) -> None:
    text = """section: threshold
questions:
  - id: threshold-tf
    type: truefalse
    prompt: 참인가?
    answer: 맞다
    explanation: 해설.
  - id: threshold-order
    type: order
    prompt: 순서는?
    items: [하나, 둘]
    explanation: 해설.
  - id: threshold-typo
    type: single
    prompt: 고르시오.
    options:
      - text: 가
        corect: true
      - text: 나
    explanation: 해설.
"""
    message = problems_for(make_bank, {"threshold.yaml": text})
    assert "문항 'threshold-tf': 참/거짓 문항의 'answer'는 true 또는 false여야 합니다" in message
    assert "문항 'threshold-order': 'items'는 3~10개 항목의 목록이어야 합니다" in message
    assert "문항 'threshold-typo': 1번째 보기: 알 수 없는 항목 'corect'" in message


def test_all_problems_are_reported_together(make_bank) -> None:
    broken = "section: threshold\nquestions:" + GOOD_SINGLE.replace("        correct: true\n", "")
    bad_yaml = "section: odds-logit\nquestions: [\n"
    directory = make_bank({"threshold.yaml": broken, "odds-logit.yaml": bad_yaml})
    with pytest.raises(QuizBankError) as caught:
        load_bank(directory, sections=TEST_SECTIONS)
    assert len(caught.value.problems) == 2


def test_empty_directory(tmp_path) -> None:
    with pytest.raises(QuizBankError, match="문항 파일"):
        load_bank(tmp_path, sections=TEST_SECTIONS)
