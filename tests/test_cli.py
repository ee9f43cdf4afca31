"""The `learn` command as learners and scripts use it: exit codes, messages, files written."""

import json
import shutil
import subprocess
import sys
import threading
import time

import pytest

from grader.course.catalog import load_catalog
from grader.course.content import CONTENT_ROOT as ROOT
from grader.engine.results import SCHEMA_VERSION

EXERCISES = load_catalog().exercises


def progress(workspace):
    return json.loads((workspace / ".learn" / "progress.json").read_text(encoding="utf-8"))


def start_editing(workspace, exercise_id):
    """The learner's first edit: the file is no longer the untouched stub (still failing)."""
    path = workspace / "exercises" / f"{exercise_id}.py"
    path.write_text(path.read_text(encoding="utf-8") + "\n# 풀기 시작\n", encoding="utf-8")


def use_reference(workspace, exercise_id):
    shutil.copyfile(ROOT / "solutions" / f"{exercise_id}.py", workspace / "exercises" / f"{exercise_id}.py")


def test_init_creates_stubs_and_state_folder(learn, workspace):
    assert sorted(p.name for p in (workspace / "exercises").iterdir()) == sorted(e.filename for e in EXERCISES)
    assert (workspace / ".learn").is_dir()


def test_init_refuses_a_folder_with_files(learn, tmp_path):
    (tmp_path / "notes.txt").write_text("내 파일", encoding="utf-8")
    result = learn("init", ".", cwd=tmp_path)
    assert result.returncode == 2
    assert "비어 있지 않습니다" in result.stderr
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "내 파일"


def test_init_refuses_an_existing_workspace(learn, workspace):
    result = learn("init", str(workspace), cwd=workspace.parent)
    assert result.returncode == 2 and "이미 작업 공간입니다" in result.stderr


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_stub_exits_1_and_reference_exits_0(learn, workspace, exercise):
    failing = learn("check", exercise.id, cwd=workspace)
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "아직 통과하지 못했습니다" in failing.stdout
    use_reference(workspace, exercise.id)
    passing = learn("check", exercise.id, cwd=workspace)
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "통과!" in passing.stdout
    record = progress(workspace)["exercises"][exercise.id]
    # The untouched stub's check was no attempt.
    assert record["attempts"] == 1 and record["status"] == "passed" and record["first_passed_at"]


def test_unknown_id_exits_2_with_a_korean_line(learn, workspace):
    result = learn("check", "nosuch", cwd=workspace)
    assert result.returncode == 2
    assert result.stderr.strip().startswith("오류: 'nosuch'라는 연습 문제는 없습니다.")
    assert "Traceback" not in result.stderr


def test_outside_a_workspace_exits_2(learn, tmp_path):
    result = learn("check", "03", cwd=tmp_path)
    assert result.returncode == 2
    assert "작업 공간을 찾을 수 없습니다" in result.stderr


def test_workspace_option_and_subfolder_discovery(learn, workspace, tmp_path):
    assert learn("--workspace", str(workspace), "list", cwd=tmp_path).returncode == 0
    assert learn("list", cwd=workspace / "exercises").returncode == 0
    assert learn("--workspace", str(tmp_path), "list", cwd=tmp_path).returncode == 2


def test_json_output_lists_every_test(learn, workspace):
    use_reference(workspace, "03_threshold")
    result = learn("check", "3", "--json", cwd=workspace)
    payload = json.loads(result.stdout)
    assert result.returncode == 0 and payload["passed"] is True and payload["exercise"] == "03_threshold"
    assert payload["tests_total"] == len(payload["tests"]) >= 5
    assert payload["version"] == SCHEMA_VERSION
    assert set(payload["tests"][0]) == {"name", "title", "status", "message", "exercise", "verdict", "failure", "weak",
                                        "internal_error", "seed"}


