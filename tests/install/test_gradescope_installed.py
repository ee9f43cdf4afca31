"""Gradescope end to end from the built zip: setup.sh installed the bundled wheel into
$AUTOGRADER_ROOT/venv (the session fixture); run_autograder grades a correct, a partial and an
empty submission with that installation and writes results/results.json per Gradescope's spec."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from grader.course.authoring import wrong_implementations
from grader.course.catalog import load_catalog

CHECKOUT = Path(__file__).resolve().parents[2]
CATALOG = load_catalog()
MAX_TOTAL = sum(e.points for e in CATALOG.exercises)


def correct(submission: Path) -> None:
    for exercise in CATALOG.exercises:
        shutil.copyfile(CHECKOUT / "solutions" / exercise.filename, submission / exercise.filename)


def partial(submission: Path) -> None:
    shutil.copyfile(CHECKOUT / "solutions" / "03_threshold.py", submission / "03_threshold.py")
    summed = next(w for w in wrong_implementations("01_mse") if w.name == "sum")
    (submission / "01_mse.py").write_text(summed.source, encoding="utf-8")


def empty(submission: Path) -> None:
    pass


@pytest.mark.parametrize("fill", [correct, partial, empty], ids=lambda f: f.__name__)
def test_run_autograder_end_to_end(installed, fill):
    root = installed.root
    shutil.rmtree(root / "submission", ignore_errors=True)
    shutil.rmtree(root / "results", ignore_errors=True)
    (root / "submission").mkdir()
    fill(root / "submission")
    started = time.perf_counter()
    done = subprocess.run([str(root / "source" / "run_autograder")], cwd=root, env=installed.env(),
                          capture_output=True, text=True, timeout=600)
    seconds = time.perf_counter() - started
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads((root / "results" / "results.json").read_text(encoding="utf-8"))

    # Gradescope's results.json: top-level score and tests with name/score/max_score/output.
    assert set(results) >= {"score", "tests", "output", "visibility"}
    assert all(set(t) >= {"name", "score", "max_score", "output", "visibility"} for t in results["tests"])
    tests = {t["name"].split()[0]: t for t in results["tests"]}
    assert set(tests) == {e.id for e in CATALOG.exercises}
    assert sum(t["max_score"] for t in results["tests"]) == MAX_TOTAL
    if fill is correct:
        assert results["score"] == MAX_TOTAL
    elif fill is partial:
        assert tests["03_threshold"]["score"] == tests["03_threshold"]["max_score"]
        assert 0 < tests["01_mse"]["score"] < tests["01_mse"]["max_score"] and "흔한 실수" in tests["01_mse"]["output"]
        assert tests["02_sensitivity"]["output"] == "제출하지 않았습니다."
        assert 0 < results["score"] < MAX_TOTAL
    else:
        assert results["score"] == 0 and all(t["output"] == "제출하지 않았습니다." for t in results["tests"])
    print(f"run_autograder ({fill.__name__}): {seconds:.1f}s")


def test_installed_learn_packs_its_own_wheel_into_the_autograder_zip(installed, outside):
    """`learn gradescope-autograder` from a pipx/wheel install (no checkout) repacks the
    installed files: the same package files as the wheel built from the checkout."""
    made = installed.learn("gradescope-autograder", "--out", str(outside / "again.zip"), cwd=outside)
    assert made.returncode == 0, made.stderr
    import zipfile

    with zipfile.ZipFile(outside / "again.zip") as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(".whl")]
        archive.extract(name, outside)
    with zipfile.ZipFile(outside / name) as repacked, zipfile.ZipFile(installed.wheel) as built:
        package = lambda archive: {i.filename: archive.read(i) for i in archive.infolist()  # noqa: E731
                                   if not i.filename.endswith("/RECORD")}
        assert package(repacked) == package(built)
        assert name == installed.wheel.name
