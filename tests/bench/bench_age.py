"""age encryption throughput: cabledesk-cli against the age binary, interleaved.

Prints throughput, the ratio to age (goal: ≤0.75 to encrypt, ≤0.65 to decrypt),
the fraction of the in-memory ChaCha20-Poly1305 ceiling (goal: ≥70%) and peak
RSS (goal: <48 MiB). The ceiling is one core sealing 64 KiB chunks in memory,
measured in every round (the best kept). The ``in-process`` lines run the
library's streaming API on the same file without starting an interpreter, to
show what start-up costs the command line. Size: BENCH_AGE_MIB (default 1024),
rounds: BENCH_ROUNDS (3).
"""

from __future__ import annotations

import compileall
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

import cabledesk
from cabledesk.crypto.age import X25519Identity, decrypt, encrypt
from tests.bench._measure import Run, best, run

MIB = 1024 * 1024
CHUNK = 64 * 1024


def compile_package() -> None:
    """Byte-compile CableDesk as an installed copy is, so that start-up is measured
    as users see it, even where PYTHONDONTWRITEBYTECODE kept the checkout bare."""
    compileall.compile_dir(Path(cabledesk.__file__).parent, quiet=1)


def ceiling_seconds_per_mib(total: int = 256 * MIB) -> float:
    aead = ChaCha20Poly1305(os.urandom(32))
    data = bytearray(CHUNK)
    out = bytearray(CHUNK + 16)
    nonce = bytes(12)
    start = time.perf_counter()
    for _ in range(total // CHUNK):
        aead.encrypt_into(nonce, data, None, out)
    return (time.perf_counter() - start) / (total / MIB)


def in_process(plain: Path, sealed: Path, identity: X25519Identity) -> dict[str, float]:
    with plain.open("rb") as src, Path(os.devnull).open("wb") as dst:
        start = time.perf_counter()
        encrypt(src, dst, [identity.recipient()])
        enc = time.perf_counter() - start
    with sealed.open("rb") as src, Path(os.devnull).open("wb") as dst:
        start = time.perf_counter()
        decrypt(src, dst, [identity])
        dec = time.perf_counter() - start
    return {"encrypt": enc, "decrypt": dec}


def main() -> None:
    age = shutil.which("age")
    if age is None:
        sys.exit("bench_age needs the age binary (apt-get install age)")
    compile_package()
    size_mib = int(os.environ.get("BENCH_AGE_MIB", "1024"))
    rounds = int(os.environ.get("BENCH_ROUNDS", "3"))
    cli = [f"{sys.prefix}/bin/cabledesk-cli"]
    ceiling = float("inf")
    results: dict[str, list[Run]] = {}
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as tmp:
        folder = Path(tmp)
        identity = X25519Identity.generate()
        (folder / "key").write_text(f"{identity}\n")
        recipient = str(identity.recipient())
        plain = folder / "plain"
        with plain.open("wb") as f:
            block = os.urandom(MIB)
            for _ in range(size_mib):
                f.write(block)
        sealed = folder / "sealed.age"
        run([age, "-r", recipient, "-o", str(sealed), str(plain)])
        target = folder / "out"
        shutil.copyfile(plain, target)  # an existing file, rewritten in place
        for _ in range(rounds):
            ceiling = min(ceiling, ceiling_seconds_per_mib())
            for op, seconds in in_process(plain, sealed, identity).items():
                results.setdefault(f"{op} in-process /dev/null", []).append(Run(seconds, 0.0))
            for sink_name, sink in (("/dev/null", None), ("file", target)):
                for tool, enc, dec in (
                    ("age", [age, "-r", recipient], [age, "-d", "-i", str(folder / "key")]),
                    ("cabledesk", [*cli, "encrypt", "-r", recipient],
                     [*cli, "decrypt", "-i", str(folder / "key")]),
                ):  # fmt: skip
                    results.setdefault(f"encrypt {tool} {sink_name}", []).append(
                        run(enc, stdin=plain, stdout=sink)
                    )
                    results.setdefault(f"decrypt {tool} {sink_name}", []).append(
                        run(dec, stdin=sealed, stdout=sink)
                    )
    ceiling_mib_s = 1 / ceiling
    print(f"bench_age: {size_mib} MiB, best of {rounds}; ChaCha20-Poly1305 ceiling "
          f"{ceiling_mib_s:.0f} MiB/s (one core, in memory)")  # fmt: skip
    print(f"{'operation':<30}{'MiB/s':>9}{'x age time':>12}{'of ceiling':>12}{'peak RSS':>11}")
    for key in sorted(results):
        r = best(results[key])
        op, tool, sink_name = key.split(" ")
        ref = best(results[f"{op} age {sink_name}"])
        speed = size_mib / r.seconds
        rss = f"{r.peak_rss_mib:>8.1f} MiB" if r.peak_rss_mib else f"{'-':>11}"
        print(f"{key:<30}{speed:>9.0f}{r.seconds / ref.seconds:>12.2f}"
              f"{speed / ceiling_mib_s:>11.0%}{rss}")  # fmt: skip


if __name__ == "__main__":
    main()