def test_json_names_the_mistake_by_id(learn, workspace):
    """A learner who compares with > instead of >= gets the mistake as data, not only as text."""
    path = workspace / "exercises" / "03_threshold.py"
    reference = (ROOT / "solutions" / "03_threshold.py").read_text(encoding="utf-8")
    path.write_text(reference.replace("np.asarray(probabilities) >= threshold", "np.asarray(probabilities) > threshold"),
                    encoding="utf-8")
    result = learn("check", "3", "--json", "--seed", "1", cwd=workspace)
    assert result.returncode == 1
    failed = [test for test in json.loads(result.stdout)["tests"] if test["status"] == "failed"]
    edge = next(test for test in failed if "정확히 같음" in test["name"])
    assert edge["verdict"]["function"] == "apply_threshold"
    assert edge["verdict"]["input"].startswith("[0.3, 0.5, 0.7, 0.5], 0.5")
    assert [m["id"] for m in edge["verdict"]["mistakes"]] == ["gt-instead-of-ge"]
    assert "흔한 실수: 임계값과 같은 확률을 음성으로 처리했습니다" in edge["message"]


def test_check_all_json_and_exit_code(learn, workspace):
    use_reference(workspace, "01_mse")
    result = learn("check", "--all", "--json", cwd=workspace)
    payload = json.loads(result.stdout)
    assert result.returncode == 1 and payload["passed"] is False
    assert [r["exercise"] for r in payload["results"]] == [e.id for e in EXERCISES]
    assert payload["results"][0]["passed"] is True


def test_failure_shows_the_seed_and_the_same_seed_reproduces_it(learn, workspace):
    target = workspace / "exercises" / "01_mse.py"
    target.write_text((ROOT / "solutions" / "01_mse.py").read_text(encoding="utf-8")
                      .replace("float(np.mean(errors**2))", "float(np.mean(errors**2)) if errors.size < 150 else 0.0"),
                      encoding="utf-8")
    result = learn("check", "01", "--seed", "7", "--json", cwd=workspace)
    messages = [t["message"] for t in json.loads(result.stdout)["tests"] if t["status"] != "passed"]
    assert messages and "시드 7" in messages[0] and "learn check 01_mse --seed 7" in messages[0]
    again = learn("check", "01", "--seed", "7", "--json", cwd=workspace)
    assert [t["message"] for t in json.loads(again.stdout)["tests"] if t["status"] != "passed"] == messages


@pytest.mark.parametrize("source, expected", [
    ("def mse(y_true, y_pred):\n    return (\n", "문법 오류"),
    ("import numpy as np\nraise RuntimeError('boom')\n", "RuntimeError: boom"),
    ("def mse(y_true, y_pred):\n    while True:\n        pass\n\ndef mae(y_true, y_pred):\n    return 0.0\n", "시간 초과"),
    ("def mse(y_true, y_pred):\n    return [0.0]\n\ndef mae(y_true, y_pred):\n    return float('nan')\n", "NaN을 반환했습니다"),
    ("def mean_squared_error(y_true, y_pred):\n    return 0.0\n", "함수 mse이(가) 없습니다"),
])
def test_broken_learner_files_fail_with_a_message_not_a_traceback(learn, workspace, source, expected):
    (workspace / "exercises" / "01_mse.py").write_text(source, encoding="utf-8")
    shown = learn("check", "01", "--timeout", "0.5", cwd=workspace)
    assert shown.returncode == 1
    assert "Traceback" not in shown.stdout + shown.stderr
    payload = json.loads(learn("check", "01", "--timeout", "0.5", "--json", cwd=workspace).stdout)
    messages = [(payload["load_error"] or {}).get("message", "")] + [test["message"] for test in payload["tests"]]
    assert any(expected in message for message in messages), messages


def test_hint_ladder_reveals_one_level_at_a_time_and_is_recorded(learn, workspace):
    hints = load_catalog().resolve("03").hints
    first = learn("hint", "03", cwd=workspace).stdout
    assert hints[0] in first and hints[1] not in first
    second = learn("hint", "03", cwd=workspace).stdout
    assert hints[0] in second and hints[1] in second and hints[2] not in second
    for _ in range(len(hints) + 2):
        last = learn("hint", "03", cwd=workspace).stdout
    assert all(hint in last for hint in hints) and "마지막 힌트입니다" in last
    assert progress(workspace)["exercises"]["03_threshold"]["hint_level"] == len(hints)


def test_reset_restores_the_stub_and_keeps_a_backup(learn, workspace):
    target = workspace / "exercises" / "03_threshold.py"
    stub = target.read_text(encoding="utf-8")
    target.write_text("# 내 풀이\n", encoding="utf-8")
    result = learn("reset", "threshold", cwd=workspace)
    assert result.returncode == 0
    assert target.read_text(encoding="utf-8") == stub
    backups = list((workspace / ".learn" / "backups").glob("03_threshold-*.py"))
    assert len(backups) == 1 and backups[0].read_text(encoding="utf-8") == "# 내 풀이\n"


