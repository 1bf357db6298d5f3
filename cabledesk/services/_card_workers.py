"""Reading a large directory's cards on every core: :class:`CardWorkers`.

A directory of 20,000 people holds 20,000 cards, each read in full (every rule of
a card) before an import commits anything: most of an import's work, all of it
Python, which runs on one core. :class:`CardWorkers` shares the cards between
helper processes (one per other core) and this process, and hands their facts
over a chunk at a time, so that the first people are written to the vault (in
the import's transaction, not yet committed) while the rest are read:

- The helpers are started first (:meth:`CardWorkers.start`), when the file is
  large enough to be worth them, so that they are ready when the directory is
  decoded (:meth:`CardWorkers.begin` then gives each an even share).
- Each helper is this same program, run again: this Python, isolated, on this
  copy of CableDesk (or, in the packaged application, its command-line
  executable with :data:`WORKER_ARGUMENT`). It reads its cards
  from its standard input, reads each in full with
  :func:`~cabledesk.crypto.card_facts.read_facts` (the same code as here) from
  the first, and writes their facts to its standard output, a frame per
  :data:`CHUNK` cards, with :mod:`marshal` (plain values only: text, bytes,
  numbers). It gets only cards, which are public, and reads nothing else: no
  vault, no key, no file.
- This process, while it checks the directory, lets the helpers work; then it
  takes each chunk a helper sent, and whenever none is waiting it reads a chunk
  itself, the last one not yet covered of the helper with most left (a chunk
  that helper sends later is dropped). So every core stays busy to the end
  without any estimate of who is faster, and once every chunk is covered the
  helpers are stopped.
- A helper that cannot be started, fails, stops answering or sends anything but
  the facts of the chunks it was given is stopped, and what it had not sent is
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
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO

import cabledesk
from cabledesk.crypto.card_facts import CardFacts, from_wire, read_facts, to_wire

__all__ = ["CHUNK", "MIN_BYTES", "WORKER_ARGUMENT", "CardWorkers", "serve"]

WORKER_ARGUMENT = "--cabledesk-card-worker"
MIN_BYTES = 1024 * 1024  # a smaller directory (about 1,000 people) is read here
MAX_WORKERS = 3
CHUNK = 500  # cards per frame: a few tens of milliseconds of reading
_LENGTH = 4  # bytes of a frame's length, big-endian
_MAX_FRAME = 64 * 1024 * 1024  # far above a frame's size: anything longer is garbage

Chunk = tuple[int, list[CardFacts | None]]  # the first card's index, the facts
Frames = queue.Queue[tuple["_Helper", bytes | None]]  # None: the helper is done


class CardWorkers:
    """Reads a directory's cards in helper processes and here (see the module docstring).

    Use as a context manager: leaving it stops any helper still running.
    """

    def __init__(self, workers: int, *, share: bool = True) -> None:
        """``workers`` helpers; ``share``: read chunks here whenever no helper's chunk
        is waiting (else only those helpers fail to send: a test's choice)."""
        started = (_Helper.start() for _ in range(workers))
        self._helpers = [h for h in started if h is not None]
        self._share = share
        self._texts: list[str] = []

    @classmethod
    def start(cls, size: int) -> CardWorkers:
        """The helpers for a directory file of ``size`` bytes (see :meth:`count`)."""
        return cls(cls.count(size))

    @staticmethod
    def count(size: int) -> int:
        """How many helpers a directory file of ``size`` bytes gets: one per other
        core (at most MAX_WORKERS), none on one core or for a small directory."""
        return max(min(_cores() - 1, MAX_WORKERS), 0) if size >= MIN_BYTES else 0

    def __enter__(self) -> CardWorkers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for helper in self._helpers:
            helper.stop()

    def helped_left(self) -> float | None:
        """The share of the cards not yet read, while helpers still read some (None
        when none does: what is left is read by this process alone)."""
        if not any(h.running and h.left() for h in self._helpers):
            return None
        chunks = sum(h.size() for h in self._helpers)
        return sum(h.left() for h in self._helpers) / max(chunks, 1)

    def begin(self, texts: list[str]) -> None:
        """Give each helper an even share of the cards ``texts`` (all of them, in order)."""
        self._texts = texts
        start, helpers = 0, len(self._helpers)
        for i, helper in enumerate(self._helpers):
            end = start + (len(texts) - start) // (helpers - i)
            helper.send(texts, start, end)
            start = end
        if start < len(texts):  # no helper: every card is read here
            self._helpers.append(_Helper.nobody(start, len(texts)))

    def chunks(self) -> Iterator[Chunk]:
        """The facts of every card given to :meth:`begin`, each card once, a chunk at
        a time as helpers send them or as this process reads them, in any order."""
        frames: Frames = queue.Queue()
        for helper in self._helpers:
            helper.listen(frames)
        while any(h.left() for h in self._helpers):
            wait = not self._share and any(h.running and h.left() for h in self._helpers)
            try:
                helper, frame = frames.get(block=wait)
            except queue.Empty:  # nothing waiting: a chunk is read here
                busiest = max(self._helpers, key=lambda h: h.left())
                first, end = busiest.take()
                yield first, read_facts(self._texts[first:end])
                continue
            if frame is None:  # it has ended: what it did not send is read here
                helper.stop()
                continue
            if helper.running:
                try:
                    chunk = helper.chunk(frame)
                except ValueError:  # not what it was asked: its rest is read here
                    helper.stop()
                    continue
                if chunk is not None:
                    yield chunk
        self.close()


class _Helper:
    """One helper process, the threads that send it its cards and read what it
    sends, and which chunks of its share are covered (sent by it, or taken to be
    read here)."""

    def __init__(self, process: subprocess.Popen[bytes] | None) -> None:
        self._process = process
        self._start = self._end = 0
        self._left: list[int] = []  # the first card of each chunk not yet covered
        self._taken: set[int] = set()  # chunks read here instead
        self._texts: Sequence[str] = ()  # every card (of the share and the others)
        self._threads: list[threading.Thread] = []  # sending its cards, reading its frames

    @classmethod
    def start(cls) -> _Helper | None:
        try:
            process = subprocess.Popen(  # noqa: S603 (this program, fixed arguments, no shell)
                _command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL, close_fds=True,
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),  # Windows: no console
            )  # fmt: skip
        except (OSError, ValueError):
            return None
        _widen(process.stdout)
        return cls(process)

    @classmethod
    def nobody(cls, start: int, end: int) -> _Helper:
        """Cards no helper reads: every chunk is taken here."""
        share = cls(None)
        share._share(start, end)
        return share

    @property
    def running(self) -> bool:
        return self._process is not None

    def _share(self, start: int, end: int) -> None:
        self._start, self._end = start, end
        self._left = list(range(start, end, CHUNK))

    def size(self) -> int:
        """How many chunks the share has."""
        return len(range(self._start, self._end, CHUNK))

    def left(self) -> int:
        """How many chunks of the share are not yet covered."""
        return len(self._left)

    def take(self) -> tuple[int, int]:
        """A chunk not yet covered (first and end card), now to be read here: the
        last one while the helper reads from the first, else the first."""
        first = self._left.pop(-1 if self.running else 0)
        self._taken.add(first)
        return first, min(first + CHUNK, self._end)

    def send(self, texts: Sequence[str], start: int, end: int) -> None:
        """Give the helper the cards ``texts[start:end]``, in a thread of their own (a
        helper that does not read them holds up nothing but that thread, which ends
        when the helper is stopped); if it cannot take them, it is stopped (they
        are then read here)."""
        self._share(start, end)
        self._texts = texts
        if self._process is not None and self._process.stdin is not None:
            message = (start, CHUNK, list(texts[start:end]))
            self._threads.append(_thread(_write, self._process.stdin, message))

    def listen(self, frames: Frames) -> None:
        """Read the helper's frames in a thread of their own, each put in ``frames``,
        then None (at its end, or once it is stopped)."""
        if self._process is not None and self._process.stdout is not None:
            self._threads.append(_thread(self._read, self._process.stdout, frames))

    def _read(self, stdout: IO[bytes], frames: Frames) -> None:
        try:
            while len(head := stdout.read(_LENGTH)) == _LENGTH:
                size = int.from_bytes(head, "big")
                frame = stdout.read(size) if size <= _MAX_FRAME else b""
                if len(frame) != size:
                    break
                frames.put((self, frame))
        except Exception:  # noqa: S110 (whatever it was: the helper is done)
            pass
        finally:
            frames.put((self, None))
            with contextlib.suppress(OSError):
                stdout.close()

    def chunk(self, frame: bytes) -> Chunk | None:
        """The chunk in ``frame``, or None for one already read here; ValueError if
        it is not a chunk of this helper's share not yet sent."""
        try:
            # our own helper's output (marshal builds values, never runs code)
            first, wire = marshal.loads(frame)  # noqa: S302
        except (ValueError, EOFError, TypeError):
            raise ValueError("not a chunk") from None
        if type(first) is not int:
            raise ValueError("not a chunk")
        if first in self._taken:
            return None
        if first not in self._left:
            raise ValueError("not a chunk asked, or sent twice")
        chunk = first, from_wire(wire, self._texts[first : min(first + CHUNK, self._end)])
        self._left.remove(first)
        return chunk

    def stop(self) -> None:
        """End the helper (its reading thread then ends too); its chunks not yet
        covered are then read here."""
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            process.kill()
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=5)
        for thread in self._threads:
            thread.join(timeout=5)
        if not any(t.is_alive() for t in self._threads):  # then no thread uses them
            for stream in (process.stdin, process.stdout):
                if stream is not None:
                    with contextlib.suppress(OSError, ValueError):
                        stream.close()


