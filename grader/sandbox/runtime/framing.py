"""Length-prefixed frames over pipes: the only way bytes cross the sandbox boundary.

A message is one JSON header frame followed by `len(header["blobs"])` raw frames (npy bytes).
Every frame is an 8-byte big-endian length followed by that many bytes. The blocking helpers
here are for the worker and fork-server side; the trusted side reads with deadlines in
`grader.sandbox.channel` but uses the same `encode_message`/`parse_header`.
"""

from __future__ import annotations

import json
import os
import struct

LENGTH = struct.Struct(">Q")
MAX_HEADER_BYTES = 16 * 2**20
JOIN_BELOW = 64 * 1024


class FrameError(Exception):
    """The peer sent bytes that do not follow the framing rules."""


def encode_message(header: dict, blobs: list[bytes]) -> list[bytes]:
    """Return the chunks to write, in order. Small frames are joined into one chunk (one write
    instead of two per blob); blobs of `JOIN_BELOW` bytes or more stay separate (never copied)."""
    raw = header_bytes(header, blobs)
    chunks: list[bytes] = []
    pending = [LENGTH.pack(len(raw)), raw]
    for blob in blobs:
        pending.append(LENGTH.pack(len(blob)))
        if len(blob) < JOIN_BELOW:
            pending.append(blob)
        else:
            chunks += [b"".join(pending), blob]
            pending = []
    if pending:
        chunks.append(b"".join(pending))
    return chunks


def header_bytes(header: dict, blobs: list[bytes]) -> bytes:
    """The header frame's bytes, exactly as `encode_message` writes them."""
    return json.dumps(dict(header, blobs=[len(b) for b in blobs]), allow_nan=True, separators=(",", ":")).encode("utf-8")


def parse_header(raw: bytes) -> dict:
    """Decode a header frame; it must be a JSON object with a list of blob lengths."""
    try:
        header = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError) as exc:
        raise FrameError(f"header is not JSON: {type(exc).__name__}") from None
    if not isinstance(header, dict):
        raise FrameError("header is not an object")
    blobs = header.get("blobs")
    if not isinstance(blobs, list) or not all(type(n) is int and n >= 0 for n in blobs):
        raise FrameError("header has no valid blob list")
    return header


def write_all(fd: int, chunks: list[bytes]) -> None:
    """Blocking write of every chunk (worker side: the trusted side always drains)."""
    for chunk in chunks:
        view = memoryview(chunk)
        while view:
            written = os.write(fd, view)
            view = view[written:]


def read_exact(fd: int, size: int) -> bytes:
    """Blocking read of exactly `size` bytes; EOFError if the peer closed early.

    Reads straight into one preallocated buffer (no chunk copies), which matters for
    arrays of tens of MiB. `size` is already checked against the caps by the caller.
    """
    buf = bytearray(size)
    view = memoryview(buf)
    filled = 0
    while filled < size:
        count = os.readv(fd, [view[filled:]])
        if not count:
            raise EOFError("peer closed the pipe")
        filled += count
    return bytes(buf) if size < 4096 else buf  # type: ignore[return-value]


def read_message(fd: int, max_blob_bytes: int) -> tuple[dict, list[bytes]]:
    """Blocking read of one message, refusing frames larger than the caps."""
    (size,) = LENGTH.unpack(read_exact(fd, LENGTH.size))
    if size > MAX_HEADER_BYTES:
        raise FrameError("header frame too large")
    header = parse_header(read_exact(fd, size))
    if sum(header["blobs"]) > max_blob_bytes:
        raise FrameError("blobs too large")
    blobs = []
    for expected in header["blobs"]:
        (size,) = LENGTH.unpack(read_exact(fd, LENGTH.size))
        if size != expected:
            raise FrameError("blob length does not match header")
        blobs.append(read_exact(fd, size))
    return header, blobs
