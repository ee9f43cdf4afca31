"""Plain-data value codec: the only shapes a value may take when it crosses the boundary.

Values become a JSON tree plus a list of `.npy` blobs. Encoding uses strict `type(x) is ...`
rules so that objects with a lying `__eq__`/`__array__`, ndarray subclasses or object arrays
are refused instead of being converted by their own (student-controlled) code. Decoding
validates every node and every npy header *before* `np.load(..., allow_pickle=False)`,
because on the trusted side the bytes come from a hostile worker.

Tree nodes:
    null / true / false / JSON number / JSON string      -> None, bool, int, float, str
    {"t": "list"|"tuple", "v": [node, ...]}
    {"t": "dict", "v": [[str, node], ...]}
    {"t": "array", "i": blob_index}                      -> numpy.ndarray
    {"t": "scalar", "i": blob_index}                     -> numpy scalar of the same dtype
    {"t": "rng", "bit_generator": name, "state": node}   -> numpy.random.Generator (arguments only)

Rule for numpy scalars: they cross as numpy scalars of the same dtype (sent as a 0-d npy and
rebuilt with `arr[()]`); 0-d arrays stay 0-d arrays.
"""

from __future__ import annotations

import io
import math
import re
import struct

import numpy as np

MAX_DEPTH = 32
MAX_NODES = 1_000_000
MAX_STR_CHARS = 1_000_000
MAX_INT_DIGITS = 4000
MAX_NDIM = 32
MAX_NPY_HEADER = 65536 + 16
ALLOWED_KINDS = frozenset("biufc")
RNG_BIT_GENERATORS = ("PCG64", "PCG64DXSM", "Philox", "SFC64", "MT19937")
_SCALAR_TYPES = frozenset(np.dtype(code).type for code in "?bBhHiIlLqQpPefdgFDG")