def _thread(target: Callable[..., None], *args: object) -> threading.Thread:
    thread = threading.Thread(target=target, args=args, name="card helper", daemon=True)
    thread.start()
    return thread


def _write(stdin: IO[bytes], message: tuple[int, int, list[str]]) -> None:
    """Send a helper its share (in a thread of its own: see _Helper.send)."""
    try:
        stdin.write(marshal.dumps(message))
    except (OSError, ValueError):
        pass  # the helper is gone: it sends nothing, and its share is read here
    finally:
        with contextlib.suppress(OSError, ValueError):
            stdin.close()


def _command() -> list[str]:
    """How to run this program as a helper: in the packaged application, its
    command-line executable (beside this one; it checks for WORKER_ARGUMENT before
    anything else, and has standard streams where the windowed one may not); else
    this Python, isolated (no current folder or PYTHON* variables on its path), on
    this very copy of CableDesk (the folder it is imported from, put first: a
    source checkout's, not another one installed in that Python)."""
    if not sys.executable:
        raise ValueError("no executable to run")
    if getattr(sys, "frozen", False):
        here = Path(sys.executable)
        cli = here.with_name("cabledesk-cli" + here.suffix)
        return [str(cli if cli.is_file() else here), WORKER_ARGUMENT]
    home = str(Path(cabledesk.__file__).resolve().parents[1])
    return [sys.executable, "-I", "-c", _BOOT, home]


# a helper's start: the folder CableDesk was imported from first on the path, then serve
_BOOT = (
    "import sys; sys.path.insert(0, sys.argv[1]); "
    "from cabledesk.services._card_workers import serve; "
    "serve(sys.stdin.buffer, sys.stdout.buffer)"
)


def _widen(pipe: IO[bytes] | None) -> None:
    """On Linux, a pipe of 1 MiB for a helper's answers: with the usual 64 KiB, a
    helper would wait for this process's reading thread, itself waiting its turn
    to run Python while this process reads cards (elsewhere: as it is)."""
    if pipe is None:
        return
    try:
        import fcntl  # POSIX only

        fcntl.fcntl(pipe.fileno(), fcntl.F_SETPIPE_SZ, 1 << 20)  # F_SETPIPE_SZ: Linux only
    except (ImportError, AttributeError, OSError):
        pass


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
        cards = texts[i : i + chunk]
        frame = marshal.dumps((start + i, to_wire(read_facts(cards), cards)))
        sink.write(len(frame).to_bytes(_LENGTH, "big") + frame)
        sink.flush()


if __name__ == "__main__":
    serve(sys.stdin.buffer, sys.stdout.buffer)
