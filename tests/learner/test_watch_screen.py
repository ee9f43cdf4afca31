"""`learn watch` in a pseudo-terminal (80×24), as a learner uses it: one screen and single keys."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from grader.course.catalog import load_catalog
from grader.course.content import CONTENT_ROOT

pexpect = pytest.importorskip("pexpect")

CATALOG = load_catalog()


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    subprocess.run([sys.executable, "-m", "grader", "init", "ws"], cwd=tmp_path, check=True, capture_output=True)
    return tmp_path / "ws"


def spawn_watch(workspace: Path, *args: str):
    env = {**os.environ, "NO_COLOR": "1", "TERM": "xterm", "LEARN_NO_SERVER": "1"}
    child = pexpect.spawn(sys.executable, ["-m", "grader", "watch", *args], cwd=str(workspace), env=env,
                          encoding="utf-8", dimensions=(24, 80), timeout=60)
    return child


def progress(workspace: Path) -> dict:
    return json.loads((workspace / ".learn" / "progress.json").read_text(encoding="utf-8"))


def test_pass_an_exercise_then_hint_next_and_quit(workspace: Path):
    first = CATALOG.resolve("03")
    following = CATALOG.after(first)[0]
    child = spawn_watch(workspace, "03")
    try:
        child.expect("진행률")
        child.expect("시작 전")  # the untouched stub is not a failure
        child.expect("h 다음 힌트")
        shutil.copyfile(CONTENT_ROOT / "solutions" / first.filename, workspace / "exercises" / first.filename)
        child.expect("통과!")
        child.expect(f"다음 연습: {following.id}")
        child.expect(f"concepts/{following.section}/")
        child.expect("n을 누르면")
        assert progress(workspace)["exercises"][first.id]["status"] == "passed"

        child.send("n")
        child.expect(f"{following.id} {following.title}")
        child.expect(f"exercises/{following.filename}")
        child.send("h")
        child.expect(f"힌트 1/{len(following.hints)}")
        assert progress(workspace)["exercises"][following.id]["hint_level"] == 1
        child.send("l")
        child.expect("연습 문제 \\(✓ 통과")
        child.send("x")  # any key returns from the list
        child.expect("h 다음 힌트")
        child.send("q")
        child.expect("지켜보기를 끝냈습니다. 통과 1/")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    assert child.exitstatus == 0
    # The next exercise was looked at but never edited: it is still "not started".
    assert progress(workspace)["exercises"][following.id]["status"] == "not_started"


def test_a_wrong_answer_shows_the_named_mistake_and_reset_keeps_a_backup(workspace: Path):
    exercise = CATALOG.resolve("03")
    target = workspace / "exercises" / exercise.filename
    wrong = (CONTENT_ROOT / "solutions" / exercise.filename).read_text(encoding="utf-8").replace(">= threshold", "> threshold")
    target.write_text(wrong, encoding="utf-8")
    child = spawn_watch(workspace, "03")
    try:
        child.expect("아직 통과하지 못했습니다")
        child.expect("흔한 실수: 임계값과 같은 확률을 음성으로")
        child.send("r")
        child.expect("r을 한 번 더 누르면")
        child.send("r")
        child.expect("처음 상태로 되돌렸습니다")
        child.expect("시작 전")
        child.send("q")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    backups = list((workspace / ".learn" / "backups").glob("03_threshold-*.py"))
    assert len(backups) == 1 and backups[0].read_text(encoding="utf-8") == wrong
    assert progress(workspace)["exercises"][exercise.id]["status"] == "not_started"


def test_plain_output_when_stdout_is_not_a_terminal(workspace: Path):
    result = subprocess.run([sys.executable, "-m", "grader", "watch", "03", "--max-checks", "1"], cwd=workspace,
                            capture_output=True, text=True, timeout=120, env={**os.environ, "NO_COLOR": "1"})
    assert result.returncode == 0
    assert "지켜보는 중: exercises/03_threshold.py" in result.stdout
    assert "· 시작 전" in result.stdout and "✗" not in result.stdout
