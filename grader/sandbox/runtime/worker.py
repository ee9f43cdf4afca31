"""The call loop of a student worker: import the student's module, call, encode the result.

Runs after isolation is in place. It answers on fd 4 and reads requests on fd 3; fds 1 and 2
go to the bounded output capture. Student code runs only in a child forked per request (fd 5
tells the template that the child's reply is complete). Nothing here is trusted by the grading process: it validates
everything this loop sends. The rules here only make honest-but-sloppy results fail with a
clear `bad_output` instead of a vague decode error.
"""

from __future__ import annotations

import importlib.util
import os
import random
import signal
import sys
import types
import warnings

import numpy as np

from . import codec, framing

REQUEST_FD = 3
RESPONSE_FD = 4
DONE_FD = 5  # in a request's child: one byte here once its whole reply is written
DETAIL_CHARS = 1000
WARNINGS_KEPT = 3  # distinct RuntimeWarnings reported per call


class _Failure(Exception):
    """A call that ends in an error kind the trusted side turns into a SandboxError."""

    def __init__(self, kind: str, detail: str, lineno: int | None = None, reason: str = "") -> None:
        super().__init__(detail)
        self.kind = kind
        self.detail = detail
        self.lineno = lineno
        self.reason = reason


def _describe(exc: BaseException) -> str:
    try:
        text = str(exc)
    except BaseException:  # a student __str__ may raise anything
        text = "<str() failed>"
    name = getattr(type(exc), "__name__", "Exception")
    return (f"{name}: {text}" if text else name)[:DETAIL_CHARS]


def _flush_output() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BaseException:
            pass


def _exit_for(exc: SystemExit) -> None:
    """sys.exit() in student code ends the worker, as it would a normal program."""
    _flush_output()
    code = exc.code
    os._exit(code & 0xFF if type(code) is int else (0 if code is None else 1))


def _student_lineno(exc: BaseException, path: str) -> int | None:
    if isinstance(exc, SyntaxError) and exc.filename == path:
        return exc.lineno
    lineno = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == path:
            lineno = tb.tb_lineno
        tb = tb.tb_next
    return lineno


class StudentModules:
    """Imports each student module once per worker, under a unique name; failures are cached."""

    def __init__(self, root: str) -> None:
        self.root = root
        self.loaded: dict[str, types.ModuleType | _Failure] = {}

    def get(self, stem: str) -> types.ModuleType:
        if stem not in self.loaded:
            self.loaded[stem] = self._import(stem)
        found = self.loaded[stem]
        if isinstance(found, _Failure):
            raise found
        return found

    def _import(self, stem: str) -> types.ModuleType | _Failure:
        path = os.path.join(self.root, stem + ".py")
        if not stem.replace("_", "a").isalnum() or not os.path.isfile(path):
            return _Failure("import_error", f"FileNotFoundError: {stem}.py")
        name = f"student_{stem}"
        try:
            spec = importlib.util.spec_from_file_location(name, path)
            module = importlib.util.module_from_spec(spec)
            sys.modules[name] = module
            spec.loader.exec_module(module)
            return module
        except SystemExit as exc:
            _exit_for(exc)
        except BaseException as exc:
            sys.modules.pop(name, None)
            detail = _describe(exc)
            if isinstance(exc, SyntaxError):
                detail = f"{type(exc).__name__}: {exc.msg}"[:DETAIL_CHARS]
            return _Failure("import_error", detail, _student_lineno(exc, path))
        raise AssertionError("unreachable")


def _call(modules: StudentModules, header: dict, blobs: list[bytes], max_blob_bytes: int) -> None:
    framing.write_all(RESPONSE_FD, framing.encode_message(*_call_one(modules, header, blobs, max_blob_bytes)))


def _call_many(modules: StudentModules, header: dict, blobs: list[bytes], max_blob_bytes: int) -> None:
    """Several calls of one module in one request, each answered by its own reply as soon as it
    returns (so the trusted side knows exactly which call hung or crashed). `only`, when given,
    lists the indices to run, in order; every listed call gets exactly one reply."""
    calls = header.get("calls")
    only = header.get("only")
    entries: list[tuple[dict, list[bytes]] | None] = []
    offset = 0
    for call in calls if isinstance(calls, list) else []:
        count = call.get("nblobs") if isinstance(call, dict) else None
        if type(count) is not int or count < 0 or offset + count > len(blobs):
            entries.append(None)
            continue
        entries.append((dict(call, module=header.get("module")), blobs[offset:offset + count]))
        offset += count
    indices = only if isinstance(only, list) else range(len(entries))
    for index in indices:
        entry = entries[index] if type(index) is int and 0 <= index < len(entries) else None
        if entry is None:
            reply: tuple[dict, list[bytes]] = ({"ok": False, "kind": "setup", "detail": "call"}, [])
        else:
            reply = _call_one(modules, entry[0], entry[1], max_blob_bytes)
        framing.write_all(RESPONSE_FD, framing.encode_message(*reply))


