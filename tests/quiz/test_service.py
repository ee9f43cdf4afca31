"""`learn quiz`: the bank through the CLI, answer sheets in batch, the interactive loop, progress."""

import json
import subprocess
import sys

from grader.course.catalog import load_catalog


def exported(learn, cwd):
    result = learn("quiz", "export", cwd=cwd)
    assert result.returncode == 0
    return json.loads(result.stdout)


def wrong_answer(question):
    """Some answer that is certainly wrong for the question."""
    if question["type"] in ("single", "multiple"):
        return next(o["label"] for o in question["options"] if not o["correct"])
    if question["type"] == "truefalse":
        return "X" if question["answer"] else "O"
    if question["type"] == "numeric":
        return question["answer"] + 1000 * (question["tolerance"] + 1)
    return ",".join(reversed(question["expected_answer"].split(",")))


def right_answer(question):
    """The machine-readable right answer from the export (numeric ones carry `answer`)."""
    return question["answer"] if question["type"] == "numeric" else question["expected_answer"]


def write_sheet(path, answers, section=None):
    sheet = {"student": "kim", "answers": answers}
    if section:
        sheet["section"] = section
    path.write_text(json.dumps(sheet, ensure_ascii=False), encoding="utf-8")
    return path


def test_export_covers_every_section_with_at_least_four_questions(learn, tmp_path):
    bank = exported(learn, tmp_path)
    counts = {s["slug"]: len(s["questions"]) for s in bank["sections"]}
    assert set(counts) == {s.slug for s in load_catalog().sections}
    assert min(counts.values()) >= 4 and sum(counts.values()) >= 100
    assert bank["format_version"] == 1


def test_export_to_a_file(learn, tmp_path):
    result = learn("quiz", "export", "--out", str(tmp_path / "bank.json"), cwd=tmp_path)
    assert result.returncode == 0
    assert json.loads((tmp_path / "bank.json").read_text(encoding="utf-8"))["question_count"] >= 100


def test_all_correct_scores_100_and_all_wrong_scores_0_with_feedback(learn, tmp_path):
    questions = [q for s in exported(learn, tmp_path)["sections"] for q in s["questions"]]
    right = write_sheet(tmp_path / "right.json", {q["id"]: right_answer(q) for q in questions})
    wrong = write_sheet(tmp_path / "wrong.json", {q["id"]: wrong_answer(q) for q in questions})
    good = json.loads(learn("quiz", "all", "--answers", str(right), "--json", cwd=tmp_path).stdout)
    assert good["percent"] == 100.0 and good["score"] == len(questions)
    bad = json.loads(learn("quiz", "all", "--answers", str(wrong), "--json", cwd=tmp_path).stdout)
    assert bad["percent"] == 0.0 and bad["max_score"] == len(questions)
    assert all(r["explanation"] for r in bad["results"])
    assert sum(bool(r["feedback"]) for r in bad["results"]) >= len(questions) // 2


def test_sheet_problems_are_reported_and_graded(learn, tmp_path):
    sheet = write_sheet(tmp_path / "s.json", {"nosuch-question": "a", "epoch-batch-iteration-basic": "열 번"},
                        section="epoch-batch-iteration")
    result = learn("quiz", "epoch-batch-iteration", "--answers", str(sheet), "--json", cwd=tmp_path)
    payload = json.loads(result.stdout)
    assert result.returncode == 0
    assert payload["unknown_ids"] == ["nosuch-question"]
    typed = next(r for r in payload["results"] if r["question_id"] == "epoch-batch-iteration-basic")
    assert typed["correct"] is False and typed["feedback"]
    assert len(payload["unanswered_ids"]) == payload["max_score"] - 1


def test_a_malformed_sheet_is_named_and_the_others_still_graded(learn, tmp_path):
    folder = tmp_path / "sheets"
    folder.mkdir()
    (folder / "broken.yaml").write_text("answers: [이건: 깨짐\n", encoding="utf-8")
    write_sheet(folder / "ok.json", {"threshold-lower-effect": "d"})
    result = learn("quiz", "threshold", "--answers", str(folder), "--json", cwd=tmp_path)
    assert result.returncode == 2
    assert "broken.yaml" in result.stderr and "Traceback" not in result.stderr
    assert json.loads(result.stdout)["sheet"] == "ok.json"


def test_unknown_quiz_exits_2(learn, tmp_path):
    result = learn("quiz", "nosuch", cwd=tmp_path)
    assert result.returncode == 2 and "'nosuch'라는 퀴즈는 없습니다" in result.stderr


def drive(workspace, target, keys):
    return subprocess.run([sys.executable, "-m", "grader", "quiz", target], cwd=workspace, input=keys,
                          capture_output=True, text=True, timeout=60)


def test_interactive_quiz_feedback_score_progress_and_review_order(learn, workspace):
    questions = next(s for s in exported(learn, workspace)["sections"] if s["slug"] == "threshold")["questions"]
    first = questions[0]
    keys = "zz\n" + wrong_answer(first) + "\n" + "\n".join(str(right_answer(q)) for q in questions[1:]) + "\n"
    result = drive(workspace, "threshold", keys)
    assert result.returncode == 0
    assert "다시 입력하세요" in result.stdout  # "zz" is not an answer: asked again
    assert "오답" in result.stdout and "정답!" in result.stdout and "해설:" in result.stdout
    assert f"점수: {len(questions) - 1}/{len(questions)}" in result.stdout
    listing = learn("list", cwd=workspace).stdout
    assert "threshold" in listing and "최고" in listing
    second = drive(workspace, "03", "q\n")
    assert second.stdout.index(first["prompt"].splitlines()[0]) < second.stdout.index("답>")
    record = json.loads((workspace / ".learn" / "progress.json").read_text(encoding="utf-8"))["quizzes"]["threshold"]
    assert record["attempts"] == 1 and record["history"][first["id"]] is False


def test_a_learners_own_sheet_is_recorded_and_a_broken_one_changes_nothing(learn, workspace):
    write_sheet(workspace / "mine.json", {"threshold-lower-effect": "d"})
    assert learn("quiz", "threshold", "--answers", "mine.json", cwd=workspace).returncode == 0
    state = workspace / ".learn" / "progress.json"
    record = json.loads(state.read_text(encoding="utf-8"))["quizzes"]["threshold"]
    assert record["history"] == {"threshold-lower-effect": True} and record["last_percent"] == 100.0
    before = state.read_bytes()
    (workspace / "broken.yaml").write_text("answers: [깨짐\n", encoding="utf-8")
    result = learn("quiz", "threshold", "--answers", "broken.yaml", cwd=workspace)
    assert result.returncode == 2 and "broken.yaml" in result.stderr
    assert state.read_bytes() == before
