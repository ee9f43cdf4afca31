"""The Korean verdict: what the learner reads when an answer is wrong."""

import numpy as np
import pytest

from grader.engine.verdict import Array, CheckFailure, Integer, Mistake, Parts, Scalar, compare


class FakeStudent:
    """Stands in for the learner: returns whatever the test wants."""

    def __init__(self, value):
        self.value = value

    def call(self, function, args=(), kwargs=None):
        return self.value


class Reference:
    @staticmethod
    def mean(x):
        return float(np.mean(x))

    @staticmethod
    def double(x):
        return np.asarray(x, dtype=float) * 2


def verdict(value, function="double", args=(np.array([1.0, 2.0, 3.0]),), spec=Array(), mistakes=()):
    with pytest.raises(CheckFailure) as failure:
        compare(FakeStudent(value), Reference, function, args, case="사례", spec=spec, mistakes=mistakes)
    return str(failure.value)


def test_a_match_returns_the_learners_value():
    value = compare(FakeStudent(np.array([2.0, 4.0, 6.0])), Reference, "double", (np.array([1.0, 2.0, 3.0]),),
                    case="사례", spec=Array())
    assert value.tolist() == [2.0, 4.0, 6.0]


def test_shape_mismatch_names_both_shapes():
    message = verdict(np.array([[2.0, 4.0, 6.0]]))
    assert message.startswith("double — 사례")
    assert "모양(shape)이 다릅니다: 기대 (3,), 반환 (1, 3)." in message


def test_list_instead_of_array_says_how_to_fix_it():
    assert "list을(를) 반환했습니다. np.asarray(...)로 바꿔 반환하세요." in verdict([2.0, 4.0, 6.0])


def test_none_suggests_a_missing_return():
    assert "return 문을 빠뜨렸나요?" in verdict(None)


def test_nan_is_counted_and_located():
    message = verdict(np.array([2.0, np.nan, 6.0]))
    assert "반환값에 NaN이(가) 1개 있습니다 (첫 위치 [1])." in message


def test_worst_error_and_tolerance_are_reported():
    message = verdict(np.array([2.0, 4.5, 6.0]), spec=Array(rtol=1e-7, atol=1e-9))
    assert "1개 원소가 허용 오차를 넘습니다 (전체 3개)." in message
    assert "가장 큰 절대 오차 0.5 (위치 [1]: 기대 4, 반환 4.5)" in message
    assert "허용 오차: 상대 1e-07, 절대 1e-09" in message


def test_integer_labels_refuse_bool_and_float_dtypes():
    spec = Array(kind="int")
    assert "정수 배열이어야 하는데 dtype이 bool입니다. .astype(int)로 바꾸세요." in verdict(
        np.array([True, True, True]), spec=spec, args=(np.array([1, 1, 1]),))
    assert "dtype이 float64입니다" in verdict(np.array([2.0, 4.0, 6.0]), spec=spec, args=(np.array([1, 2, 3]),))


def test_scalar_expected_but_array_returned():
    message = verdict(np.array([1.0, 2.0]), function="mean", spec=Scalar())
    assert "숫자 하나(스칼라)를 반환해야 하는데 모양 (2,)의 배열을 반환했습니다." in message


def test_scalar_accepts_numpy_scalars_and_zero_d_arrays():
    for value in (np.float32(2.0), np.array(2.0), 2):
        compare(FakeStudent(value), Reference, "mean", (np.array([1.0, 3.0]),), case="c", spec=Scalar())


def test_integer_refuses_a_whole_float_with_advice():
    spec = Integer()
    assert spec.problems(10.0, 10) == ["정수(int)를 반환해야 하는데 실수 10을(를) 반환했습니다. int(...)로 바꾸세요."]
    assert spec.problems(np.int64(10), 10) == []
    assert spec.problems(9, 10) == ["기대값 10, 반환값 9"]


def test_a_matching_misconception_is_named():
    sum_instead = Mistake("평균 대신 합", lambda x: float(np.sum(x)))
    message = verdict(6.0, function="mean", spec=Scalar(), mistakes=[sum_instead])
    assert "흔한 실수: 평균 대신 합" in message


def test_a_misconception_that_does_not_match_is_not_named():
    sum_instead = Mistake("평균 대신 합", lambda x: float(np.sum(x)))
    assert "흔한 실수" not in verdict(7.0, function="mean", spec=Scalar(), mistakes=[sum_instead])


def test_parts_label_each_part():
    spec = Parts((("w", Array()), ("v", Array())))
    lines = spec.problems((np.array([1.0]), np.array([3.0])), (np.array([1.0]), np.array([2.0])))
    assert lines[0].startswith("[v] ")
    assert spec.problems(np.array([1.0]), (np.array([1.0]), np.array([2.0])))[0].startswith("값 2개의 튜플 (w, v)")


def test_inputs_are_copied_so_a_learner_cannot_change_the_expected_value():
    class Mutating:
        def call(self, function, args=(), kwargs=None):
            args[0][:] = 0
            return np.zeros(3)

    original = np.array([1.0, 2.0, 3.0])
    with pytest.raises(CheckFailure):
        compare(Mutating(), Reference, "double", (original,), case="c", spec=Array())
    assert original.tolist() == [1.0, 2.0, 3.0]


