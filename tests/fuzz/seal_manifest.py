"""Target: the manifest of a sealed cable (``_manifest.Manifest.decode``,
``consistency_problem``), then the whole package with that manifest, validly signed.

The input is ``manifest.json``. It is decoded directly; then it is signed by
Jane (namespace ``cabledesk-seal-v1``), put in a package beside a real
``cable.json`` and attachment, encrypted and opened as Bob, so the checks that
follow a good signature — the card, the recipients, the layout, the files, the
cable — see hostile content too.
"""

from __future__ import annotations

from cabledesk.crypto.sshsig import SEAL_NAMESPACE, sign
from cabledesk.seal._manifest import Manifest, consistency_problem
from tests.fuzz._cables import entries, packages, zipped
from tests.fuzz._harness import JANE, attempt
from tests.fuzz.seal_zip import open_package

_KEPT = [(n, d) for n, d in entries(packages()["attachments"]) if not n.startswith("manifest.")]


def run(data: bytes) -> None:
    manifest = attempt(lambda: Manifest.decode(data))
    if manifest is not None:
        consistency_problem(manifest, data)
    signature = sign(JANE.signing_key, SEAL_NAMESPACE, data).encode()
    open_package(zipped([*_KEPT, ("manifest.json", data), ("manifest.sig", signature)]))


def seeds() -> dict[str, bytes]:
    return {kind: dict(entries(sealed))["manifest.json"] for kind, sealed in packages().items()}
