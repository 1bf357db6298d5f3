"""Timing helpers for the benchmarks: wall time and peak RSS of a child process.

Peak RSS comes from GNU ``time`` (Debian package ``time``) started between us
and the child, so that the figure is the child's own and not this Python
process's memory inherited through fork.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_rss_mib: float


def run(args: Sequence[str], stdin: Path | None = None, stdout: Path | None = None) -> Run:
    """Run a command once; its wall time and peak resident memory."""
    timer = shutil.which("time") or "/usr/bin/time"
    report = Path(os.environ.get("TMPDIR", "/tmp")) / f"cabledesk-bench-{os.getpid()}.rss"
    argv = [timer, "-f", "%M", "-o", str(report), *args]
    actions = [
        (os.POSIX_SPAWN_OPEN, 0, str(stdin or os.devnull), os.O_RDONLY, 0),
        (os.POSIX_SPAWN_OPEN, 1, str(stdout or os.devnull), os.O_WRONLY | os.O_CREAT, 0o600),
    ]
    start = time.perf_counter()
    pid = os.posix_spawn(timer, argv, dict(os.environ), file_actions=actions)
    _, status = os.waitpid(pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{args[0]} failed with {os.waitstatus_to_exitcode(status)}")
    peak_kib = int(report.read_text().split()[-1])
    report.unlink()
    return Run(seconds, peak_kib / 1024)


def best(runs: Sequence[Run]) -> Run:
    return Run(min(r.seconds for r in runs), max(r.peak_rss_mib for r in runs))
