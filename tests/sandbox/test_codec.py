"""Value codec: every allowed type round-trips exactly; everything else is refused.

These tests run the codec in-process (no worker) and also feed it crafted bytes, since on the
trusted side its input comes from a hostile worker.
"""

from __future__ import annotations

import io
import json
import math
import pickle

import numpy as np
import pytest

from grader.sandbox.runtime import codec, framing

CAP = 64 * 2**20


def roundtrip(value: object, allow_rng: bool = False) -> object:
    tree, blobs = codec.encode_value(value, max_blob_bytes=CAP, allow_rng=allow_rng)
    tree = json.loads(json.dumps(tree))  # what actually crosses the pipe
    return codec.decode_value(tree, blobs, allow_rng=allow_rng)


@pytest.mark.parametrize("value", [
    None, True, False, 0, -7, 2**200, 1.5, -0.0, float("inf"), float("-inf"), "", "한글 문자열 ✓",
    [1, [2, (3, 4.0)], {"k": None}], (), ((),), {"a": {"b": [1, "x"]}},
])
def test_plain_values_roundtrip_with_types(value: object) -> None:
    result = roundtrip(value)
    assert result == value
    assert type(result) is type(value)
    if isinstance(value, float) and value == 0:
        assert math.copysign(1, result) == math.copysign(1, value)


def test_nan_roundtrips() -> None:
    assert math.isnan(roundtrip(float("nan")))


def test_nested_container_types_preserved() -> None:
    value = ([1, (2.0, [3])], {"t": (None,)})
    result = roundtrip(value)
    assert type(result) is tuple and type(result[0]) is list and type(result[0][1]) is tuple
    assert type(result[1]["t"]) is tuple


@pytest.mark.parametrize("array", [
    np.arange(12, dtype=np.int64).reshape(3, 4),
    np.arange(6, dtype=np.uint8).reshape(2, 3, 1),
    np.array([True, False]),
    np.linspace(0, 1, 7, dtype=np.float32),
    np.array([1 + 2j, np.nan], dtype=np.complex128),
    np.array([np.nan, np.inf, -np.inf, -0.0]),
    np.float16([1.5, 2.5]),
    np.array(3.25),  # 0-d stays an array
    np.zeros((0, 5)),
    np.asfortranarray(np.arange(6.0).reshape(2, 3)),
    np.arange(20.0)[::3],  # non-contiguous
    np.arange(4, dtype=">i4"),  # non-native byte order
])
def test_arrays_roundtrip(array: np.ndarray) -> None:
    result = roundtrip(array)
    assert type(result) is np.ndarray
    assert result.dtype == array.dtype and result.shape == array.shape
    np.testing.assert_array_equal(result, array)


@pytest.mark.parametrize("scalar", [np.float64(0.1), np.float32(2.5), np.int8(-3), np.uint64(2**63),
                                    np.bool_(True), np.complex64(1 - 1j), np.int64(7)])
def test_numpy_scalars_stay_numpy_scalars_of_same_dtype(scalar: np.generic) -> None:
    result = roundtrip(scalar)
    assert type(result) is type(scalar)
    assert result == scalar


@pytest.mark.parametrize("name", codec.RNG_BIT_GENERATORS)
def test_rng_state_reproduces_the_same_numbers(name: str) -> None:
    original = np.random.Generator(getattr(np.random, name)(1234))
    original.random(3)  # advance, so the state is not a fresh seed
    rebuilt = roundtrip(original, allow_rng=True)
    assert type(rebuilt.bit_generator).__name__ == name
    np.testing.assert_array_equal(rebuilt.normal(size=10), original.normal(size=10))


def test_rng_is_refused_unless_allowed() -> None:
    with pytest.raises(codec.CodecError):
        codec.encode_value(np.random.default_rng(0), max_blob_bytes=CAP)


def test_rng_subclassed_bit_generator_refused() -> None:
    class Mine(np.random.PCG64):
        pass

    with pytest.raises(codec.CodecError):
        codec.encode_value(np.random.Generator(Mine(0)), max_blob_bytes=CAP, allow_rng=True)


class Liar:
    def __eq__(self, other: object) -> bool:
        return True

    def __array__(self, *args: object, **kwargs: object) -> np.ndarray:
        return np.zeros(3)


class SubArray(np.ndarray):
    pass


