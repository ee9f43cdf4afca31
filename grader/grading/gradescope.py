"""Export to Gradescope, for a course that outgrows one machine.

`results_json(state)` turns one student's grading state into Gradescope's results.json;
`build_autograder(zip_path)` writes an autograder zip: `setup.sh` installs the course's wheel
(bundled in the zip, built from this checkout or packed again from this installation, so the
checks and references are exactly the ones used here) into a virtual environment, and
`run_autograder` grades the one submission with the same sandboxed `learn grade` and writes
`/autograder/results/results.json`.

Both scripts honour `AUTOGRADER_ROOT` (default `/autograder`) so a test can run them under
another folder; `run_autograder` also honours `LEARN_PYTHON` (default `$ROOT/venv/bin/python`).
"""

from __future__ import annotations

import stat
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from grader.course.catalog import load_catalog
from grader.engine.results import StudentResult

SETUP_SH = """#!/usr/bin/env bash
# Gradescope runs this once when the autograder image is built: install the course's wheel
# (bundled beside this script in the zip) into a virtual environment at $ROOT/venv.
set -euo pipefail
ROOT="${AUTOGRADER_ROOT:-/autograder}"
SOURCE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if ! command -v python3.11 >/dev/null 2>&1; then
  apt-get update
  apt-get install -y python3.11 python3.11-venv
fi
python3.11 -m venv "$ROOT/venv"
"$ROOT/venv/bin/python" -m pip install --upgrade pip
"$ROOT/venv/bin/python" -m pip install "$SOURCE"/WHEEL_NAME
"""

RUN_AUTOGRADER = """#!/usr/bin/env bash
# Gradescope runs this for every submission: grade it as a class of one, in the sandbox, and
# write $ROOT/results/results.json (also when grading itself fails, so the student sees why).
set -uo pipefail
ROOT="${AUTOGRADER_ROOT:-/autograder}"
PYTHON="${LEARN_PYTHON:-$ROOT/venv/bin/python}"
CLASS="$(mktemp -d)"
mkdir -p "$CLASS/submissions/submission" "$ROOT/results"
cp -r "$ROOT/submission/." "$CLASS/submissions/submission/" 2>/dev/null || true
if "$PYTHON" -m grader grade "$CLASS/submissions" --out "$CLASS/out" --seed "${LEARN_SEED:-0}" --jobs 1 \
    && [ -f "$CLASS/out/gradescope/submission/results.json" ]; then
  cp "$CLASS/out/gradescope/submission/results.json" "$ROOT/results/results.json"
else
  cat > "$ROOT/results/results.json" <<'JSON'
{"score": 0, "output": "채점기가 이 제출물을 채점하지 못했습니다. 강사에게 알려 주세요.", "visibility": "visible", "tests": []}
JSON
  echo "learn grade failed; wrote a results.json that says so." >&2
fi
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


def build_autograder(target: Path, wheel: Path | None = None) -> list[str]:
    """Write the autograder zip; return the names it holds. `wheel` is the course's wheel to
    bundle; by default it is made with `grader.grading.packaging.course_wheel`."""
    from grader.grading.packaging import course_wheel

    with tempfile.TemporaryDirectory(prefix="learn-autograder-") as folder:
        wheel = wheel or course_wheel(Path(folder))
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            _add_script(archive, "setup.sh", SETUP_SH.replace("WHEEL_NAME", wheel.name))
            _add_script(archive, "run_autograder", RUN_AUTOGRADER)
            archive.write(wheel, wheel.name, compress_type=zipfile.ZIP_STORED)  # already compressed
            return archive.namelist()


def _add_script(archive: zipfile.ZipFile, name: str, text: str) -> None:
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFREG | 0o755) << 16
    archive.writestr(info, text)
