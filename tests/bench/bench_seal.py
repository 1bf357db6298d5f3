"""Sealed cables: a typical cable in process, and a 1 GiB attachment against the age binary.

Typical cable: a 3-page FRUS telegram (about 9,000 characters) sealed for 5
recipients (6 with the sender) and opened by one of them, in process, with no
attachment; goal under 30 ms each. Prints the best and the median of
BENCH_SEAL_TYPICAL runs (default 50).

Large: a cable with one attachment of BENCH_SEAL_MIB MiB (default 1024), sealed and
opened by this script run as a child process (``--child``), interleaved round by
round (BENCH_ROUNDS, default 3; best kept) with the ``age`` binary encrypting and
decrypting the attachment alone, to /dev/null and to a file. Goal: within 1.5× of
age's wall time both ways, peak RSS under 64 MiB (GNU time, the child's own).
Opening to /dev/null means verifying without extracting; to a file, extracting the
attachment, which CableDesk syncs to disk before publishing it (an atomic write; age
does not sync). Needs ``age`` and GNU ``time``; BENCH_DIR chooses the scratch folder.
The machine should be otherwise idle: sealing and opening use two cores (hashing
beside encryption), age one.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from cabledesk.crypto.age import X25519Identity
from cabledesk.crypto.keys import Identity, read_openssh_private_key
from cabledesk.domain.canonical import encode_cable
from cabledesk.domain.frus import cable_from_frus
from cabledesk.domain.scheme import SchemeRegistry
from cabledesk.domain.trust import Trust, TrustState
from cabledesk.seal import SealRecipient, Verdict, open_sealed, seal
from tests.bench._measure import Run, best, run
from tests.bench.bench_age import compile_package

MIB = 1024 * 1024
FRUS = Path(__file__).parents[1] / "data" / "frus" / "frus-telegrams.jsonl"
TYPICAL_RECORD = "frus1930v01/d90"  # about three pages of text
GOAL_TYPICAL_MS = 30.0
GOAL_RATIO = 1.5
GOAL_RSS_MIB = 64.0


def typical_cable() -> bytes:
    with FRUS.open(encoding="utf-8") as f:
        record = next(r for r in map(json.loads, f) if r["id"] == TYPICAL_RECORD)
    return encode_cable(cable_from_frus(record, scheme=SchemeRegistry.load()["us"]))


def people(count: int) -> list[Identity]:
    return [Identity.generate(f"Person {i}", f"POST {i}") for i in range(count)]


def bench_typical(runs: int) -> None:
    data = typical_cable()
    cable_id = json.loads(data)["id"]
    sender, *others = people(6)
    recipients = [SealRecipient(p.name, p.public()) for p in others]
    reader = others[0]
    trust = {sender.fingerprint: Trust(TrustState.VERIFIED)}.get
    seal_ms: list[float] = []
    open_ms: list[float] = []
    for _ in range(runs):
        out = io.BytesIO()
        start = time.perf_counter()
        seal(data, cable_id=cable_id, banner="UNCLASSIFIED", sender=sender,
             recipients=recipients, output=out)  # fmt: skip
        seal_ms.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        v = open_sealed(io.BytesIO(out.getvalue()), [reader.encryption_key], trust_of=trust,
                        me={reader.fingerprint})  # fmt: skip
        open_ms.append((time.perf_counter() - start) * 1000)
        assert v.verdict is Verdict.VALID, v.message
    print(f"bench_seal: typical cable ({len(data):,} bytes of JSON, 6 recipients), "
          f"{runs} runs, in process; goal < {GOAL_TYPICAL_MS:.0f} ms")  # fmt: skip
    for name, times in (("seal", seal_ms), ("open", open_ms)):
        print(f"  {name}: best {min(times):6.2f} ms, median {statistics.median(times):6.2f} ms"
              f"  {'ok' if statistics.median(times) < GOAL_TYPICAL_MS else 'OVER GOAL'}")  # fmt: skip


# --- the child process: seal or open one cable ---------------------------------


def _load(folder: Path, name: str) -> Identity:
    return Identity(
        name=name,
        post="BENCH",
        signing_key=read_openssh_private_key((folder / f"{name}.ssh").read_bytes()),
        encryption_key=X25519Identity.parse((folder / f"{name}.age").read_text().strip()),
    )


def child(args: list[str]) -> None:
    """``seal KEYS ATTACHMENT OUT`` or ``open KEYS CABLE [EXTRACT_DIR]``."""
    command, folder = args[0], Path(args[1])
    sender, reader = _load(folder, "sender"), _load(folder, "reader")
    if command == "seal":
        data = typical_cable()
        recipients = [SealRecipient("Reader", reader.public())]
        recipients += [SealRecipient(p.name, p.public()) for p in people(4)]
        with Path(args[3]).open("wb") as out:
            seal(data, cable_id=json.loads(data)["id"], banner="UNCLASSIFIED", sender=sender,
                 recipients=recipients, output=out, attachments=[Path(args[2])])  # fmt: skip
        return
    trust = {sender.fingerprint: Trust(TrustState.VERIFIED)}.get
    extract = Path(args[3]) if len(args) > 3 else None
    v = open_sealed(Path(args[2]), [reader.encryption_key], trust_of=trust,
                    me={reader.fingerprint}, extract_to=extract)  # fmt: skip
    if v.verdict is not Verdict.VALID:
        sys.exit(f"unexpected verdict {v.verdict}: {v.message}")


# --- the large attachment, side by side with age ---------------------------------


def _run(args: list[str]) -> Run:
    """One timed child run, after the page cache's dirty data from the previous runs
    has reached the disk (so that no run pays for another's writes)."""
    os.sync()
    return run(args)


def bench_large(size_mib: int, rounds: int) -> None:
    age = shutil.which("age")
    if age is None:
        sys.exit("bench_seal needs the age binary (apt-get install age)")
    compile_package()
    me = [sys.executable, "-m", "tests.bench.bench_seal", "--child"]
    results: dict[str, list[Run]] = {}
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as tmp:
        folder = Path(tmp)
        for name, person in zip(("sender", "reader"), people(2), strict=True):
            (folder / f"{name}.ssh").write_bytes(person.openssh_private_key())
            (folder / f"{name}.age").write_text(person.age_identity() + "\n")
        recipient = str(
            X25519Identity.parse((folder / "reader.age").read_text().strip()).recipient()
        )
        plain = folder / "attachment.bin"
        with plain.open("wb") as f:
            block = os.urandom(MIB)
            for _ in range(size_mib):
                f.write(block)
        sealed, aged = folder / "sealed.cable", folder / "attachment.age"
        out_dir = folder / "out"
        run([age, "-r", recipient, "-o", str(aged), str(plain)])
        run([*me, "seal", tmp, str(plain), str(sealed)])
        key = str(folder / "reader.age")
        durable = '"$0" -d -i "$1" -o "$2" "$3" && sync "$2"'

        def target(sink: str) -> str:
            """Where a run writes: /dev/null, or the same new file in an empty folder
            for every tool (so that all pay the same file system costs)."""
            shutil.rmtree(out_dir, ignore_errors=True)
            out_dir.mkdir()
            return os.devnull if sink == "/dev/null" else str(out_dir / plain.name)

        def command(name: str, out: str) -> list[str]:
            extract = [] if out == os.devnull else [str(out_dir)]
            return {
                "seal age": [age, "-r", recipient, "-o", out, str(plain)],
                "seal cabledesk": [*me, "seal", tmp, str(plain), out],
                "open age": [age, "-d", "-i", key, "-o", out, str(aged)],
                "open age+sync": ["sh", "-c", durable, age, key, out, str(aged)],
                "open cabledesk": [*me, "open", tmp, str(sealed), *extract],
            }[name]

        names = ("seal age", "seal cabledesk", "open age", "open age+sync", "open cabledesk")
        for _ in range(rounds):
            for sink in ("/dev/null", "file"):
                for name in names:
                    if name == "open age+sync" and sink != "file":
                        continue
                    out = target(sink)
                    results.setdefault(f"{name} {sink}", []).append(_run(command(name, out)))
    print(f"bench_seal: {size_mib} MiB attachment, best of {rounds}, child processes; "
          f"goal ≤ {GOAL_RATIO}× age, peak RSS < {GOAL_RSS_MIB:.0f} MiB")  # fmt: skip
    print(f"  {'operation':<28}{'seconds':>9}{'MiB/s':>8}{'x age':>8}{'peak RSS':>12}")
    for key in sorted(results, key=lambda k: (k.split()[0], k.split()[2], k.split()[1])):
        r = best(results[key])
        op, tool, sink = key.split(" ")
        ratio = r.seconds / best(results[f"{op} age {sink}"]).seconds
        flag = ""
        if tool == "cabledesk":
            flag = (
                "  ok" if ratio <= GOAL_RATIO and r.peak_rss_mib < GOAL_RSS_MIB else "  OVER GOAL"
            )
        print(f"  {key:<28}{r.seconds:>9.2f}{size_mib / r.seconds:>8.0f}{ratio:>8.2f}"
              f"{r.peak_rss_mib:>8.1f} MiB{flag}")  # fmt: skip
    against_sync = (
        best(results["open cabledesk file"]).seconds / best(results["open age+sync file"]).seconds
    )
    print(f"  open cabledesk file against age + sync (both durable on disk): {against_sync:.2f}x")


def main() -> None:
    print(f"bench_seal: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores")
    bench_typical(int(os.environ.get("BENCH_SEAL_TYPICAL", "50")))
    bench_large(
        int(os.environ.get("BENCH_SEAL_MIB", "1024")), int(os.environ.get("BENCH_ROUNDS", "3"))
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2:])
    else:
        main()