class CodecError(Exception):
    """A value cannot cross the boundary; `type_name` names the offending Python type."""

    def __init__(self, reason: str, type_name: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.type_name = type_name


def _type_name(value: object) -> str:
    cls = type(value)
    module = getattr(cls, "__module__", "") or ""
    name = getattr(cls, "__qualname__", cls.__name__)
    return name if module in ("builtins", "") else f"{module}.{name}"


class _Encoder:
    def __init__(self, max_blob_bytes: int, allow_rng: bool) -> None:
        self.max_blob_bytes = max_blob_bytes
        self.allow_rng = allow_rng
        self.blobs: list[bytes] = []
        self.blob_bytes = 0
        self.nodes = 0

    def encode(self, value: object, depth: int = 0) -> object:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise CodecError("too_many_items", _type_name(value))
        if depth > MAX_DEPTH:
            raise CodecError("too_deep", _type_name(value))
        cls = type(value)
        if value is None or cls is bool or cls is float:
            return value
        if cls is int:
            if value.bit_length() > MAX_INT_DIGITS * 3:
                raise CodecError("int_too_large", "int")
            return value
        if cls is str:
            if len(value) > MAX_STR_CHARS:
                raise CodecError("str_too_long", "str")
            return value
        if cls is list or cls is tuple:
            return {"t": cls.__name__, "v": [self.encode(item, depth + 1) for item in value]}
        if cls is dict:
            items = []
            for key, item in value.items():
                if type(key) is not str:
                    raise CodecError("dict_key", _type_name(key))
                items.append([key, self.encode(item, depth + 1)])
            return {"t": "dict", "v": items}
        if cls is np.ndarray:
            return {"t": "array", "i": self._blob(value)}
        if cls in _SCALAR_TYPES:
            return {"t": "scalar", "i": self._blob(np.asarray(value))}
        if cls is np.random.Generator and self.allow_rng:
            bit_generator = value.bit_generator
            name = type(bit_generator).__name__
            if type(bit_generator) is not getattr(np.random, name, None) or name not in RNG_BIT_GENERATORS:
                raise CodecError("rng_bit_generator", name)
            return {"t": "rng", "bit_generator": name,
                    "state": self.encode(bit_generator.state, depth + 1)}
        raise CodecError("type", _type_name(value))

    def _blob(self, array: np.ndarray) -> int:
        dtype = array.dtype
        if dtype.kind not in ALLOWED_KINDS or dtype.names is not None or dtype.subdtype is not None:
            raise CodecError("dtype", f"numpy.ndarray(dtype={dtype})")
        if self.blob_bytes + array.nbytes > self.max_blob_bytes:
            raise CodecError("too_large", "numpy.ndarray")
        blob = npy_bytes(array)
        self.blob_bytes += len(blob)  # counted with npy headers, as the reader counts frames
        if self.blob_bytes > self.max_blob_bytes:
            raise CodecError("too_large", "numpy.ndarray")
        self.blobs.append(blob)
        return len(self.blobs) - 1


_NPY_MAGIC_1_0 = b"\x93NUMPY\x01\x00"
# The exact header numpy writes for a plain array (descr, order, shape), which is all we send.
_FAST_HEADER = re.compile(
    rb"\{'descr': '([<>|][biufc][0-9]{1,2})', 'fortran_order': (True|False), 'shape': \(((?:[0-9]+, ?)*[0-9]*)\), \} *\n")


def _npy_header_1_0(array: np.ndarray, fortran: bool) -> bytes:
    """Same bytes as numpy's write_array_header_1_0 for our simple dtypes, without its overhead."""
    shape = array.shape
    shape_text = "(" + ", ".join(str(n) for n in shape) + ("," if len(shape) == 1 else "") + ")"
    text = f"{{'descr': '{array.dtype.str}', 'fortran_order': {fortran}, 'shape': {shape_text}, }}"
    total = len(_NPY_MAGIC_1_0) + 2 + len(text) + 1
    padded = text + " " * ((64 - total % 64) % 64) + "\n"
    return _NPY_MAGIC_1_0 + struct.pack("<H", len(padded)) + padded.encode("latin1")


def _fast_npy_header(blob: bytes | bytearray) -> tuple[tuple[int, ...], bool, np.dtype, int] | None:
    """(shape, fortran, dtype, data offset) for a version 1.0 header of the form numpy writes,
    or None (the caller then uses numpy's own, slower, header reader)."""
    if bytes(blob[:8]) != _NPY_MAGIC_1_0 or len(blob) < 10:
        return None
    (length,) = struct.unpack("<H", bytes(blob[8:10]))
    match = _FAST_HEADER.fullmatch(bytes(blob[10:10 + length]))
    if match is None:
        return None
    shape = tuple(int(n) for n in match.group(3).split(b",") if n.strip())
    return shape, match.group(2) == b"True", np.dtype(match.group(1).decode()), 10 + length


def npy_bytes(array: np.ndarray) -> bytearray:
    """The array as `.npy` bytes (same layout as np.save, without np.save's extra buffer copies)."""
    fortran = array.flags.f_contiguous and not array.flags.c_contiguous
    if array.dtype.str[1] in "biufc" and len(array.shape) <= 32:
        head = _npy_header_1_0(array, bool(fortran))
    else:
        header = {"descr": np.lib.format.dtype_to_descr(array.dtype), "fortran_order": bool(fortran),
                  "shape": array.shape}
        buf = io.BytesIO()
        try:
            np.lib.format.write_array_header_1_0(buf, header)
        except ValueError:  # header longer than 64 KiB (very many dimensions): version 2.0
            buf = io.BytesIO()
            np.lib.format.write_array_header_2_0(buf, header)
        head = buf.getvalue()
    out = bytearray(len(head) + array.nbytes)  # one copy of the data, straight into place
    out[:len(head)] = head
    if array.nbytes:
        target = np.frombuffer(out, dtype=array.dtype, offset=len(head))
        target.reshape(array.shape, order="F" if fortran else "C")[...] = array
    return out


def encode_value(value: object, *, max_blob_bytes: int, allow_rng: bool = False) -> tuple[object, list[bytes]]:
    """Encode `value` into (tree, blobs) or raise CodecError naming the refused type."""
    encoder = _Encoder(max_blob_bytes, allow_rng)
    try:
        tree = encoder.encode(value)
    except RecursionError:
        raise CodecError("too_deep", _type_name(value)) from None
    return tree, encoder.blobs


def load_npy(blob: bytes | bytearray) -> np.ndarray:
    """Validate an npy blob's header, then view its data with np.frombuffer.

    The header is parsed with numpy's own npy reader and must describe exactly the bytes that
    follow, with a bool/int/uint/float/complex dtype. The data is then taken as raw numbers with
    `np.frombuffer`: like `np.load(..., allow_pickle=False)` there is no pickle path at all, but
    without np.load's chunked copies (a 32 MiB array decodes in milliseconds, not ~90 ms).
    """
    fast = _fast_npy_header(blob)
    if fast is not None:
        shape, fortran, dtype, offset = fast
        return _npy_array(blob, shape, fortran, dtype, offset)
    stream = io.BytesIO(bytes(blob[:MAX_NPY_HEADER]))  # the header only: no copy of the data
    try:
        version = np.lib.format.read_magic(stream)
        if version == (1, 0):
            shape, fortran, dtype = np.lib.format.read_array_header_1_0(stream)
        elif version in ((2, 0), (3, 0)):
            shape, fortran, dtype = np.lib.format.read_array_header_2_0(stream)
        else:
            raise CodecError("npy_version")
    except CodecError:
        raise
    except Exception as exc:  # crafted bytes: any parse failure is a refusal
        raise CodecError("npy_header", type(exc).__name__) from None
    return _npy_array(blob, shape, fortran, dtype, stream.tell())


def _npy_array(blob: bytes | bytearray, shape: object, fortran: bool, dtype: np.dtype, offset: int) -> np.ndarray:
    """Check the parsed header against the allowed dtypes and the bytes that follow, then view."""
    if dtype.kind not in ALLOWED_KINDS or dtype.names is not None or dtype.subdtype is not None:
        raise CodecError("dtype", f"numpy.ndarray(dtype={dtype})")
    if not isinstance(shape, tuple) or len(shape) > MAX_NDIM or not all(type(n) is int and n >= 0 for n in shape):
        raise CodecError("npy_shape")
    if math.prod(shape) * dtype.itemsize != len(blob) - offset:
        raise CodecError("npy_length")
    try:
        flat = np.frombuffer(blob, dtype=dtype, offset=offset)
        array = flat.reshape(shape, order="F" if fortran else "C")
    except Exception as exc:
        raise CodecError("npy_data", type(exc).__name__) from None
    if not (array.flags.writeable and array.flags.aligned):
        array = array.copy(order="K")
    if type(array) is not np.ndarray or array.dtype != dtype or array.shape != shape:
        raise CodecError("npy_data")
    return array


class _Decoder:
    def __init__(self, blobs: list[bytes], allow_rng: bool) -> None:
        self.blobs = blobs
        self.allow_rng = allow_rng
        self.nodes = 0

    def decode(self, node: object, depth: int = 0) -> object:
        self.nodes += 1
        if self.nodes > MAX_NODES or depth > MAX_DEPTH:
            raise CodecError("too_deep")
        cls = type(node)
        if node is None or cls is bool or cls is float:
            return node
        if cls is int:
            return node
        if cls is str:
            if len(node) > MAX_STR_CHARS:
                raise CodecError("str_too_long", "str")
            return node
        if cls is not dict:
            raise CodecError("node")
        tag = node.get("t")
        if tag in ("list", "tuple") and set(node) == {"t", "v"} and type(node["v"]) is list:
            items = [self.decode(item, depth + 1) for item in node["v"]]
            return items if tag == "list" else tuple(items)
        if tag == "dict" and set(node) == {"t", "v"} and type(node["v"]) is list:
            result = {}
            for pair in node["v"]:
                if type(pair) is not list or len(pair) != 2 or type(pair[0]) is not str:
                    raise CodecError("dict_key")
                result[pair[0]] = self.decode(pair[1], depth + 1)
            return result
        if tag in ("array", "scalar") and set(node) == {"t", "i"}:
            index = node["i"]
            if type(index) is not int or not 0 <= index < len(self.blobs):
                raise CodecError("blob_index")
            array = load_npy(self.blobs[index])
            if tag == "array":
                return array
            if array.shape != ():
                raise CodecError("scalar_shape")
            return array[()]
        if tag == "rng" and self.allow_rng and set(node) == {"t", "bit_generator", "state"}:
            name = node["bit_generator"]
            if name not in RNG_BIT_GENERATORS:
                raise CodecError("rng_bit_generator", str(name)[:40])
            state = self.decode(node["state"], depth + 1)
            bit_generator = getattr(np.random, name)(0)
            try:
                bit_generator.state = state
            except Exception as exc:
                raise CodecError("rng_state", type(exc).__name__) from None
            return np.random.Generator(bit_generator)
        raise CodecError("node")


def decode_value(tree: object, blobs: list[bytes], *, allow_rng: bool = False) -> object:
    """Rebuild a value from (tree, blobs), refusing anything outside the node rules."""
    try:
        return _Decoder(blobs, allow_rng).decode(tree)
    except RecursionError:
        raise CodecError("too_deep") from None
