"""The author check (`learn dev check`): is the curriculum consistent and the grader trustworthy?

It fails when a stub passes its check, a reference fails it, a stub lacks its `# TODO`, the
catalog and the files disagree, or a hint ladder is missing. CI runs it through the test suite.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from grader.course.catalog import Catalog, load_catalog
from grader.engine.runner import CHECKS_DIR, check_file
from grader.course.content import CONTENT_ROOT

MIN_HINTS = 3
CORPUS = CONTENT_ROOT / "tests" / "corpus"


@dataclass(frozen=True)
class WrongImplementation:
    """A plausible learner mistake: the reference with some lines changed, and the text its
    verdict must contain (usually the name of the misconception)."""

    exercise_id: str
    name: str
    expect: str
    source: str
    also: tuple[str, ...] = ()  # other mistake ids its verdicts may name: the same misconception reached through a helper


def wrong_implementations(exercise_id: str, corpus: Path = CORPUS, manifest_name: str = "wrong.toml") -> list[WrongImplementation]:
    """The wrong implementations listed in `tests/corpus/<id>/wrong.toml`, as learner files.

    Each entry changes the reference in place (`old` must occur exactly once), so the file holds
    only what is wrong, not another copy of the solution."""
    manifest = corpus / exercise_id / manifest_name
    if not manifest.is_file():
        return []
    reference = (CONTENT_ROOT / "solutions" / f"{exercise_id}.py").read_text(encoding="utf-8")
    found = []
    for entry in tomllib.loads(manifest.read_text(encoding="utf-8"))["wrong"]:
        source = reference
        for change in entry["change"]:
            if source.count(change["old"]) != 1:
                raise ValueError(f"{manifest}: '{entry['name']}'의 바꿀 부분이 참조 풀이에 정확히 한 번 있지 않습니다.")
            source = source.replace(change["old"], change["new"])
        found.append(WrongImplementation(exercise_id, entry["name"], entry["expect"], source, tuple(entry.get("also", ()))))
    return found


def author_problems(root: Path = CONTENT_ROOT, catalog: Catalog | None = None, *, seed: int = 12345) -> list[str]:
    """Every problem found, one Korean line each; empty when the curriculum is sound."""
    catalog = catalog or load_catalog()
    problems: list[str] = []
    ids = {e.id for e in catalog.exercises}
    for folder in ("exercises", "solutions"):
        on_disk = {p.stem for p in (root / folder).glob("[0-9][0-9]_*.py")}
        problems += [f"{folder}/{name}.py: 카탈로그에 없는 파일입니다." for name in sorted(on_disk - ids)]
        problems += [f"{folder}/{name}.py: 카탈로그에 있는데 파일이 없습니다." for name in sorted(ids - on_disk)]
    sections = {s.slug for s in catalog.sections}
    for exercise in catalog.exercises:
        stub, reference = root / "exercises" / exercise.filename, root / "solutions" / exercise.filename
        if not (CHECKS_DIR / f"{exercise.check_module}.py").is_file():
            problems.append(f"{exercise.id}: 검사 모듈 grader/checks/{exercise.check_module}.py가 없습니다.")
            continue
        if len(exercise.hints) < MIN_HINTS:
            problems.append(f"{exercise.id}: 힌트가 {len(exercise.hints)}단계뿐입니다 (최소 {MIN_HINTS}단계).")
        if exercise.section not in sections:
            problems.append(f"{exercise.id}: 카탈로그에 없는 섹션 '{exercise.section}'을(를) 가리킵니다.")
        if stub.is_file():
            text = stub.read_text(encoding="utf-8")
            if "# TODO" not in text:
                problems.append(f"exercises/{exercise.filename}: '# TODO'가 없습니다.")
            missing = [f for f in exercise.functions if f"def {f}(" not in text]
            if missing:
                problems.append(f"exercises/{exercise.filename}: 카탈로그의 함수 {', '.join(missing)}이(가) 없습니다.")
            if check_file(exercise, stub, f"exercises/{exercise.filename}", seed=seed).counts[0] > 0:
                problems.append(f"exercises/{exercise.filename}: 스텁이 검사를 하나 이상 통과합니다.")
        if reference.is_file():
            result = check_file(exercise, reference, f"solutions/{exercise.filename}", seed=seed)
            if not result.passed:
                failed = [test.title for test in result.failed_tests] or [result.load_failure and result.load_failure.message]
                problems.append(f"solutions/{exercise.filename}: 참조 풀이가 검사를 통과하지 못합니다 ({failed[0]}).")
            elif all(test.name in weak_by_exercise(catalog, seed).get(exercise.id, ()) for test in result.tests):
                problems.append(f"{exercise.id}: 모든 검사를 항등·0·1·상수 함수도 통과합니다 (점수를 줄 검사가 없음).")
    return problems


@lru_cache(maxsize=4)
def weak_by_exercise(catalog: Catalog, seed: int) -> dict[str, set[str]]:
    """Tests that identity, zeros, ones or a constant pass, per exercise (computed once)."""
    from grader.engine.runner import load_reference
    from grader.engine.trivial import weak_tests

    references = {e.id: load_reference(e) for e in catalog.exercises}
    return weak_tests(list(catalog.exercises), references, seed)
