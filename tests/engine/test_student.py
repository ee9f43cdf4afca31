"""Learner mode: every way a learner's file can break becomes one Korean sentence."""

import time

import numpy as np
import pytest

from grader.engine.student import LoadError, ModuleStudent, StudentError, load_learner_module


def load(tmp_path, source, timeout=1.0):
    path = tmp_path / "03_threshold.py"
    path.write_text(source, encoding="utf-8")
    return load_learner_module(path, "exercises/03_threshold.py", timeout)


def student(tmp_path, source, timeout=0.5):
    return ModuleStudent(load(tmp_path, source), "03_threshold.py", timeout)


def test_syntax_error_names_file_and_line(tmp_path):
    with pytest.raises(LoadError) as error:
        load(tmp_path, "import numpy as np\n\ndef f(x):\n    return x +\n")
    assert "exercises/03_threshold.py 4번째 줄에 문법 오류가 있습니다" in str(error.value)
    assert "return x +" in str(error.value)


def test_exception_at_import_names_the_line(tmp_path):
    with pytest.raises(LoadError) as error:
        load(tmp_path, "x = 1\ny = 1 / 0\n")
    assert "ZeroDivisionError: division by zero (03_threshold.py 2번째 줄: y = 1 / 0)" in str(error.value)


def test_missing_file_points_to_reset(tmp_path):
    with pytest.raises(LoadError) as error:
        load_learner_module(tmp_path / "nope.py", "exercises/nope.py")
    assert "exercises/nope.py 파일이 없습니다" in str(error.value) and "learn reset" in str(error.value)


def test_sys_exit_at_import_is_reported(tmp_path):
    with pytest.raises(LoadError) as error:
        load(tmp_path, "import sys\nsys.exit(0)\n")
    assert "sys.exit()" in str(error.value)


def test_infinite_loop_at_import_times_out(tmp_path):
    started = time.perf_counter()
    with pytest.raises(LoadError) as error:
        load(tmp_path, "while True:\n    pass\n", timeout=0.3)
    assert time.perf_counter() - started < 2
    assert "0.3초가 넘게 걸렸습니다" in str(error.value)


def test_missing_or_renamed_function(tmp_path):
    with pytest.raises(StudentError) as error:
        student(tmp_path, "def apply_treshold(p, t=0.5):\n    return p\n").call("apply_threshold", (1,))
    assert "함수 apply_threshold이(가) 없습니다" in str(error.value)


def test_infinite_loop_in_a_function_times_out_once(tmp_path):
    learner = student(tmp_path, "def f(x):\n    while True:\n        pass\n", timeout=0.2)
    with pytest.raises(StudentError) as error:
        learner.call("f", (1,))
    assert "0.2초 안에 끝나지 않았습니다 (시간 초과)" in str(error.value)
    started = time.perf_counter()
    with pytest.raises(StudentError) as again:
        learner.call("f", (1,))
    assert time.perf_counter() - started < 0.1
    assert "앞선 호출에서" in str(again.value)


def test_except_exception_cannot_swallow_the_time_limit(tmp_path):
    source = "import time\ndef f(x):\n    try:\n        time.sleep(10)\n    except Exception:\n        return 1\n"
    with pytest.raises(StudentError) as error:
        student(tmp_path, source, timeout=0.2).call("f", (1,))
    assert "시간 초과" in str(error.value)


def test_exception_in_function_shows_type_message_and_line(tmp_path):
    learner = student(tmp_path, "def f(x):\n    return x['key']\n")
    with pytest.raises(StudentError) as error:
        learner.call("f", (1,))
    assert "TypeError: 'int' object is not subscriptable (03_threshold.py 2번째 줄: return x['key'])" in str(error.value)


def test_not_implemented_says_fill_the_todo(tmp_path):
    with pytest.raises(StudentError) as error:
        student(tmp_path, "def f(x):\n    raise NotImplementedError\n").call("f", (1,))
    assert "아직 구현하지 않았습니다" in str(error.value)


def test_sys_exit_in_function_is_reported(tmp_path):
    with pytest.raises(StudentError) as error:
        student(tmp_path, "import sys\ndef f(x):\n    sys.exit(3)\n").call("f", (1,))
    assert "sys.exit()" in str(error.value)


def test_runtime_warnings_are_recorded_with_the_learners_line(tmp_path):
    from grader.engine.student import NO_NOTES

    learner = student(tmp_path, "import numpy as np\n\ndef f(x):\n    return 1 / (1 + np.exp(-x))\n")
    learner.call("f", (np.array([-1000.0, 1000.0]),))
    assert learner.last_notes.warnings == ("RuntimeWarning: overflow encountered in exp (03_threshold.py 4번째 줄)",)
    learner.call("f", (np.array([0.0]),))
    assert learner.last_notes == NO_NOTES


def test_silenced_and_other_warnings_are_not_recorded(tmp_path):
    source = ("import warnings\nimport numpy as np\n\ndef quiet(x):\n    with np.errstate(over='ignore'):\n"
              "        return np.exp(x)\n\ndef user(x):\n    warnings.warn('hm')\n    return x\n")
    learner = student(tmp_path, source)
    learner.call("quiet", (np.array([1000.0]),))
    assert learner.last_notes.warnings == ()
    learner.call("user", (1.0,))
    assert learner.last_notes.warnings == ()
