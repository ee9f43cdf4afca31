"""Export to Gradescope, for a course that outgrows one machine.

`results_json(state)` turns one student's grading state into Gradescope's results.json;
`build_autograder(zip_path)` writes an autograder zip whose `run_autograder` grades the one
submission with the same sandboxed `learn grade` and converts the result. The zip carries this
project's source, so the checks and references are exactly the ones used here.
"""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path
from typing import Any

from grader.course.catalog import load_catalog
from grader.engine.results import StudentResult
from grader.course.content import CONTENT_ROOT

SOURCE_PARTS = ("grader", "solutions", "exercises", "quizzes", "pyproject.toml", "README.md")

SETUP_SH = """#!/usr/bin/env bash
# Gradescope runs this once when the autograder image is built.
set -euo pipefail
apt-get update
apt-get install -y python3.11 python3.11-venv
python3.11 -m venv /autograder/venv
/autograder/venv/bin/pip install --upgrade pip
/autograder/venv/bin/pip install /autograder/source/learn
"""

RUN_AUTOGRADER = """#!/usr/bin/env bash
# Gradescope runs this for every submission: grade it as a class of one, in the sandbox.
set -euo pipefail
ROOT="${AUTOGRADER_ROOT:-/autograder}"
PYTHON="${LEARN_PYTHON:-$ROOT/venv/bin/python}"
CLASS="$(mktemp -d)"
mkdir -p "$CLASS/submissions" "$ROOT/results"
cp -r "$ROOT/submission" "$CLASS/submissions/submission"
"$PYTHON" -m grader grade "$CLASS/submissions" --out "$CLASS/out" --seed "${LEARN_SEED:-0}" --jobs 1
cp "$CLASS/out/gradescope/submission/results.json" "$ROOT/results/results.json"
"""


def results_json(state: StudentResult) -> dict[str, Any]:
    """One test per exercise, worth its points, with the Korean failure messages as output."""
    titles = {e.id: e.title for e in load_catalog().exercises}
    tests = []
    for exercise_id, grade in sorted(state.exercises.items()):
        if grade.result is None:
            output = "제출하지 않았습니다."
        else:
            passed, total = grade.result.counts
            failures = [f"✗ {t.title}\n{t.message}" for t in grade.result.failed_tests]
            if grade.result.load_failure is not None:
                failures.insert(0, grade.result.load_failure.message)
            output = f"{passed}/{total}개 검사 통과" + ("\n\n" + "\n\n".join(failures) if failures else "")
        tests.append({"name": f"{exercise_id} {titles.get(exercise_id, '')}".strip(), "score": grade.points,
                      "max_score": grade.max_points, "output": output, "visibility": "visible"})
    return {"score": state.total, "max_score": state.max_total, "output": f"상태: {state.status}",
            "tests": tests, "visibility": "visible"}


def build_autograder(target: Path) -> list[str]:
    """Write the autograder zip; return the names it holds."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        _add_script(archive, "setup.sh", SETUP_SH)
        _add_script(archive, "run_autograder", RUN_AUTOGRADER)
        for part in SOURCE_PARTS:
            path = CONTENT_ROOT / part
            files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
            for file in files:
                if "__pycache__" in file.parts or file.suffix == ".pyc":
                    continue
                archive.write(file, f"learn/{file.relative_to(CONTENT_ROOT).as_posix()}")
        return archive.namelist()


def _add_script(archive: zipfile.ZipFile, name: str, text: str) -> None:
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFREG | 0o755) << 16
    archive.writestr(info, text)
