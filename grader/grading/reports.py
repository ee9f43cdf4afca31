"""The instructor's outputs, built only from the per-student state files:
`grades.csv` (one row per student), `results.json` (every test of every student), a Korean HTML
feedback page per student, `summary.html` for the class, and Gradescope's results.json per
student under `gradescope/<student>/`. Same states, same bytes.

Students are read and written one at a time, so memory stays flat however large the class.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from grader.course.catalog import load_catalog
from grader.engine.failures import KIND_LABELS
from grader.engine.results import StudentResult
from grader.grading.gradescope import results_json


def write_reports(out: Path, state_paths: list[Path], seed: int, isolation: dict[str, Any] | None = None) -> None:
    catalog = load_catalog()
    ids = [e.id for e in catalog.exercises]
    titles = {e.id: e.title for e in catalog.exercises}
    environment = Environment(loader=PackageLoader("grader.grading", "templates"), autoescape=select_autoescape(["html", "j2"]))
    feedback = environment.get_template("feedback.html.j2")
    (out / "feedback").mkdir(exist_ok=True)
    summary = ClassSummary(ids, titles)
    rows = []
    with (out / "results.json").open("w", encoding="utf-8") as results:
        head = {"exercises": ids, "isolation": isolation or {}, "seed": seed}
        results.write(json.dumps(head, ensure_ascii=False, indent=1, sort_keys=True)[:-2] + ',\n "students": [\n')
        for index, path in enumerate(sorted(state_paths, key=lambda p: p.stem)):
            data = json.loads(path.read_text(encoding="utf-8"))
            state = StudentResult.from_json(data)
            results.write((",\n" if index else "") + json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True))
            rows.append(grades_row(state, ids))
            summary.add(state)
            (out / "feedback" / f"{state.student}.html").write_text(feedback.render(state=state, titles=titles),
                                                                      encoding="utf-8")
            target = out / "gradescope" / state.student / "results.json"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(results_json(state), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        results.write("\n ]\n}\n")
    (out / "grades.csv").write_text(grades_csv(rows, ids), encoding="utf-8", newline="")
    page = environment.get_template("summary.html.j2").render(seed=seed, isolation=isolation or {}, **summary.result())
    (out / "summary.html").write_text(page, encoding="utf-8")


def grades_row(state: StudentResult, ids: list[str]) -> list[str]:
    points = [f"{state.exercises[i].points:.2f}" for i in ids]
    return [state.student, *points, f"{state.total:.2f}", f"{state.max_total:.2f}", state.status]


def grades_csv(rows: list[list[str]], ids: list[str]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["student", *ids, "total", "max_total", "status"])
    writer.writerows(sorted(rows))
    return buffer.getvalue()


class ClassSummary:
    """Score distribution, per-exercise pass rates, and the commonest failures and misconceptions,
    accumulated one student at a time."""

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

    def add(self, state: StudentResult) -> None:
        self.students += 1
        self.total += state.total
        self.max_total = state.max_total
        fraction = state.total / state.max_total if state.max_total else 0
        self.bins[min(int(fraction * 10), 9)] += 1
        for exercise_id, grade in state.exercises.items():
            if grade.result is None:
                continue
            self.submitted[exercise_id] += 1
            self.passed[exercise_id] += grade.result.passed
            failing_tests = {f"{exercise_id}: {test.title}" for test in grade.result.failed_tests}
            if grade.result.load_failure is not None:
                failing_tests.add(f"{exercise_id}: {KIND_LABELS[grade.result.load_failure.kind]}")
            self.failures.update(failing_tests)
            mistakes = {(exercise_id, m.id): m.text for test in grade.result.failed_tests for m in test.mistakes}
            self.mistakes.update(mistakes.keys())
            self.mistake_texts.update(mistakes)

    def result(self) -> dict[str, Any]:
        rates = [{"id": i, "title": self.titles[i], "submitted": self.submitted[i], "passed": self.passed[i],
                  "rate": self.passed[i] / self.submitted[i] if self.submitted[i] else 0.0} for i in self.ids]
        return {"students": self.students, "histogram": histogram_svg(self.bins), "pass_rates": rates,
                "pass_rate_chart": pass_rate_svg(rates), "common_failures": self.failures.most_common(10),
                "common_mistakes": [(f"{key[0]}: {self.mistake_texts[key]}", count)
                                    for key, count in self.mistakes.most_common(10)], "max_total": self.max_total,
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
