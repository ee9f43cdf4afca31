"""The interactive loop driven by a scripted `ask`, and the spaced-repetition order."""

from __future__ import annotations

from grader.quiz import QuizBank, order_for_review, run_quiz

from .conftest import correct_answer, wrong_answer


class Script:
    """Feeds prepared lines to `ask` and records everything `say` prints."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = list(lines)
        self.output: list[str] = []

    def ask(self, prompt: str) -> str:
        if not self.lines:
            raise EOFError
        return self.lines.pop(0)

    def say(self, text: str) -> None:
        self.output.append(text)

    @property
    def text(self) -> str:
        return "\n".join(self.output)


def test_full_run_with_invalid_input_reasked(bank: QuizBank) -> None:
    questions = bank.for_section("odds-logit")[:3]
    lines: list[str] = []
    lines += ["zz", str(correct_answer(questions[0]))]  # invalid first, then right
    lines += [str(wrong_answer(questions[1]))]
    lines += [str(correct_answer(questions[2]))]
    script = Script(lines)
    result = run_quiz(questions, script.ask, script.say)
    assert result.answered == 3 and not result.quit_early
    assert result.score == 2
    assert "다시 입력하세요" in script.text
    assert script.text.count("정답!") == 2 and "오답. 정답:" in script.text
    assert "해설:" in script.text
    assert "점수: 2/3" in script.text
    assert result.history() == {questions[0].id: True, questions[1].id: False, questions[2].id: True}


def test_shows_options_unit_and_order_items(bank: QuizBank) -> None:
    questions = [bank.question("metrics-roc-axes"), bank.question("epoch-batch-iteration-basic"),
                 bank.question("training-loop-early-stopping-order"), bank.question("threshold-always-half")]
    script = Script([""])
    for question in questions:
        script = Script([str(correct_answer(question))])
        run_quiz([question], script.ask, script.say)
        if question.type == "single":
            assert "  a) " in script.text and "  d) " in script.text
        if question.type == "numeric":
            assert "(단위: 회)" in script.text
        if question.type == "order":
            shown = [line for line in script.output[2].splitlines() if line.startswith("  ")]
            assert [line[5:] for line in shown] == [question.items[i] for i in question.display_order()]
        if question.type == "truefalse":
            assert "O 또는 X" in script.text


def test_quit_early_with_q_and_empty_line(bank: QuizBank) -> None:
    questions = bank.for_section("momentum")
    for quit_word in ("q", "", "Q"):
        script = Script([str(correct_answer(questions[0])), quit_word])
        result = run_quiz(questions, script.ask, script.say)
        assert result.quit_early and result.answered == 1 and result.total == len(questions)
        assert f"{len(questions)}문항 중 1문항에 답했습니다" in script.text
        assert "점수: 1/1" in script.text


def test_end_of_input_quits(bank: QuizBank) -> None:
    script = Script([])
    result = run_quiz(bank.for_section("momentum"), script.ask, script.say)
    assert result.quit_early and result.answered == 0 and result.percent == 0.0


def test_empty_question_list() -> None:
    script = Script([])
    result = run_quiz([], script.ask, script.say)
    assert result.total == 0 and "풀 문항이 없습니다" in script.text


def test_order_for_review(bank: QuizBank) -> None:
    questions = bank.for_section("odds-logit")
    ids = [q.id for q in questions]
    history = {ids[0]: True, ids[1]: False, ids[3]: False, ids[4]: True}
    ordered = [q.id for q in order_for_review(questions, history)]
    never_seen = [i for i in ids if i not in history]
    assert ordered == [ids[1], ids[3], *never_seen, ids[0], ids[4]]
    assert [q.id for q in order_for_review(questions, {})] == ids
