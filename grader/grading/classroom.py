"""GitHub Classroom: a starter repository whose Actions workflow grades every push.

`write_classroom(out)` makes `out` a `learn` workspace (the stubs, `.learn/`) if it is not one yet
and adds:
- `.github/classroom/<wheel>`: the course's wheel, so every run grades with exactly these checks;
- `.github/workflows/classroom.yml`: installs that wheel, runs `learn check --all --json`, turns
  the JSON into one autograding "runner" per exercise (worth its points in the catalog) and hands
  them to GitHub Classroom's grading reporter, which shows the score and reports it.

`python -m grader.grading.classroom RESULTS.json` is the conversion step: it prints
`ex<id>=<base64 JSON>` lines for `$GITHUB_OUTPUT`, in the reporter's format
(`{"version": 1, "status", "max_score", "tests": [{"name", "status", "score", "message"}]}`).
Points follow `learn grade`: an exercise earns its points in proportion to the tests passed, and
tests a trivial implementation passes too count only beside one it cannot pass.
"""

from __future__ import annotations

import base64
import dataclasses
import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

from grader.course.catalog import Catalog, Exercise, load_catalog
from grader.engine.results import ExerciseGrade, ExerciseResult
from grader.engine.runner import load_reference
from grader.engine.trivial import weak_tests
from grader.errors import LearnError

WORKFLOW = Path(".github/workflows/classroom.yml")
WHEEL_DIR = Path(".github/classroom")
RESULTS_FILE = "learn-results.json"
REPORTER = "classroom-resources/autograding-grading-reporter@v1"
# The reporter updates the check run with this name, so the job carries it.
CHECK_NAME = "Autograding Tests"
GITIGNORE = ".learn/progress.json\n.learn/progress.json.*\n.learn/backups/\n.learn/*.lock\n__pycache__/\nlearn-results.json\n"
LEARN_README = ("이 폴더가 있으면 여기가 `learn` 작업 공간입니다. 진행 상황(`progress.json`)과\n"
                "`learn reset`의 백업(`backups/`)이 이곳에 저장됩니다 (git에는 올라가지 않습니다).\n")


class ClassroomError(LearnError):
    """Raised with a Korean message when the starter repository cannot be written."""


def runner_id(exercise: Exercise) -> str:
    """A step-output and environment-variable friendly name: `ex03_threshold`."""
    return f"ex{exercise.id}"


def workflow(catalog: Catalog, wheel_name: str) -> dict[str, Any]:
    runners = [runner_id(e) for e in catalog.exercises]
    grade = "\n".join([
        "mkdir -p .learn",
        f"learn check --all --json > {RESULTS_FILE} || true",
        f'python -m grader.grading.classroom {RESULTS_FILE} >> "$GITHUB_OUTPUT"',
    ])
    return {
        "name": CHECK_NAME,
        "on": ["push", "workflow_dispatch", "repository_dispatch"],
        "permissions": {"checks": "write", "actions": "read", "contents": "read"},
        "jobs": {
            "run-autograding-tests": {
                "name": CHECK_NAME,
                "runs-on": "ubuntu-latest",
                "if": "github.actor != 'github-classroom[bot]'",
                "timeout-minutes": 20,
                "steps": [
                    {"name": "Checkout code", "uses": "actions/checkout@v4"},
                    {"name": "Python 3.11", "uses": "actions/setup-python@v5", "with": {"python-version": "3.11"}},
                    {"name": "learn 설치", "run": f"python -m pip install {(WHEEL_DIR / wheel_name).as_posix()}"},
                    {"name": "채점 (learn check --all --json)", "id": "learn",
                     "env": {"LEARN_NO_SERVER": "1", "NO_COLOR": "1"}, "run": grade},
                    {"name": "Autograding Reporter", "uses": REPORTER,
                     "env": {f"{r.upper()}_RESULTS": f"${{{{ steps.learn.outputs.{r} }}}}" for r in runners},
                     "with": {"runners": ",".join(runners)}},
                ],
            }
        },
    }


def workflow_yaml(catalog: Catalog, wheel_name: str) -> str:
    header = "# Written by `learn classroom`: grades every push with the course's own checks.\n"
    return header + yaml.safe_dump(workflow(catalog, wheel_name), allow_unicode=True, sort_keys=False, width=120)


