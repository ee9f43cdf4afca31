"""GitHub Classroom from an installed wheel: `learn classroom` writes the starter repository, and
the workflow's own `run` commands, executed here in order as the Actions runner would, install
the bundled wheel and produce the reporter's per-exercise results."""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
from pathlib import Path

import yaml

from grader.course.catalog import load_catalog
from grader.grading.classroom import REPORTER, WORKFLOW

CHECKOUT = Path(__file__).resolve().parents[2]


def run_steps(installed, repo: Path, output: Path) -> None:
    flow = yaml.safe_load((repo / WORKFLOW).read_text(encoding="utf-8"))
    (job,) = flow["jobs"].values()
    for step in job["steps"]:
        if "run" not in step:
            assert step["uses"].split("@")[0] in ("actions/checkout", "actions/setup-python", REPORTER.split("@")[0])
            continue
        env = installed.env(GITHUB_OUTPUT=str(output), **step.get("env", {}))
        done = subprocess.run(["bash", "-eo", "pipefail", "-c", step["run"]], cwd=repo, env=env,
                              capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, f"{step['name']}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"


def reporter_inputs(output: Path) -> dict[str, dict]:
    pairs = (line.split("=", 1) for line in output.read_text(encoding="utf-8").splitlines() if line)
    return {key: json.loads(base64.b64decode(value)) for key, value in pairs}


def test_classroom_workflow_commands_grade_the_starter_repository(installed, outside):
    made = installed.learn("classroom", "--out", str(outside / "repo"), cwd=outside)
    assert made.returncode == 0, made.stderr
    repo = outside / "repo"
    (wheel,) = (repo / ".github" / "classroom").glob("*.whl")
    assert wheel.name == installed.wheel.name

    run_steps(installed, repo, outside / "out1")
    first = reporter_inputs(outside / "out1")
    points = {f"ex{e.id}": e.points for e in load_catalog().exercises}
    assert {k: v["max_score"] for k, v in first.items()} == points
    assert all(v["status"] == "fail" and v["tests"][0]["score"] == 0 for v in first.values())

    shutil.copyfile(CHECKOUT / "solutions" / "03_threshold.py", repo / "exercises" / "03_threshold.py")
    run_steps(installed, repo, outside / "out2")
    second = reporter_inputs(outside / "out2")
    assert second["ex03_threshold"]["status"] == "pass"
    assert second["ex03_threshold"]["tests"][0]["score"] == points["ex03_threshold"]
    assert second["ex01_mse"]["status"] == "fail" and "NotImplementedError" in second["ex01_mse"]["tests"][0]["message"]
