"""Target: the sealed-cable reader (``seal.open_sealed``) on hostile ZIPs inside valid age.

The input is the package (the plaintext); the target encrypts it to Jane and
Bob with a fixed file key and opens it as Bob, extracting into a fresh folder,
so every input reaches the ZIP reader, the package layout, the signature and
hash checks and the extraction. Seeds: the ZIPs of real sealed cables (with a
document, with attachments), and the same entries as Python's zipfile writes
them, stored and deflated.
"""

from __future__ import annotations

import io
import shutil
import zipfile
from datetime import timedelta

from cabledesk.domain.trust import Trust, TrustState
from cabledesk.seal import open_sealed
from tests.fuzz._cables import entries, package, packages, zipped
from tests.fuzz._harness import BOB, JANE, NOW, age_wrap, scratch

TRUST = {JANE.fingerprint: Trust(TrustState.VERIFIED, NOW)}


def open_package(plaintext: bytes) -> None:
    """Open the package ``plaintext`` as Bob, extracting it; the folder is removed after."""
    folder = scratch("open")
    try:
        result = open_sealed(
            io.BytesIO(age_wrap(plaintext)), [BOB.encryption_key], trust_of=TRUST.get,
            me={BOB.fingerprint}, extract_to=folder, now=NOW + timedelta(hours=1),
        )  # fmt: skip
        if not result.ok:
            assert not any(folder.iterdir()), "a failed verdict left files behind"
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run(data: bytes) -> None:
    open_package(data)


def seeds() -> dict[str, bytes]:
    found = {}
    for kind, sealed in packages().items():
        found[kind] = package(sealed)
        items = entries(sealed)
        found[f"{kind}-zipfile-stored"] = zipped(items)
        found[f"{kind}-zipfile-deflated"] = zipped(items, zipfile.ZIP_DEFLATED)
    return found
