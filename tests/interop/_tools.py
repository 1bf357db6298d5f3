"""Finding the reference tools: skip locally if missing, fail in CI (CI=true)."""

from __future__ import annotations

import os
import shutil

import pytest


def require_tool(name: str) -> str:
    """The path of ``name``; in CI a missing tool fails the test instead of skipping it."""
    path = shutil.which(name)
    if path is None:
        message = f"the reference tool {name!r} is not installed"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message}; .ci/run must install it")
        pytest.skip(message)
    return path


def run_with_terminal(args: list[str], answers: list[bytes], timeout: float = 30.0) -> int:
    """Run ``args`` with a pseudo-terminal as its controlling terminal, typing each
    answer after the next prompt that ends with ': ' (tools like age read
    passphrases only from a terminal). Returns the exit code."""
    import fcntl
    import pty
    import subprocess
    import termios
    import time

    master, slave = pty.openpty()

    def take_terminal() -> None:
        os.setsid()
        fcntl.ioctl(slave, termios.TIOCSCTTY, 0)

    proc = subprocess.Popen(
        args, stdin=slave, stdout=slave, stderr=slave, preexec_fn=take_terminal, close_fds=True
    )
    os.close(slave)
    deadline = time.monotonic() + timeout
    try:
        for answer in answers:
            seen = b""
            while not seen.rstrip(b" ").endswith(b":") and time.monotonic() < deadline:
                try:
                    seen += os.read(master, 1024)
                except OSError:
                    break
            os.write(master, answer + b"\n")
        return proc.wait(max(deadline - time.monotonic(), 1))
    finally:
        os.close(master)
        if proc.poll() is None:
            proc.kill()
