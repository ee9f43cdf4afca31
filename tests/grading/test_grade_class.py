"""`learn grade` on a class with honest, partly wrong, broken and hostile students in one run."""

import csv
import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest

from grader.course.authoring import wrong_implementations
from grader.course.catalog import load_catalog
from grader.course.content import CONTENT_ROOT

HOSTILE = sorted(Path(__file__).with_name("hostile").glob("*.py"))
EXERCISES = load_catalog().exercises
PLANTED = [Path("/tmp/learn-hostile-was-here"), Path("/tmp/learn-hostile-pickle")]


def rows(out: Path) -> dict[str, dict[str, str]]:
    return {row["student"]: row for row in csv.DictReader(io.StringIO((out / "grades.csv").read_text(encoding="utf-8")))}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    root = tmp_path_factory.mktemp("class")
    submissions = root / "submissions"
    (submissions / "alice").mkdir(parents=True)
    for exercise in EXERCISES:
        shutil.copyfile(CONTENT_ROOT / "solutions" / exercise.filename, submissions / "alice" / exercise.filename)
    (submissions / "bob").mkdir()
    shutil.copyfile(CONTENT_ROOT / "solutions" / "01_mse.py", submissions / "bob" / "01_mse.py")
    strict = next(w for w in wrong_implementations("03_threshold") if w.name == "strict")
    (submissions / "bob" / "03_threshold.py").write_text(strict.source, encoding="utf-8")
    (submissions / "carol").mkdir()
    (submissions / "carol" / "03_threshold.py").write_text("def apply_threshold(p, t=0.5):\n    return (\n", encoding="utf-8")
    with zipfile.ZipFile(submissions / "dave.zip", "w") as archive:
        archive.write(CONTENT_ROOT / "solutions" / "03_threshold.py", "homework/03_threshold.py")
    for path in HOSTILE:
        (submissions / f"hostile_{path.stem}").mkdir()
        shutil.copyfile(path, submissions / f"hostile_{path.stem}" / "03_threshold.py")
    with zipfile.ZipFile(submissions / "zipslip.zip", "w") as archive:
        archive.writestr("../../escaped/03_threshold.py", "x = 1\n")
    with zipfile.ZipFile(submissions / "symlinked.zip", "w") as archive:
        link = zipfile.ZipInfo("03_threshold.py")
        link.external_attr = (0o120777 << 16)
        archive.writestr(link, "../../solutions/03_threshold.py")
    for planted in PLANTED:
        planted.unlink(missing_ok=True)
    out = root / "out"
    return submissions, out


@pytest.fixture(scope="module")
def first_run(graded):
    from subprocess import run
    import sys
    submissions, out = graded
    result = run([sys.executable, "-m", "grader", "grade", str(submissions), "--out", str(out), "--timeout", "1",
                  "--jobs", "2", "--seed", "11"], capture_output=True, text=True, timeout=900)
    return result, rows(out) if (out / "grades.csv").exists() else {}


def test_exit_0_and_one_row_per_student(first_run, graded):
    result, table = first_run
    assert result.returncode == 0, result.stderr[-3000:]
    assert len(table) == 4 + len(HOSTILE) + 2
    assert list(next(iter(table.values())).keys()) == ["student", "lms_id", *[e.id for e in EXERCISES], "total", "max_total", "status"]


def test_honest_students_are_graded_right(first_run):
    _, table = first_run
    assert table["alice"]["total"] == table["alice"]["max_total"] == f"{sum(e.points for e in EXERCISES):.2f}"
    assert table["bob"]["01_mse"] == "10.00"
    assert 0 < float(table["bob"]["03_threshold"]) < 10
    assert table["dave"]["03_threshold"] == "10.00"
    assert table["carol"]["03_threshold"] == "0.00" and "2번째 줄에 문법 오류" in table["carol"]["status"]


@pytest.mark.parametrize("path", HOSTILE, ids=lambda p: p.stem)
def test_every_hostile_submission_scores_zero(first_run, path):
    _, table = first_run
    assert table[f"hostile_{path.stem}"]["03_threshold"] == "0.00"
    assert table[f"hostile_{path.stem}"]["total"] == "0.00"


def test_unsafe_archives_are_refused_with_a_reason(first_run):
    _, table = first_run
    assert table["zipslip"]["status"].startswith("거부:") and "폴더 밖" in table["zipslip"]["status"]
    assert table["symlinked"]["status"].startswith("거부:") and "링크" in table["symlinked"]["status"]


def test_nothing_escaped_the_sandbox(first_run):
    for planted in PLANTED:
        assert not planted.exists(), planted


def test_reports_exist_and_say_what_failed(first_run, graded):
    _, out = graded
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    bob = next(s for s in results["students"] if s["student"] == "bob")
    assert bob["exercises"]["03_threshold"]["mistakes"]  # compact by default: named mistakes by id
    full = json.loads((out / "students" / "bob.json").read_text(encoding="utf-8"))
    failed = [t for t in full["exercises"]["03_threshold"]["result"]["tests"] if t["status"] == "failed"]
    assert failed and any("흔한 실수" in t["message"] for t in failed)
    assert any(t["verdict"] and t["verdict"]["mistakes"] for t in failed)
    page = (out / "feedback" / "bob.html").read_text(encoding="utf-8")
    assert "bob 채점 결과" in page and "흔한 실수" in page
    assert "def apply_threshold" not in page  # no reference code
    summary = (out / "summary.html").read_text(encoding="utf-8")
    assert summary.count("<svg") == 2 and "가장 흔한 오개념" in summary
    assert results["isolation"]


def test_same_seed_gives_identical_grades_and_resume_skips(first_run, graded, tmp_path):
    import subprocess
    import sys
    submissions, out = graded
    before = (out / "grades.csv").read_bytes()
    stamp = (out / "students" / "alice.json").stat().st_mtime_ns
    again = subprocess.run([sys.executable, "-m", "grader", "grade", str(submissions), "--out", str(out), "--seed", "11",
                            "--timeout", "1"], capture_output=True, text=True, timeout=600)
    assert again.returncode == 0
    assert (out / "students" / "alice.json").stat().st_mtime_ns == stamp  # resumed: not graded again
    assert (out / "grades.csv").read_bytes() == before
    fresh_out = tmp_path / "fresh"
    subset = tmp_path / "subset"
    for name in ("alice", "bob", "carol", "dave.zip"):
        source = submissions / name
        shutil.copytree(source, subset / name) if source.is_dir() else (subset.mkdir(exist_ok=True), shutil.copy(source, subset))
    for run_out in (fresh_out, tmp_path / "fresh2"):
        subprocess.run([sys.executable, "-m", "grader", "grade", str(subset), "--out", str(run_out), "--seed", "11"],
                       capture_output=True, text=True, timeout=600, check=True)
    assert (fresh_out / "grades.csv").read_bytes() == (tmp_path / "fresh2" / "grades.csv").read_bytes()
    subset_rows = rows(fresh_out)
    assert {k: subset_rows[k] for k in subset_rows} == {k: rows(out)[k] for k in subset_rows}