@pytest.mark.parametrize("value", [
    Liar(), np.zeros(3).view(SubArray), np.array([1, "a"], dtype=object), b"\x80\x04bytes", bytearray(b"x"),
    {1: "int key"}, {1, 2}, (x for x in range(3)), int, np.random.default_rng(0),
    np.zeros(2, dtype=[("a", "<i4")]), np.array(["text"]), np.array([1], dtype="datetime64[s]"),
    type("IntSub", (int,), {})(3), np.ma.masked_array([1, 2]), 1j, slice(1), Ellipsis,
])
def test_refused_values(value: object) -> None:
    with pytest.raises(codec.CodecError) as info:
        codec.encode_value(value, max_blob_bytes=CAP)
    assert info.value.type_name or info.value.reason


def test_refusal_names_the_type() -> None:
    with pytest.raises(codec.CodecError) as info:
        codec.encode_value([1, Liar()], max_blob_bytes=CAP)
    assert "Liar" in info.value.type_name


def test_size_caps() -> None:
    with pytest.raises(codec.CodecError, match="too_large"):
        codec.encode_value(np.zeros(1000), max_blob_bytes=1000)
    with pytest.raises(codec.CodecError, match="str_too_long"):
        codec.encode_value("x" * (codec.MAX_STR_CHARS + 1), max_blob_bytes=CAP)
    deep: list = []
    for _ in range(100):
        deep = [deep]
    with pytest.raises(codec.CodecError, match="too_deep"):
        codec.encode_value(deep, max_blob_bytes=CAP)
    cyclic: list = []
    cyclic.append(cyclic)
    with pytest.raises(codec.CodecError):
        codec.encode_value(cyclic, max_blob_bytes=CAP)


def _npy(array: np.ndarray) -> bytes:
    buf = io.BytesIO()
    np.save(buf, array, allow_pickle=True)
    return buf.getvalue()


def test_decoder_refuses_object_dtype_pickle_without_unpickling(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    monkeypatch.setattr(pickle, "load", lambda *a, **k: calls.append(a))
    monkeypatch.setattr(pickle, "loads", lambda *a, **k: calls.append(a))
    crafted = _npy(np.array([{"x": 1}, None], dtype=object))
    with pytest.raises(codec.CodecError, match="dtype"):
        codec.decode_value({"t": "array", "i": 0}, [crafted])
    assert calls == []


@pytest.mark.parametrize("blob", [
    b"", b"not npy at all", pickle.dumps([1, 2, 3]),
    _npy(np.zeros(4))[:-8],  # truncated data
    _npy(np.zeros(4)) + b"\0" * 8,  # trailing data
    _npy(np.zeros(2, dtype=[("a", "<f8")])),
    _npy(np.array(["abc"])),
    _npy(np.zeros(3)).replace(b"(3,)", b"(9999999999999,)"),  # shape lies about the size
])
def test_decoder_refuses_crafted_npy(blob: bytes) -> None:
    with pytest.raises(codec.CodecError):
        codec.decode_value({"t": "array", "i": 0}, [blob])


@pytest.mark.parametrize("tree", [
    {"t": "array", "i": 3}, {"t": "array", "i": "0"}, {"t": "list"}, {"t": "list", "v": 1},
    {"t": "dict", "v": [[1, 2]]}, {"t": "dict", "v": [["a"]]}, {"t": "evil", "v": []},
    {"t": "rng", "bit_generator": "PCG64", "state": None}, {"t": "list", "v": [], "extra": 1},
    {"t": "scalar", "i": 0}, [1, 2],
])
def test_decoder_refuses_crafted_trees(tree: object) -> None:
    with pytest.raises(codec.CodecError):
        codec.decode_value(tree, [_npy(np.zeros(3))])


def test_decoder_refuses_bad_rng_names_even_when_allowed() -> None:
    with pytest.raises(codec.CodecError):
        codec.decode_value({"t": "rng", "bit_generator": "os.system", "state": {"t": "dict", "v": []}},
                           [], allow_rng=True)


def test_frames_roundtrip_and_reject_bad_headers() -> None:
    chunks = framing.encode_message({"ok": True}, [b"abc", b""])
    data = b"".join(chunks)
    size = framing.LENGTH.unpack(data[:8])[0]
    header = framing.parse_header(data[8:8 + size])
    assert header["blobs"] == [3, 0]
    for bad in (b"[1]", b"{", b'{"blobs": [-1]}', b'{"blobs": "x"}', b"[" * 100000):
        with pytest.raises(framing.FrameError):
            framing.parse_header(bad)