def test_solution_is_locked_until_passed_or_forced(learn, workspace):
    locked = learn("solution", "03", cwd=workspace)
    assert locked.returncode == 1 and "--force" in locked.stderr
    forced = learn("solution", "03", "--force", cwd=workspace)
    assert forced.returncode == 0 and "def apply_threshold" in forced.stdout
    assert progress(workspace)["exercises"]["03_threshold"]["solution_viewed"] is True
    use_reference(workspace, "01_mse")
    learn("check", "01", cwd=workspace)
    assert learn("solution", "01", cwd=workspace).returncode == 0


def test_corrupt_progress_file_is_set_aside_and_the_next_run_works(learn, workspace):
    state = workspace / ".learn" / "progress.json"
    state.write_text("{ 깨진 파일", encoding="utf-8")
    result = learn("check", "03", cwd=workspace)
    assert result.returncode == 2 and "진행 상황 파일이 손상되어" in result.stderr
    assert "Traceback" not in result.stderr
    aside = list((workspace / ".learn").glob("progress.json.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_text(encoding="utf-8") == "{ 깨진 파일"
    start_editing(workspace, "03_threshold")
    assert learn("check", "03", cwd=workspace).returncode == 1
    assert progress(workspace)["exercises"]["03_threshold"]["attempts"] == 1


def test_list_shows_status_and_progress_bar(learn, workspace):
    use_reference(workspace, "03_threshold")
    start_editing(workspace, "01_mse")
    learn("check", "03", cwd=workspace)
    learn("check", "01", cwd=workspace)
    out = learn("list", cwd=workspace).stdout
    assert "✓ 통과" in out and "✗ 실패" in out and "· 시작 전" in out
    assert f"1/{len(EXERCISES)}" in out and "진행률 [" in out


def test_two_checks_at_once_both_recorded(learn, workspace):
    start_editing(workspace, "01_mse")
    start_editing(workspace, "03_threshold")
    processes = [subprocess.Popen([sys.executable, "-m", "grader", "check", name], cwd=workspace,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                 for name in ("01", "03", "01", "03")]
    assert [p.wait(120) for p in processes] == [1, 1, 1, 1]
    records = progress(workspace)["exercises"]
    assert records["01_mse"]["attempts"] == 2 and records["03_threshold"]["attempts"] == 2


def test_watch_rechecks_on_save_and_moves_on_after_a_pass(learn, workspace):
    process = subprocess.Popen([sys.executable, "-m", "grader", "watch", "03", "--max-checks", "3"], cwd=workspace,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env={"NO_COLOR": "1", **_env()})
    threading.Timer(60, process.kill).start()  # never hang the suite if watch misbehaves
    lines = []
    saved = False
    for line in process.stdout:
        lines.append(line)
        if "시작 전" in line and not saved:  # the untouched stub was checked
            saved = True
            time.sleep(0.05)
            use_reference(workspace, "03_threshold")
    process.wait(10)
    output = "".join(lines)
    assert process.returncode == 0
    assert "통과!" in output
    next_exercise = load_catalog().after(load_catalog().resolve("03"))[0]
    assert f"다음 연습 문제: {next_exercise.id}" in output
    assert f"concepts/{next_exercise.section}/" in output
    assert f"exercises/{next_exercise.id}.py" in output  # moved on to the next exercise and checked it
    assert progress(workspace)["exercises"]["03_threshold"]["status"] == "passed"


def _env():
    import os
    return dict(os.environ)


# ------------------------------------------------------------------------------------------
# The learner's loop (issue 15)


def test_untouched_stubs_stay_not_started_after_check_all(learn, workspace):
    use_reference(workspace, "03_threshold")
    edited = workspace / "exercises" / "01_mse.py"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n# 시작했어요\n", encoding="utf-8")
    result = learn("check", "--all", cwd=workspace)
    assert result.returncode == 1
    assert f"· 시작 전 02_sensitivity" in result.stdout
    records = progress(workspace)["exercises"]
    assert records["03_threshold"]["status"] == "passed"
    assert records["01_mse"]["status"] == "failed" and records["01_mse"]["attempts"] == 1
    untouched = [e.id for e in EXERCISES if e.id not in ("01_mse", "03_threshold")]
    assert all(records[i]["status"] == "not_started" and records[i]["attempts"] == 0 for i in untouched)
    listed = learn("list", cwd=workspace).stdout
    assert listed.count("✗ 실패") == 1 and listed.count("· 시작 전") == len(EXERCISES) - 2
    # A single check of an untouched stub does not count either.
    assert learn("check", "02", cwd=workspace).returncode == 1
    assert progress(workspace)["exercises"]["02_sensitivity"]["status"] == "not_started"


def test_a_pass_prints_the_next_exercise_and_the_note(learn, workspace):
    use_reference(workspace, "03_threshold")
    result = learn("check", "03", cwd=workspace)
    assert result.returncode == 0
    following = load_catalog().after(load_catalog().resolve("03"))[0]
    assert f"다음 연습 문제: {following.id} {following.title}" in result.stdout
    assert f"개념 노트: http://127.0.0.1:8000/concepts/{following.section}/ ('learn docs'를 실행하면 열립니다)" in result.stdout


def test_the_note_address_is_the_running_site_when_learn_docs_serves(learn, workspace):
    import os

    (workspace / ".learn" / "docs.json").write_text(json.dumps({"url": "http://127.0.0.1:8123/", "pid": os.getpid()}))
    use_reference(workspace, "03_threshold")
    following = load_catalog().after(load_catalog().resolve("03"))[0]
    assert f"개념 노트: http://127.0.0.1:8123/concepts/{following.section}/\n" in learn("check", "03", cwd=workspace).stdout
    listed = learn("list", cwd=workspace).stdout
    assert all(f"노트 http://127.0.0.1:8123/concepts/{e.section}/" in listed for e in EXERCISES)
    # A stale file (its server is gone) is ignored.
    (workspace / ".learn" / "docs.json").write_text(json.dumps({"url": "http://127.0.0.1:8123/", "pid": 2**22 + 1}))
    assert "노트 http://127.0.0.1:8000/concepts/" in learn("list", cwd=workspace).stdout


def test_list_counts_quiz_answers(learn, workspace, tmp_path):
    from grader.quiz.service import load_quiz_bank

    bank = load_quiz_bank()
    section = bank.sections[0]
    question = section.questions[0]
    sheet = tmp_path / "sheet.yaml"
    sheet.write_text(f"section: {section.slug}\nanswers:\n  {question.id}: {_right_answer(question)}\n", encoding="utf-8")
    assert learn("quiz", section.slug, "--answers", str(sheet), cwd=workspace).returncode == 0
    listed = learn("list", cwd=workspace).stdout
    assert f"답한 문항 1/{len(section.questions)}, 정답 1" in listed
    assert f"1/{len(bank)}" in listed.split("퀴즈 진행률")[1]


def _right_answer(question):
    from grader.quiz import expected_answer

    return json.dumps(expected_answer(question).split(" (")[0])


def test_help_is_korean_including_clicks_own_lines(learn, workspace):
    for args in (["--help"], ["check", "--help"], ["watch", "-h"], ["docs", "--help"]):
        out = learn(*args, cwd=workspace).stdout
        assert "Show this message" not in out and "Usage:" not in out and "Options:" not in out, args
        assert "사용법:" in out and "이 도움말을 보여 주고 끝냅니다." in out
    bad = learn("check", "--nope", cwd=workspace)
    assert bad.returncode == 2
    assert bad.stderr.strip() == "오류: 사용법 오류: '--nope'라는 옵션은 없습니다. ('learn --help'로 사용법을 볼 수 있습니다)"
    assert "Traceback" not in bad.stderr
    port = learn("docs", "--port", "abc", cwd=workspace)
    assert port.returncode == 2 and "Invalid" not in port.stderr and "'abc'" in port.stderr


def test_docs_refuses_a_busy_port_before_building(learn, workspace):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        started = time.monotonic()
        result = learn("docs", "--port", str(port), cwd=workspace)
        elapsed = time.monotonic() - started
    assert result.returncode == 2
    assert f"127.0.0.1:{port} 포트를 이미 다른 프로그램이 쓰고 있습니다." in result.stderr
    assert "'learn docs --port " in result.stderr
    assert elapsed < 10  # no site build first
