"""Timing helpers for the benchmarks: wall time and peak RSS of a child process."""

from __future__ import annotations

import os
import subprocess
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
    fin = stdin.open("rb") if stdin else subprocess.DEVNULL
    fout = stdout.open("r+b") if stdout and stdout.exists() else (
        stdout.open("wb") if stdout else subprocess.DEVNULL
    )
    try:
        start = time.perf_counter()
        proc = subprocess.Popen(args, stdin=fin, stdout=fout)  # noqa: S603
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
    finally:
        for f in (fin, fout):
            if hasattr(f, "close"):
                f.close()  # type: ignore[union-attr]
    if proc.returncode != 0:
        raise RuntimeError(f"{args[0]} failed with {proc.returncode}")
    return Run(seconds, usage.ru_maxrss / 1024)


def best(runs: Sequence[Run]) -> Run:
    return Run(min(r.seconds for r in runs), max(r.peak_rss_mib for r in runs))
