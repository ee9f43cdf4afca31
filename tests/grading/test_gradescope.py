"""The Gradescope autograder zip: setup.sh installs the bundled wheel, run_autograder grades one
submission into results.json. The end-to-end run against an installed wheel (setup.sh for real,
then a correct, a partial and an empty submission) is in tests/install/test_gradescope_installed.py."""

import json
import os
import shutil
import stat
import subprocess
import sys
import zipfile

import pytest

from grader.course.authoring import wrong_implementations
from grader.course.catalog import load_catalog
from grader.course.content import CONTENT_ROOT
from grader.grading.gradescope import SETUP_SH


@pytest.fixture(scope="module")
def autograder_zip(tmp_path_factory):
    """`learn gradescope-autograder` from this checkout (it builds the wheel: once per module)."""
    folder = tmp_path_factory.mktemp("gradescope")
    made = subprocess.run([sys.executable, "-m", "grader", "gradescope-autograder", "--out", "autograder.zip"],
                          cwd=folder, capture_output=True, text=True, timeout=600)
    assert made.returncode == 0, made.stderr
    assert "autograder.zip를 만들었습니다" in made.stdout
    return folder / "autograder.zip"


def test_autograder_zip_holds_scripts_and_the_course_wheel(autograder_zip, tmp_path):
    with zipfile.ZipFile(autograder_zip) as archive:
        names = set(archive.namelist())
        (wheel,) = [n for n in names if n.endswith(".whl")]
        assert names == {"setup.sh", "run_autograder", wheel}
        assert wheel.startswith("learn_ml_concepts-") and wheel.endswith("-py3-none-any.whl")
        for script in ("setup.sh", "run_autograder"):
            assert archive.getinfo(script).external_attr >> 16 & stat.S_IXUSR
        setup = archive.read("setup.sh").decode()
        assert f'"$SOURCE"/{wheel}' in setup and '"$ROOT/venv"' in setup
        archive.extract(wheel, tmp_path)
    with zipfile.ZipFile(tmp_path / wheel) as built:
        inside = set(built.namelist())
    assert {"grader/cli.py", "grader/checks/check_03_threshold.py", "grader/_course/solutions/03_threshold.py",
            "grader/_course/exercises/03_threshold.py", "grader/_course/mkdocs.yml"} <= inside


def test_setup_script_installs_with_pip_into_the_root_venv():
    lines = [line for line in SETUP_SH.splitlines() if "pip install" in line]
    assert lines and all(line.startswith('"$ROOT/venv/bin/python" -m pip install') for line in lines)
    assert 'ROOT="${AUTOGRADER_ROOT:-/autograder}"' in SETUP_SH


def test_run_autograder_grades_one_submission_into_results_json(autograder_zip, tmp_path):
    """run_autograder against this checkout's Python (LEARN_PYTHON), no install needed."""
    root = tmp_path / "autograder"
    with zipfile.ZipFile(autograder_zip) as archive:
        archive.extract("run_autograder", root)
    (root / "submission").mkdir()
    shutil.copyfile(CONTENT_ROOT / "solutions" / "03_threshold.py", root / "submission" / "03_threshold.py")
    summed = next(w for w in wrong_implementations("01_mse") if w.name == "sum")
    (root / "submission" / "01_mse.py").write_text(summed.source, encoding="utf-8")
    env = {**os.environ, "AUTOGRADER_ROOT": str(root), "LEARN_PYTHON": sys.executable}
    subprocess.run(["bash", str(root / "run_autograder")], env=env, check=True, capture_output=True, timeout=600)
    results = json.loads((root / "results" / "results.json").read_text(encoding="utf-8"))
    tests = {t["name"].split()[0]: t for t in results["tests"]}
    assert len(tests) == len(load_catalog().exercises)
    assert tests["03_threshold"]["score"] == tests["03_threshold"]["max_score"] == 10
    assert 0 < tests["01_mse"]["score"] < 10 and "흔한 실수" in tests["01_mse"]["output"]
    assert tests["02_sensitivity"]["output"] == "제출하지 않았습니다."
    assert results["score"] == round(sum(t["score"] for t in results["tests"]), 2)


def test_run_autograder_writes_results_json_even_when_grading_cannot_start(tmp_path):
    root = tmp_path / "autograder"
    (root / "submission").mkdir(parents=True)
    from grader.grading.gradescope import RUN_AUTOGRADER

    (root / "run_autograder").write_text(RUN_AUTOGRADER, encoding="utf-8")
    env = {**os.environ, "AUTOGRADER_ROOT": str(root), "LEARN_PYTHON": str(tmp_path / "no-python")}
    done = subprocess.run(["bash", str(root / "run_autograder")], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    results = json.loads((root / "results" / "results.json").read_text(encoding="utf-8"))
    assert results["score"] == 0 and "채점하지 못했습니다" in results["output"]
