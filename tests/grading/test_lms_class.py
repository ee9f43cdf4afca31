"""The same 30-student class delivered as every LMS exports it: the same files for every
student in every layout, and the same grades in every layout, graded end to end by `learn grade`."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest

from grader.course.catalog import load_catalog
from grader.grading.identity import file_key
from grader.grading.intake import collect_class  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))
from lms_class import IDS, LAYOUTS, LONG_NAME, PAYLOAD_NAME, expected_name, roster, write_layout

WANTED = {e.filename for e in load_catalog().exercises}
STUDENTS = roster()
SUMMARY = {"plain": "폴더 30명", "plain-zip": "폴더 (zip) 30명", "moodle-folders": "Moodle 폴더 (zip) 30명",
           "moodle-folders-3x": "Moodle 폴더 (zip) 30명",
           "moodle-files": "Moodle 파일 (zip) 30명", "moodle-files-nested": "Moodle 파일 (zip) 30명",
           "canvas-zip": "Canvas (zip) 30명", "gradescope": "Gradescope (zip) 30명",
           "github": "GitHub Classroom 30명", "github-tar": "GitHub Classroom (tar) 30명"}


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    root = tmp_path_factory.mktemp("lms")
    return {layout: write_layout(layout, root / layout, STUDENTS) for layout in LAYOUTS}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_layout_gives_every_student_their_own_files(written, layout):
    intake = collect_class(written[layout], WANTED)
    assert intake.summary.startswith(SUMMARY[layout] + ", 파일 ")
    by_name = {s.student: s for s in intake.submissions}
    assert len(by_name) == 30
    for student in STUDENTS:
        submission = by_name[expected_name(layout, student)]
        assert {k: v.decode("utf-8") for k, v in submission.files.items()} == student.files, student.name
        assert submission.refused is None
        if not layout.startswith(("plain", "github")):
            assert submission.lms_id == student.lms_id


def grades(out: Path) -> dict[str, dict[str, str]]:
    text = (out / "grades.csv").read_text(encoding="utf-8-sig")
    rows = {}
    for row in csv.DictReader(io.StringIO(text)):
        name = row["student"]  # a cell neutralised for spreadsheets ('=…) names the student without the quote
        name = name[1:] if name.startswith("'") and name[1:2] in "=+-@\t\r" else name
        assert name not in rows, f"two rows for {name}"
        rows[name] = row
    return rows


EXTRA = {"plain": ["--similarity", "--bom"], "moodle-folders": ["--lms", "moodle"], "moodle-files": ["--lms", "moodle"],
         "canvas-zip": ["--lms", "canvas"]}
LATE_NOTE = "기한 뒤 제출 (LATE)"


@pytest.fixture(scope="module")
def graded(written, tmp_path_factory):
    """Every layout through the real CLI, one after the other, each with --jobs 2."""
    root = tmp_path_factory.mktemp("graded")
    runs = {}
    for layout in LAYOUTS:
        out = root / layout
        started = time.monotonic()
        result = subprocess.run([sys.executable, "-m", "grader", "grade", str(written[layout]), "--out", str(out),
                                 "--seed", "5", "--timeout", "1", "--jobs", "2", *EXTRA.get(layout, [])],
                                capture_output=True, text=True, timeout=900)
        assert result.returncode == 0, (layout, result.stderr[-3000:])
        runs[layout] = (out, result, time.monotonic() - started)
    print("\n" + ", ".join(f"{layout} {seconds:.1f}s" for layout, (_, _, seconds) in runs.items()))
    return runs


def comparable(status: str) -> str:
    """The status without what only one LMS knows (Canvas marks late submissions)."""
    return "; ".join(part for part in status.split("; ") if part != LATE_NOTE)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_layout_graded_end_to_end_gives_identical_grades(graded, layout):
    """One row per student with the name the LMS gave (NFC, exactly), the LMS id where the LMS has
    one, and the same points, total and status as the plain folders."""
    plain = grades(graded["plain"][0])
    out, result, _ = graded[layout]
    assert f"받은 제출물: {SUMMARY[layout]}, 파일 " in result.stderr
    table = grades(out)
    expected = {expected_name(layout, student): student for student in STUDENTS}
    assert set(table) == set(expected) and len(table) == 30
    columns = [*IDS, "total", "max_total"]
    for name, student in expected.items():
        mine, theirs = table[name], plain[expected_name("plain", student)]
        assert unicodedata.is_normalized("NFC", name), name
        assert [mine[c] for c in columns] == [theirs[c] for c in columns], (layout, student.name)
        assert comparable(mine["status"]) == theirs["status"], (layout, student.name)
        assert (LATE_NOTE in mine["status"]) == (layout == "canvas-zip" and student.late), (layout, student.name)
        assert mine["lms_id"] == ("" if layout.startswith(("plain", "github")) else student.lms_id), (layout, name)
        assert (out / "feedback" / f"{file_key(name)}.html").is_file()


def test_grades_follow_the_code(graded):
    table = grades(graded["plain"][0])
    for student in STUDENTS:
        row = table[student.expected_plain_name]
        if student.kind == "correct":
            assert row["total"] == "30.00", student.name
        elif student.kind == "partial":
            assert 0 <= float(row["total"]) < 30, student.name
    assert grades(graded["plain"][0])["노을"]["07_one_hot"] == "0.00"
    assert "문법 오류" in table["노을"]["status"]
    assert table[PAYLOAD_NAME]["03_threshold"] != "10.00"  # the infinite loop


def test_names_keep_one_correct_row_each(graded):
    out = graded["plain"][0]
    table = grades(out)
    for name in ["이서연", "박지훈", "José García", "Zoë Müller", "王小明", "佐藤花子", "Nguyễn Văn An", LONG_NAME,
                 "김민수", "김민수_2", "한 지 민"]:
        assert name in table and unicodedata.is_normalized("NFC", name)
        assert (out / "feedback" / f"{file_key(name)}.html").is_file()
    assert (out / "grades.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # --bom
    raw = (out / "grades.csv").read_text(encoding="utf-8-sig")
    assert "\n'" + PAYLOAD_NAME + "," in raw  # neutralised for spreadsheets


def test_intake_line_summary_and_lms_imports(graded):
    out, result, _ = graded["moodle-folders"]
    assert "받은 제출물: Moodle 폴더 (zip) 30명, 파일 " in result.stderr
    summary = (out / "summary.html").read_text(encoding="utf-8")
    assert "Moodle 폴더 (zip) 30명" in summary and summary.count('href="feedback/') == 30
    assert "<img src=x" not in summary and "&lt;img src=x onerror=alert(1)&gt;" in summary
    worksheet = list(csv.DictReader(io.StringIO((out / "moodle_worksheet.csv").read_text(encoding="utf-8"))))
    assert len(worksheet) == 30 and {r["Identifier"] for r in worksheet} == {f"Participant {s.lms_id}" for s in STUDENTS}
    canvas = list(csv.reader(io.StringIO((graded["canvas-zip"][0] / "canvas_import.csv").read_text(encoding="utf-8"))))
    assert canvas[0][:5] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"] and canvas[1][0] == "Points Possible"
    assert {row[1] for row in canvas[2:]} == {s.lms_id for s in STUDENTS}


def test_results_json_is_small_by_default(graded):
    data = json.loads((graded["plain"][0] / "results.json").read_text(encoding="utf-8"))
    assert not data["detail"] and len(data["students"]) == 30
    for student in data["students"]:
        assert len(json.dumps(student, ensure_ascii=False).encode("utf-8")) < 20_000


def test_similarity_flags_the_renamed_copy(graded):
    out = graded["plain"][0]
    rows = list(csv.DictReader(io.StringIO((out / "similarity.csv").read_text(encoding="utf-8-sig"))))
    copy = {STUDENTS[3].name, STUDENTS[4].name}
    for exercise in IDS:
        pair = [r for r in rows if r["exercise"] == exercise and {r["student_a"], r["student_b"]} == copy]
        assert pair and float(pair[0]["score"]) >= 0.9, exercise
    page = (out / "similarity.html").read_text(encoding="utf-8")
    assert "<mark>" in page and "&lt;img" in page and "<img src=x" not in page
