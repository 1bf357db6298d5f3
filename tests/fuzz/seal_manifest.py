"""Target: the manifest of a sealed cable (``_manifest.Manifest.decode``,
``consistency_problem``), then the whole package with that manifest, validly signed.

The input is ``manifest.json``, of format ``cabledesk.seal/1`` or ``/2``. It is
decoded directly; then it is signed by Jane (namespace ``cabledesk-seal-v1``),
put in a package beside a real ``cable.json``, attachment and (for ``/2``) two
clearance statements, under the ``format`` entry of the version it names,
encrypted and opened as Bob, so the checks that follow a good signature — the
card, the recipients, the layout, the files, the cable, the marking, the
statements — see hostile content too.
"""

from __future__ import annotations

import json

from cabledesk.crypto.signedtext import canonical_json
from cabledesk.crypto.sshsig import SEAL_NAMESPACE, sign
from cabledesk.seal._consistency import consistency_problem
from cabledesk.seal._manifest import Manifest
from tests.fuzz._cables import entries, packages, zipped
from tests.fuzz._harness import JANE, attempt
from tests.fuzz.seal_zip import open_package

_V1 = "cabledesk.seal/1"
_KEPT = [(n, d) for n, d in entries(packages()["statements"]) if not n.startswith("manifest.")]
_KEPT_V1 = [("format", f"{_V1}\n".encode())]
_KEPT_V1 += [(n, d) for n, d in _KEPT[1:] if not n.startswith("statements/")]


def _names_v1(data: bytes) -> bool:
    return b'"format":"' + _V1.encode() + b'"' in data


def run(data: bytes) -> None:
    manifest = attempt(lambda: Manifest.decode(data))
    if manifest is not None:
        consistency_problem(manifest, data)
    signature = sign(JANE.signing_key, SEAL_NAMESPACE, data).encode()
    kept = _KEPT_V1 if _names_v1(data) else _KEPT
    open_package(zipped([*kept, ("manifest.json", data), ("manifest.sig", signature)]))


def _as_v1(data: bytes) -> bytes:
    doc = json.loads(data)
    doc["format"] = _V1
    del doc["kind"], doc["rollup"], doc["sender"]["pq_recipient"]
    doc["files"] = [f for f in doc["files"] if not f["path"].startswith("statements/")]
    return canonical_json(doc)


def seeds() -> dict[str, bytes]:
    found = {kind: dict(entries(sealed))["manifest.json"] for kind, sealed in packages().items()}
    found |= {f"{kind}-v1": _as_v1(data) for kind, data in list(found.items())}
    return found
