"""Reading a large directory's cards on every core: :class:`CardWorkers`.

A directory of 20,000 people holds 20,000 cards, each read in full (every rule of
a card) before an import commits anything: most of an import's work, all of it
Python, which runs on one core. :class:`CardWorkers` gives the cards to helper
processes, one per core, and hands their facts over in chunks as they come, so
that this process checks the directory itself and writes the first people to
the vault (in a transaction not yet committed) while the helpers read the rest:

- The helpers are started first (:meth:`CardWorkers.start`), when the file is
  large enough to be worth them, so that they are ready when the directory is
  decoded (:meth:`CardWorkers.begin` then sends each its share).
- Each helper is this same program, run again as ``python -I -m
  cabledesk.services._card_workers`` (or, in the packaged application, its
  executable with :data:`WORKER_ARGUMENT`). It reads its cards from its standard
  input, reads each in full with :func:`~cabledesk.crypto.card_facts.read_facts`
  (the same code as here) and writes their facts to its standard output, a frame
  per :data:`CHUNK` cards, with :mod:`marshal` (plain values only: text, bytes,
  numbers). It gets only cards, which are public, and reads nothing else: no
  vault, no key, no file.
- A helper that cannot be started, fails, stops answering or sends anything but
  the facts of the cards it was given is stopped, and what it had not sent is
  read here: the outcome is the same, only slower. None is used on one core.
"""

from __future__ import annotations

import contextlib
import gc
import marshal
import os
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

from cabledesk.crypto.card_facts import CardFacts, from_wire, read_facts, to_wire

__all__ = ["CHUNK", "MIN_BYTES", "WORKER_ARGUMENT", "CardWorkers", "serve"]

WORKER_ARGUMENT = "--cabledesk-card-worker"
MIN_BYTES = 1024 * 1024  # a smaller directory (about 1,000 people) is read here
MAX_WORKERS = 4
CHUNK = 500  # cards per frame: a few tens of milliseconds of reading
_LENGTH = 4  # bytes of a frame's length, big-endian
# how long the helpers may take: a hundred times what reading a card takes, and more
_SECONDS_PER_CARD = 0.01
_BASE_SECONDS = 5.0

Chunk = tuple[int, list[CardFacts | None]]  # the first card's index, the facts


class CardWorkers:
    """Reads a directory's cards in helper processes, or here (see the module docstring).

    Use as a context manager: leaving it stops any helper still running.
    """

    def __init__(self, workers: int) -> None:
        started = (_Helper.start() for _ in range(workers))
        self._helpers = [h for h in started if h is not None]
        self._texts: list[str] = []

    @classmethod
    def start(cls, size: int) -> CardWorkers:
        """Helpers for a directory file of ``size`` bytes: one per core (at most
        MAX_WORKERS) on a machine of several, none for a small directory."""
        cores = _cores()
        return cls(min(cores, MAX_WORKERS) if cores > 1 and size >= MIN_BYTES else 0)

    def __enter__(self) -> CardWorkers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for helper in self._helpers:
            helper.stop()

    def begin(self, texts: list[str]) -> None:
        """Give each helper its share of the cards ``texts`` (all of them, in order)."""
        self._texts = texts
        count, helpers = len(texts), len(self._helpers)
        start = 0
        for i, helper in enumerate(self._helpers):
            end = start + (count - start) // (helpers - i)
            helper.send(texts, start, end)
            start = end

    def chunks(self) -> Iterator[Chunk]:
        """The facts of every card given to :meth:`begin`, each card once, a chunk at
        a time as helpers send them (or as they are read here), in any order."""
        if not self._helpers:
            yield from _read_here(self._texts, 0, len(self._texts))
            return
        deadline = time.monotonic() + _BASE_SECONDS + len(self._texts) * _SECONDS_PER_CARD
        frames: queue.Queue[tuple[_Helper, bytes | None]] = queue.Queue()
        for helper in self._helpers:
            helper.listen(frames)
        sending = {h for h in self._helpers if h.running}
        while sending:
            try:
                helper, frame = frames.get(timeout=max(deadline - time.monotonic(), 0))
            except queue.Empty:  # too long: the rest is read here
                break
            if frame is None or helper not in sending:  # done, or stopped before
                sending.discard(helper)
                continue
            chunk = helper.chunk(frame)
            if chunk is None:  # not what it was asked: stopped, its rest read here
                helper.stop()
                sending.discard(helper)
                continue
            yield chunk
        self.close()
        for helper in self._helpers:
            yield from helper.missing(self._texts)


