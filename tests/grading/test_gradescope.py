"""The Gradescope autograder zip, and its run_autograder grading one submission for real."""

import json
import os
import shutil
import stat
import subprocess
import sys
import zipfile

from grader.course.authoring import wrong_implementations
from grader.course.catalog import load_catalog
from grader.course.content import CONTENT_ROOT


def test_autograder_zip_holds_scripts_and_source(learn, tmp_path):
    result = learn("gradescope-autograder", "--out", str(tmp_path / "autograder.zip"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(tmp_path / "autograder.zip") as archive:
        names = set(archive.namelist())
        assert {"setup.sh", "run_autograder", "learn/pyproject.toml", "learn/grader/cli.py",
                "learn/solutions/03_threshold.py", "learn/grader/checks/check_03_threshold.py"} <= names
        mode = archive.getinfo("run_autograder").external_attr >> 16
        assert mode & stat.S_IXUSR
        assert not any("__pycache__" in name for name in names)


def test_run_autograder_grades_one_submission_into_results_json(learn, tmp_path):
    learn("gradescope-autograder", "--out", str(tmp_path / "autograder.zip"), cwd=tmp_path)
    root = tmp_path / "autograder"
    with zipfile.ZipFile(tmp_path / "autograder.zip") as archive:
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
