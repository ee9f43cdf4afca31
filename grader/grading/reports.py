"""The instructor's outputs, built only from the per-student state files:
`grades.csv` (one row per student), `results.json` (compact, or every test with --detail), a Korean HTML
feedback page per student, `summary.html` for the class, and Gradescope's results.json per
student under `gradescope/<student>/`. Same states, same bytes.

Students are read and written one at a time, so memory stays flat however large the class.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from grader.course.catalog import load_catalog
from grader.engine.failures import KIND_LABELS
from grader.engine.messages import teaching_order
from grader.engine.results import ExerciseResult, StudentResult, TestResult
from grader.grading.gradescope import results_json
from grader.grading.identity import file_key

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
COMPACT_BUDGET = 19_000  # bytes per student in results.json without --detail


@dataclass(frozen=True)
class ReportOptions:
    detail: bool = False  # results.json with every test of every student (else a compact summary)
    bom: bool = False  # grades.csv (and LMS imports) with a UTF-8 BOM, so Excel shows Hangul
    lms: str | None = None  # also write an LMS gradebook import: "canvas" or "moodle"


def environment() -> Environment:
    return Environment(loader=PackageLoader("grader.grading", "templates"),
                       autoescape=select_autoescape(["html", "j2"]), trim_blocks=True, lstrip_blocks=True)


def write_reports(out: Path, state_paths: list[Path], seed: int, isolation: dict[str, Any] | None = None, *,
                  intake: dict[str, Any] | None = None, options: ReportOptions | None = None) -> None:
    options = options or ReportOptions()
    catalog = load_catalog()
    ids = [e.id for e in catalog.exercises]
    titles = {e.id: e.title for e in catalog.exercises}
    env = environment()
    feedback = env.get_template("feedback.html.j2")
    (out / "feedback").mkdir(exist_ok=True)
    summary = ClassSummary(ids, titles)
    rows = []
    states: list[tuple[str, Path]] = []
    for path in state_paths:  # the student's name orders the reports, not the file key
        data = json.loads(path.read_text(encoding="utf-8"))
        states.append((data.get("student", path.stem), path))
    with (out / "results.json").open("w", encoding="utf-8") as results:
        head = {"exercises": ids, "isolation": isolation or {}, "seed": seed, "detail": options.detail,
                "intake": intake or {}}
        results.write(json.dumps(head, ensure_ascii=False, indent=1, sort_keys=True)[:-2] + ',\n "students": [\n')
        for index, (_, path) in enumerate(sorted(states)):
            data = json.loads(path.read_text(encoding="utf-8"))
            state = StudentResult.from_json(data)
            record = data if options.detail else compact_student(state)
            results.write((",\n" if index else "") + json.dumps(record, ensure_ascii=False, sort_keys=True,
                                                                 indent=1 if options.detail else None))
            rows.append(grades_row(state, ids))
            summary.add(state)
            key = file_key(state.student)
            page = feedback.render(state=state, titles=titles, groups=feedback_groups(state))
            (out / "feedback" / f"{key}.html").write_text(page, encoding="utf-8")
            target = out / "gradescope" / key / "results.json"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(results_json(state), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        results.write("\n ]\n}\n")
    encoding = "utf-8-sig" if options.bom else "utf-8"
    (out / "grades.csv").write_text(grades_csv(rows, ids), encoding=encoding, newline="")
    page = env.get_template("summary.html.j2").render(seed=seed, isolation=isolation or {}, intake=intake or {},
                                                      **summary.result())
    (out / "summary.html").write_text(page, encoding="utf-8")
    if options.lms:
        from grader.grading.lms_export import write_lms_import

        write_lms_import(out, options.lms, summary.roster, encoding=encoding)


def safe_cell(value: str) -> str:
    """OWASP's rule against spreadsheet formula injection: a cell starting with = + - @, tab or
    carriage return is prefixed with a single quote, so Excel and LibreOffice show it as text.
    Line breaks inside a cell become spaces first: the csv module leaves a lone CR unquoted, and a
    spreadsheet reads it as a new row whose first cell could be a formula. A cell whose first
    non-space character starts a formula is quoted too (LibreOffice can trim spaces on import)."""
    text = value.replace("\r\n", " ").replace("\r", " ").replace("\n", " ")
    return "'" + text if text.lstrip(" ").startswith(FORMULA_PREFIXES) else text


def grades_row(state: StudentResult, ids: list[str]) -> list[str]:
    points = [f"{state.exercises[i].points:.2f}" for i in ids]
    return [state.student, state.lms_id or "", *points, f"{state.total:.2f}", f"{state.max_total:.2f}", state.status]


def grades_csv(rows: list[list[str]], ids: list[str]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["student", "lms_id", *ids, "total", "max_total", "status"])
    writer.writerows([safe_cell(cell) for cell in row] for row in sorted(rows))
    return buffer.getvalue()


def mistake_key(exercise_id: str, mistake_id: str, text: str) -> tuple[str, str]:
    """Mistakes are counted by id; a mistake whose check gave it no id yet is keyed by its text."""
    return exercise_id, mistake_id or text


def _group_key(test: TestResult) -> tuple:
    if test.failure is not None:
        return ("failure", test.failure.kind.value, test.failure.function or "", test.failure.message)
    if test.verdict is not None:
        return ("verdict", test.verdict.function, tuple(m.id or m.text for m in test.verdict.mistakes))
    return ("internal", test.internal_error or "")


def failure_groups(result: ExerciseResult) -> list[dict[str, Any]]:
    """Failed tests grouped by what went wrong (same failure kind and message, or same function
    and named mistakes), most instructive first (`teaching_order`): one message to read, with a count."""
    groups: dict[tuple, dict[str, Any]] = {}
    for test in teaching_order(result.failed_tests):  # a named mistake first, whatever the test order
        group = groups.setdefault(_group_key(test), {"tests": [], "kind": _group_key(test)[0]})
        group["tests"].append(test)
    return list(groups.values())


def feedback_groups(state: StudentResult) -> dict[str, list[dict[str, Any]]]:
    return {i: failure_groups(g.result) for i, g in state.exercises.items() if g.result is not None}


def compact_student(state: StudentResult, budget: int = COMPACT_BUDGET) -> dict[str, Any]:
    """A student in results.json without --detail: points, counts, and each distinct failure once
    (how many tests failed that way, its kind, function, named mistakes and one message), kept
    under `budget` bytes by showing fewer groups and shorter messages when a student fails a lot.
    The full results stay in students/<name>.json and in `--detail`."""
    for groups_kept, message_chars in ((3, 400), (2, 240), (1, 160), (1, 80), (0, 0)):
        record = _compact(state, groups_kept, message_chars)
        if len(json.dumps(record, ensure_ascii=False).encode("utf-8")) <= budget:
            break
    return record


def _compact(state: StudentResult, groups_kept: int, message_chars: int) -> dict[str, Any]:
    exercises: dict[str, Any] = {}
    for exercise_id, grade in state.exercises.items():
        entry: dict[str, Any] = {"submitted": grade.submitted, "points": grade.points, "max_points": grade.max_points}
        if grade.result is not None:
            passed, total = grade.result.counts
            groups = failure_groups(grade.result)
            load = grade.result.load_failure
            entry.update({
                "tests_passed": passed, "tests_total": total,
                "load_error": {"kind": load.kind.value, "message": load.message[:400]} if load else None,
                "failures": [_group_json(group, message_chars) for group in groups[:groups_kept]],
                "failures_omitted": sum(len(group["tests"]) for group in groups[groups_kept:]),
                "mistakes": sorted({m.id or m.text for test in grade.result.failed_tests for m in test.mistakes}),
            })
        exercises[exercise_id] = entry
    return {"version": 2, "detail": False, "student": state.student, "lms_id": state.lms_id, "digest": state.digest,
            "seed": state.seed, "status": state.status, "total": state.total, "max_total": state.max_total,
            "exercises": exercises}


def _group_json(group: dict[str, Any], message_chars: int) -> dict[str, Any]:
    first: TestResult = group["tests"][0]
    message = first.message
    return {"count": len(group["tests"]), "test": first.name, "status": first.status.value,
            "kind": first.failure.kind.value if first.failure else ("wrong_value" if first.verdict else "internal"),
            "function": (first.failure.function if first.failure else first.verdict.function if first.verdict else None),
            "mistakes": [m.id or m.text for m in first.mistakes],
            "message": message if len(message) <= message_chars else message[:message_chars] + " …"}


class ClassSummary:
    """Score distribution, per-exercise pass rates, the student list, and the commonest failures
    and named mistakes, accumulated one student at a time."""

    def __init__(self, ids: list[str], titles: dict[str, str]) -> None:
        self.ids, self.titles = ids, titles
        self.students = 0
        self.total = 0.0
        self.max_total = 0
        self.bins = [0] * 10
        self.submitted = Counter[str]()
        self.passed = Counter[str]()
        self.failures = Counter[str]()
        self.mistakes = Counter[tuple[str, str]]()  # (exercise id, mistake id) -> students
        self.mistake_texts: dict[tuple[str, str], str] = {}
        self.roster: list[dict[str, Any]] = []

    def add(self, state: StudentResult) -> None:
        self.students += 1
        self.total += state.total
        self.max_total = state.max_total
        fraction = state.total / state.max_total if state.max_total else 0
        self.bins[min(int(fraction * 10), 9)] += 1
        self.roster.append({"student": state.student, "lms_id": state.lms_id, "key": file_key(state.student),
                            "total": state.total, "max_total": state.max_total, "status": state.status,
                            "points": {i: g.points for i, g in state.exercises.items()}})
        for exercise_id, grade in state.exercises.items():
            if grade.result is None:
                continue
            self.submitted[exercise_id] += 1
            self.passed[exercise_id] += grade.result.passed
            failing_tests = {f"{exercise_id}: {test.title}" for test in grade.result.failed_tests}
            if grade.result.load_failure is not None:
                failing_tests.add(f"{exercise_id}: {KIND_LABELS[grade.result.load_failure.kind]}")
            self.failures.update(failing_tests)
            mistakes = {mistake_key(exercise_id, m.id, m.text): m.text
                        for test in grade.result.failed_tests for m in test.mistakes}
            self.mistakes.update(mistakes.keys())
            self.mistake_texts.update(mistakes)

    def result(self) -> dict[str, Any]:
        rates = [{"id": i, "title": self.titles[i], "submitted": self.submitted[i], "passed": self.passed[i],
                  "rate": self.passed[i] / self.submitted[i] if self.submitted[i] else 0.0} for i in self.ids]
        by_exercise: dict[str, list[tuple[str, int]]] = {}
        for key, count in self.mistakes.most_common():
            by_exercise.setdefault(key[0], []).append((self.mistake_texts[key], count))
        mistakes_per_exercise = [{"id": i, "title": self.titles[i], "mistakes": by_exercise[i][:5]}
                                 for i in self.ids if i in by_exercise]
        return {"students": self.students, "histogram": histogram_svg(self.bins), "pass_rates": rates,
                "pass_rate_chart": pass_rate_svg(rates), "common_failures": self.failures.most_common(10),
                "common_mistakes": [(f"{key[0]}: {self.mistake_texts[key]}", count)
                                    for key, count in self.mistakes.most_common(10)],
                "mistakes_per_exercise": mistakes_per_exercise,
                "roster": sorted(self.roster, key=lambda r: r["student"]), "max_total": self.max_total,
                "mean_total": round(self.total / self.students, 2) if self.students else 0.0}


def histogram_svg(bins: list[int]) -> str:
    width, height, bar = 420, 160, 36
    top = max(bins) or 1
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height + 30}" role="img" aria-label="점수 분포">']
    for index, count in enumerate(bins):
        h = round(height * count / top)
        x = 10 + index * (bar + 4)
        parts.append(f'<rect x="{x}" y="{height - h}" width="{bar}" height="{h}" fill="#3f51b5"><title>{index * 10}–{index * 10 + 10}%: {count}명</title></rect>')
        parts.append(f'<text x="{x + bar / 2}" y="{height + 14}" font-size="10" text-anchor="middle">{index * 10}%</text>')
        parts.append(f'<text x="{x + bar / 2}" y="{max(height - h - 3, 10)}" font-size="10" text-anchor="middle">{count}</text>')
    parts.append("</svg>")
    return "".join(parts)


def pass_rate_svg(rates: list[dict[str, Any]]) -> str:
    row, width = 18, 300
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width + 180}" height="{row * len(rates) + 10}" role="img" aria-label="연습 문제별 통과율">']
    for index, rate in enumerate(rates):
        y = 5 + index * row
        w = round(width * rate["rate"])
        parts.append(f'<text x="0" y="{y + 12}" font-size="11">{rate["id"]}</text>')
        parts.append(f'<rect x="140" y="{y}" width="{w}" height="{row - 4}" fill="#009688"><title>{rate["passed"]}/{rate["submitted"]}</title></rect>')
        parts.append(f'<text x="{144 + w}" y="{y + 12}" font-size="11">{round(100 * rate["rate"])}%</text>')
    parts.append("</svg>")
    return "".join(parts)
