"""Learner stubs are generated from the reference solutions, never written by hand.

A solution marks what the learner must write with `# BEGIN SOLUTION` / `# END SOLUTION` (as
nbgrader does). Inside a function the marked lines become a `# TODO` and `raise
NotImplementedError`; a marked block at module level (a private helper) is dropped. Everything
else, the Korean task statement and docstrings included, is copied, so the statement a learner
reads can never drift from the one the reference was written against.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

BEGIN = "# BEGIN SOLUTION"
END = "# END SOLUTION"
TODO = "# TODO: 위 설명대로 구현하세요. 막히면 'learn hint' 로 힌트를 볼 수 있습니다."


class MarkerError(ValueError):
    """A solution's markers are unbalanced or nested; the message names the file and line."""


def make_stub(solution_text: str, name: str = "solution") -> str:
    """The stub for one solution file's text."""
    out: list[str] = []
    inside_since: int | None = None
    drop_blank_after = False
    for number, line in enumerate(solution_text.splitlines(keepends=True), start=1):
        stripped = line.strip()
        if stripped == BEGIN:
            if inside_since is not None:
                raise MarkerError(f"{name} {number}번째 줄: '{BEGIN}' 안에 또 '{BEGIN}'이 있습니다.")
            inside_since = number
            indent = line[: len(line) - len(line.lstrip())]
            if indent:
                out += [f"{indent}{TODO}\n", f"{indent}raise NotImplementedError\n"]
            continue
        if stripped == END:
            if inside_since is None:
                raise MarkerError(f"{name} {number}번째 줄: '{BEGIN}' 없이 '{END}'이 있습니다.")
            drop_blank_after = not line[: len(line) - len(line.lstrip())]
            inside_since = None
            continue
        if inside_since is not None:
            continue
        if drop_blank_after and not stripped:
            continue  # a dropped module-level helper takes its separating blank lines with it
        drop_blank_after = False
        out.append(line)
    if inside_since is not None:
        raise MarkerError(f"{name} {inside_since}번째 줄의 '{BEGIN}'이 닫히지 않았습니다.")
    return "".join(out)


@dataclass(frozen=True)
class StubDrift:
    """A stub on disk that differs from what its solution generates (or is missing)."""

    filename: str
    missing: bool


def sync_stubs(solutions_dir: Path, exercises_dir: Path, filenames: list[str], *, write: bool) -> list[StubDrift]:
    """Compare (and with `write`, rewrite) every stub; return the ones that differed."""
    drifted = []
    for filename in filenames:
        wanted = make_stub((solutions_dir / filename).read_text(encoding="utf-8"), f"solutions/{filename}")
        target = exercises_dir / filename
        current = target.read_text(encoding="utf-8") if target.is_file() else None
        if current == wanted:
            continue
        drifted.append(StubDrift(filename, current is None))
        if write:
            target.write_text(wanted, encoding="utf-8")
    return drifted


def without_markers(solution_text: str) -> str:
    """The solution as a learner should read it (`learn solution`): the marker lines removed."""
    return "".join(line for line in solution_text.splitlines(keepends=True) if line.strip() not in (BEGIN, END))