def test_the_input_of_a_fixed_case_shows_the_digits_that_matter():
    from grader.engine.verdict import describe_input

    assert describe_input((np.array([0.5 - 1e-12, 0.5, 0.5 + 1e-12]), 0.5), {}) == "[0.499999999999, 0.5, 0.500000000001], 0.5"
    assert describe_input((np.array([0.25, 1.0]),), {}) == "[0.25, 1. ]"


def test_numbers_inside_tuples_and_lists_are_plain():
    from grader.engine.verdict import fmt

    assert fmt((np.int64(1), np.True_, [np.float64(0.5)])) == "(1, True, [0.5])"


def test_an_integer_array_shows_where_the_difference_is_largest():
    from grader.engine.verdict import Array

    lines = Array(kind="int").problems(np.array([1, 2, 30, 4]), np.array([1, 3, 3, 4]))
    assert lines[0] == "2개 원소가 다릅니다 (전체 4개). 첫 위치 [1]: 기대 3, 반환 2"
    assert lines[1] == "가장 큰 차이 27 (위치 [2]: 기대 3, 반환 30)"


class NotingStudent:
    """A sandboxed student as compare sees it: the value, plus what the worker reported."""

    def __init__(self, value, notes):
        self.value, self.last_notes = value, notes

    def call(self, function, args=(), kwargs=None):
        return self.value


def failure_of(student, args=(np.array([1.0, 2.0, 3.0]),), **options):
    with pytest.raises(CheckFailure) as failure:
        compare(student, Reference, "double", args, case="사례", spec=Array(), **options)
    return failure.value.verdict


def test_a_warning_fails_only_where_the_contract_forbids_it():
    from grader.engine.student import CallNotes

    right = np.array([2.0, 4.0, 6.0])
    warned = NotingStudent(right, CallNotes(warnings=("RuntimeWarning: overflow encountered in exp (m.py 3번째 줄)",)))
    compare(warned, Reference, "double", (np.array([1.0, 2.0, 3.0]),), case="사례", spec=Array())  # allowed
    verdict = failure_of(warned, no_warnings=True)
    assert [m.id for m in verdict.mistakes] == ["runtime-warning"]
    assert verdict.problems == ("호출 중에 나온 경고: RuntimeWarning: overflow encountered in exp (m.py 3번째 줄)",)


def test_with_a_wrong_value_the_warning_is_shown_but_not_named():
    from grader.engine.student import CallNotes

    verdict = failure_of(NotingStudent(np.array([2.0, 4.0, 7.0]), CallNotes(warnings=("RuntimeWarning: x",))),
                         no_warnings=True)
    assert verdict.mistakes == ()
    assert verdict.problems[0] == "호출 중에 나온 경고: RuntimeWarning: x"
    assert "1개 원소가 허용 오차를 넘습니다 (전체 3개)." in verdict.problems


def test_a_reported_in_place_write_is_the_input_mutated_mistake():
    from grader.engine.student import CallNotes

    verdict = failure_of(NotingStudent(np.array([2.0, 4.0, 6.0]), CallNotes(mutated=("1번째 인자",))))
    assert [m.id for m in verdict.mistakes] == ["input-mutated"]
    assert verdict.problems == ("호출한 뒤 1번째 인자의 값이 바뀌었습니다.",)


def test_a_returned_input_fails_only_where_a_copy_is_promised():
    class Same:
        def call(self, function, args=(), kwargs=None):
            return args[0]

    x = np.array([1.0, 2.0, 3.0])
    Identity = type("Identity", (), {"double": staticmethod(lambda v: np.array(v, dtype=float))})
    compare(Same(), Identity, "double", (x,), case="c", spec=Array())
    with pytest.raises(CheckFailure) as failure:
        compare(Same(), Identity, "double", (x,), case="c", spec=Array(), returns_copy=True)
    assert [m.id for m in failure.value.verdict.mistakes] == ["returned-input-view"]
    assert failure.value.verdict.problems == ("반환한 배열이 1번째 인자와(과) 같은 메모리를 씁니다.",)


def test_a_returned_view_reported_by_the_worker_fails_where_a_copy_is_promised():
    from grader.engine.student import CallNotes

    verdict = failure_of(NotingStudent(np.array([2.0, 4.0, 6.0]), CallNotes(shared=("1번째 인자",))), returns_copy=True)
    assert [m.id for m in verdict.mistakes] == ["returned-input-view"]


def test_a_global_draw_that_repeats_once_by_chance_is_still_named_global():
    """Two 8-unit masks from the global generator agree once in 256: one agreeing repeat must
    not turn 'global random' into 'a different draw of the right law'."""
    from grader.engine import verdict

    class Repeats:  # the first repeat agrees with the checked value, the next one does not
        def __init__(self) -> None:
            self.values = iter([np.ones(8), np.zeros(8)])

        def call(self, function, args=(), kwargs=None):
            return next(self.values)

    draw = verdict.Draw("rng.random(x.shape)", same_law=lambda *a: True)
    found = verdict._draw_mistake(draw, Repeats(), "dropout_forward", None, np.ones(8), (), {})
    assert found is not None and found.id == "global-random-instead-of-rng"
