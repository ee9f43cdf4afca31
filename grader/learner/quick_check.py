"""Grade a learner's file: a fast path that proves a pass without pytest, the engine otherwise.

Importing pytest and starting a session is most of what a first `learn check` costs, yet a check
that passes needs none of pytest's reporting. So the learner's file is first run through the
exercise's check module by this small runner, which understands exactly what the check modules
use (test functions, `pytest.mark.parametrize`, and the `student`, `reference`, `seed`, `rng`
fixtures of `grader.engine.plugin.LearnPlugin`) and names every test as pytest would (the names
seed `rng`, so the random inputs are the same). When every test passes, that is the result.
At the first failure, or when a check uses anything else, the file is graded again by the engine
(`grader.engine.runner.check_file`, pytest and all) with the same seed, so every failure the
learner sees comes from the one engine. `tests/learner/test_quick_check.py` holds the two paths
to the same names, titles and verdicts for every exercise.

While a check module is imported here without pytest loaded, `pytest` is a stand-in that only
records `mark.parametrize`; it is removed again right after, and the module is imported under a
private name so pytest never reuses it.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import os
import sys
import time
import types
import warnings
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from grader.course.catalog import Exercise
from grader.course.content import CHECKS_DIR, solution_path

if TYPE_CHECKING:
    from grader.engine.results import ExerciseResult

FIXTURES = ("student", "reference", "seed", "rng")
LONG_ID = 100  # pytest's "short" strategy: longer strings get argname + index


class Unsupported(Exception):
    """The check uses something this runner does not imitate: let pytest run it."""


class _Mark:
    def __init__(self, name: str, args: tuple, kwargs: dict) -> None:
        self.name, self.args, self.kwargs = name, args, kwargs


class _MarkGenerator:
    def parametrize(self, argnames: Any, argvalues: Any, ids: Any = None, **kwargs: Any) -> Any:
        if kwargs:
            raise Unsupported(f"parametrize({', '.join(kwargs)})")
        mark = _Mark("parametrize", (argnames, argvalues), {"ids": ids} if ids is not None else {})

        def store(function: Any) -> Any:
            function.pytestmark = [*getattr(function, "pytestmark", []), mark]
            return function

        return store

    def __getattr__(self, name: str) -> Any:
        raise Unsupported(f"pytest.mark.{name}")


def _stand_in() -> types.ModuleType:
    module = types.ModuleType("pytest", "learn: the part of pytest a check module uses at import")
    module.mark = _MarkGenerator()  # type: ignore[attr-defined]
    return module


_CACHE: dict[tuple[str, str], tuple[tuple[int, int], Any]] = {}


def _cached(kind: str, path: Path, load: Any) -> Any:
    """A check module or reference loaded once per process (`learn watch` checks many times),
    loaded again when its file changes."""
    stat = path.stat()
    key, signature = (kind, str(path)), (stat.st_mtime_ns, stat.st_size)
    hit = _CACHE.get(key)
    if hit is not None and hit[0] == signature:
        return hit[1]
    value = load()
    _CACHE[key] = (signature, value)
    return value


def _import_check(exercise: Exercise) -> types.ModuleType:
    path = CHECKS_DIR / f"{exercise.check_module}.py"
    return _cached("check", path, lambda: _import_check_uncached(exercise, path))


def _import_check_uncached(exercise: Exercise, path: Path) -> types.ModuleType:
    spec = importlib.util.spec_from_file_location(f"_learn_quick_{exercise.check_module}", path)
    if spec is None or spec.loader is None:
        raise Unsupported(str(path))
    module = importlib.util.module_from_spec(spec)
    stand_in = "pytest" not in sys.modules
    if stand_in:
        sys.modules["pytest"] = _stand_in()
    try:
        spec.loader.exec_module(module)
    except Unsupported:
        raise
    except Exception as error:  # e.g. the check uses pytest.raises at import: let pytest do it
        raise Unsupported(f"{type(error).__name__}: {error}") from None
    finally:
        if stand_in:
            del sys.modules["pytest"]
    if getattr(module, "pytestmark", None) is not None:
        raise Unsupported("module pytestmark")
    return module


def _id(value: Any, argname: str, index: int) -> str:
    """pytest's automatic id of one parameter value (`_pytest.python.IdMaker._idval`)."""
    if isinstance(value, str):
        return value if len(value) <= LONG_ID else f"{argname}{index}"
    if value is None or isinstance(value, (float, int, bool, complex)):
        return str(value)
    import enum
    import re

    if isinstance(value, bytes) or isinstance(value, re.Pattern):
        raise Unsupported("bytes or pattern id")
    if isinstance(value, enum.Enum):
        return str(value)
    name = getattr(value, "__name__", None)
    if isinstance(name, str):
        return name
    return f"{argname}{index}"


