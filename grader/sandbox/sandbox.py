"""Sandbox (one per grading run) and StudentWorker (one per student): the public API.

The trusted process keeps references, inputs and verdicts; a worker only ever receives a
function name plus plain-data arguments and sends back plain data, which is decoded here
with `allow_pickle=False` and validated node by node. Nothing a worker sends is executed.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import tempfile
import time
import weakref
from dataclasses import dataclass
from typing import Any, Iterator

from . import errors
from .channel import Channel, ChannelClosed, ChannelOutputFlood, ChannelProtocolError, ChannelTimeout, OutputCapture
from .limits import Limits
from .runtime import codec, framing
from .forkserver_client import ForkServerClient

SETUP_TIMEOUT = 10.0
HELLO_BYTES = 1 << 20
UID_BASE = 100_000
UIDS_PER_PROCESS = 10_000
# Process-wide, so two Sandboxes of one grader never hand out the same uid at the same time.
_UID_COUNTER = itertools.count()
WORKER_ERROR_KINDS = frozenset({"exception", "import_error", "missing_function", "bad_output", "setup"})


NOTES_KEPT = 8  # at most this many mutated-argument labels and warnings are read from a reply


@dataclass(frozen=True)
class Observed:
    """A call's value together with what the worker saw it do besides returning: `mutated` labels
    the array arguments changed in place ("1번째 인자", or a keyword), `warnings` lists the
    RuntimeWarnings raised, as ("RuntimeWarning: …", line in the student's file or None), and
    `shared` labels the array arguments that a returned array shares memory with (the decoded
    value here is a copy, so only the worker can tell).
    `StudentWorker.call` and `run_batch` with `observe=True` return this instead of the bare value
    only when there is something to report, so an honest student's results stay plain values.
    Such a reply never matches a foreseen reply byte for byte, so it is never `SAME`."""

    value: Any
    mutated: tuple[str, ...] = ()
    warnings: tuple[tuple[str, int | None], ...] = ()
    shared: tuple[str, ...] = ()


@dataclass
class _LiveWorker:
    pid: int
    channel: Channel
    workdir: str


class Sandbox:
    """Owns one fork server and a private temporary folder for the workers' files."""

    def __init__(self, limits: Limits = Limits(), *, call_timeout: float = 5.0) -> None:
        self.limits = limits
        self.call_timeout = call_timeout
        self._root = tempfile.mkdtemp(prefix="learn-sandbox-")
        os.chmod(self._root, 0o711)
        self._is_root = os.geteuid() == 0
        self._workers: weakref.WeakSet[StudentWorker] = weakref.WeakSet()
        self._closed = False
        try:
            self._server = ForkServerClient()
            with self.open_student({}) as probe:
                probe._ensure_worker()
                self._isolation = dict(probe._hello_isolation)
        except BaseException:
            shutil.rmtree(self._root, ignore_errors=True)
            raise
        self._isolation["preimport_ms"] = str(self._server.ready.get("preimport_ms", ""))

    @property
    def isolation_report(self) -> dict[str, bool | str]:
        """What isolation workers actually got here (from a probe worker at start-up)."""
        return dict(self._isolation)

    def open_student(self, files: dict[str, bytes]) -> StudentWorker:
        if self._closed:
            raise errors.setup_error("샌드박스가 이미 닫혔습니다")
        worker = StudentWorker(self, files)
        self._workers.add(worker)
        return worker

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        for worker in list(self._workers):
            worker.close()
        self._server.close()
        shutil.rmtree(self._root, ignore_errors=True)

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _make_workdir(self, files: dict[str, bytes], uid: int | None) -> str:
        workdir = tempfile.mkdtemp(dir=self._root, prefix="w")
        for name, data in files.items():
            with open(os.path.join(workdir, name), "wb") as handle:
                handle.write(data)
            if uid is not None:
                os.chown(os.path.join(workdir, name), uid, uid)
        if uid is not None:
            os.chown(workdir, uid, uid)
        return workdir

    def _next_uid(self) -> int | None:
        """Each worker gets its own uid (and gid) so RLIMIT_NPROC, counted per uid, is per worker."""
        if not self._is_root:
            return None
        return UID_BASE + (os.getpid() % UIDS_PER_PROCESS) * UIDS_PER_PROCESS + next(_UID_COUNTER) % UIDS_PER_PROCESS


def _check_file_name(name: object) -> str:
    if (not isinstance(name, str) or not name or name in (".", "..") or "/" in name or "\\" in name
            or "\0" in name or name.startswith(".")):
        raise errors.setup_error(f"허용되지 않는 파일 이름입니다: {name!r}")
    return name


class StudentWorker:
    """One student's files and (re)startable worker; calls run one at a time (not thread-safe;
    different StudentWorkers may be used from different threads). `output()` keeps the first
    `Limits.output_bytes` printed over the whole life of this object, across worker restarts."""

    def __init__(self, sandbox: Sandbox, files: dict[str, bytes]) -> None:
        self._sandbox = sandbox
        self._files = {_check_file_name(name): bytes(data) for name, data in files.items()}
        self._capture = OutputCapture(sandbox.limits.output_bytes)
        self._live: _LiveWorker | None = None
        self._hello_isolation: dict[str, bool | str] = {}
        self._closed = False

    def call(self, module: str, function: str, args: tuple = (), kwargs: dict | None = None,
             timeout: float | None = None, *, observe: bool = False) -> Any:
        """Call `module.function(*args, **kwargs)` in the worker and return the decoded result.

        `module` is a file stem of the submitted files; it is imported afresh for every request,
        in a child forked for it (under the call deadline). Arguments and result follow
        `runtime.codec`: numpy scalars come back as numpy scalars of the same dtype; a
        `np.random.Generator` argument is rebuilt from its state, so the worker draws the same
        numbers but the caller's generator is not advanced.
        Raises SandboxError; after "timeout" or "crash" the next call starts a fresh worker
        over a fresh copy of the files. `timeout` may shorten (never lengthen) the call deadline.
        With `observe=True` the result comes wrapped in `Observed` when the call changed an array
        argument, raised a RuntimeWarning or returned an array argument or a view of one.
        """
        self._check_open(module)
        entry, blobs = _encode_call(function, args, kwargs or {}, self._sandbox.limits.value_bytes)
        request = framing.encode_message({"op": "call", "module": module, **entry}, blobs)
        header, reply_blobs = self._exchange(request, time.monotonic() + self._limit(timeout))
        return self._interpret(header, reply_blobs, module, function, observe)

    def _check_open(self, module: str) -> None:
        """Refuse a call on a closed worker or into a file the student did not submit."""
        if self._closed:
            raise errors.setup_error("이미 닫힌 작업자입니다")
        if f"{module}.py" not in self._files:
            raise errors.import_error(module, "파일이 제출되지 않았습니다", None)

    @property
    def value_bytes(self) -> int:
        """The size cap of one call's arrays, for `encode_batch`."""
        return self._sandbox.limits.value_bytes

    def _limit(self, timeout: float | None) -> float:
        return self._sandbox.call_timeout if timeout is None else max(0.0, min(timeout, self._sandbox.call_timeout))

    def run_batch(self, batch: EncodedBatch, only: list[int] | None = None, budget: float | None = None, *,
                  observe: bool = False) -> list[Any]:
        """Run the calls of an encoded batch (or those at the indices `only`, in order) in one
        request and return one item per call run: the result, `SAME` (the reply is byte for byte
        the one `batch.expected` foresaw, so it is not decoded), or the SandboxError that call
        raised. The worker answers each call as soon as it returns; each answer must come within
        the call deadline of the one before (the first within the deadline of the request), and
        all within `budget` seconds. A call that hangs, crashes, floods output or runs out of
        memory, or answers that exceed the size cap together, stop the worker:
        `BatchInterrupted` then carries the results of the calls before it and that call's error.
        `observe` as in `call`."""
        self._check_open(batch.module)
        indices = list(range(len(batch.functions))) if only is None else list(only)
        limits = self._sandbox.limits
        end = time.monotonic() + (self._sandbox.call_timeout * (len(indices) + 1) if budget is None else max(0.0, budget))
        results: list[Any] = []
        received = 0
        try:
            self._send(batch.request if only is None else batch.only(indices), self._next_deadline(end))
            for index in indices:
                header, blobs = self._receive(self._next_deadline(end))
                received += sum(len(blob) for blob in blobs)
                if received > limits.value_bytes:
                    self._stop(grace=0.0)
                    raise errors.bad_output_error("too_large", "batch")
                expected = batch.expected[index] if batch.expected else None
                if expected is not None and self._live is not None and self._live.channel.last_header == expected[0] \
                        and len(blobs) == len(expected[1]) and all(a == b for a, b in zip(blobs, expected[1])):
                    results.append(SAME)
                    continue
                try:
                    results.append(self._interpret(header, blobs, batch.module, batch.functions[index], observe))
                except errors.SandboxError as error:
                    if self._live is None:  # the worker broke the protocol and was stopped
                        raise
                    if error.kind == "exception" and (error.detail or "").startswith("MemoryError"):
                        self._stop(grace=0.0)  # out of memory: the next calls would be too, a second each
                        raise
                    results.append(error)
        except errors.SandboxError as error:
            raise BatchInterrupted(results, error) from None
        return results

    def _next_deadline(self, end: float) -> float:
        return min(end, time.monotonic() + self._sandbox.call_timeout)

    def _exchange(self, request: list[bytes], deadline: float) -> tuple[dict, list[bytes]]:
        """Send one request to the (re)started worker and read its answer before `deadline`."""
        self._send(request, deadline)
        return self._receive(deadline)

    def _send(self, request: list[bytes], deadline: float) -> None:
        live = self._ensure_worker()
        live.channel.begin_call()
        with self._stopping_on_failure():
            live.channel.send(request, deadline)

    def _receive(self, deadline: float) -> tuple[dict, list[bytes]]:
        live = self._live
        if live is None:  # stopped mid-request: nothing more can come
            raise errors.protocol_error()
        live.channel.begin_call()  # the flood limit counts per call
        with self._stopping_on_failure():
            header, blobs = live.channel.receive(self._sandbox.limits.value_bytes, deadline)
        return header, blobs

    @contextlib.contextmanager
    def _stopping_on_failure(self) -> Iterator[None]:
        """A worker that times out, dies or breaks the protocol is stopped and reported."""
        limits = self._sandbox.limits
        try:
            yield
        except ChannelOutputFlood:
            self._stop(grace=0.0)
            raise errors.output_flood_error(limits.flood_bytes) from None
        except ChannelTimeout:
            self._stop(grace=0.0)
            raise errors.timeout_error(self._sandbox.call_timeout) from None
        except ChannelClosed:
            status = self._stop(grace=1.0)
            raise errors.crash_error(status, limits.cpu_seconds) from None
        except ChannelProtocolError:
            self._stop(grace=0.0)
            raise errors.protocol_error() from None

    def _interpret(self, header: dict, blobs: list[bytes], module: str, function: str, observe: bool = False) -> Any:
        if header.get("ok") is True:
            try:
                value = codec.decode_value(header.get("value"), blobs)
            except codec.CodecError as exc:
                self._stop(grace=0.0)  # a worker that sends invalid data is not reused
                raise errors.bad_output_error(exc.reason, errors.clean_detail(exc.type_name)) from None
            if not observe or not any(key in header for key in ("mutated", "warnings", "shared")):
                return value
            notes = _notes(header)
            if notes is None:
                self._stop(grace=0.0)
                raise errors.protocol_error()
            return Observed(value, *notes)
        kind = header.get("kind")
        if header.get("ok") is not False or kind not in WORKER_ERROR_KINDS:
            self._stop(grace=0.0)
            raise errors.protocol_error()
        detail = errors.clean_detail(header.get("detail"))
        lineno = header.get("lineno")
        lineno = lineno if type(lineno) is int and 0 < lineno < 10**7 else None
        if kind == "exception":
            raise errors.exception_error(detail, lineno)
        if kind == "import_error":
            raise errors.import_error(module, detail, lineno)
        if kind == "missing_function":
            raise errors.missing_function_error(module, function)
        if kind == "bad_output":
            raise errors.bad_output_error(errors.clean_detail(header.get("reason")), detail)
        raise errors.setup_error(f"작업자가 인자를 읽지 못했습니다 ({detail})")

    def output(self) -> str:
        """Everything this student's workers printed so far (bounded by `Limits.output_bytes`)."""
        if self._live is not None:
            self._live.channel.drain_output()
        return self._capture.text()

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._stop(grace=0.0)

    def __enter__(self) -> StudentWorker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _ensure_worker(self) -> _LiveWorker:
        if self._live is None:
            self._live = self._start()
        return self._live

    def _start(self) -> _LiveWorker:
        """Fork a fresh worker over a fresh copy of the student's files and wait for its hello."""
        sandbox = self._sandbox
        uid = sandbox._next_uid()
        workdir = sandbox._make_workdir(self._files, uid)
        request_r, request_w = os.pipe()
        response_r, response_w = os.pipe()
        output_r, output_w = os.pipe()
        config = {"workdir": workdir, "uid": uid, "gid": uid, "limits": sandbox.limits.as_dict()}
        try:
            pid = sandbox._server.spawn(config, [request_r, response_w, output_w])
        except BaseException:
            for fd in (request_w, response_r, output_r):
                os.close(fd)
            shutil.rmtree(workdir, ignore_errors=True)
            raise
        finally:
            for fd in (request_r, response_w, output_w):
                os.close(fd)
        live = _LiveWorker(pid, Channel(request_w, response_r, output_r, self._capture, sandbox.limits.flood_bytes), workdir)
        self._live = live
        try:
            hello, _ = live.channel.receive(HELLO_BYTES, time.monotonic() + SETUP_TIMEOUT)
        except (ChannelTimeout, ChannelClosed, ChannelProtocolError) as exc:
            self._stop(grace=0.5)
            raise errors.setup_error(f"작업자가 시작되지 않았습니다 ({type(exc).__name__})") from None
        isolation = hello.get("isolation")
        if hello.get("hello") is not True or not isinstance(isolation, dict):
            self._stop(grace=0.0)
            raise errors.setup_error("작업자의 시작 응답이 올바르지 않습니다")
        self._hello_isolation = {str(k)[:64]: v if type(v) is bool else errors.clean_detail(v)
                                 for k, v in isolation.items()}
        return live

    def _stop(self, grace: float) -> dict | None:
        """Kill the worker's PID namespace (after `grace` s for a worker already exiting)."""
        live, self._live = self._live, None
        if live is None:
            return None
        status = self._sandbox._server.kill(live.pid, grace)
        live.channel.close()
        shutil.rmtree(live.workdir, ignore_errors=True)
        return status


class _Same:
    """A batch reply identical, byte for byte, to the one foreseen (see `run_batch`)."""

    def __repr__(self) -> str:
        return "SAME"


SAME = _Same()


@dataclass(frozen=True)
class EncodedBatch:
    """A `call_many` request encoded once and sent to any number of workers, and for each call
    the reply frames (header bytes, blobs) that an answer equal to a foreseen value would produce."""

    module: str
    functions: tuple[str, ...]
    request: list[bytes]
    expected: tuple[tuple[bytes, tuple[bytes, ...]] | None, ...] = ()
    entries: tuple[dict, ...] = ()
    blobs: tuple[bytes, ...] = ()

    def only(self, indices: list[int]) -> list[bytes]:
        """The same request limited to the calls at `indices` (after a call that broke)."""
        header = {"op": "call_many", "module": self.module, "calls": list(self.entries), "only": indices}
        return framing.encode_message(header, list(self.blobs))


class BatchInterrupted(errors.SandboxError):
    """A batch stopped at a call that hung, crashed, flooded output or answered too much:
    `results` holds the answers of the calls before it, `error` that call's own error."""

    def __init__(self, results: list[Any], error: errors.SandboxError) -> None:
        super().__init__(error.kind, error.message, detail=error.detail, lineno=error.lineno)
        self.results = results
        self.error = error


def encode_batch(module: str, calls: list[tuple[str, tuple, dict]], value_bytes: int,
                 expected: list[tuple[bool, Any]] | None = None) -> EncodedBatch:
    """Encode `calls` of `module` once for `StudentWorker.run_batch`. `expected`, one `(known, value)`
    per call, names the value each call is foreseen to return; a reply that encodes to exactly
    the same bytes is reported as `SAME` without being decoded. Raises SandboxError ("setup")
    for arguments that cannot cross the boundary."""
    entries, blobs = [], []
    for function, args, kwargs in calls:
        entry, call_blobs = _encode_call(function, args, kwargs, value_bytes)
        entries.append(entry)
        blobs += call_blobs
    foreseen = tuple(_foreseen_reply(known, value, value_bytes) for known, value in expected or ())
    request = framing.encode_message({"op": "call_many", "module": module, "calls": entries}, blobs)
    return EncodedBatch(module, tuple(function for function, _, _ in calls), request, foreseen, tuple(entries),
                        tuple(blobs))


def _encode_call(function: str, args: tuple, kwargs: dict, value_bytes: int) -> tuple[dict, list[bytes]]:
    """One call's request entry (function, argument trees, blob count) and its blobs."""
    try:
        args_tree, blobs = codec.encode_value(tuple(args), max_blob_bytes=value_bytes, allow_rng=True)
        kwargs_tree, more = codec.encode_value(dict(kwargs or {}), max_blob_bytes=value_bytes, allow_rng=True)
    except codec.CodecError as exc:
        raise errors.setup_error(f"인자를 보낼 수 없습니다 ({exc.reason}: {exc.type_name})") from None
    entry = {"function": function, "args": args_tree, "kwargs": _shift_blobs(kwargs_tree, len(blobs)),
             "nblobs": len(blobs) + len(more)}
    return entry, blobs + more


def _foreseen_reply(known: bool, value: Any, value_bytes: int) -> tuple[bytes, tuple[bytes, ...]] | None:
    """The reply frames (header bytes, blobs) a worker writes when it returns `value`. Equal
    bytes mean an equal value of equal types: `1` is not `1.0`, `-0.0` is not `0.0`."""
    if not known:
        return None
    try:
        tree, blobs = codec.encode_value(value, max_blob_bytes=value_bytes)
    except codec.CodecError:
        return None
    return framing.header_bytes({"ok": True, "value": tree}, blobs), tuple(bytes(b) for b in blobs)


def _notes(header: dict) -> tuple[tuple[str, ...], tuple[tuple[str, int | None], ...], tuple[str, ...]] | None:
    """The reply's "mutated" and "shared" (argument labels) and "warnings" ({"text", "lineno"})
    fields, validated and sanitized; None when any is malformed (the worker is then treated as
    broken)."""
    mutated, warned, shared = header.get("mutated", []), header.get("warnings", []), header.get("shared", [])
    if not all(isinstance(field, list) for field in (mutated, warned, shared)):
        return None
    if not all(isinstance(label, str) for label in mutated + shared):
        return None
    found = []
    for item in warned[:NOTES_KEPT]:
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            return None
        lineno = item.get("lineno")
        found.append((errors.clean_detail(item["text"]), lineno if type(lineno) is int and 0 < lineno < 10**7 else None))
    return (tuple(errors.clean_detail(label) for label in mutated[:NOTES_KEPT]), tuple(found),
            tuple(errors.clean_detail(label) for label in shared[:NOTES_KEPT]))


def _shift_blobs(tree: object, offset: int) -> object:
    """Renumber blob references of the kwargs tree, whose blobs follow the args' blobs."""
    if offset == 0 or not isinstance(tree, (dict, list)):
        return tree
    if isinstance(tree, list):
        return [_shift_blobs(item, offset) for item in tree]
    if tree.get("t") in ("array", "scalar"):
        return dict(tree, i=tree["i"] + offset)
    return {key: _shift_blobs(value, offset) for key, value in tree.items()}
