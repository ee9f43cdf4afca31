"""Where the course's files live: stubs, reference solutions, checks, quizzes and the notes site.

This is the only module that knows the location of the content; every other module gets its
paths from here. The content is found with `importlib.resources`, in one of two layouts:

- **installed** (a wheel, `pip install .`, pipx, Colab, a Gradescope image): the build maps the
  repository's top-level folders into the package, so the content is `grader/_course/`
  (`exercises/`, `solutions/`, `quizzes/`, `site/`, `mkdocs.yml`) beside the checks in
  `grader/checks/`.
- **source checkout** (an editable install, for course authors): there is no `grader/_course/`;
  the content is the repository's own top-level folders beside the `grader` package, so an edit
  to a stub or a note is live at once.

`mkdocs.yml` names its hooks and watched files by paths relative to the repository root;
`repository_path` maps such a path onto either layout.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

COURSE_FOLDER = "_course"


def _package_root() -> Path:
    root = resources.files("grader")
    if not isinstance(root, Path):  # e.g. imported from a zip file: the checks need real files
        raise RuntimeError("learn은 압축 파일(zip) 안에서 실행할 수 없습니다. pip으로 설치해 주세요.")
    return root


PACKAGE_ROOT = _package_root()
_PACKAGED = PACKAGE_ROOT / COURSE_FOLDER

#: True when the content ships inside the installed package (not an editable install).
INSTALLED = _PACKAGED.is_dir()
#: The folder holding exercises/, solutions/, quizzes/, site/ and mkdocs.yml.
CONTENT_ROOT = _PACKAGED if INSTALLED else PACKAGE_ROOT.parent
#: The repository this package runs from (an editable install), or None when installed.
SOURCE_CHECKOUT: Path | None = None if INSTALLED else CONTENT_ROOT

CHECKS_DIR = PACKAGE_ROOT / "checks"
EXERCISES_DIR = CONTENT_ROOT / "exercises"
SOLUTIONS_DIR = CONTENT_ROOT / "solutions"
QUIZ_DIR = CONTENT_ROOT / "quizzes"
SITE_DIR = CONTENT_ROOT / "site"
MKDOCS_CONFIG = CONTENT_ROOT / "mkdocs.yml"

#: The repository's top-level entries a wheel is built from (see `grader.grading.packaging`).
BUILD_SOURCES = ("pyproject.toml", "README.md", "mkdocs.yml", "grader", "exercises", "solutions", "quizzes", "site")


def stub_path(filename: str) -> Path:
    """The shipped stub a learner starts from."""
    return EXERCISES_DIR / filename


def solution_path(filename: str) -> Path:
    """The trusted reference solution: the only source of "correct"."""
    return SOLUTIONS_DIR / filename


def repository_path(relative: str) -> Path:
    """Where a path written relative to the repository root (as in mkdocs.yml) is in this layout:
    `grader/...` is inside the package, everything else inside the course content."""
    parts = Path(relative).parts
    if parts[:1] == ("grader",):
        return PACKAGE_ROOT.joinpath(*parts[1:])
    return CONTENT_ROOT.joinpath(*parts)
