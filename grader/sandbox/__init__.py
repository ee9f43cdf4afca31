"""Sandbox that runs untrusted student code in isolated worker processes.

It knows nothing about exercises: the grader asks a `StudentWorker` to call a function of a
student's module with plain-data arguments and gets plain data back (see `runtime.codec` for
the exact value rules). Workers are forked from a per-Sandbox fork server that has numpy
preloaded, then isolated (namespaces, chroot, own uid, rlimits) as far as the OS allows;
`Sandbox.isolation_report` says what was achieved.
"""

from .errors import SandboxError
from .limits import Limits
from .sandbox import SAME, BatchInterrupted, EncodedBatch, Observed, Sandbox, StudentWorker, encode_batch

__all__ = ["SAME", "BatchInterrupted", "EncodedBatch", "Limits", "Observed", "Sandbox", "SandboxError", "StudentWorker",
           "encode_batch"]
