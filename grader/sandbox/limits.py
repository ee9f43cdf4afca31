"""Resource limits applied to every student worker."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Limits:
    """Per-worker limits; the fork server turns them into rlimits and a tmpfs size.

    `max_processes` is RLIMIT_NPROC, which the kernel counts per real uid. Each worker runs
    under its own uid (when the grader runs as root), so the limit bounds that worker's own
    tasks (its threads count too): 8 leaves room for a few threads and stops fork bombs.
    `cpu_seconds` bounds each request (one exercise's batch or one call): every request runs in
    a child forked for it, which starts with no CPU time used; a worker killed for it is
    restarted on the next call.
    """

    cpu_seconds: int = 10
    memory_bytes: int = 512 * 2**20
    max_processes: int = 8
    file_size_bytes: int = 1 * 2**20
    open_files: int = 64
    output_bytes: int = 64 * 1024
    """How much of what a student prints is kept (for feedback); the rest is counted and dropped."""
    flood_bytes: int = 1 * 2**20
    """A call that prints more than this is stopped and fails as an output flood."""
    value_bytes: int = 64 * 2**20
    """Total size of numpy arrays in one call's arguments or result."""
    workdir_bytes: int = 16 * 2**20
    """Size of the tmpfs that holds the student's files (bounds everything it writes)."""

    def as_dict(self) -> dict[str, int]:
        return asdict(self)
