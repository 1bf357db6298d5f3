"""SSHSIG: signatures and verifications per second, and signing a big file."""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
import time
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from cabledesk.crypto.sshsig import SEAL_NAMESPACE, sign, sign_stream, verify

MIB = 1024 * 1024


def main() -> None:
    key = Ed25519PrivateKey.generate()
    data = os.urandom(2048)
    n = 2000
    start = time.perf_counter()
    for _ in range(n):
        sig = sign(key, SEAL_NAMESPACE, data)
    signs = n / (time.perf_counter() - start)
    start = time.perf_counter()
    for _ in range(n):
        verify(sig, data, key.public_key(), SEAL_NAMESPACE)
    verifies = n / (time.perf_counter() - start)
    size_mib = int(os.environ.get("BENCH_SIGN_MIB", "1024"))
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as tmp:
        big = Path(tmp) / "big"
        with big.open("wb") as f:
            block = os.urandom(MIB)
            for _ in range(size_mib):
                f.write(block)
        start = time.perf_counter()
        with big.open("rb") as f:
            sign_stream(key, SEAL_NAMESPACE, f)
        signed = time.perf_counter() - start
        start = time.perf_counter()
        h = hashlib.sha512()
        with big.open("rb") as f:
            while chunk := f.read(MIB):
                h.update(chunk)
        hashed = time.perf_counter() - start
    print(f"bench_sshsig: {signs:.0f} signatures/s, {verifies:.0f} verifications/s (2 KiB data)")
    print(
        f"  signing {size_mib} MiB: {size_mib / signed:.0f} MiB/s; plain SHA-512 read: "
        f"{size_mib / hashed:.0f} MiB/s (ratio {signed / hashed:.2f})"
    )
    sign_stream(key, SEAL_NAMESPACE, io.BytesIO(b""))


if __name__ == "__main__":
    main()
