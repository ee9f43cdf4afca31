"""The curriculum manifest: which sections and exercises exist, and how learners name them.

Everything is read from `catalog.toml` beside this file, so adding an exercise means adding one
entry there plus its stub, reference and check; no code changes. The loader is deliberately
tiny (tomllib, no numpy) because every `learn` command starts by reading it.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from grader.errors import LearnError

CATALOG_PATH = Path(__file__).with_name("catalog.toml")


class UnknownExerciseError(LearnError):
    """Raised with a Korean message when a learner names an exercise that does not exist."""


@dataclass(frozen=True)
class Section:
    slug: str
    title: str


@dataclass(frozen=True)
class Exercise:
    id: str
    title: str
    section: str
    functions: tuple[str, ...]
    points: int
    hints: tuple[str, ...]

    @property
    def number(self) -> int:
        return int(self.id.split("_", 1)[0])

    @property
    def short_name(self) -> str:
        return self.id.split("_", 1)[1]

    @property
    def filename(self) -> str:
        return f"{self.id}.py"

    @property
    def check_module(self) -> str:
        return f"check_{self.id}"


@dataclass(frozen=True)
class Catalog:
    sections: tuple[Section, ...]
    exercises: tuple[Exercise, ...]

    def resolve(self, name: str) -> Exercise:
        """Find an exercise by `03_threshold`, `03`, `3` or `threshold`."""
        key = name.strip().lower().removesuffix(".py")
        for exercise in self.exercises:
            if key in (exercise.id, exercise.short_name):
                return exercise
            if key.isdigit() and int(key) == exercise.number:
                return exercise
        known = ", ".join(e.id for e in self.exercises)
        raise UnknownExerciseError(f"'{name}'라는 연습 문제는 없습니다. 가능한 이름: {known}")

    def section(self, slug: str) -> Section:
        for section in self.sections:
            if section.slug == slug:
                return section
        raise KeyError(slug)

    def after(self, exercise: Exercise) -> tuple[Exercise, ...]:
        """Exercises that follow `exercise`, then wrap around: the order `learn watch` moves in."""
        index = self.exercises.index(exercise)
        return self.exercises[index + 1 :] + self.exercises[:index]


@lru_cache(maxsize=1)
def load_catalog(path: Path = CATALOG_PATH) -> Catalog:
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    sections = tuple(Section(s["slug"], s["title"]) for s in data["sections"])
    exercises = tuple(
        Exercise(
            id=e["id"],
            title=e["title"],
            section=e["section"],
            functions=tuple(e["functions"]),
            points=int(e["points"]),
            hints=tuple(e["hints"]),
        )
        for e in data.get("exercises", [])
    )
    return Catalog(sections, exercises)  # file order is the learners' order
