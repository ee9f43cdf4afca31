"""The instructor's outputs, built only from the per-student state files:
`grades.csv` (one row per student), `results.json` (every test of every student), a Korean HTML
feedback page per student, `summary.html` for the class, and Gradescope's results.json per
student under `gradescope/<student>/`. Same states, same bytes."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from grader.catalog import load_catalog
from grader.grading.gradescope import results_json


def write_reports(out: Path, states: list[dict[str, Any]], seed: int, isolation: dict[str, Any] | None = None) -> None:
    catalog = load_catalog()
    ids = [e.id for e in catalog.exercises]
    (out / "grades.csv").write_text(grades_csv(states, ids), encoding="utf-8", newline="")
    results = {"seed": seed, "exercises": ids, "isolation": isolation or {}, "students": states}
    (out / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    environment = Environment(loader=PackageLoader("grader", "templates"), autoescape=select_autoescape(["html", "j2"]))
    feedback = out / "feedback"
    feedback.mkdir(exist_ok=True)
    titles = {e.id: e.title for e in catalog.exercises}
    template = environment.get_template("feedback.html.j2")
    for state in states:
        (feedback / f"{state['student']}.html").write_text(template.render(state=state, titles=titles), encoding="utf-8")
    for state in states:
        target = out / "gradescope" / state["student"] / "results.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(results_json(state), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    summary = environment.get_template("summary.html.j2").render(
        students=len(states), seed=seed, isolation=isolation or {}, **class_summary(states, ids, titles))
    (out / "summary.html").write_text(summary, encoding="utf-8")


def grades_csv(states: list[dict[str, Any]], ids: list[str]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["student", *ids, "total", "max_total", "status"])
    for state in sorted(states, key=lambda s: s["student"]):
        points = [f"{state['exercises'][i]['points']:.2f}" for i in ids]
        writer.writerow([state["student"], *points, f"{state['total']:.2f}", f"{state['max_total']:.2f}", state["status"]])
    return buffer.getvalue()


def class_summary(states: list[dict[str, Any]], ids: list[str], titles: dict[str, str]) -> dict[str, Any]:
    """Score distribution, per-exercise pass rates, and the commonest failures and misconceptions."""
    max_total = states[0]["max_total"] if states else 0
    bins = [0] * 10
    for state in states:
        fraction = state["total"] / max_total if max_total else 0
        bins[min(int(fraction * 10), 9)] += 1
    rates = []
    for exercise_id in ids:
        submitted = [s["exercises"][exercise_id] for s in states if s["exercises"][exercise_id]["submitted"]]
        full = sum(1 for entry in submitted if entry["total"] and entry["passed"] == entry["total"])
        rates.append({"id": exercise_id, "title": titles[exercise_id], "submitted": len(submitted),
                      "passed": full, "rate": full / len(submitted) if submitted else 0.0})
    failures: Counter[str] = Counter()
    mistakes: Counter[str] = Counter()
    for state in states:
        for exercise_id, entry in state["exercises"].items():
            seen_failures, seen_mistakes = set(), set()
            for test in entry["tests"]:
                if test["status"] == "passed":
                    continue
                lines = test["message"].splitlines()
                seen_failures.add(f"{exercise_id}: {_generic(lines[1] if len(lines) > 1 else lines[0])}")
                seen_mistakes.update(f"{exercise_id}: {line.strip().removeprefix('흔한 실수: ')}"
                                     for line in lines if line.strip().startswith("흔한 실수:"))
            failures.update(seen_failures)
            mistakes.update(seen_mistakes)
    return {"histogram": histogram_svg(bins), "pass_rates": rates, "pass_rate_chart": pass_rate_svg(rates),
            "common_failures": failures.most_common(10), "common_mistakes": mistakes.most_common(10),
            "mean_total": round(sum(s["total"] for s in states) / len(states), 2) if states else 0.0,
            "max_total": max_total}


def _generic(line: str) -> str:
    """A failure line with its numbers blanked, so the same problem counts once across inputs."""
    return re.sub(r"-?\d+(\.\d+)?(e-?\d+)?", "#", line.strip())[:160]


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
