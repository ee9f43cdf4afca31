"""Every named misconception has a stable id: reports count mistakes by id, so a reworded
description never splits a count.

An id is kebab-case English, and within one exercise it names exactly one misconception (the
same id may appear in several collections of a check only for the same description, e.g. a
mistake reused by two functions of the exercise).
"""

import importlib
import re

import pytest

from grader.course.catalog import load_catalog
from grader.engine.verdict import Mistake

KEBAB = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
CATALOG = load_catalog()


def module_mistakes(module):
    """(global name, Mistake) for every Mistake reachable from the module's globals through
    tuples, lists and dict values."""
    found = []

    def walk(name, value):
        if isinstance(value, Mistake):
            found.append((name, value))
        elif isinstance(value, (tuple, list)):
            for item in value:
                walk(name, item)
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(f"{name}[{key!r}]", item)

    for name, value in vars(module).items():
        if not name.startswith("__"):
            walk(name, value)
    return found


@pytest.mark.parametrize("exercise", CATALOG.exercises, ids=lambda e: e.id)
def test_every_mistake_has_a_unique_kebab_case_id(exercise):
    module = importlib.import_module(f"grader.checks.{exercise.check_module}")
    mistakes = module_mistakes(module)
    assert mistakes, f"{exercise.check_module} has no module-level Mistake"
    named = {}
    for name, mistake in mistakes:
        assert mistake.id, f"{name}: Mistake without id ({mistake.description[:40]}…)"
        assert KEBAB.fullmatch(mistake.id), f"{name}: id {mistake.id!r} is not kebab-case"
        other = named.setdefault(mistake.id, mistake.description)
        assert other == mistake.description, f"{name}: id {mistake.id!r} names two different misconceptions"


def test_the_walk_finds_nested_and_unnamed_mistakes():
    class Fake:
        pass

    fake = Fake()
    fake.A = (Mistake("a", len, id="a"), [Mistake("b", len)])
    fake.B = {"f": (Mistake("c", len, id="c"),)}
    found = module_mistakes(fake)
    assert [m.id for _, m in found] == ["a", "", "c"]
