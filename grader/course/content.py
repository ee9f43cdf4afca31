"""Where the course's files live: stubs, reference solutions, checks, quizzes and the notes site.

This is the only module that knows the location of the content, so that moving the content
(for example into the installed package) changes one file. In a clone of the repository the
content is the repository's top-level folders beside the `grader` package.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parent.parent
CONTENT_ROOT = PACKAGE_ROOT.parent
CHECKS_DIR = PACKAGE_ROOT / "checks"
EXERCISES_DIR = CONTENT_ROOT / "exercises"
SOLUTIONS_DIR = CONTENT_ROOT / "solutions"
QUIZ_DIR = CONTENT_ROOT / "quizzes"
MKDOCS_CONFIG = CONTENT_ROOT / "mkdocs.yml"


def stub_path(filename: str) -> Path:
    """The shipped stub a learner starts from."""
    return EXERCISES_DIR / filename


def solution_path(filename: str) -> Path:
    """The trusted reference solution: the only source of "correct"."""
    return SOLUTIONS_DIR / filename
