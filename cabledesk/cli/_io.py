"""Small helpers of the command line: files or standard streams, terminal prompts.

``encrypt`` and ``decrypt`` go through here, so it imports only what they need
(no ``pathlib``, no ``getpass`` unless a passphrase is asked). What writes files
or reads keys with the age code itself lives with those tools, in ``_age``.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from typing import BinaryIO

from cabledesk.errors import InputError

__all__ = [
    "ask_passphrase",
    "binary_input",
    "output_ended_early",
    "read_small_file",
    "refuse_binary_on_terminal",
    "silence_stdout",
]

MAX_KEY_FILE_BYTES = 1024 * 1024


@contextlib.contextmanager
def binary_input(name: str | None) -> Iterator[BinaryIO]:
    """The file ``name``, or standard input for None or ``-``."""
    if name in (None, "-"):
        yield sys.stdin.buffer
        return
    try:
        f = open(name, "rb")  # noqa: PTH123, SIM115 (no pathlib here; closed below)
    except OSError as exc:
        raise InputError(f"Cannot read {name}: {exc.strerror}.") from exc
    with f:
        yield f


def refuse_binary_on_terminal() -> None:
    """Refuse binary output to standard output when it is a terminal (InputError)."""
    if sys.stdout.isatty():
        raise InputError(
            "Refusing to print binary data to the terminal.",
            hint="Use -o FILE, or -a for text output.",
        )


@contextlib.contextmanager
def output_ended_early() -> Iterator[None]:
    """Turn a reader of standard output that went away (``| head -c 10``) into a failure.

    Encrypted or decrypted data cut short is not a result: InputError (exit 2),
    and standard output is pointed at the null device, so that the interpreter
    does not fail again flushing it at exit.
    """
    try:
        yield
    except BrokenPipeError:
        silence_stdout()
        raise InputError(
            "The program reading the output stopped before the end: the output is incomplete.",
            hint="Write to a file with -o, or let the reader take all of it.",
        ) from None


def silence_stdout() -> None:
    """Point standard output at the null device (its reader went away)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def read_small_file(name: str, what: str) -> bytes:
    """A key, signature or card file (at most 1 MiB)."""
    try:
        with open(name, "rb") as f:  # noqa: PTH123 (no pathlib on this path)
            data = f.read(MAX_KEY_FILE_BYTES + 1)
    except OSError as exc:
        raise InputError(f"Cannot read the {what} {name}: {exc.strerror}.") from exc
    if len(data) > MAX_KEY_FILE_BYTES:
        raise InputError(f"The {what} {name} is far too large to be one.")
    return data


def ask_passphrase(prompt: str, *, confirm: bool = False) -> str:
    """Ask on the terminal (never on standard input, which may carry data)."""
    import getpass

    try:
        fd = os.open("/dev/tty", os.O_RDWR)
    except OSError:
        raise InputError(
            "A passphrase is needed, but there is no terminal to ask it on.",
            hint="Run the command in a terminal.",
        ) from None
    os.close(fd)
    first = getpass.getpass(f"{prompt}: ")
    if not first:
        raise InputError("The passphrase is empty.")
    if confirm and getpass.getpass("Confirm the passphrase: ") != first:
        raise InputError("The two passphrases differ.", hint="Type the same one twice.")
    return first