def _parametrizations(mark: _Mark) -> list[tuple[str, dict[str, Any]]]:
    """(id, {argname: value}) for each value set of one parametrize mark."""
    if mark.name != "parametrize":
        raise Unsupported(f"mark {mark.name}")
    argnames, argvalues = mark.args[0], list(mark.args[1])
    names = [n.strip() for n in argnames.split(",") if n.strip()] if isinstance(argnames, str) else list(argnames)
    ids = mark.kwargs.get("ids")
    if not argvalues or (ids is not None and (not isinstance(ids, (list, tuple)) or len(ids) != len(argvalues))):
        raise Unsupported("empty parametrize or ids")
    sets = []
    for index, value in enumerate(argvalues):
        if type(value).__name__ == "ParameterSet":
            raise Unsupported("pytest.param")
        values = (value,) if len(names) == 1 else tuple(value)
        if len(values) != len(names):
            raise Unsupported("argument count")
        if ids is not None:
            if not isinstance(ids[index], str):
                raise Unsupported("non-string ids")
            case_id = ids[index]
        else:
            case_id = "-".join(_id(v, n, index) for n, v in zip(names, values))
        sets.append((case_id, dict(zip(names, values))))
    if len({case_id for case_id, _ in sets}) != len(sets):
        raise Unsupported("duplicate ids")  # pytest would add suffixes
    return sets


def collect(module: types.ModuleType) -> Iterator[tuple[str, str, Any, dict[str, Any]]]:
    """(name, title, function, params) for every test of a check module, in pytest's order."""
    for name, obj in list(vars(module).items()):
        if not name.startswith("test"):
            continue
        if isinstance(obj, type):
            raise Unsupported("test class")
        if not isinstance(obj, types.FunctionType) or getattr(obj, "__test__", True) is False:
            continue
        doc = (obj.__doc__ or "").strip().splitlines()
        calls: list[tuple[list[str], dict[str, Any]]] = [([], {})]
        for mark in getattr(obj, "pytestmark", []):
            calls = [(ids + [case_id], {**params, **more}) for ids, params in calls
                     for case_id, more in _parametrizations(mark)]
        for ids, params in calls:
            test_name = f"{name}[{'-'.join(ids)}]" if ids else name
            title = doc[0].strip() if doc else test_name
            yield test_name, (f"{title} [{'-'.join(ids)}]" if ids else title), obj, params


def new_seed() -> int:
    """Uniform in [0, 2**31), like grader.engine.runner.new_seed, without importing `secrets`."""
    return int.from_bytes(os.urandom(4), "big") & 0x7FFFFFFF


def quick_pass(exercise: Exercise, path: Path, display: str, seed: int, timeout: float) -> "ExerciseResult | None":
    """A passing result when every test of the check passes on the learner's file, else None."""
    from grader.engine.results import ExerciseResult, Status, TestResult
    from grader.engine.student import LoadError, ModuleStudent, load_learner_module

    started = time.perf_counter()
    try:
        learner = load_learner_module(path, display, timeout)
        reference_path = solution_path(exercise.filename)
        reference = _cached("reference", reference_path, lambda: load_learner_module(
            reference_path, f"solutions/{exercise.filename}", timeout=0))
        check = _import_check(exercise)
        tests = list(collect(check))
    except (LoadError, Unsupported, OSError):
        return None
    if not tests:
        return None
    import numpy as np

    student = ModuleStudent(learner, path.name, timeout)
    results = []
    sink = io.StringIO()
    with warnings.catch_warnings(), contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
        warnings.simplefilter("ignore")
        for name, title, function, params in tests:
            code = function.__code__
            arguments = {}
            for argname in code.co_varnames[: code.co_argcount]:
                if argname in params:
                    arguments[argname] = params[argname]
                elif argname == "student":
                    arguments[argname] = student
                elif argname == "reference":
                    arguments[argname] = reference
                elif argname == "seed":
                    arguments[argname] = seed
                elif argname == "rng":
                    arguments[argname] = np.random.default_rng([seed, zlib.crc32(name.encode())])
                else:
                    return None  # a fixture only pytest knows
            try:
                function(**arguments)
            except BaseException as error:  # noqa: BLE001 - any failure: the engine says what happened
                if isinstance(error, KeyboardInterrupt):
                    raise
                return None
            results.append(TestResult(name, title, Status.PASSED, exercise.id))
    result = ExerciseResult(exercise.id, seed, results)
    result.seconds = time.perf_counter() - started
    return result


def check_learner_file(exercise: Exercise, path: Path, display: str, *, seed: int | None = None,
                       timeout: float | None = None) -> "ExerciseResult":
    """The result of `learn check` for one file: the fast path when it passes, else the engine."""
    from grader.engine.student import DEFAULT_CALL_TIMEOUT

    timeout = DEFAULT_CALL_TIMEOUT if timeout is None else timeout
    seed = new_seed() if seed is None else seed
    passed = quick_pass(exercise, path, display, seed, timeout)
    if passed is not None:
        return passed
    from grader.engine.runner import check_file

    return check_file(exercise, path, display, seed=seed, timeout=timeout)
