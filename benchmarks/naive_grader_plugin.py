"""The naive baseline of `grade_throughput.py`: what a homegrown grader does.

Loaded with `python -m pytest -p naive_grader_plugin`, it imports the student's files straight
into the pytest process (no isolation at all) and runs the same check modules against them.
STUDENT_DIR names the student's folder.
"""

import os
import zlib
from pathlib import Path

import numpy as np
import pytest

from grader.course.catalog import load_catalog
from grader.engine.runner import load_reference
from grader.engine.student import LoadError, ModuleStudent, StudentError, load_learner_module

CATALOG = {e.id: e for e in load_catalog().exercises}


class _Missing:
    def __init__(self, failure) -> None:
        self.failure = failure

    def call(self, function, args=(), kwargs=None):
        raise StudentError(self.failure)


def _exercise(request) -> str:
    return Path(str(request.node.path)).stem.removeprefix("check_")


@pytest.fixture
def student(request):
    exercise = CATALOG[_exercise(request)]
    path = Path(os.environ["STUDENT_DIR"]) / exercise.filename
    try:
        return ModuleStudent(load_learner_module(path, exercise.filename), exercise.filename)
    except LoadError as error:
        return _Missing(error.failure)


@pytest.fixture
def reference(request):
    return load_reference(CATALOG[_exercise(request)])


@pytest.fixture
def seed():
    return 0


@pytest.fixture
def rng(request):
    return np.random.default_rng([0, zlib.crc32(request.node.name.encode())])
