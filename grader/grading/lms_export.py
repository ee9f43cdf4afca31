"""Gradebook files an LMS imports, written next to grades.csv by `learn grade --lms canvas|moodle`.

- **Canvas** (Grades → Import): `canvas_import.csv` with Canvas's gradebook columns `Student`,
  `ID` (the Canvas user id from the export's file names), `SIS User ID`, `SIS Login ID`,
  `Section`, then one column for the assignment, and a `Points Possible` row. Canvas matches rows
  by `ID`; a new column name makes Canvas offer to create the assignment.
- **Moodle** (Assignment → "Upload grading worksheet", offline grading worksheet enabled):
  `moodle_worksheet.csv` with `Identifier` = `Participant <n>` (the participant number in the
  download's folder names), `Full name`, `Grade`, `Maximum Grade`, `Feedback comments`. Moodle
  matches rows by that identifier, which is written as an English-language Moodle writes it.

Students without an LMS id (plain folders) cannot be matched and are left out, with a count
returned so the CLI can say so. Cells are spreadsheet-safe like grades.csv.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from grader.grading.reports import safe_cell

LMS_FORMATS = ("canvas", "moodle")
ASSIGNMENT = "learn"


def canvas_csv(roster: list[dict[str, Any]], assignment: str = ASSIGNMENT) -> str:
    rows = [r for r in roster if r.get("lms_id")]
    max_total = max((r["max_total"] for r in roster), default=0)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["Student", "ID", "SIS User ID", "SIS Login ID", "Section", assignment])
    writer.writerow(["Points Possible", "", "", "", "", f"{max_total:.2f}"])
    for row in sorted(rows, key=lambda r: r["student"]):
        writer.writerow([safe_cell(row["student"]), safe_cell(str(row["lms_id"])), "", "", "", f"{row['total']:.2f}"])
    return buffer.getvalue()


def moodle_csv(roster: list[dict[str, Any]]) -> str:
    rows = [r for r in roster if r.get("lms_id")]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["Identifier", "Full name", "Grade", "Maximum Grade", "Feedback comments"])
    for row in sorted(rows, key=lambda r: r["student"]):
        comment = "" if row["status"] == "정상" else row["status"]
        writer.writerow([f"Participant {row['lms_id']}", safe_cell(row["student"]), f"{row['total']:.2f}",
                         f"{row['max_total']:.2f}", safe_cell(comment)])
    return buffer.getvalue()


def write_lms_import(out: Path, lms: str, roster: list[dict[str, Any]], encoding: str = "utf-8") -> Path:
    if lms == "canvas":
        path, text = out / "canvas_import.csv", canvas_csv(roster)
    elif lms == "moodle":
        path, text = out / "moodle_worksheet.csv", moodle_csv(roster)
    else:
        raise ValueError(f"unknown LMS {lms!r}")
    path.write_text(text, encoding=encoding, newline="")
    return path
