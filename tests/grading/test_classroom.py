"""GitHub Classroom: the generated workflow parses, has what Actions and the grading reporter
need, and its conversion step gives each exercise its catalog points. The workflow's commands are
run for real against an installed wheel in tests/install/test_classroom_installed.py."""

from __future__ import annotations

import base64
import json

import pytest
import yaml

from grader.course.catalog import load_catalog
from grader.grading.classroom import REPORTER, WORKFLOW, github_output, reporter_results, runner_id, write_classroom

CATALOG = load_catalog()


@pytest.fixture
def fake_wheel(tmp_path):
    wheel = tmp_path / "learn_ml_concepts-0.2.0-py3-none-any.whl"
    wheel.write_bytes(b"PK")
    return wheel


def steps_of(flow: dict) -> list[dict]:
    (job,) = flow["jobs"].values()
    return job["steps"]


def test_workflow_parses_and_has_what_actions_and_the_reporter_need(tmp_path, fake_wheel):
    written = write_classroom(tmp_path / "repo", fake_wheel)
    repo = tmp_path / "repo"
    assert repo / WORKFLOW in written and (repo / ".github/classroom" / fake_wheel.name).is_file()
    flow = yaml.safe_load((repo / WORKFLOW).read_text(encoding="utf-8"))
    assert flow["name"] == "Autograding Tests"
    assert "push" in flow["on"] and flow["permissions"]["checks"] == "write"
    (job,) = flow["jobs"].values()
    assert job["runs-on"] and job["name"] == "Autograding Tests" and "github-classroom[bot]" in job["if"]
    steps = steps_of(flow)
    assert all(("uses" in s) != ("run" in s) and s.get("name") for s in steps)
    install = next(s for s in steps if "pip install" in s.get("run", ""))
    assert f".github/classroom/{fake_wheel.name}" in install["run"]
    grade = next(s for s in steps if s.get("id") == "learn")
    assert "learn check --all --json" in grade["run"] and "$GITHUB_OUTPUT" in grade["run"]
    reporter = next(s for s in steps if s.get("uses") == REPORTER)
    runners = reporter["with"]["runners"].split(",")
    assert runners == [runner_id(e) for e in CATALOG.exercises]
    assert reporter["env"] == {f"{r.upper()}_RESULTS": f"${{{{ steps.learn.outputs.{r} }}}}" for r in runners}
    # The starter repository is a workspace whose .learn/ survives git (an empty folder would not).
    assert (repo / ".learn" / "README.md").is_file() and (repo / "exercises" / "01_mse.py").is_file()
    assert ".learn/progress.json" in (repo / ".gitignore").read_text(encoding="utf-8")


def test_existing_workflow_is_not_overwritten_without_force(learn, tmp_path, fake_wheel):
    assert learn("classroom", "--out", "repo", "--wheel", str(fake_wheel), cwd=tmp_path).returncode == 0
    again = learn("classroom", "--out", "repo", "--wheel", str(fake_wheel), cwd=tmp_path)
    assert again.returncode == 2 and "--force" in again.stderr and "Traceback" not in again.stderr
    assert learn("classroom", "--out", "repo", "--wheel", str(fake_wheel), "--force", cwd=tmp_path).returncode == 0
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "notes.txt").write_text("x", encoding="utf-8")
    busy = learn("classroom", "--out", "busy", "--wheel", str(fake_wheel), cwd=tmp_path)
    assert busy.returncode == 2 and "비어 있지 않고" in busy.stderr


def decode(output: str) -> dict[str, dict]:
    pairs = (line.split("=", 1) for line in output.splitlines() if line)
    return {key: json.loads(base64.b64decode(value)) for key, value in pairs}


def test_points_per_exercise_follow_the_catalog():
    from grader.engine.results import ExerciseResult, Status, TestResult, Verdict

    ok = [TestResult(f"t{i}", f"검사 {i}", Status.PASSED, "01_mse") for i in range(4)]
    wrong = TestResult("t0", "민감도", Status.FAILED, "02_sensitivity", verdict=Verdict("sensitivity", "예", ("기대값 1.0",)))
    mixed = [wrong] + [TestResult(f"t{i}", f"검사 {i}", Status.PASSED, "02_sensitivity") for i in range(1, 2)]
    mixed += [TestResult(f"f{i}", f"검사 {i}", Status.FAILED, "02_sensitivity", verdict=Verdict("f", "", ("x",)))
              for i in range(2)]
    results = [ExerciseResult("01_mse", 0, ok).to_json(), ExerciseResult("02_sensitivity", 0, mixed).to_json()]
    payloads = decode(github_output(reporter_results({"passed": False, "results": results}, CATALOG)))
    first, second = payloads["ex01_mse"], payloads["ex02_sensitivity"]
    points = {e.id: e.points for e in CATALOG.exercises}
    assert first["max_score"] == points["01_mse"] and first["tests"][0]["score"] == points["01_mse"]
    assert first["status"] == "pass" and first["version"] == 1
    assert second["tests"][0]["score"] == round(points["02_sensitivity"] / 4, 2) and second["status"] == "fail"
    assert "기대값 1.0" in second["tests"][0]["message"]
    assert payloads["ex03_threshold"]["status"] == "error"
    assert sum(p["max_score"] for p in payloads.values()) == sum(points.values())


def test_unreadable_results_become_errors_for_every_exercise(tmp_path):
    from grader.grading.classroom import main

    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    assert main([str(tmp_path / "broken.json")]) == 0


def test_a_trivial_implementation_scores_zero_in_classroom_too(learn, workspace):
    """Identity passes the logit round-trip tests in `learn check`, but earns no points."""
    functions = next(e for e in CATALOG.exercises if e.id == "20_logit").functions
    (workspace / "exercises" / "20_logit.py").write_text(
        "".join(f"def {name}(*args, **kwargs):\n    return args[0]\n\n" for name in functions), encoding="utf-8")
    checked = learn("check", "20_logit", "--json", cwd=workspace)
    assert checked.returncode == 1
    result = json.loads(checked.stdout)
    assert result["exercise"] == "20_logit" and result["tests_passed"] > 0
    payloads = decode(github_output(reporter_results({"passed": False, "results": [result]}, CATALOG)))
    assert payloads["ex20_logit"]["tests"][0]["score"] == 0
