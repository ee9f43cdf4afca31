"""Notebooks for the exercises: `learn notebook 03` and `learn init --notebooks`.

Each notebook is `WORKSPACE/notebooks/<id>.ipynb`: a short Korean introduction linking to the
concept note, the stub as a code cell, and a cell that runs the same check as `learn check`.
"""

from __future__ import annotations

import os
from pathlib import Path

from grader.course.catalog import Catalog, Exercise
from grader.course.content import stub_path
from grader.errors import LearnError
from grader.learner.workspace import Workspace

# Where `learn docs` serves the notes; LEARN_DOCS_URL points the links at a published copy.
DEFAULT_DOCS_URL = "http://127.0.0.1:8000/"


class NotebookExists(LearnError):
    """A notebook is already there: it may hold the learner's work, so it is never overwritten."""


def docs_url() -> str:
    return os.environ.get("LEARN_DOCS_URL", DEFAULT_DOCS_URL).rstrip("/") + "/"


def exercise_notebook(catalog: Catalog, exercise: Exercise):  # -> nbformat.NotebookNode
    import nbformat
    from nbformat import v4

    section = catalog.section(exercise.section)
    functions = ", ".join(f"`{name}`" for name in exercise.functions)
    intro = "\n".join([
        f"# {exercise.id} {exercise.title}",
        "",
        f"이 노트북에서 {functions}을(를) numpy로 직접 구현합니다.",
        f"먼저 개념 노트 [{section.title}]({docs_url()}concepts/{section.slug}/)를 읽어 보세요 "
        "(`learn docs`를 실행하면 이 주소에서 열립니다).",
        "",
        "1. 첫 코드 셀을 실행해 채점 도구를 불러옵니다.",
        "2. 함수 셀의 `# TODO`를 채우고 실행합니다 (Shift+Enter).",
        f"3. 마지막 셀을 실행하면 `learn check {exercise.id}`와 같은 검사로 채점합니다. "
        f"막히면 터미널에서 `learn hint {exercise.id}`.",
    ])
    setup = "\n".join([
        "# Colab처럼 learn이 설치되지 않은 곳이라면 먼저 설치하세요:",
        "# %pip install learn_ml_concepts-<버전>-py3-none-any.whl   (또는 저장소 주소)",
        "from grader.notebook import check",
    ])
    notebook = v4.new_notebook(
        cells=[
            v4.new_markdown_cell(intro),
            v4.new_code_cell(setup),
            v4.new_code_cell(stub_path(exercise.filename).read_text(encoding="utf-8").strip()),
            v4.new_code_cell(f'check("{exercise.id}")'),
        ],
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "language_info": {"name": "python"},
            "learn": {"exercise": exercise.id},
        },
    )
    nbformat.validate(notebook)
    return notebook


def notebook_path(workspace: Workspace, exercise: Exercise) -> Path:
    return workspace.notebooks_dir / f"{exercise.id}.ipynb"


def write_notebook(workspace: Workspace, catalog: Catalog, exercise: Exercise, *, force: bool = False) -> Path:
    """Write the exercise's notebook into the workspace; an existing one is kept unless `force`."""
    import nbformat

    path = notebook_path(workspace, exercise)
    if path.exists() and not force:
        raise NotebookExists(
            f"{workspace.display(path)}이(가) 이미 있습니다 (작업한 내용일 수 있어 덮어쓰지 않습니다). "
            "새로 만들려면 --force를 붙이세요."
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    nbformat.write(exercise_notebook(catalog, exercise), str(temporary))
    temporary.replace(path)
    return path


def write_notebooks(workspace: Workspace, catalog: Catalog) -> list[Path]:
    """A notebook for every exercise that has none yet (existing ones are left alone)."""
    return [write_notebook(workspace, catalog, exercise) for exercise in catalog.exercises
            if not notebook_path(workspace, exercise).exists()]
