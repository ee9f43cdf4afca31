"""The real bank: size, coverage of the catalog, and the quality rules the loader cannot check."""

from __future__ import annotations

import math
import re
from collections import Counter

from grader.quiz import QUESTION_TYPES, QuizBank
from grader.course.catalog import load_catalog

from .conftest import BANK_DIR


def test_bank_has_enough_questions(bank: QuizBank) -> None:
    assert len(bank) >= 150


def test_every_catalog_section_has_at_least_four_questions(bank: QuizBank) -> None:
    slugs = [section.slug for section in load_catalog().sections]
    assert len(slugs) == 23
    assert [section.slug for section in bank.sections] == slugs
    counts = {slug: len(bank.for_section(slug)) for slug in slugs}
    assert all(count >= 4 for count in counts.values()), counts


def test_one_file_per_section() -> None:
    stems = sorted(path.stem for path in BANK_DIR.glob("*.yaml"))
    assert stems == sorted(section.slug for section in load_catalog().sections)


def test_all_types_are_used_with_minimum_counts(bank: QuizBank) -> None:
    types = Counter(question.type for question in bank)
    assert set(types) == set(QUESTION_TYPES)
    assert types["numeric"] >= 8
    assert types["order"] >= 5


def test_every_wrong_option_explains_the_misconception(bank: QuizBank) -> None:
    missing = [q.id for q in bank for option in q.options if not option.correct and not option.feedback]
    assert missing == []


def test_single_choice_answers_are_not_always_first(bank: QuizBank) -> None:
    positions = Counter(q.correct_indices[0] for q in bank if q.type == "single")
    assert positions[0] < 0.5 * sum(positions.values())


def test_order_questions_are_never_shown_already_solved(bank: QuizBank) -> None:
    for question in (q for q in bank if q.type == "order"):
        assert question.display_order() != tuple(range(len(question.items)))
        assert question.display_order() == question.display_order()


def test_bank_text_has_no_machine_paths() -> None:
    for path in BANK_DIR.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"(/work/|/home/|/tmp/|[A-Za-z]:\\\\)", text), path.name


def test_prompts_and_explanations_are_korean(bank: QuizBank) -> None:
    hangul = re.compile(r"[가-힣]")
    for question in bank:
        assert hangul.search(question.prompt), question.id
        assert hangul.search(question.explanation), question.id


# Every numeric answer, recomputed here from the numbers in the prompt.
RECOMPUTED = {
    "ml-basics-hypothesis-value": 2 * 3 + 1,
    "cost-function-mae-value": (abs(1 - 2) + abs(2 - 2) + abs(3 - 5)) / 3,
    "metrics-auc-trapezoid": 0.2 * (0 + 0.6) / 2 + 0.4 * (0.6 + 0.9) / 2 + 0.4 * (0.9 + 1) / 2,
    "metrics-f1-value": 2 * 0.5 * 1.0 / (0.5 + 1.0),
    "metrics-average-precision-value": (0.5 - 0) * 1 + (0.5 - 0.5) * 0.5 + (1 - 0.5) * 2 / 3 + (1 - 1) * 0.5,
    "confusion-matrix-sensitivity": 40 / (40 + 10),
    "confusion-matrix-specificity": 30 / (30 + 20),
    "confusion-matrix-accuracy": (40 + 30) / 100,
    "threshold-count-positive": sum(p >= 0.4 for p in [0.95, 0.6, 0.45, 0.3, 0.03]),  # p ≥ t is positive
    "optimizer-gd-step": 3 - 0.1 * 4,
    "data-split-six-two-two": 10_000 * 2 / 10,
    "hyperparameters-dense-count": 3 * 2 + 2,
    "one-hot-dimension": 5000,
    "softmax-value": math.exp(2) / (math.exp(2) + math.exp(1) + math.exp(0)),
    "training-loop-best-epoch": [0.90, 0.70, 0.60, 0.62, 0.65].index(0.60),  # epochs are 0-based
    "training-loop-epochs-trained": 8 + 1,
    "metrics-precision-value": 40 / (40 + 10),
    "metrics-auc-ties": (1 + 1 + 0.5 + 1) / 4,
    "loss-functions-lse-value": -0.0 + 1000 + math.log1p(math.exp(-1000)),
    "backprop-delta-rule": 0.1 * (1 - (0.5 * 1 + -0.5 * 2)) * 2,
    "convolution-output-stride": (28 + 2 * 1 - 3) // 2 + 1,
    "loss-functions-mse-value": ((1 - 1) ** 2 + (2 - 4) ** 2 + (3 - 2) ** 2) / 3,
    "loss-functions-bce-value": -math.log(0.8),
    "batch-gd-sgd-updates": 1000 // 1,
    "batch-gd-keras-default": 2**5,
    "epoch-batch-iteration-basic": math.ceil(2000 / 200),
    "epoch-batch-iteration-remainder": math.ceil(2050 / 200),
    "epoch-batch-iteration-total-updates": math.ceil(2000 / 200) * 5,
    "backprop-relu-neuron": max(0.0, 1 * 0.5 + 2 * -1 + 0.5),
    "backprop-gradient-check-value": ((3 + 0.1) ** 2 - (3 - 0.1) ** 2) / (2 * 0.1),
    "backprop-gradient-check-relative-error": abs(0.5 - 0.4) / max(abs(0.5), abs(0.4)),
    "overfitting-l2-penalty": 0.01 * (1**2 + (-2) ** 2 + 3**2),
    "overfitting-dropout-scale": 4 / (1 - 0.2),
    "vanishing-gradient-sigmoid-max": 0.5 * (1 - 0.5),
    "weight-init-he-std": math.sqrt(2 / 50),
    "weight-init-xavier-variance": 2 / (300 + 100),
    "batch-norm-normalize-value": (6 - 3) / math.sqrt(sum((x - 3) ** 2 for x in [1, 2, 3, 6]) / 4),
    "momentum-terminal-speed": 1 / (1 - 0.9),
    "odds-logit-odds-value": 0.8 / (1 - 0.8),
    "odds-logit-odds-ratio-value": (0.75 / 0.25) / (0.25 / 0.75),
    "odds-logit-logit-half": math.log(0.5 / 0.5),
    "convolution-conv1d-params": (3 * 28 + 1) * 10,
    "convolution-valid-length": 28 - 3 + 1,
    "convolution-compute": 1 * 1 + 2 * 0 + 3 * -1,
    "convolution-output-length-stride": (10 + 2 * 1 - 1 * (3 - 1) - 1) // 2 + 1,
    "convolution-dilation-span": 2 * (3 - 1) + 1,
}


