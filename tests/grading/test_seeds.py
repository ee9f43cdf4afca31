"""Different seeds give different hidden inputs, so answers copied from the visible checks fail."""

from grader.course.catalog import load_catalog
from grader.grading.intake import Submission
from grader.grading.batch import GradeOptions, grade_student
from grader.grading.recording import record_plans
from grader.sandbox import Limits, Sandbox

# Right only for the inputs a learner can read in grader/checks/check_10_iteration_count.py.
MEMORISED = b"""
KNOWN = {(2000, 200): 10, (2050, 200): 11, (2001, 200): 11, (1030, 100): 11, (37, 1): 37, (500, 500): 1,
         (50, 64): 1, (1000, 32): 32, (10**17 + 1, 10**9): 100000001, (2**53 + 1, 2): 4503599627370497,
         (3 * (2**53 + 1), 3): 9007199254740993, (10**18, 10**9 + 7): 999999994, (10**12 + 3, 10**6): 1000001}
LAST = {(2000, 200): 200, (2050, 200): 50, (2001, 200): 1, (1030, 100): 30, (37, 1): 1, (500, 500): 500,
        (50, 64): 50, (1000, 32): 8, (10**17 + 1, 10**9): 1, (2**53 + 1, 2): 1, (3 * (2**53 + 1), 3): 3,
        (10**18, 10**9 + 7): 49, (10**12 + 3, 10**6): 3}
def iterations_per_epoch(n, b):
    return KNOWN.get((n, b), 1)
def total_iterations(n, b, e):
    return 50 * KNOWN[(n, b)] if e == 50 and (n, b) in KNOWN else 1
def last_batch_size(n, b):
    return LAST.get((n, b), 1)
"""


def test_seeds_change_the_hidden_inputs_and_memorised_answers_lose_points():
    exercise = load_catalog().resolve("10")
    plans = {seed: record_plans([exercise], seed) for seed in (1, 2)}
    random_test = next(n for n in plans[1][exercise.id].calls if "random" in n)
    first = [c.digest for c in plans[1][exercise.id].calls[random_test]]
    second = [c.digest for c in plans[2][exercise.id].calls[random_test]]
    assert first != second
    with Sandbox(Limits(), call_timeout=2) as sandbox:
        for seed, plan in plans.items():
            state = grade_student(sandbox, Submission("memoriser", {exercise.filename: MEMORISED}), plan,
                                  GradeOptions(seed=seed, timeout=2))
            grade = state.exercises[exercise.id]
            assert 0 < grade.points < exercise.points
            failed = [t.name for t in grade.result.failed_tests]
            assert failed == ["test_random_sizes"]