def _call_one(modules: StudentModules, header: dict, blobs: list[bytes], max_blob_bytes: int) -> tuple[dict, list[bytes]]:
    try:
        args = codec.decode_value(header.get("args"), blobs, allow_rng=True)
        kwargs = codec.decode_value(header.get("kwargs"), blobs, allow_rng=True)
        if type(args) is not tuple or type(kwargs) is not dict:
            raise codec.CodecError("arguments")
    except codec.CodecError as exc:
        return {"ok": False, "kind": "setup", "detail": exc.reason}, []
    try:
        module = modules.get(str(header.get("module")))
        function = str(header.get("function"))
        target = getattr(module, function, None)
        if not callable(target):
            raise _Failure("missing_function", function)
        before = _array_copies(args, kwargs)
        _watch_warnings()
        try:
            result = target(*args, **kwargs)
        except SystemExit as exc:
            _exit_for(exc)
        except BaseException as exc:
            raise _Failure("exception", _describe(exc), _student_lineno(exc, module.__file__ or "")) from None
        reply = {"ok": True}
        mutated = _mutated(before)
        if mutated:
            reply["mutated"] = mutated
        shared = _shared(result, before)
        if shared:
            reply["shared"] = shared
        if _RECORDED:
            found = _runtime_warnings(_RECORDED, module.__file__ or "")
            if found:
                reply["warnings"] = found
        del args, kwargs, before
        _flush_output()
        try:
            tree, out_blobs = codec.encode_value(result, max_blob_bytes=max_blob_bytes)
        except codec.CodecError as exc:
            raise _Failure("bad_output", exc.type_name, None, exc.reason) from None
        reply["value"] = tree
        return reply, out_blobs
    except _Failure as failure:
        _flush_output()
        return ({"ok": False, "kind": failure.kind, "detail": failure.detail, "lineno": failure.lineno,
                 "reason": failure.reason}, [])
    except SystemExit as exc:  # e.g. a module __getattr__ calling sys.exit
        _exit_for(exc)
    except BaseException as exc:
        _flush_output()
        return {"ok": False, "kind": "exception", "detail": _describe(exc)}, []
    raise AssertionError("unreachable")


_RECORDED: list = []  # the warnings of the current call (see _watch_warnings)
_ALWAYS_RUNTIME = ("always", None, RuntimeWarning, None, 0)  # the entry warnings.simplefilter makes


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:  # noqa: ANN001
    _RECORDED.append(warnings.WarningMessage(message, category, filename, lineno, file, line))


def _watch_warnings() -> None:
    """Record every RuntimeWarning of the next call, not once per line as by default. Cheaper
    than warnings.catch_warnings per call (a tenth of its 1.6 µs): our recorder stays installed
    and our 'always' filter stays first; both are put back if the student's code changed them."""
    _RECORDED.clear()
    if warnings.showwarning is not _show_warning:
        warnings.showwarning = _show_warning
    if not warnings.filters or warnings.filters[0] != _ALWAYS_RUNTIME:
        warnings.simplefilter("always", RuntimeWarning)


def _label(position: int | str) -> str:
    """How a verdict names an argument (grader.engine.verdict.argument_label): "1번째 인자" for
    the first positional one, the name for a keyword."""
    return f"{position + 1}번째 인자" if type(position) is int else str(position)


def _array_copies(args: tuple, kwargs: dict) -> list[tuple[int | str, np.ndarray, tuple, np.dtype, bytes]]:
    """(position or keyword, the argument, its shape, dtype and bytes) for each array argument,
    taken before the call. Only top-level arrays, as in learner mode. The bytes are the copy:
    cheaper to take and to compare than an array (microseconds a call for these inputs)."""
    found = []
    for position, value in enumerate(args):
        if type(value) is np.ndarray:
            found.append((position, value, value.shape, value.dtype, value.tobytes()))
    for name, value in kwargs.items():
        if type(value) is np.ndarray:
            found.append((name, value, value.shape, value.dtype, value.tobytes()))
    return found


def _mutated(before: list[tuple[int | str, np.ndarray, tuple, np.dtype, bytes]]) -> list[str]:
    """The labels of the array arguments the call changed in place (values, shape or dtype).
    Equal bytes settle it at once; otherwise equal values count as unchanged, NaN equal to NaN
    and -0.0 to 0.0, as learner mode compares (np.array_equal with equal_nan)."""
    changed = []
    for position, after, shape, dtype, data in before:
        try:
            if after.shape == shape and after.dtype == dtype and (after.tobytes() == data or np.array_equal(
                    after, np.frombuffer(data, dtype=dtype).reshape(shape), equal_nan=dtype.kind in "fc")):
                continue
        except BaseException:  # e.g. an array the student resized into something odd
            pass
        changed.append(_label(position))
    return changed


