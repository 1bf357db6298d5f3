"""Post-quantum (mlkem768x25519) files and the real ``age`` binary.

Round trips need age 1.3 or later, which knows the hybrid recipient type. Debian's
age is 1.1.1: with it, this checks what docs/FORMAT.md (part I, section 14) tells
users of older tools — such a file is "not for your keys", and an identity file
holding an AGE-SECRET-KEY-PQ-1 line is refused whole. The 19 post-quantum CCTV
vectors (tests/crypto/age/test_vectors.py) are the interoperability proof then.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from cabledesk.crypto.age import HybridIdentity, X25519Identity, decrypt_file, encrypt_file
from tests.interop._tools import require_tool

pytestmark = pytest.mark.interop


@pytest.fixture(scope="module")
def age() -> tuple[str, tuple[int, ...]]:
    path = require_tool("age")
    out = subprocess.run([path, "--version"], capture_output=True, text=True, check=True)
    found = re.search(r"(\d+)\.(\d+)\.(\d+)", out.stdout)
    assert found, out.stdout
    return path, tuple(int(x) for x in found.groups())


def test_post_quantum_files_with_the_age_binary(
    age: tuple[str, tuple[int, ...]], tmp_path: Path
) -> None:
    binary, version = age
    pq = HybridIdentity.generate()
    plain = tmp_path / "plain"
    plain.write_bytes(os.urandom(70_000))
    sealed = tmp_path / "sealed.age"
    encrypt_file(plain, sealed, [pq.recipient()])
    pq_key = tmp_path / "pq.key"
    pq_key.write_text(f"{pq}\n")
    out = tmp_path / "out"
    run = subprocess.run([binary, "-d", "-i", str(pq_key), "-o", str(out), str(sealed)],
                         capture_output=True, text=True)  # fmt: skip
    if version >= (1, 3, 0):  # a round trip, both ways
        assert run.returncode == 0, run.stderr
        assert out.read_bytes() == plain.read_bytes()
        back = tmp_path / "back.age"
        subprocess.run([binary, "-r", str(pq.recipient()), "-o", str(back), str(plain)],
                       check=True)  # fmt: skip
        decrypt_file(back, tmp_path / "back", [pq])
        assert (tmp_path / "back").read_bytes() == plain.read_bytes()
        return
    assert run.returncode != 0 and "unknown identity type" in run.stderr
    classic = tmp_path / "x.key"
    classic.write_text(f"{X25519Identity.generate()}\n")
    run = subprocess.run([binary, "-d", "-i", str(classic), str(sealed)],
                         capture_output=True, text=True)  # fmt: skip
    assert run.returncode != 0 and "no identity matched" in run.stderr
