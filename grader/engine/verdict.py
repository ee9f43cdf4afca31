"""Compare what the learner returned with what the reference returned, and say why they differ.

A check calls `compare(...)`; on a mismatch it raises `CheckFailure` whose message is the Korean
verdict the learner reads: the function and case, what was expected and what came back (type,
shape, dtype, NaN/inf, the largest absolute and relative error and where, the tolerance used),
and, when the returned value equals what a known wrong implementation returns, the name of that
misconception. Works the same whether the value came from an in-process module or a worker.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any, Callable, Protocol, Sequence

import numpy as np

from grader.engine.messages import verdict_lines
from grader.engine.results import NamedMistake, Verdict
from grader.engine.student import NO_NOTES, CallNotes, Student


class CheckFailure(AssertionError):
    """A check found a wrong answer; `verdict` says why, as data."""

    def __init__(self, verdict: Verdict) -> None:
        super().__init__("\n".join(verdict_lines(verdict)))
        self.verdict = verdict


@dataclass(frozen=True)
class Mistake:
    """A known misconception: `compute` returns what a learner who holds it would return.

    `id` is a stable kebab-case name unique within the exercise (e.g. "sum-instead-of-mean"):
    reports count mistakes by id, so rewording `description` never splits a count."""

    description: str
    compute: Callable[..., Any]
    id: str = ""


def fmt(value: Any) -> str:
    """A short, readable rendering of a number or array for messages."""
    if isinstance(value, (float, np.floating)):
        return np.format_float_positional(float(value), precision=8, trim="-", fractional=False) if np.isfinite(value) else str(float(value))
    if isinstance(value, np.ndarray):
        return np.array2string(value, precision=6, threshold=12, edgeitems=3, separator=", ")
    if isinstance(value, np.generic):
        return fmt(value.item())  # plain Python values: never "np.int64(1)" or "np.True_"
    if isinstance(value, (tuple, list)):  # their repr would show the reprs of numpy scalars inside
        text = _short(value)
        return text if len(text) <= 120 else text[:117] + "..."
    text = repr(value)
    return text if len(text) <= 120 else text[:117] + "..."


def type_name(value: Any) -> str:
    if isinstance(value, np.ndarray):
        return f"np.ndarray(shape={value.shape}, dtype={value.dtype})"
    return type(value).__name__


def _real_scalar(value: Any) -> tuple[float | None, str | None]:
    """Accept Python and numpy real numbers and 0-d arrays; anything else is explained."""
    if value is None:
        return None, "None을 반환했습니다 (return 문을 빠뜨렸나요?)."
    if isinstance(value, (bool, np.bool_)):
        return None, f"숫자를 반환해야 하는데 bool 값 {value}을(를) 반환했습니다."
    if isinstance(value, (int, float, np.integer, np.floating)):
        return float(value), None
    if isinstance(value, np.ndarray) and value.ndim == 0 and value.dtype.kind in "iuf":
        return float(value), None
    if isinstance(value, np.ndarray):
        return None, f"숫자 하나(스칼라)를 반환해야 하는데 모양 {value.shape}의 배열을 반환했습니다. 평균이나 합으로 줄였는지 확인하세요."
    return None, f"숫자 하나(스칼라)를 반환해야 하는데 {type_name(value)}을(를) 반환했습니다."


class Spec(Protocol):
    def problems(self, actual: Any, expected: Any) -> list[str]:
        """Korean lines explaining how `actual` differs from `expected`; empty when it matches."""


@dataclass(frozen=True)
class Scalar:
    """A real number, compared with |a - e| <= atol + rtol * |e| (numpy.isclose's rule)."""

    rtol: float = 1e-7
    atol: float = 1e-9

    def problems(self, actual: Any, expected: Any) -> list[str]:
        value, reason = _real_scalar(actual)
        if reason:
            return [reason]
        want = float(expected)
        if np.isnan(value) and not np.isnan(want):
            return [f"NaN을 반환했습니다 (기대값 {fmt(want)}). 0으로 나누기나 log(0)이 있는지 확인하세요."]
        if np.isinf(value) and not np.isinf(want):
            return [f"{value}을(를) 반환했습니다 (기대값 {fmt(want)}). 값이 넘쳤거나 0으로 나눴는지 확인하세요."]
        if np.isclose(value, want, rtol=self.rtol, atol=self.atol, equal_nan=True):
            return []
        error = abs(value - want)
        relative = error / abs(want) if want != 0 else float("inf")
        return [
            f"기대값 {fmt(want)}, 반환값 {fmt(value)}",
            f"절대 오차 {fmt(error)}, 상대 오차 {fmt(relative)} (허용 오차: 상대 {self.rtol:g}, 절대 {self.atol:g})",
        ]


@dataclass(frozen=True)
class Integer:
    """An exact whole number (counts, indices). A float such as 10.0 is refused with a reason."""

    def problems(self, actual: Any, expected: Any) -> list[str]:
        if actual is None:
            return ["None을 반환했습니다 (return 문을 빠뜨렸나요?)."]
        if isinstance(actual, (bool, np.bool_)) or not isinstance(actual, (int, np.integer)):
            if isinstance(actual, (float, np.floating)) and float(actual).is_integer() and int(actual) == int(expected):
                return [f"정수(int)를 반환해야 하는데 실수 {fmt(actual)}을(를) 반환했습니다. int(...)로 바꾸세요."]
            if isinstance(actual, (float, np.floating)):
                return [f"정수(int)를 반환해야 하는데 실수 {fmt(actual)}을(를) 반환했습니다 (기대값 {int(expected)})."]
            return [f"정수(int)를 반환해야 하는데 {type_name(actual)}을(를) 반환했습니다."]
        if int(actual) != int(expected):
            return [f"기대값 {int(expected)}, 반환값 {int(actual)}"]
        return []


@dataclass(frozen=True)
class Array:
    """A numpy array of a given shape; `kind` is 'float' (any real dtype, with tolerance),
    'int' (integer dtype, exact: labels and counts) or 'bool' (boolean dtype, exact: masks)."""

    rtol: float = 1e-7
    atol: float = 1e-9
    kind: str = "float"

    def structure_problems(self, actual: Any, shape: tuple[int, ...]) -> list[str]:
        """Type, shape and dtype only: for outputs whose values are random and checked by statistics."""
        if actual is None:
            return ["None을 반환했습니다 (return 문을 빠뜨렸나요?)."]
        if isinstance(actual, (list, tuple)):
            return [f"numpy 배열(np.ndarray)을 반환해야 하는데 {type(actual).__name__}을(를) 반환했습니다. np.asarray(...)로 바꿔 반환하세요."]
        if not isinstance(actual, np.ndarray):
            return [f"numpy 배열(np.ndarray)을 반환해야 하는데 {type_name(actual)}을(를) 반환했습니다."]
        if actual.shape != tuple(shape):
            return [f"모양(shape)이 다릅니다: 기대 {tuple(shape)}, 반환 {actual.shape}."]
        dtype_problem = self._dtype_problem(actual)
        return [dtype_problem] if dtype_problem else []

    def problems(self, actual: Any, expected: Any) -> list[str]:
        want = np.asarray(expected)
        structure = self.structure_problems(actual, want.shape)
        if structure:
            return structure
        if self.kind == "float":
            return self._float_problems(actual.astype(np.float64), want.astype(np.float64))
        wrong = actual != want
        if not wrong.any():
            return []
        first = tuple(int(i) for i in np.argwhere(wrong)[0])
        lines = [f"{int(wrong.sum())}개 원소가 다릅니다 (전체 {want.size}개). 첫 위치 {list(first)}: 기대 {fmt(want[first])}, "
                 f"반환 {fmt(actual[first])}"]
        if self.kind == "int":  # counts: where the difference is largest says more than where it starts
            gap = np.abs(actual.astype(np.float64) - want.astype(np.float64))
            worst = tuple(int(i) for i in np.unravel_index(int(np.argmax(gap)), want.shape))
            if worst != first:
                lines.append(f"가장 큰 차이 {fmt(gap[worst])} (위치 {list(worst)}: 기대 {fmt(want[worst])}, 반환 {fmt(actual[worst])})")
        return lines + [f"기대값 {fmt(want)}", f"반환값 {fmt(actual)}"]

    def _dtype_problem(self, actual: np.ndarray) -> str | None:
        kind = actual.dtype.kind
        if self.kind == "float" and kind not in "iuf":
            return f"실수 배열이어야 하는데 dtype이 {actual.dtype}입니다."
        if self.kind == "int" and kind not in "iu":
            advice = " .astype(int)로 바꾸세요." if kind in "bf" else ""
            return f"정수 배열이어야 하는데 dtype이 {actual.dtype}입니다.{advice}"
        if self.kind == "bool" and kind != "b":
            return f"bool 배열이어야 하는데 dtype이 {actual.dtype}입니다."
        return None

    def _float_problems(self, actual: np.ndarray, want: np.ndarray) -> list[str]:
        lines: list[str] = []
        for label, test in (("NaN", np.isnan), ("inf", np.isinf)):
            bad = test(actual) & ~test(want)
            if bad.any():
                first = [int(i) for i in np.argwhere(bad)[0]]
                lines.append(f"반환값에 {label}이(가) {int(bad.sum())}개 있습니다 (첫 위치 {first}). 0으로 나누기, log(0), exp 넘침을 확인하세요.")
        close = np.isclose(actual, want, rtol=self.rtol, atol=self.atol, equal_nan=True)
        if close.all():
            return lines
        with np.errstate(divide="ignore", invalid="ignore"):
            error = np.where(close, 0.0, np.abs(actual - want))
            relative = np.where(want != 0, error / np.abs(want), np.where(error > 0, np.inf, 0.0))
        worst = np.unravel_index(int(np.nanargmax(np.nan_to_num(error, nan=np.inf))), want.shape)
        worst_rel = np.unravel_index(int(np.nanargmax(np.nan_to_num(relative, nan=np.inf))), want.shape)
        lines += [
            f"{int((~close).sum())}개 원소가 허용 오차를 넘습니다 (전체 {want.size}개).",
            f"가장 큰 절대 오차 {fmt(error[worst])} (위치 {list(map(int, worst))}: 기대 {fmt(want[worst])}, 반환 {fmt(actual[worst])})",
            f"가장 큰 상대 오차 {fmt(relative[worst_rel])} (위치 {list(map(int, worst_rel))})",
            f"허용 오차: 상대 {self.rtol:g}, 절대 {self.atol:g}",
            f"기대값 {fmt(want)}",
            f"반환값 {fmt(actual)}",
        ]
        return lines


@dataclass(frozen=True)
class Parts:
    """A tuple of named parts, e.g. ('w', Array()), ('v', Array()) for (new weights, velocity)."""

    parts: tuple[tuple[str, Spec], ...]

    def problems(self, actual: Any, expected: Any) -> list[str]:
        names = ", ".join(name for name, _ in self.parts)
        if not isinstance(actual, (tuple, list)) or len(actual) != len(self.parts):
            return [f"값 {len(self.parts)}개의 튜플 ({names})을 반환해야 하는데 {type_name(actual)}을(를) 반환했습니다."]
        lines: list[str] = []
        for (name, spec), got, want in zip(self.parts, actual, expected):
            lines += [f"[{name}] {line}" for line in spec.problems(got, want)]
        return lines


def _matching_mistakes(spec: Spec, actual: Any, expected: Any, mistakes: Sequence[Mistake], args: tuple,
                       kwargs: dict) -> tuple[tuple[NamedMistake, ...], list[str]]:
    """The mistakes this case proves, and a line for the ones it cannot tell apart.

    A mistake is named when the learner's value equals what it computes, the case tells that
    value apart from the right answer, and no other known mistake computes the same value here.
    When two or more look-alikes match, naming one would be a guess: the verdict says what is
    observed (which misconceptions give this value) and names none."""
    computed = []
    for mistake in mistakes:
        try:
            computed.append((mistake, mistake.compute(*copy.deepcopy(args), **copy.deepcopy(kwargs))))
        except Exception:
            continue
    matching = [(m, wrong) for m, wrong in computed if not spec.problems(actual, wrong) and spec.problems(wrong, expected)]
    named, alike = {}, {}
    for mistake, wrong in matching:
        # two ways to write the same misconception (the same id) are not look-alikes of each other
        twins = [other for other, value in computed
                 if other is not mistake and not _same_mistake(other, mistake) and not spec.problems(value, wrong)]
        (alike if twins else named).setdefault(mistake.id or mistake.description, mistake)
    lines = []
    if alike:
        lines.append("이 입력에서는 다음 실수들이 모두 같은 값을 내므로 어느 것인지 단정할 수 없습니다: "
                     + " / ".join(m.description for m in alike.values()))
    return tuple(NamedMistake(m.id, m.description) for key, m in named.items() if key not in alike), lines


def _same_mistake(a: Mistake, b: Mistake) -> bool:
    return bool(a.id) and a.id == b.id


INPUT_MUTATED = NamedMistake(
    "input-mutated",
    "입력 배열을 바꿨습니다: 함수가 받은 배열을 제자리에서 고쳐(+=, -=, x[...] = …, np.clip(out=…) 등) 호출한 쪽의 "
    "데이터가 달라졌습니다. 새 배열을 만들어 계산하세요 (예: x = x - y, 또는 x = x.copy()).")


RUNTIME_WARNING = NamedMistake(
    "runtime-warning",
    "경고 없이 계산해야 하는데 RuntimeWarning이 나왔습니다: 계산 중에 넘침(overflow), 0으로 나누기, log(0) 같은 일이 "
    "일어났습니다. 결과가 맞아도 이 함수의 약속은 '경고 없이'입니다. 넘치지 않는 식으로 계산하거나 (예: x의 부호에 따라 "
    "나누어 계산), ±inf가 약속된 값이면 그 계산만 with np.errstate(divide=\"ignore\"): 로 감싸세요.")


RETURNED_INPUT = NamedMistake(
    "returned-input-view",
    "복사본을 반환해야 하는데 입력 배열 자체(또는 그 뷰)를 반환했습니다: 반환값을 고치면 호출한 쪽의 입력도 함께 "
    "바뀝니다. x.copy()처럼 새 배열을 만들어 반환하세요 (np.asarray(x)와 x[...]는 복사하지 않습니다).")


def _shared_inputs(actual: Any, sent: tuple[Any, ...], kwargs: dict[str, Any]) -> list[str]:
    """Which array arguments a returned array (the value, or an item of a returned tuple or
    list) shares memory with: the learner returned an input or a view of it."""
    items = actual if isinstance(actual, (tuple, list)) else (actual,)
    outputs = [item for item in items if isinstance(item, np.ndarray)]
    pairs = [(argument_label(index), value) for index, value in enumerate(sent)] + list(kwargs.items())
    return [label for label, value in pairs
            if isinstance(value, np.ndarray) and any(np.shares_memory(out, value) for out in outputs)]


def argument_label(position: int | str) -> str:
    """How a verdict names an argument: "2번째 인자" for a positional one (0-based `position`),
    the name for a keyword. A sandbox worker reports changed arguments with these same labels."""
    return f"{position + 1}번째 인자" if isinstance(position, int) else position


def _changed_inputs(sent: tuple[Any, ...], kwargs: dict[str, Any], original: tuple[Any, ...],
                    original_kwargs: dict[str, Any]) -> list[str]:
    """Which array arguments differ after the call from the copies taken before it."""
    changed = []
    pairs = [(argument_label(index), a, b) for index, (a, b) in enumerate(zip(sent, original))]
    pairs += [(name, kwargs[name], original_kwargs[name]) for name in kwargs]
    for label, after, before in pairs:
        if isinstance(before, np.ndarray) and not (
                isinstance(after, np.ndarray) and after.shape == before.shape
                and np.array_equal(after, before, equal_nan=before.dtype.kind in "fc")):
            changed.append(label)
    return changed


INPUT_CHARS = 240


def _shown_exactly(value: np.ndarray) -> bool:
    """The six-digit rendering of `fmt` loses nothing for this small array."""
    with np.errstate(all="ignore"):
        finite = value[np.isfinite(value)].astype(np.float64)
        return bool(np.all(np.abs(finite) < 1e6) and np.all(np.round(finite, 6) == finite))


def describe_input(args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
    """The call's arguments as the learner would write them, shortened to one readable line."""
    parts = [_short(value) for value in args] + [f"{name}={_short(value)}" for name, value in kwargs.items()]
    text = ", ".join(parts)
    return text if len(text) <= INPUT_CHARS else text[: INPUT_CHARS - 1] + "…"


SHORT_ARRAY = 8


def _short(value: Any) -> str:
    if isinstance(value, np.ndarray):
        if value.size <= SHORT_ARRAY and value.dtype.kind == "f" and not _shown_exactly(value):
            # a fixed case may differ from a round number in the 12th digit (0.5 − 1e-12, 1e8 + 0.25): show it
            text = np.array2string(value, floatmode="unique", separator=", ", max_line_width=10**6)
            return " ".join(text.split()).replace(" ,", ",")
        return " ".join(fmt(value).split())
    if isinstance(value, np.random.Generator):
        return "rng"
    if isinstance(value, np.generic):
        return fmt(value.item())
    if isinstance(value, (tuple, list)):
        inner = ", ".join(_short(item) for item in value)
        return f"({inner}{',' if len(value) == 1 else ''})" if isinstance(value, tuple) else f"[{inner}]"
    return fmt(value)


def global_random(call: str) -> NamedMistake:
    """The learner drew from the global np.random instead of the given rng: the same seed gives
    different values on every call (which statistics tests cannot see)."""
    return NamedMistake(
        "global-random-instead-of-rng",
        "인자로 받은 rng가 아니라 전역 난수(np.random.rand, np.random.permutation 등)를 썼습니다: 같은 시드의 rng를 "
        f"줘도 부를 때마다 결과가 달라져 재현할 수 없습니다. 인자로 받은 rng로 `{call}`을(를) 그대로 쓰세요.")


def draw_differs(call: str) -> NamedMistake:
    """A valid random draw of the right law, but not the one draw the contract fixes."""
    return NamedMistake(
        "random-draw-differs",
        f"난수를 뽑는 방법이 계약과 다릅니다: `{call}`을(를) 그대로 쓰세요. 결과의 성질(크기, 분포)은 맞지만, "
        "같은 rng에서 다른 방법(다른 함수, 다른 순서, 다른 횟수)으로 뽑아 값이 달라졌습니다.")


@dataclass(frozen=True)
class Draw:
    """The contract fixes how random numbers are drawn from the given rng (`call`, e.g.
    "rng.permutation(n)"), so a correct answer equals the reference's value. When a value differs,
    `same_law(student, actual, args, kwargs)` says whether it is still a valid draw of the right law
    (sizes, coverage, a statistics test on a fresh call): then the learner drew differently, and
    is told the documented call instead of a bare element mismatch. Without `same_law`, only the
    use of the global np.random is diagnosed (by calling again with the same seed)."""

    call: str
    same_law: Callable[[Student, Any, tuple, dict], bool] | None = None


def _identical(a: Any, b: Any) -> bool:
    """The same value, exactly (NaN equal to NaN): two calls with the same seed must agree."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return (isinstance(a, np.ndarray) and isinstance(b, np.ndarray) and a.shape == b.shape and a.dtype == b.dtype
                and bool(np.array_equal(a, b, equal_nan=a.dtype.kind in "fc")))
    if isinstance(a, (tuple, list)) or isinstance(b, (tuple, list)):
        return (type(a) is type(b) and len(a) == len(b) and all(_identical(x, y) for x, y in zip(a, b)))
    if isinstance(a, float) and isinstance(b, float) and a != a and b != b:
        return True
    try:
        return bool(a == b)
    except Exception:
        return False


DRAW_REPEATS = 3  # same-seed calls before a reproducible value counts as reproducible


def _draw_mistake(draw: Draw, student: Student, function: str, spec: Spec, actual: Any, args: tuple,
                  kwargs: dict) -> NamedMistake | None:
    """Only after every known mistake failed to match: these two are told apart by calling again.
    A draw from the global generator can repeat by chance on a small case (two masks of 8 units
    agree once in 256), so it is called up to `DRAW_REPEATS` times: one differing value is enough."""
    for _ in range(DRAW_REPEATS):
        try:
            again = student.call(function, copy.deepcopy(args), copy.deepcopy(kwargs))
        except Exception:
            return None
        if not _identical(again, actual):
            return global_random(draw.call)
    if draw.same_law is not None:
        try:
            if draw.same_law(student, actual, args, kwargs):
                return draw_differs(draw.call)
        except Exception:  # a learner error or a failed property: not a draw of the right law
            return None
    return None


def compare(
    student: Student,
    reference: Any,
    function: str,
    args: tuple[Any, ...],
    kwargs: dict[str, Any] | None = None,
    *,
    case: str,
    spec: Spec,
    mistakes: Sequence[Mistake] = (),
    draw: Draw | None = None,
    no_warnings: bool = False,
    returns_copy: bool = False,
) -> Any:
    """Call `function` on the learner's code and the reference with the same inputs and
    raise CheckFailure unless the results agree under `spec`. Returns the learner's value.
    `draw` (for functions that take an rng) diagnoses a different draw or the global np.random.

    The call also fails when it changed an array argument in place (always: every contract here
    returns new values); with `no_warnings=True` (for contracts that promise "경고 없이") when it
    raised a RuntimeWarning, and with `returns_copy=True` (for contracts that promise a copy) when
    a returned array shares memory with an argument. Otherwise warnings and views are allowed."""
    kwargs = kwargs or {}
    expected = getattr(reference, function)(*copy.deepcopy(args), **copy.deepcopy(kwargs))
    sent_args, sent_kwargs = copy.deepcopy(args), copy.deepcopy(kwargs)
    actual = student.call(function, sent_args, sent_kwargs)
    notes: CallNotes = getattr(student, "last_notes", NO_NOTES)
    # Learner mode sees in-place writes in the copies it sent; a sandboxed student reports them.
    changed = _changed_inputs(sent_args, sent_kwargs, args, kwargs) or list(notes.mutated)
    if changed:
        raise CheckFailure(Verdict(function, case, (f"호출한 뒤 {', '.join(changed)}의 값이 바뀌었습니다.",),
                                   (INPUT_MUTATED,), describe_input(args, kwargs)))
    shared = (_shared_inputs(actual, sent_args, sent_kwargs) or list(notes.shared)) if returns_copy else []
    if shared:
        raise CheckFailure(Verdict(function, case, (f"반환한 배열이 {', '.join(shared)}와(과) 같은 메모리를 씁니다.",),
                                   (RETURNED_INPUT,), describe_input(args, kwargs)))
    lines = spec.problems(actual, expected)
    warned = notes.warnings if no_warnings else ()
    if lines or warned:
        found, observed = _matching_mistakes(spec, actual, expected, mistakes, args, kwargs) if lines else ((), [])
        if lines and draw is not None and not found and not observed:
            drawn = _draw_mistake(draw, student, function, spec, actual, args, kwargs)
            found = (drawn,) if drawn else ()
        if warned:  # named only when the values are right: otherwise the wrong value is the lesson
            found = found if lines else (RUNTIME_WARNING,)
            observed = [f"호출 중에 나온 경고: {line}" for line in warned] + observed
        raise CheckFailure(Verdict(function, case, tuple(observed + lines), found, describe_input(args, kwargs)))
    return actual


def expect(condition: bool, function: str, case: str, *lines: str,
           mistakes: Sequence[Mistake | NamedMistake] = ()) -> None:
    """For checks that are not a comparison with the reference (statistics, properties).
    `mistakes` are the misconceptions the check has already matched by its own test."""
    if not condition:
        named = tuple(m if isinstance(m, NamedMistake) else NamedMistake(m.id, m.description) for m in mistakes)
        raise CheckFailure(Verdict(function, case, tuple(lines), named))
