"""Grading mode diagnoses random draws as learner mode does: the check calls the sandboxed
function again (same seed) to tell the global np.random from a different draw of the right law."""

from grader.course.catalog import load_catalog
from grader.course.content import CONTENT_ROOT
from grader.grading.batch import GradeOptions, grade_student
from grader.grading.intake import Submission
from grader.grading.recording import record_plans
from grader.sandbox import Limits, Sandbox

KEEP = "    keep = rng.random(x.shape) >= rate\n"


def test_grading_names_the_global_random_and_a_different_draw():
    exercise = load_catalog().resolve("15_dropout")
    source = (CONTENT_ROOT / "solutions" / exercise.filename).read_text(encoding="utf-8")
    assert source.count(KEEP) == 1
    variants = {
        "global": source.replace(KEEP, "    keep = np.random.rand(*x.shape) >= rate\n"),
        "binomial": source.replace(KEEP, "    keep = rng.binomial(1, 1.0 - rate, size=x.shape).astype(bool)\n"),
    }
    plans = record_plans([exercise], 2024)
    named = {}
    with Sandbox(Limits(), call_timeout=2) as sandbox:
        for name, text in variants.items():
            state = grade_student(sandbox, Submission(name, {exercise.filename: text.encode()}), plans,
                                  GradeOptions(seed=2024, timeout=2))
            result = state.exercises[exercise.id].result
            named[name] = {m.id for t in result.failed_tests for m in t.mistakes}
    assert named == {"global": {"global-random-instead-of-rng"}, "binomial": {"random-draw-differs"}}
