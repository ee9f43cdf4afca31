"""Trusted-side pipe I/O with a worker: every wait has a deadline, every buffer a cap.

The worker is hostile: it may stop reading, flood stdout, send nothing, or send frames with
absurd lengths. So all three pipe ends are non-blocking and polled together; output is drained
while waiting (kept up to a cap, the rest discarded), and frame sizes are checked before any
byte of a frame is buffered.
"""

from __future__ import annotations

import fcntl
import os
import select
import time

from .runtime import framing

READ_CHUNK = 1 << 20
F_SETPIPE_SZ = 1031
PIPE_BYTES = 1 << 20
READ_AHEAD = 1 << 18  # response bytes read at once when frames are small


class ChannelTimeout(Exception):
    """The deadline passed before the worker answered."""


class ChannelClosed(Exception):
    """The worker closed its end (it exited or was killed)."""


class ChannelProtocolError(Exception):
    """The worker sent bytes that break the framing or size rules."""


class ChannelOutputFlood(Exception):
    """The worker printed more than the per-call cap while we waited for its answer: reading
    and discarding the rest would cost as long as the student keeps printing."""


class OutputCapture:
    """Keeps the first `limit` bytes a student printed; counts and drops the rest."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.data = bytearray()
        self.dropped = 0

    def add(self, chunk: bytes) -> None:
        room = self.limit - len(self.data)
        if room > 0:
            self.data += chunk[:room]
        self.dropped += max(0, len(chunk) - max(room, 0))

    def text(self) -> str:
        text = self.data.decode("utf-8", errors="replace")
        if self.dropped:
            text += f"\n… (출력이 너무 길어 {self.dropped}바이트를 생략했습니다)\n"
        return text


class Channel:
    """The trusted ends of one worker's three pipes."""

    def __init__(self, request_w: int, response_r: int, output_r: int, capture: OutputCapture,
                 flood_bytes: int | None = None) -> None:
        self.request_w = request_w
        self.response_r = response_r
        self.output_r: int | None = output_r
        self.capture = capture
        self.flood_bytes = flood_bytes
        self.call_output = 0  # bytes printed since `begin_call`
        self._ahead = bytearray()  # response bytes read but not yet consumed
        self.last_header = b""  # the raw header frame of the last message received
        for fd in (request_w, response_r, output_r):
            os.set_blocking(fd, False)
            try:  # bigger pipes: fewer wake-ups when arrays of several MiB cross
                fcntl.fcntl(fd, F_SETPIPE_SZ, PIPE_BYTES)
            except OSError:
                pass

    def close(self) -> None:
        self.drain_output()
        for fd in (self.request_w, self.response_r, self.output_r):
            if fd is not None:
                try:
                    os.close(fd)
                except OSError:
                    pass
        self.output_r = None

    def begin_call(self) -> None:
        self.call_output = 0

    def drain_output(self, max_bytes: int = 8 * READ_CHUNK) -> None:
        """Read what the worker printed, without blocking and at most `max_bytes` per call."""
        while self.output_r is not None and max_bytes > 0:
            try:
                chunk = os.read(self.output_r, READ_CHUNK)
            except BlockingIOError:
                return
            except OSError:
                chunk = b""
            if not chunk:
                os.close(self.output_r)
                self.output_r = None
                return
            self.capture.add(chunk)
            self.call_output += len(chunk)
            max_bytes -= len(chunk)

    def _wait(self, fd: int, events: int, deadline: float) -> None:
        """Block until `fd` is ready or the deadline passes, draining output meanwhile."""
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise ChannelTimeout()
            poller = select.poll()
            poller.register(fd, events)
            if self.output_r is not None:
                poller.register(self.output_r, select.POLLIN)
            ready = poller.poll(max(1, int(remaining * 1000)))
            hit = False
            for ready_fd, _ in ready:
                if ready_fd == self.output_r:
                    self.drain_output()
                    if self.flood_bytes is not None and self.call_output > self.flood_bytes:
                        raise ChannelOutputFlood()
                elif ready_fd == fd:
                    hit = True
            if hit:
                return

    def send(self, chunks: list[bytes], deadline: float) -> None:
        for chunk in chunks:
            view = memoryview(chunk)
            while view:
                try:
                    written = os.write(self.request_w, view)
                except BlockingIOError:
                    self._wait(self.request_w, select.POLLOUT, deadline)
                    continue
                except (BrokenPipeError, ConnectionError):
                    raise ChannelClosed() from None
                view = view[written:]

    def _read_exact(self, size: int, deadline: float) -> bytes:
        """Exactly `size` bytes of the response pipe. Reads ahead up to `READ_AHEAD` bytes, so
        a reply of many small frames costs a few system calls, not two per frame; a large
        frame is read straight into one preallocated buffer (sizes are checked by callers)."""
        if len(self._ahead) >= size:
            data = bytes(self._ahead[:size])
            del self._ahead[:size]
            return data
        if size >= READ_AHEAD:
            return self._read_into(size, deadline)
        while len(self._ahead) < size:
            try:
                chunk = os.read(self.response_r, READ_AHEAD)
            except BlockingIOError:
                self._wait(self.response_r, select.POLLIN, deadline)
                continue
            if not chunk:
                raise ChannelClosed()
            self._ahead += chunk
        data = bytes(self._ahead[:size])
        del self._ahead[:size]
        return data

    def _read_into(self, size: int, deadline: float) -> bytes:
        data = bytearray(size)
        view = memoryview(data)
        filled = len(self._ahead)
        view[:filled] = self._ahead
        self._ahead.clear()
        while filled < size:
            try:
                count = os.readv(self.response_r, [view[filled:]])
            except BlockingIOError:
                self._wait(self.response_r, select.POLLIN, deadline)
                continue
            if not count:
                raise ChannelClosed()
            filled += count
        return data  # type: ignore[return-value]

    def _read_length(self, limit: int, deadline: float) -> int:
        (size,) = framing.LENGTH.unpack(self._read_exact(framing.LENGTH.size, deadline))
        if size > limit:
            raise ChannelProtocolError("frame too large")
        return size

    def receive(self, max_blob_bytes: int, deadline: float) -> tuple[dict, list[bytes]]:
        """Read one message; sizes are checked against the caps before reading the frame."""
        size = self._read_length(framing.MAX_HEADER_BYTES, deadline)
        self.last_header = self._read_exact(size, deadline)
        try:
            header = framing.parse_header(self.last_header)
        except framing.FrameError as exc:
            raise ChannelProtocolError(str(exc)) from None
        lengths = header["blobs"]
        if sum(lengths) > max_blob_bytes:
            raise ChannelProtocolError("blobs too large")
        blobs = []
        for expected in lengths:
            if self._read_length(expected, deadline) != expected:
                raise ChannelProtocolError("blob length mismatch")
            blobs.append(self._read_exact(expected, deadline))
        return header, blobs
