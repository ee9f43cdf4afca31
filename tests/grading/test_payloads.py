"""Hostile text in every place a class can put it, through the real `learn grade`: student names and
LMS ids (from a Gradescope export, where any text is possible), what the code prints, and the
messages of the exceptions it raises. Every HTML page must show it as text, never as markup; every
CSV cell must be safe to open in a spreadsheet (OWASP: no cell starts with = + - @, tab or CR);
the instructor's terminal must get no control characters."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from grader.grading.identity import file_key

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MARKUP = ("<script", "<img")

CODE = '''import numpy as np

print("<script>alert('printed at import')</script> =cmd|' /C calc'!A0")


def mse(y_true, y_pred):
    print("<img src=x onerror=alert('printed')> @SUM(1+1)")
    raise ValueError("<script>alert('exception')</script> =cmd|' /C calc'!A0 -1+1")


def mae(y_true, y_pred):
    # <script>alert('comment')</script> shared by the copied submissions
    total = 0.0
    for a, b in zip(np.ravel(y_true), np.ravel(y_pred)):
        total = total + abs(float(a) - float(b))
    return total / max(len(np.ravel(y_true)), 1)
'''

# (display name in the YAML, what the grades.csv cell must hold, sid). Names lose control
# characters and path separators (identity.clean_name); ids lose control characters.
STUDENTS = [
    ("=cmd|' /C calc'!A0", "'=cmd|' C calc'!A0", "=1+1"),
    ("-1+1", "'-1+1", "-2"),
    ("@SUM(1+1)", "'@SUM(1+1)", "@A1"),
    ("+82 10", "'+82 10", "\t=1"),
    ("<script>alert(1)</script>", "<script>alert(1)< script>", "\r=2"),
    ("\t\r=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http: x\")", "1005"),
    ("\x1b[2J\x1b[31m빨강", "[2J[31m빨강", "1006"),
    ("가져오기 실패", "가져오기 실패", "1007"),
]
# The last student's module raises while it is imported: the message lands in the status cell.
IMPORT_FAILS = 'raise ValueError("boom\\r=1+1\\n@SUM(1)\\r\\n-2 <script>alert(\'import\')</script>")\n'



def yaml_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\r", "\\r") \
        .replace("\x1b", "\\e") + '"'


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    root = tmp_path_factory.mktemp("payloads")
    members, lines = {}, []
    for index, (name, _, sid) in enumerate(STUDENTS):
        folder = f"submission_{900 + index}"
        members[f"assignment_1_export/{folder}/01_mse.py"] = IMPORT_FAILS if name == "가져오기 실패" else CODE
        lines += [f"{folder}:", "  :submitters:", f"  - :name: {yaml_quote(name)}", f"    :sid: {yaml_quote(sid)}"]
    members["assignment_1_export/submission_metadata.yml"] = "\n".join(lines) + "\n"
    archive = root / "submissions.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        for member, text in members.items():
            bundle.writestr(member, text)
    out = root / "out"
    runs = []
    for lms in ("canvas", "moodle"):  # the second run resumes: nobody is graded again, the reports are rewritten
        runs.append(subprocess.run([sys.executable, "-m", "grader", "grade", str(archive), "--out", str(out), "--seed", "1",
                                    "--timeout", "2", "--jobs", "2", "--similarity", "--lms", lms],
                                   capture_output=True, text=True, timeout=300))
    return out, runs


def test_exit_0_and_no_control_characters_on_the_terminal(graded):
    _, runs = graded
    for run in runs:
        assert run.returncode == 0, run.stderr[-2000:]
        assert "\x1b" not in run.stdout + run.stderr and "\r" not in run.stdout + run.stderr
    assert f"받은 제출물: Gradescope (zip) {len(STUDENTS)}명" in runs[0].stderr


def test_html_shows_every_payload_as_text(graded):
    out, _ = graded
    pages = {p.name: p.read_text(encoding="utf-8") for p in [out / "summary.html", out / "similarity.html",
                                                             *(out / "feedback").glob("*.html")]}
    assert len(pages) == 2 + len(STUDENTS)
    for name, page in pages.items():
        assert not any(bad in page for bad in MARKUP), name
    summary = pages["summary.html"]
    assert "&lt;script&gt;alert(1)&lt; script&gt;" in summary and "=cmd|&#39; C calc&#39;!A0" in summary
    feedback = pages[f"{file_key('-1+1')}.html"]
    assert "&lt;script&gt;alert(&#39;exception&#39;)&lt;/script&gt; =cmd|&#39; /C calc&#39;!A0" in feedback
    assert "&lt;script&gt;alert(&#39;comment&#39;)&lt;/script&gt;" in pages["similarity.html"]
    assert "&lt;script&gt;alert(&#39;import&#39;)&lt;/script&gt;" in pages[f"{file_key('가져오기 실패')}.html"]


def rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def test_every_csv_cell_is_spreadsheet_safe(graded):
    out, _ = graded
    files = ["grades.csv", "similarity.csv", "canvas_import.csv", "moodle_worksheet.csv"]
    for name in files:
        raw = (out / name).read_bytes().decode("utf-8-sig")
        for line in re.split(r"\r\n|\r|\n", raw):  # as a spreadsheet splits rows: no line break stays inside a cell
            assert not line.startswith(FORMULA_START), (name, line)
        table = rows(out / name)
        assert len(table) > 1, name
        for row in table:
            assert not any(cell.startswith(FORMULA_START) for cell in row), (name, row)
    grades = {row[0]: row for row in rows(out / "grades.csv")[1:]}
    assert set(grades) == {cell for _, cell, _ in STUDENTS}  # one row each, the name kept, neutralised
    assert grades["'-1+1"][1] == "'-2" and grades["'+82 10"][1] == "'=1" and grades["<script>alert(1)< script>"][1] == "'=2"
    assert all(row[2] == "5.00" for name, row in grades.items() if name != "가져오기 실패")  # mae right, mse raises
    assert grades["가져오기 실패"][2] == "0.00" and "boom?=1+1 @SUM(1)? -2" in grades["가져오기 실패"][-1]
    canvas = {row[0]: row[1] for row in rows(out / "canvas_import.csv")[2:]}
    assert canvas["'=cmd|' C calc'!A0"] == "'=1+1" and len(canvas) == len(STUDENTS)
    moodle = {row[1]: row[0] for row in rows(out / "moodle_worksheet.csv")[1:]}
    assert moodle["'@SUM(1+1)"] == "Participant @A1" and len(moodle) == len(STUDENTS)
    similar = rows(out / "similarity.csv")[1:]
    assert {row[1] for row in similar} | {row[3] for row in similar} >= {"'=cmd|' C calc'!A0", "'-1+1"}
