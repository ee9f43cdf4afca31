"""Stubs are generated from the solutions' `# BEGIN SOLUTION` markers and never drift."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from grader.course.catalog import load_catalog
from grader.course.content import EXERCISES_DIR, SOLUTIONS_DIR
from grader.course.stubs import TODO, MarkerError, make_stub, sync_stubs, without_markers

SOLUTION = '''"""과제 설명"""

import numpy as np


# BEGIN SOLUTION
def _helper(x):
    return x * 2
# END SOLUTION


def double(x: np.ndarray) -> np.ndarray:
    """두 배로 만듭니다."""
    # BEGIN SOLUTION
    return _helper(np.asarray(x))
    # END SOLUTION
'''


def test_function_body_becomes_todo_and_module_helper_is_dropped():
    assert make_stub(SOLUTION) == (
        '"""과제 설명"""\n\nimport numpy as np\n\n\n'
        'def double(x: np.ndarray) -> np.ndarray:\n    """두 배로 만듭니다."""\n'
        f"    {TODO}\n    raise NotImplementedError\n"
    )


@pytest.mark.parametrize("text, line", [
    ("# BEGIN SOLUTION\n# BEGIN SOLUTION\n", 2),
    ("x = 1\n# END SOLUTION\n", 2),
    ("def f():\n    # BEGIN SOLUTION\n    return 1\n", 2),
])
def test_unbalanced_markers_name_the_line(text, line):
    with pytest.raises(MarkerError, match=f"{line}번째 줄"):
        make_stub(text, "solutions/x.py")


def test_learner_reads_the_solution_without_markers():
    shown = without_markers(SOLUTION)
    assert "BEGIN SOLUTION" not in shown and "END SOLUTION" not in shown
    assert "return _helper(np.asarray(x))" in shown


def test_every_shipped_stub_is_generated_from_its_solution():
    names = [exercise.filename for exercise in load_catalog().exercises]
    assert sync_stubs(SOLUTIONS_DIR, EXERCISES_DIR, names, write=False) == []


def test_dev_stubs_check_fails_on_drift_and_rewrites_without_check(tmp_path: Path):
    for folder in ("solutions", "exercises"):
        (tmp_path / folder).mkdir()
        shutil.copyfile((SOLUTIONS_DIR if folder == "solutions" else EXERCISES_DIR) / "03_threshold.py",
                        tmp_path / folder / "03_threshold.py")
    stub = tmp_path / "exercises" / "03_threshold.py"
    stub.write_text(stub.read_text(encoding="utf-8") + "# 손으로 고친 줄\n", encoding="utf-8")
    drifted = sync_stubs(tmp_path / "solutions", tmp_path / "exercises", ["03_threshold.py"], write=False)
    assert [d.filename for d in drifted] == ["03_threshold.py"]
    assert "손으로 고친 줄" in stub.read_text(encoding="utf-8")  # --check never writes
    sync_stubs(tmp_path / "solutions", tmp_path / "exercises", ["03_threshold.py"], write=True)
    assert stub.read_text(encoding="utf-8") == (EXERCISES_DIR / "03_threshold.py").read_text(encoding="utf-8")


def test_cli_dev_stubs_check_exit_codes(learn, tmp_path: Path):
    result = learn("dev", "stubs", "--check", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"스텁 {len(load_catalog().exercises)}개를 확인했습니다" in result.stdout
