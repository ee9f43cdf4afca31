"""Where content is found (checkout or installed package), and workspace creation that never
leaves half a workspace behind. Fast: no wheel is built here."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from grader.course import content
from grader.course.catalog import load_catalog
from grader.learner import workspace as workspace_module
from grader.learner.progress import ProgressStore
from grader.learner.session import pristine_stub, reset_exercise
from grader.learner.workspace import Workspace, WorkspaceError, init_workspace

CATALOG = load_catalog()


def test_this_checkout_is_an_editable_install_reading_the_repository():
    assert content.INSTALLED is False and content.SOURCE_CHECKOUT == content.CONTENT_ROOT
    assert (content.CONTENT_ROOT / "pyproject.toml").is_file() and content.MKDOCS_CONFIG.is_file()


def test_paths_in_mkdocs_yml_map_onto_the_layout():
    assert content.repository_path("grader/docs_site/math_hook.py") == content.PACKAGE_ROOT / "docs_site" / "math_hook.py"
    assert content.repository_path("quizzes") == content.QUIZ_DIR
    assert content.repository_path("site") == content.SITE_DIR
    assert content.repository_path("grader/docs_site/math_hook.py").is_file()


def test_a_failed_init_leaves_nothing_behind(tmp_path, monkeypatch):
    calls = []
    real = shutil.copyfile

    def flaky(source, target, *args, **kwargs):
        calls.append(source)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real(source, target, *args, **kwargs)

    monkeypatch.setattr(workspace_module.shutil, "copyfile", flaky)
    with pytest.raises(WorkspaceError, match="만들지 못했습니다"):
        init_workspace(tmp_path / "ws", [e.filename for e in CATALOG.exercises])
    assert list(tmp_path.iterdir()) == []


def test_init_into_an_existing_empty_folder(tmp_path):
    (tmp_path / "ws").mkdir()
    made = init_workspace(tmp_path / "ws", [e.filename for e in CATALOG.exercises])
    assert made.root == (tmp_path / "ws").resolve() and (tmp_path / "ws" / ".learn").is_dir()
    assert len(list((tmp_path / "ws" / "exercises").iterdir())) == len(CATALOG.exercises)


def test_reset_in_a_clone_uses_git_head_elsewhere_the_packaged_stub(tmp_path):
    exercise = CATALOG.resolve("03")
    clone = tmp_path / "clone"
    (clone / "exercises").mkdir(parents=True)
    (clone / ".learn").mkdir()
    (clone / "grader" / "course").mkdir(parents=True)
    (clone / "grader" / "course" / "catalog.toml").write_text("", encoding="utf-8")
    (clone / "exercises" / exercise.filename).write_text("# committed stub\n", encoding="utf-8")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com"]
    subprocess.run([*git, "init", "-q"], cwd=clone, check=True)
    subprocess.run([*git, "add", "."], cwd=clone, check=True)
    subprocess.run([*git, "commit", "-qm", "stub"], cwd=clone, check=True)
    assert pristine_stub(Workspace(clone), exercise) == "# committed stub\n"

    plain = init_workspace(tmp_path / "plain", [exercise.filename])
    (plain.exercises_dir / exercise.filename).write_text("mine", encoding="utf-8")
    backup = reset_exercise(plain, ProgressStore(plain.progress_path), exercise)
    assert backup is not None and backup.read_text(encoding="utf-8") == "mine"
    assert (plain.exercises_dir / exercise.filename).read_text(encoding="utf-8") == content.stub_path(exercise.filename).read_text(encoding="utf-8")