def reporter_results(check: Any, catalog: Catalog) -> dict[str, dict[str, Any]]:
    """`learn check --all --json` output -> one reporter payload per exercise runner. Anything
    unreadable (learn crashed, no workspace) gives every exercise an 'error' with a Korean reason."""
    by_id: dict[str, dict[str, Any]] = {}
    if isinstance(check, dict) and isinstance(check.get("results"), list):
        by_id = {r.get("exercise"): r for r in check["results"] if isinstance(r, dict)}
    payloads = {}
    for exercise in catalog.exercises:
        result = by_id.get(exercise.id)
        if result is None:
            status, score, message = "error", 0.0, "채점 결과가 없습니다: 'learn check --all --json'이 실패했습니다 (작업 흐름 로그를 보세요)."
        else:
            typed = with_weak_flags(ExerciseResult.from_json(result), exercise)
            passed, total = typed.counts
            score = ExerciseGrade(exercise.id, exercise.points, typed).points
            status = "pass" if typed.passed else "fail"
            message = (typed.load_failure.message if typed.load_failure else _failures(typed)) or f"{passed}/{total}개 검사 통과"
        payloads[runner_id(exercise)] = {
            "version": 1, "status": status, "max_score": exercise.points,
            "tests": [{"name": f"{exercise.id} {exercise.title}", "status": status, "score": score,
                       "message": message, "test_code": f"learn check {exercise.id}"}],
        }
    return payloads


def with_weak_flags(result: ExerciseResult, exercise: Exercise) -> ExerciseResult:
    """Mark the tests a trivial implementation passes too, as `learn grade` does, so identity,
    zeros, ones or a constant earn no points here either. `learn check` leaves them unmarked
    (finding them runs the checks once per trivial implementation); this step pays that once
    per exercise with a passed test, with the seed the check used."""
    if not any(test.passed for test in result.tests):
        return result
    weak = weak_tests([exercise], {exercise.id: load_reference(exercise)}, result.seed)[exercise.id]
    return dataclasses.replace(result, tests=[dataclasses.replace(t, weak=t.name in weak) for t in result.tests])


def _failures(result: ExerciseResult) -> str:
    return "\n\n".join(f"✗ {test.title}\n{test.message}".strip() for test in result.failed_tests[:3])


def github_output(payloads: dict[str, dict[str, Any]]) -> str:
    lines = []
    for runner, payload in payloads.items():
        encoded = base64.b64encode(json.dumps(payload, ensure_ascii=False).encode("utf-8")).decode("ascii")
        lines.append(f"{runner}={encoded}")
    return "\n".join(lines) + "\n"


def write_classroom(out: Path, wheel: Path | None = None, *, force: bool = False) -> list[Path]:
    """Make `out` the starter repository (see the module docstring); return the files written."""
    from grader.grading.packaging import course_wheel
    from grader.learner.workspace import MARKER, init_workspace

    catalog = load_catalog()
    written: list[Path] = []
    if not (out / MARKER).is_dir():
        if out.exists() and (not out.is_dir() or any(out.iterdir())):
            raise ClassroomError(f"{out}은(는) 비어 있지 않고 learn 작업 공간도 아닙니다. 빈 폴더나 새 폴더 이름을 주세요.")
        workspace = init_workspace(out, [e.filename for e in catalog.exercises])
        written += sorted(workspace.exercises_dir.iterdir())
    if (out / WORKFLOW).exists() and not force:
        raise ClassroomError(f"{out / WORKFLOW}이(가) 이미 있습니다. 덮어쓰려면 --force를 붙이세요.")
    for name, text in ((Path(".learn/README.md"), LEARN_README), (Path(".gitignore"), GITIGNORE)):
        if not (out / name).exists():
            (out / name).write_text(text, encoding="utf-8")
            written.append(out / name)
    wheel_dir = out / WHEEL_DIR
    if wheel_dir.is_dir():
        shutil.rmtree(wheel_dir)  # an older course wheel must not linger beside the new one
    wheel_dir.mkdir(parents=True)
    with tempfile.TemporaryDirectory(prefix="learn-classroom-") as folder:
        wheel = wheel or course_wheel(Path(folder))
        shutil.copyfile(wheel, wheel_dir / wheel.name)
    (out / WORKFLOW).parent.mkdir(parents=True, exist_ok=True)
    (out / WORKFLOW).write_text(workflow_yaml(catalog, wheel.name), encoding="utf-8")
    return [*written, wheel_dir / wheel.name, out / WORKFLOW]


def main(argv: list[str]) -> int:
    """`python -m grader.grading.classroom RESULTS.json`: print the reporter's step outputs."""
    if len(argv) != 1:
        print("사용법: python -m grader.grading.classroom learn-results.json", file=sys.stderr)
        return 2
    try:
        check = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        print(f"채점 결과를 읽지 못했습니다: {error}", file=sys.stderr)
        check = None
    sys.stdout.write(github_output(reporter_results(check, load_catalog())))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