def _shared(result: object, before: list[tuple[int | str, np.ndarray, tuple, np.dtype, bytes]]) -> list[str]:
    """The labels of the array arguments that a returned array (the value itself, or an item of a
    returned tuple or list) shares memory with: the student returned an input or a view of it,
    which the trusted side cannot see in its decoded copy. Every argument here has its own
    buffer, so overlapping bounds (np.may_share_memory, cheap) can only mean derived from it;
    an array that owns its memory (base None) shares none unless it is the argument itself."""
    if not before:
        return []
    if type(result) is np.ndarray:
        outputs: list = [result]
    elif type(result) in (tuple, list):
        outputs = [item for item in result if type(item) is np.ndarray]
    else:
        return []
    shared = []
    for position, argument, *_ in before:
        for output in outputs:
            if output is argument or (output.base is not None and np.may_share_memory(output, argument)):
                shared.append(_label(position))
                break
    return shared


def _runtime_warnings(caught: list, path: str) -> list[dict]:
    """Up to WARNINGS_KEPT distinct RuntimeWarnings: {"text": "RuntimeWarning: …", "lineno": N}
    (the line only when it is in the student's file)."""
    found: list[dict] = []
    for warning in caught:
        try:
            if not issubclass(warning.category, RuntimeWarning):
                continue
            text = f"{warning.category.__name__}: {warning.message}"[:DETAIL_CHARS]
            lineno = warning.lineno if warning.filename == path and type(warning.lineno) is int else None
        except BaseException:  # a student's warning class may raise from __str__
            continue
        item = {"text": text, "lineno": lineno}
        if item not in found:
            found.append(item)
        if len(found) == WARNINGS_KEPT:
            break
    return found


def serve(root: str, max_blob_bytes: int, hello: dict) -> None:
    """Answer requests until the trusted side closes the request pipe. This process (the
    template) never runs student code: each request is answered by a child forked for it, which
    imports the student's module afresh. So one exercise's leftovers (patched modules, threads,
    globals, a half-done import) cannot reach the next exercise or the next call."""
    framing.write_all(RESPONSE_FD, framing.encode_message(hello, []))
    previous: int | None = None
    while True:
        try:
            header, blobs = framing.read_message(REQUEST_FD, max_blob_bytes)
        except (EOFError, OSError, framing.FrameError):
            os._exit(0)
        if previous is not None:  # reaped only now: its exit overlapped the trusted side's work
            os.waitpid(previous, 0)
        previous = _answer_in_child(root, header, blobs, max_blob_bytes)
        del header, blobs


def _answer_in_child(root: str, header: dict, blobs: list[bytes], max_blob_bytes: int) -> int:
    """Fork, answer the request in the child, and wait until its reply is written; return the
    child's pid (still to be reaped). The child writes one byte to a private pipe once its whole
    reply is out; a child that ends without it (exit, crash, a resource limit) makes this
    process end the same way, so the trusted side sees the failure exactly as if the call had
    run here."""
    done_r, done_w = os.pipe()
    try:
        child = os.fork()
    except OSError:  # no process left under RLIMIT_NPROC (lingering grandchildren): a crash
        os._exit(1)
    if child == 0:
        try:
            os.close(done_r)
            if done_w != DONE_FD:
                os.dup2(done_w, DONE_FD, inheritable=False)
                os.close(done_w)
            _reseed_global_random()
            answer = _call_many if header.get("op") == "call_many" else _call
            answer(StudentModules(root), header, blobs, max_blob_bytes)
            os.write(DONE_FD, b"\1")
        finally:
            os._exit(0)
    os.close(done_w)
    try:
        finished = os.read(done_r, 1) == b"\1"  # end of file: the child is gone without finishing
    except OSError:
        finished = False
    os.close(done_r)
    if not finished:
        _, status = os.waitpid(child, 0)
        _end_like(status)
    return child


def _reseed_global_random() -> None:
    """Fresh entropy for the global random generators, as a new Python process gets: every
    child is forked from the same template, and would otherwise draw the same "random" numbers
    (a learner who uses np.random instead of the given rng must not look reproducible)."""
    random.seed()
    np.random.seed()


def _end_like(status: int) -> None:
    """End this process the way the child ended (same exit code, or killed by the same signal)."""
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        try:
            signal.signal(number, signal.SIG_DFL)
            os.kill(os.getpid(), number)
        except (OSError, ValueError):
            pass
        os._exit(128 + number)
    os._exit(os.WEXITSTATUS(status) if os.WIFEXITED(status) else 1)