class _Helper:
    """One helper process, the thread that reads what it sends, and the chunks of
    its share it has sent."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self._process = process
        self._stopped = False
        self._start = self._end = 0
        self._received: set[int] = set()  # the first card of each chunk received
        self._reader: threading.Thread | None = None

    @classmethod
    def start(cls) -> _Helper | None:
        try:
            process = subprocess.Popen(  # noqa: S603 (this program, fixed arguments, no shell)
                _command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL, close_fds=True,
            )  # fmt: skip
        except (OSError, ValueError):
            return None
        return cls(process)

    @property
    def running(self) -> bool:
        return not self._stopped

    def send(self, texts: Sequence[str], start: int, end: int) -> None:
        """Give the helper the cards ``texts[start:end]``; if it cannot take them, it
        is stopped (they are then read here)."""
        self._start, self._end = start, end
        stdin = self._process.stdin
        try:
            assert stdin is not None
            stdin.write(marshal.dumps((start, CHUNK, list(texts[start:end]))))
            stdin.close()
        except (OSError, ValueError):
            self.stop()

    def listen(self, frames: queue.Queue[tuple[_Helper, bytes | None]]) -> None:
        """Read the helper's frames in a thread of their own, each put in ``frames``,
        then None (at its end, or when it is stopped)."""
        if self._stopped:
            return
        self._reader = threading.Thread(
            target=self._read, args=(frames,), name="card helper", daemon=True
        )
        self._reader.start()

    def _read(self, frames: queue.Queue[tuple[_Helper, bytes | None]]) -> None:
        stdout = self._process.stdout
        assert stdout is not None
        try:
            while len(head := stdout.read(_LENGTH)) == _LENGTH:
                frame = stdout.read(int.from_bytes(head, "big"))
                if len(frame) != int.from_bytes(head, "big"):
                    break
                frames.put((self, frame))
        except (OSError, ValueError):
            pass
        finally:
            frames.put((self, None))
            with contextlib.suppress(OSError):
                stdout.close()

    def chunk(self, frame: bytes) -> Chunk | None:
        """The chunk in ``frame``, or None if it is not one of this helper's chunks."""
        try:
            # our own helper's output (marshal builds values, never runs code)
            first, wire = marshal.loads(frame)  # noqa: S302
            if type(first) is not int or first in self._received:
                return None
            if first not in range(self._start, self._end, CHUNK):
                return None
            chunk = first, from_wire(wire, min(CHUNK, self._end - first))
        except (ValueError, EOFError, TypeError):
            return None
        self._received.add(first)
        return chunk

    def missing(self, texts: Sequence[str]) -> Iterator[Chunk]:
        """The chunks of this helper's share it did not send, read here."""
        for first in range(self._start, self._end, CHUNK):
            if first not in self._received:
                yield from _read_here(texts, first, min(first + CHUNK, self._end))

    def stop(self) -> None:
        """End the helper (its reading thread then ends too)."""
        self._stopped = True
        process = self._process
        if process.poll() is None:
            process.kill()
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=5)
        if process.stdin is not None:
            with contextlib.suppress(OSError, ValueError):
                process.stdin.close()
        if self._reader is not None:
            self._reader.join(timeout=5)
        elif process.stdout is not None:
            with contextlib.suppress(OSError):
                process.stdout.close()


def _read_here(texts: Sequence[str], start: int, end: int) -> Iterator[Chunk]:
    for first in range(start, end, CHUNK):
        yield first, read_facts(texts[first : min(first + CHUNK, end)])


def _command() -> list[str]:
    """How to run this program as a helper: in the packaged application, its
    command-line executable (beside this one; it checks for WORKER_ARGUMENT before
    anything else, and has standard streams where the windowed one may not), or
    Python on this module, isolated (no current folder or PYTHON* variables on
    its path)."""
    if not sys.executable:
        raise ValueError("no executable to run")
    if getattr(sys, "frozen", False):
        here = Path(sys.executable)
        cli = here.with_name("cabledesk-cli" + here.suffix)
        return [str(cli if cli.is_file() else here), WORKER_ARGUMENT]
    return [sys.executable, "-I", "-m", __name__]


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def serve(source: IO[bytes], sink: IO[bytes]) -> None:
    """A helper's work. From ``source``: the index of its first card, the chunk
    size and the cards; to ``sink``: a frame per chunk, its first card's index and
    the facts of its cards, each frame after its length. The cycle collector is
    off: nothing made here is cyclic garbage, and it would walk the facts again
    and again."""
    gc.disable()
    share = marshal.loads(source.read())  # noqa: S302 (from the process that started us)
    if not (
        type(share) is tuple
        and len(share) == 3
        and type(share[0]) is int
        and type(share[1]) is int
        and share[1] > 0
        and type(share[2]) is list
        and all(type(text) is str for text in share[2])
    ):
        raise SystemExit(2)
    start, chunk, texts = share
    for i in range(0, len(texts), chunk):
        frame = marshal.dumps((start + i, to_wire(read_facts(texts[i : i + chunk]))))
        sink.write(len(frame).to_bytes(_LENGTH, "big") + frame)
        sink.flush()


if __name__ == "__main__":
    serve(sys.stdin.buffer, sys.stdout.buffer)
