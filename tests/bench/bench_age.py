"""age encryption throughput: cabledesk-cli against the age binary, interleaved.

Prints throughput, the ratio to age (goal: ≤0.75 to encrypt, ≤0.65 to decrypt),
the fraction of the in-memory ChaCha20-Poly1305 ceiling (goal: ≥70%) and peak
RSS (goal: <48 MiB). The ceiling is one core sealing 64 KiB chunks in memory
with OpenSSL (through ``cryptography``), measured in every round (the best
kept). The ``in-process`` lines run the library's streaming API on the same
file without starting an interpreter, to show what start-up costs the command
line. Size: BENCH_AGE_MIB (default 1024), rounds: BENCH_ROUNDS (3).

Each command runs twice per round, reading from a pipe (``< IN > OUT``) and
naming its files (``IN -o OUT``), as people type it; the two tools run back to
back in an order that alternates between rounds, so that neither always finds
the page cache warmed by the other. Two ratios are printed: the best times'
(``x age``) and the median of the per-round ratios (``pairs``), which is what
side-by-side runs by hand give.

Why the ratio is a property of the machine as much as of CableDesk: CableDesk's
ChaCha20-Poly1305 is OpenSSL's, whose speed depends on the CPU's vector units
(AVX-512 doubles it over AVX2; AMD's first EPYC generation runs AVX2 at half
width), while age's is Go's own. The header line gives the CPU, its vector
extensions and the OpenSSL version, so that a ratio can be read against them.
"""

from __future__ import annotations

import compileall
import os
import platform
import shutil
import statistics
import subprocess
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


def machine() -> str:
    """The CPU, its widest vector extension, and the OpenSSL and age versions."""
    model, flags = platform.processor() or platform.machine(), set[str]()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            key, _, value = line.partition(":")
            if key.strip() == "model name":
                model = value.strip()
            elif key.strip() == "flags":
                flags = set(value.split())
    except OSError:
        pass
    vector = next((v for v in ("avx512f", "avx2", "avx", "sse4_1") if v in flags), "?")
    from cryptography.hazmat.backends.openssl import backend

    age = shutil.which("age") or "age"
    version = subprocess.run([age, "--version"], capture_output=True, text=True).stdout.strip()
    return (
        f"{model}, {os.cpu_count()} cores, widest vectors {vector}; "
        f"{backend.openssl_version_text()}; age {version}"
    )


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
        key_file = str(folder / "key")
        tools = {
            "age": ([age, "-r", recipient], [age, "-d", "-i", key_file]),
            "cabledesk": ([*cli, "encrypt", "-r", recipient], [*cli, "decrypt", "-i", key_file]),
        }
        for n in range(rounds):
            ceiling = min(ceiling, ceiling_seconds_per_mib())
            for op, seconds in in_process(plain, sealed, identity).items():
                results.setdefault(f"{op} in-process /dev/null", []).append(Run(seconds, 0.0))
            for sink_name, sink in (("/dev/null", Path(os.devnull)), ("file", target)):
                for way in ("pipe", "path"):
                    order = list(tools) if n % 2 == 0 else list(reversed(tools))
                    for tool in order:
                        enc, dec = tools[tool]
                        for op, argv, source in (("encrypt", enc, plain), ("decrypt", dec, sealed)):
                            name = f"{op} {tool} {sink_name} {way}"
                            if way == "pipe":
                                done = run(argv, stdin=source, stdout=sink)
                            else:
                                done = run([*argv, "-o", str(sink), str(source)])
                            results.setdefault(name, []).append(done)
    ceiling_mib_s = 1 / ceiling
    print(f"bench_age: {size_mib} MiB, best of {rounds}; {machine()}")
    print(f"ChaCha20-Poly1305 ceiling {ceiling_mib_s:.0f} MiB/s (OpenSSL, one core, in memory)")
    print(f"{'operation':<36}{'MiB/s':>8}{'x age':>8}{'pairs':>8}{'of ceiling':>12}"
          f"{'peak RSS':>11}")  # fmt: skip
    for key in sorted(results):
        r = best(results[key])
        op, tool, sink_name, *mode = key.split(" ")
        ref_key = " ".join([op, "age", sink_name, *mode]) if mode else f"{op} age {sink_name} pipe"
        ref = best(results[ref_key])
        pairs = "-"
        if tool != "age" and mode:
            ratios = [
                a.seconds / b.seconds for a, b in zip(results[key], results[ref_key], strict=True)
            ]
            pairs = f"{statistics.median(ratios):.2f}"
        speed = size_mib / r.seconds
        rss = f"{r.peak_rss_mib:>8.1f} MiB" if r.peak_rss_mib else f"{'-':>11}"
        print(f"{key:<36}{speed:>8.0f}{r.seconds / ref.seconds:>8.2f}{pairs:>8}"
              f"{speed / ceiling_mib_s:>11.0%}{rss}")  # fmt: skip


if __name__ == "__main__":
    main()
