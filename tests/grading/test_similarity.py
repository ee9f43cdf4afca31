"""The similarity report ranks a renamed, reformatted copy above every independent solution."""

import sys
from pathlib import Path

from grader.course.content import CONTENT_ROOT
from grader.grading.intake import Submission
from grader.grading.similarity import compare_class, compare_exercise, Document, tokens

sys.path.insert(0, str(Path(__file__).parent))
from lms_class import FILES, IDS, STYLE_A, STYLE_B, STYLE_C, STYLE_D, reference, renamed_copy  # noqa: E402


def test_copy_outranks_every_independent_correct_solution():
    subs = [Submission("R", {f: reference(f).encode() for f in FILES})]
    subs += [Submission(n, {f: s[f].encode() for f in FILES}) for n, s in
             {"A": STYLE_A, "B": STYLE_B, "C": STYLE_C, "D": STYLE_D}.items()]
    subs.append(Submission("D2", {f: renamed_copy(STYLE_D[f]).encode() for f in FILES}))
    per_exercise, whole = compare_class(subs)
    for exercise in IDS:
        pairs = [p for p in per_exercise if p.exercise == exercise]
        assert {pairs[0].student_a, pairs[0].student_b} == {"D", "D2"} and pairs[0].score >= 0.95
        assert all(p.score < 0.6 for p in pairs[1:]), [(p.student_a, p.student_b, p.score) for p in pairs[:4]]
    assert {whole[0].student_a, whole[0].student_b} == {"D", "D2"} and whole[1].score < 0.5


def test_the_stub_is_not_evidence():
    stub = (CONTENT_ROOT / "exercises" / "01_mse.py").read_text(encoding="utf-8")
    docs = [Document("a", None, stub), Document("b", None, stub + "\nx = 1\n")]
    assert compare_exercise("01_mse", docs, stub) == []


def test_files_that_do_not_parse_still_compare():
    broken = "def f(:\n    return [1, 2\n"
    assert [t.text for t in tokens(broken)][:3] == ["def", "V", "("]
