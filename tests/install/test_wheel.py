"""The wheel carries the course, and a learner's whole flow works from a plain (non-editable)
install, run from a folder outside the checkout."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

from grader.course.catalog import load_catalog
from grader.course.content import BUILD_SOURCES

CHECKOUT = Path(__file__).resolve().parents[2]

# Repository folders that the wheel maps to grader/_course/ (the rest of BUILD_SOURCES is build input).
COURSE_FOLDERS = ("exercises", "solutions", "quizzes", "site")


def tracked(*paths: str) -> set[str]:
    listed = subprocess.run(["git", "ls-files", "-z", *paths], cwd=CHECKOUT, capture_output=True, text=True, check=True)
    return {name for name in listed.stdout.split("\0") if name}


def test_the_wheel_holds_every_package_and_course_file(installed):
    with zipfile.ZipFile(installed.wheel) as archive:
        names = set(archive.namelist())
        metadata = archive.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    expected = {f"grader/_course/{name}" for name in tracked(*COURSE_FOLDERS)} | {"grader/_course/mkdocs.yml"}
    expected |= {name for name in tracked("grader") if "/__pycache__/" not in name}
    assert expected - names == set(), "missing from the wheel (add them to pyproject.toml's packages/package-data)"
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc") or n.startswith(("tests/", "benchmarks/"))]
    assert "License-Expression: MIT" in metadata
    assert set(BUILD_SOURCES) <= set(tracked(*BUILD_SOURCES)) | {p.split("/")[0] for p in tracked(*BUILD_SOURCES)}


def test_the_build_itself_is_quiet_about_deprecations(tmp_path):
    """No setuptools deprecation (the license table) or 'package would be ignored' warnings."""
    copy = tmp_path / "src"
    for name in BUILD_SOURCES:
        source = CHECKOUT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            copy.mkdir(exist_ok=True)
            shutil.copy2(source, copy / name)
    result = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(tmp_path / "dist"), str(copy)],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    log = result.stdout + result.stderr
    assert "SetuptoolsDeprecationWarning" not in log and "Package would be ignored" not in log, log[-3000:]


def test_installed_package_reads_its_content_from_site_packages(installed, outside):
    probe = subprocess.run(
        [str(installed.bin / "python"), "-c",
         "import grader.course.content as c; print(c.INSTALLED, c.SOURCE_CHECKOUT, c.CONTENT_ROOT)"],
        cwd=outside, env=installed.env(), capture_output=True, text=True, check=True,
    )
    flag, checkout, root = probe.stdout.split()
    assert (flag, checkout) == ("True", "None") and "site-packages/grader/_course" in root


def test_learner_flow_from_outside_the_checkout(installed, outside):
    learn = installed.learn
    version = tomllib.loads((CHECKOUT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert learn("--version", cwd=outside).stdout.strip() == f"learn {version}"

    made = learn("init", str(outside / "ml"), cwd=outside)
    assert made.returncode == 0, made.stderr
    workspace = outside / "ml"
    stubs = sorted(p.name for p in (workspace / "exercises").iterdir())
    assert stubs == sorted(e.filename for e in load_catalog().exercises)

    failing = learn("check", "01_mse", cwd=workspace)
    assert failing.returncode == 1 and "아직 통과하지 못했습니다" in failing.stdout, failing.stderr
    shutil.copyfile(CHECKOUT / "solutions" / "01_mse.py", workspace / "exercises" / "01_mse.py")
    passing = learn("check", "1", "--json", cwd=workspace)
    assert passing.returncode == 0 and json.loads(passing.stdout)["passed"] is True, passing.stderr

    reset = learn("reset", "01", cwd=workspace)
    assert reset.returncode == 0, reset.stderr
    assert (workspace / "exercises" / "01_mse.py").read_text(encoding="utf-8") == (
        CHECKOUT / "exercises" / "01_mse.py").read_text(encoding="utf-8")
    assert list((workspace / ".learn" / "backups").iterdir())

    sheet = outside / "sheet.json"
    sheet.write_text(json.dumps({"student": "kim", "section": "threshold",
                                 "answers": {"threshold-lower-effect": "d"}}), encoding="utf-8")
    quiz = learn("quiz", "threshold", "--answers", str(sheet), "--json", cwd=workspace)
    assert quiz.returncode == 0, quiz.stderr
    graded = json.loads(quiz.stdout)
    assert graded["max_score"] >= 4 and any(r["question_id"] == "threshold-lower-effect" for r in graded["results"])

    docs = learn("docs", "--build", str(outside / "public"), cwd=workspace)
    assert docs.returncode == 0, docs.stderr[-3000:]
    note = (outside / "public" / "concepts" / "threshold" / "index.html").read_text(encoding="utf-8")
    assert "분류 결정 임계값" in note and "<math" in note
    assert list((outside / "public").rglob("*.svg")), "figures drawn from the packaged solutions"

    notebook = learn("notebook", "03", cwd=workspace)
    assert notebook.returncode == 0 and (workspace / "notebooks" / "03_threshold.ipynb").is_file(), notebook.stderr


def test_bad_input_gets_one_korean_line_and_a_usage_exit(installed, outside):
    (outside / "file.txt").write_text("x", encoding="utf-8")
    for args, expected in ((("check", "01"), "작업 공간을 찾을 수 없습니다"),
                           (("init", str(outside / "file.txt")), "파일입니다"),
                           (("notebook", "03"), "작업 공간을 찾을 수 없습니다")):
        result = installed.learn(*args, cwd=outside)
        assert result.returncode == 2 and expected in result.stderr and "Traceback" not in result.stderr, result.stderr
    (outside / "ws").mkdir()
    assert installed.learn("init", "ws", cwd=outside).returncode == 0
    unknown = installed.learn("check", "99", cwd=outside / "ws")
    assert unknown.returncode == 2 and "'99'라는 연습 문제는 없습니다" in unknown.stderr and "Traceback" not in unknown.stderr


def test_readme_starts_learners_with_a_regular_install_and_contributors_with_an_editable_one():
    import re

    blocks = re.findall(r"```bash\n(.*?)```", (CHECKOUT / "README.md").read_text(encoding="utf-8"), re.S)
    learner = blocks[0].strip()
    assert learner.startswith("python -m pip install . && learn init ") and " -e " not in learner
    assert any(line.startswith("pipx install ") and line.split()[2].endswith(".whl") for b in blocks for line in b.splitlines())
    assert "python -m pip install -e '.[test]' && python -m pytest" in blocks[2]
    ci = (CHECKOUT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python -m pip install -e '.[test]' && python -m pytest" in ci
