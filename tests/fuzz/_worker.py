"""One fuzzing run of one target, in its own process (started by ``python -m tests.fuzz``).

    python -m tests.fuzz._worker TARGET WORKDIR SECONDS ENGINE

``atheris``: instruments the target's modules, then hands libFuzzer the
corpus (``WORKDIR/corpus``), the seeds (``WORKDIR/seeds``) and the regression
files, with a time limit per input (``-timeout``) and a memory limit
(``-rss_limit_mb``); an input that fails is written to ``WORKDIR/findings``
and the process exits (the campaign restarts it for the time left).
``hypothesis``: mutates the same seeds with hypothesis for SECONDS, with a
deadline per input and an address-space limit.

Exceptions whose signature (type and innermost frame in CableDesk) is listed
in ``CABLEDESK_FUZZ_KNOWN`` were reported by an earlier run of the campaign;
they are not reported again, so that fuzzing goes on past a known bug.
"""

from __future__ import annotations

import hashlib
import importlib
import os
import re
import resource
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from tests.fuzz._registry import REGRESSIONS, TARGETS, load, seeds

__all__ = ["RSS_LIMIT_MB", "main", "signature"]

RSS_LIMIT_MB = 2048
KNOWN_ENV = "CABLEDESK_FUZZ_KNOWN"
SCRATCH_ENV = "CABLEDESK_FUZZ_SCRATCH"
SIGNATURE_MARK = "FINDING-SIGNATURE: "


def signature(exc: BaseException) -> str:
    """Where an exception comes from: its type and the innermost frame in our code."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "/cabledesk/" in f.filename] or frames
    where = f"{Path(ours[-1].filename).name}:{ours[-1].lineno}" if ours else "?"
    return f"{type(exc).__name__}@{where}"


def _checked(
    run: Callable[[bytes], None], on_new: Callable[[bytes, BaseException], None]
) -> Callable[[bytes], None]:
    from cabledesk.errors import CableDeskError

    known = set(filter(None, os.environ.get(KNOWN_ENV, "").split(",")))

    def one_input(data: bytes) -> None:
        try:
            run(data)
        except CableDeskError:
            pass
        except Exception as exc:
            sig = signature(exc)
            if sig in known:
                return
            detail = f"{type(exc).__name__}: {exc}".splitlines()[0][:200]
            print(f"{SIGNATURE_MARK}{sig} | {detail}", file=sys.stderr, flush=True)
            on_new(data, exc)
            raise

    return one_input


def _write_seeds(name: str, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    for seed_name, data in seeds(name).items():
        (folder / re.sub(r"[^\w.-]", "_", seed_name)).write_bytes(data)


def _dictionary(name: str, path: Path) -> bool:
    """Write libFuzzer's dictionary for ``name``; False if it has no words."""
    spec = TARGETS[name]
    words = set(spec.words)
    if spec.json:
        for data in seeds(name).values():
            words.update(w for w in re.findall(rb'"[^"\\]{1,40}"', data))
        words.update((b"null", b"true", b"false", b"[]", b"{}", b'":', b'","', b"\\u0000"))
    if not words:
        return False

    def quoted(word: bytes) -> str:
        return "".join(
            chr(b) if 0x20 <= b < 0x7F and b not in b'"\\' else f"\\x{b:02x}" for b in word
        )

    path.write_text("".join(f'"{quoted(w)}"\n' for w in sorted(words)))
    return True


def _atheris(name: str, workdir: Path, seconds: int) -> None:
    atheris = importlib.import_module("atheris")  # no type information

    spec = TARGETS[name]
    with atheris.instrument_imports(include=list(spec.instrument)):
        run = load(name)
    corpus, seed_dir, findings = workdir / "corpus", workdir / "seeds", workdir / "findings"
    corpus.mkdir(parents=True, exist_ok=True)
    findings.mkdir(parents=True, exist_ok=True)
    _write_seeds(name, seed_dir)
    regressions = REGRESSIONS / name
    dictionary = workdir / "dictionary.txt"
    args = [
        sys.argv[0],
        f"-max_total_time={seconds}",
        f"-timeout={spec.timeout}",
        f"-rss_limit_mb={RSS_LIMIT_MB}",
        f"-max_len={spec.max_len}",
        f"-artifact_prefix={findings}/",
        "-print_final_stats=1",
        *([f"-dict={dictionary}"] if _dictionary(name, dictionary) else []),
        str(corpus),
        str(seed_dir),
        *([str(regressions)] if regressions.is_dir() else []),
    ]
    atheris.Setup(args, _checked(run, lambda data, exc: None))
    atheris.Fuzz()


def _hypothesis(name: str, workdir: Path, seconds: int) -> None:
    from datetime import timedelta

    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    spec = TARGETS[name]
    findings = workdir / "findings"
    findings.mkdir(parents=True, exist_ok=True)
    limit = RSS_LIMIT_MB * 2 * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    starts = list(seeds(name).values())
    regressions = REGRESSIONS / name
    if regressions.is_dir():
        starts += [p.read_bytes() for p in sorted(regressions.iterdir())]
    tried = 0
    failing: list[bytes] = []

    def note(data: bytes, exc: BaseException) -> None:
        failing.append(data)

    run = _checked(load(name), note)
    edit = st.tuples(st.integers(0, 4), st.integers(0, 2**32), st.binary(min_size=1, max_size=8))
    mutated = st.tuples(st.sampled_from(starts), st.lists(edit, max_size=8)).map(_apply)
    inputs = st.one_of(mutated, st.binary(max_size=spec.max_len))

    @settings(
        max_examples=500,
        deadline=timedelta(seconds=spec.timeout),
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(inputs)
    def fuzz(data: bytes) -> None:
        nonlocal tried
        tried += 1
        run(data)

    deadline = time.monotonic() + seconds
    try:
        while time.monotonic() < deadline:
            fuzz()
    except Exception:
        traceback.print_exc()
        data = failing[-1] if failing else b""
        path = findings / f"crash-{hashlib.sha1(data).hexdigest()}"
        path.write_bytes(data)
        print(f"Test unit written to {path}", file=sys.stderr)
        print(f"stat::number_of_executed_units: {tried}", file=sys.stderr)
        sys.exit(1)
    print(f"stat::number_of_executed_units: {tried}", file=sys.stderr)


def _apply(args: tuple[bytes, list[tuple[int, int, bytes]]]) -> bytes:
    start, edits = args
    data = bytearray(start)
    for op, position, value in edits:
        at = position % (len(data) + 1)
        if op == 0 and data:
            at %= len(data)
            data[at] ^= value[0] or 1
        elif op == 1:
            data[at:at] = value
        elif op == 2:
            del data[at : at + len(value)]
        elif op == 3:
            data[at : at + len(value)] = value
        else:
            del data[at:]
    return bytes(data)


def main(argv: list[str]) -> None:
    name, workdir, seconds, engine = argv[1], Path(argv[2]), int(argv[3]), argv[4]
    os.environ.setdefault(SCRATCH_ENV, str(workdir / "scratch"))
    if engine == "atheris":
        _atheris(name, workdir, seconds)
    else:
        _hypothesis(name, workdir, seconds)


if __name__ == "__main__":
    main(sys.argv)
