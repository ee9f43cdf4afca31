"""Reports are built from typed student results: mistakes are counted by id, never by text."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from grader.course.catalog import load_catalog
from grader.engine import failures
from grader.engine.results import ExerciseGrade, ExerciseResult, NamedMistake, Status, StudentResult, TestResult, Verdict
from grader.grading.reports import ReportOptions, write_reports

CATALOG = load_catalog()
GT = NamedMistake("gt-instead-of-ge", "임계값과 같은 확률을 음성으로 처리했습니다.")


def wrong(case: str) -> TestResult:
    verdict = Verdict("apply_threshold", case, (f"기대값 1, 반환값 0 ({case})",), (GT,))
    return TestResult(f"test[{case}]", f"apply_threshold [{case}]", Status.FAILED, "03_threshold", verdict=verdict)


def student(name: str, tests: list[TestResult]) -> StudentResult:
    grades = {e.id: ExerciseGrade(e.id, e.points, None) for e in CATALOG.exercises}
    grades["03_threshold"] = ExerciseGrade("03_threshold", 10, ExerciseResult("03_threshold", 0, tests))
    return StudentResult(name, "d", 0, "정상", grades)


def write(out: Path, students: list[StudentResult], options: ReportOptions | None = None) -> list[Path]:
    paths = []
    for result in students:
        path = out / "students" / f"{result.student}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(result.to_json(), ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    write_reports(out, paths, 0, {}, options=options)
    return paths


def test_the_same_mistake_in_different_cases_counts_once_per_student(tmp_path):
    passed = TestResult("test_ok", "ok", Status.PASSED, "03_threshold")
    write(tmp_path, [student("가", [wrong("첫째"), wrong("둘째"), passed]), student("나", [wrong("셋째"), passed])])
    summary = (tmp_path / "summary.html").read_text(encoding="utf-8")
    assert summary.count(GT.text) == 1
    assert f"<li>{GT.text} — 2명</li>" in summary


def test_grades_csv_has_points_from_the_typed_results(tmp_path):
    passed = TestResult("test_ok", "ok", Status.PASSED, "03_threshold")
    write(tmp_path, [student("가", [wrong("첫째"), passed])])
    rows = list(csv.DictReader((tmp_path / "grades.csv").open(encoding="utf-8")))
    assert rows[0]["student"] == "가" and rows[0]["03_threshold"] == "5.00" and rows[0]["01_mse"] == "0.00"
    assert rows[0]["status"] == "정상"


def test_feedback_and_gradescope_show_the_rendered_messages(tmp_path):
    hung = TestResult("test_random", "무작위", Status.FAILED, "03_threshold",
                      failure=failures.timeout("apply_threshold", 3.0))
    write(tmp_path, [student("가", [wrong("첫째"), hung])])
    feedback = (tmp_path / "feedback" / "가.html").read_text(encoding="utf-8")
    assert "흔한 실수: 임계값과 같은 확률을 음성으로 처리했습니다." in feedback
    assert "3초 안에 끝나지 않았습니다" in feedback
    gradescope = json.loads((tmp_path / "gradescope" / "가" / "results.json").read_text(encoding="utf-8"))
    threshold = next(t for t in gradescope["tests"] if t["name"].startswith("03_threshold"))
    assert threshold["score"] == 0.0 and "0/2개 검사 통과" in threshold["output"]


def test_results_json_holds_every_student_in_the_schema(tmp_path):
    write(tmp_path, [student("나", []), student("가", [wrong("첫째")])], ReportOptions(detail=True))
    data = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    assert [s["student"] for s in data["students"]] == ["가", "나"]
    assert StudentResult.from_json(data["students"][0]).exercises["03_threshold"].result.tests[0].mistakes == (GT,)


PAYLOAD = '=HYPERLINK("http://x","<script>alert(1)</script>")'


def test_payloads_in_names_output_and_exceptions_are_escaped_and_neutralised(tmp_path):
    raised = TestResult("test_a", "a", Status.FAILED, "03_threshold",
                        failure=failures.StudentFailure(failures.FailureKind.EXCEPTION,
                                                        f"ValueError: {PAYLOAD}", "apply_threshold", "ValueError"))
    printed = TestResult("test_b", "b", Status.FAILED, "03_threshold",
                         failure=failures.StudentFailure(failures.FailureKind.OUTPUT_FLOOD,
                                                         "출력이 너무 많습니다: <img src=x onerror=alert(2)>", "apply_threshold"))
    victim = student(PAYLOAD, [raised, printed])
    victim.status = "-2+3 @SUM(A1)"
    write(tmp_path, [victim, student("\t탭", [])], ReportOptions(lms="moodle"))
    pages = [(tmp_path / "summary.html").read_text(encoding="utf-8")]
    pages += [p.read_text(encoding="utf-8") for p in (tmp_path / "feedback").glob("*.html")]
    for page in pages:
        assert "<script>" not in page and "<img src=x" not in page
    assert any("&lt;script&gt;" in page for page in pages[1:]) and "&lt;img src=x onerror=alert(2)&gt;" in "".join(pages)
    for name in ("grades.csv", "moodle_worksheet.csv"):
        for row in csv.reader((tmp_path / name).open(encoding="utf-8")):
            assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row), (name, row)
    rows = list(csv.DictReader((tmp_path / "grades.csv").open(encoding="utf-8")))
    assert {r["student"] for r in rows} == {"'" + PAYLOAD, "'\t탭"} and "'-2+3 @SUM(A1)" in {r["status"] for r in rows}


def test_feedback_groups_identical_failures(tmp_path):
    stub = [TestResult(f"test_{i}", f"경우 {i}", Status.FAILED, "03_threshold",
                       failure=failures.not_implemented("apply_threshold")) for i in range(64)]
    write(tmp_path, [student("가", stub + [wrong("첫째"), wrong("둘째")])])
    page = (tmp_path / "feedback" / "가.html").read_text(encoding="utf-8")
    message = failures.not_implemented("apply_threshold").message
    assert page.count(message) == 1 and "같은 오류 64건" in page and "같은 실수 2건" in page


def test_compact_results_json_keeps_each_distinct_failure_once(tmp_path):
    stub = [TestResult(f"test_{i}", f"경우 {i}", Status.FAILED, "03_threshold",
                       failure=failures.not_implemented("apply_threshold")) for i in range(64)]
    write(tmp_path, [student("가", stub + [wrong("첫째")])])
    data = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    exercise = data["students"][0]["exercises"]["03_threshold"]
    # the named mistake comes first even though it failed last: the compact record may drop later groups
    assert [f["count"] for f in exercise["failures"]] == [1, 64] and exercise["mistakes"] == [GT.id]
    assert exercise["tests_passed"] == 0 and exercise["tests_total"] == 65
