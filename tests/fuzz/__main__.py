"""The fuzzing campaign: ``make fuzz`` or ``python -m tests.fuzz [TARGET …]``.

Runs every target (or those named) for ``FUZZ_SECONDS`` seconds each
(default 60), ``FUZZ_JOBS`` at a time (default: the number of cores), with
atheris where it is installed (``pip install atheris``; coverage-guided
libFuzzer) and else with hypothesis (``FUZZ_ENGINE=hypothesis`` forces it).
Each target runs in its own process; after a finding the process is started
again for the time left, with the findings so far marked as known, so one bug
does not hide the next. Work files go to ``build/fuzz/<target>/``: the corpus
(kept between campaigns), the seeds, the logs and the findings.

Prints, per target, the inputs tried and the findings (exception and place,
or hang, or memory blow-up, with the input's file). Exit code 1 if anything
was found. ``--list`` lists the targets.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from tests.fuzz._registry import TARGETS
from tests.fuzz._worker import KNOWN_ENV, SCRATCH_ENV, SIGNATURE_MARK

ROOT = Path(__file__).resolve().parents[2]
WORK = ROOT / "build" / "fuzz"
DEFAULT_SECONDS = 60
# A worker gets this much longer than its fuzzing time before it is killed
# (start-up: imports, seeds, loading the corpus).
GRACE_SECONDS = 120
# A hang or memory blow-up cannot be skipped like a known exception: after
# this many of the same kind, the target stops.
MAX_REPEATS = 3
_EXECUTED = re.compile(r"stat::number_of_executed_units:\s*(\d+)")
_PROGRESS = re.compile(r"^#(\d+)\s", re.MULTILINE)
_ARTIFACT = re.compile(r"Test unit written to (\S+)")


@dataclass
class Finding:
    kind: str  # "exception", "timeout", "out-of-memory", "crash"
    signature: str
    artifact: str
    detail: str


@dataclass
class Outcome:
    target: str
    engine: str
    seconds: float = 0.0
    tried: int = 0
    runs: int = 0
    findings: list[Finding] = field(default_factory=list)


def _engine() -> str:
    wanted = os.environ.get("FUZZ_ENGINE", "")
    if wanted:
        return wanted
    return "atheris" if importlib.util.find_spec("atheris") is not None else "hypothesis"


def _classify(log: str) -> tuple[str, str, str]:
    """The kind, signature and last lines of the failure described in a worker's log."""
    marks = [
        line.split(SIGNATURE_MARK, 1)[1] for line in log.splitlines() if SIGNATURE_MARK in line
    ]
    if marks:
        sig, _, detail = marks[-1].partition(" | ")
        return "exception", sig, detail
    if any(m in log for m in ("ALARM: working on the last Unit", "libFuzzer: timeout", "Deadline")):
        return "timeout", "timeout", "an input ran longer than the time limit"
    if "out-of-memory" in log:
        return "out-of-memory", "out-of-memory", "an input used more memory than the limit"
    return "crash", "crash", _last(log)


def _last(log: str) -> str:
    return (log.strip().splitlines() or ["(no output)"])[-1]


def _fuzz(name: str, seconds: int, engine: str) -> Outcome:
    workdir = WORK / name
    (workdir / "findings").mkdir(parents=True, exist_ok=True)
    outcome = Outcome(name, engine)
    start = time.monotonic()
    deadline = start + seconds
    repeats: dict[str, int] = {}
    while (left := int(deadline - time.monotonic())) >= 5:
        scratch = workdir / "scratch"
        shutil.rmtree(scratch, ignore_errors=True)
        env = os.environ | {
            KNOWN_ENV: ",".join(f.signature for f in outcome.findings),
            SCRATCH_ENV: str(scratch),
        }
        log_path = workdir / f"log-{outcome.runs}.txt"
        command = [
            sys.executable,
            "-m",
            "tests.fuzz._worker",
            name,
            str(workdir),
            str(left),
            engine,
        ]
        with log_path.open("w") as log:
            try:
                code = subprocess.run(
                    command, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT, env=env,
                    timeout=left + GRACE_SECONDS,
                ).returncode  # fmt: skip
            except subprocess.TimeoutExpired:
                code = -1
        shutil.rmtree(scratch, ignore_errors=True)
        outcome.runs += 1
        text = log_path.read_text(errors="replace")
        executed = _EXECUTED.findall(text) or _PROGRESS.findall(text)[-1:]
        outcome.tried += int(executed[-1]) if executed else 0
        if code == 0:
            break
        kind, sig, detail = _classify(text)
        if kind == "crash" and engine == "atheris" and " INITED " not in text:
            # it failed before fuzzing: a broken target, not a finding
            outcome.findings.append(Finding("harness error", "setup", str(log_path), detail))
            break
        artifacts = _ARTIFACT.findall(text)
        outcome.findings.append(
            Finding(kind, sig, artifacts[-1] if artifacts else str(log_path), detail)
        )
        repeats[kind] = repeats.get(kind, 0) + 1
        if kind != "exception" and repeats[kind] >= MAX_REPEATS:
            break
        if kind == "exception" and sum(f.signature == sig for f in outcome.findings) > 1:
            break  # the known-signature filter did not hold: do not loop on it
    outcome.seconds = time.monotonic() - start
    return outcome


def _report(outcome: Outcome) -> str:
    head = (
        f"{outcome.target:<20} {outcome.engine:<10} {outcome.seconds:7.0f} s "
        f"{outcome.tried:>12,} inputs  {len(outcome.findings)} finding(s)"
    )
    lines = [head]
    for f in outcome.findings:
        lines.append(f"    {f.kind}: {f.signature}: {f.detail}")
        lines.append(f"        input: {os.path.relpath(f.artifact, ROOT)}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.fuzz", description=__doc__.split("\n")[0]
    )
    parser.add_argument("targets", nargs="*", metavar="TARGET", help="default: all")
    parser.add_argument(
        "--seconds", type=int, default=int(os.environ.get("FUZZ_SECONDS", DEFAULT_SECONDS))
    )
    parser.add_argument(
        "--jobs", type=int, default=int(os.environ.get("FUZZ_JOBS", os.cpu_count() or 1))
    )
    parser.add_argument("--list", action="store_true", help="list the targets and exit")
    args = parser.parse_args(argv)
    if args.list:
        for spec in TARGETS.values():
            print(f"{spec.name:<20} {spec.what}")
        return 0
    names = args.targets or list(TARGETS)
    unknown = [n for n in names if n not in TARGETS]
    if unknown:
        parser.error(f"unknown target {unknown[0]!r} (see --list)")
    engine = _engine()
    if engine != "atheris" and not os.environ.get("FUZZ_ENGINE"):
        print("atheris is not installed: fuzzing with hypothesis (pip install atheris for "
              "coverage-guided fuzzing)", flush=True)  # fmt: skip
    print(f"fuzzing {len(names)} target(s) for {args.seconds} s each, {args.jobs} at a time, "
          f"with {engine}; work files in {os.path.relpath(WORK, ROOT)}/", flush=True)  # fmt: skip
    outcomes: list[Outcome] = []
    with ThreadPoolExecutor(max(1, args.jobs)) as pool:
        for outcome in pool.map(lambda n: _fuzz(n, args.seconds, engine), names):
            print(_report(outcome), flush=True)
            outcomes.append(outcome)
    total = sum(o.tried for o in outcomes)
    found = sum(len(o.findings) for o in outcomes)
    print(f"total: {total:,} inputs, {found} finding(s)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