def _momentum_two_steps() -> float:
    w, v = 1.0, 0.0
    for gradient in (2, 2):
        v = 0.9 * v - 0.1 * gradient
        w = w + v
    return w


RECOMPUTED["momentum-two-steps"] = _momentum_two_steps()


def test_every_numeric_answer_is_recomputed(bank: QuizBank) -> None:
    numeric = {q.id: q for q in bank if q.type == "numeric"}
    assert set(numeric) == set(RECOMPUTED), set(numeric) ^ set(RECOMPUTED)
    for question_id, value in RECOMPUTED.items():
        question = numeric[question_id]
        assert abs(question.answer - value) <= question.tolerance + 1e-9, (question_id, question.answer, value)


def test_seed_mistakes_are_each_caught_by_a_question(bank: QuizBank) -> None:
    """The seed notes are wrong on these points; the bank teaches the correct fact."""
    assert bank.question("metrics-roc-x-is-specificity").answer is False
    assert bank.question("odds-logit-odds-is-probability").answer is False
    assert bank.question("odds-logit-odds-value").answer == 4
    assert bank.question("epoch-batch-iteration-remainder").answer == 11
    ratio = bank.question("odds-logit-odds-ratio")
    assert "두 집단" in ratio.options[ratio.correct_indices[0]].text
    filter_shape = bank.question("convolution-conv1d-filter-shape")
    assert filter_shape.options[filter_shape.correct_indices[0]].text.startswith("(3, 28)")


def test_exercise_links_point_to_catalog_exercises(bank: QuizBank) -> None:
    exercise_ids = {exercise.id for exercise in load_catalog().exercises}
    linked = {exercise for q in bank for exercise in q.exercises}
    assert linked and linked <= exercise_ids, linked - exercise_ids
    assert [q.id for q in bank.for_exercise("10_iteration_count")] == [
        "epoch-batch-iteration-basic",
        "epoch-batch-iteration-remainder",
    ]


def test_new_topics_have_questions(bank: QuizBank) -> None:
    """Issue 16's added note sections each have quiz items in the section of their page."""
    expected = {
        "training-loop": ["training-loop-underfit-curve", "training-loop-gap-means"],
        "loss-functions": ["loss-functions-mle-mse", "loss-functions-bce-bernoulli",
                           "loss-functions-lse-value", "loss-functions-lse-why"],
        "backprop": ["backprop-delta-rule", "backprop-gradcheck-central", "backprop-dw-shape"],
        "metrics": ["metrics-precision-value", "metrics-f1-value", "metrics-pr-baseline", "metrics-auc-ties"],
        "convolution": ["convolution-output-stride", "convolution-max-pool"],
    }
    for section, ids in expected.items():
        in_section = {q.id for q in bank.for_section(section)}
        assert set(ids) <= in_section, (section, set(ids) - in_section)


# One term per concept across the bank (the notes use the same words; see the home page).
BANNED_TERMS = {"과대적합": "과적합", "카테고리칼": "카테고리컬"}


def test_one_term_per_concept(bank: QuizBank) -> None:
    for question in bank:
        text = " ".join([question.prompt, question.explanation, question.feedback or ""]
                        + [o.text + " " + (o.feedback or "") for o in question.options])
        for banned, preferred in BANNED_TERMS.items():
            assert banned not in text, f"{question.id}: '{banned}' (이 과정의 용어는 '{preferred}')"


def test_threshold_rule_is_p_at_least_t(bank: QuizBank) -> None:
    """The rule is p ≥ t everywhere; no explanation may say "greater than" is positive."""
    for question in bank:
        text = question.explanation + " ".join(o.feedback or "" for o in question.options)
        assert "임계값보다 크면 양성" not in text and "확률이 크면 양성" not in text, question.id
    assert bank.question("threshold-equal-probability").answer is True

