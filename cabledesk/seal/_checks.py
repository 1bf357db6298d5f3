"""The checks that follow reading a package, in their fixed order, each to a verdict.

Once the whole package has been decrypted and its ZIP read safely, the checks
run in this order and the first failure is the verdict: the manifest's format
(and that it is the format the ``format`` entry names), its signature (by the
key the manifest names as the sender), the roll-up rules version of its
banner, the signed content's consistency, the cable's id and every file's size
and SHA-256; then :mod:`._judge` reads the cable, checks its marking, reports
the clearance statements, and weighs the recipients and the signer's trust.
"""

from __future__ import annotations

from dataclasses import replace

from cabledesk.crypto.fingerprint import fingerprint
from cabledesk.crypto.keys import parse_ssh_ed25519_line
from cabledesk.crypto.sshsig import SEAL_NAMESPACE, parse_signature, verify
from cabledesk.domain.rollup import ROLLUP_VERSIONS
from cabledesk.errors import CableDeskError, PackageError, SignatureInvalid
from cabledesk.seal._consistency import consistency_problem
from cabledesk.seal._judge import DO_NOT_TRUST, Opener, judge, peek_text, with_verdict
from cabledesk.seal._manifest import FORMAT_IDS, Manifest, NewerFormat
from cabledesk.seal._package import Observed, PackageSink
from cabledesk.seal._verification import Verdict, Verification

__all__ = ["Opener", "check_package"]


def check_package(sink: PackageSink, opener: Opener) -> Verification:
    """The verdict on a package read in full; content fields set only if not a failure."""
    assert sink.manifest is not None and sink.signature is not None and sink.version
    try:
        manifest = Manifest.decode(sink.manifest)
    except NewerFormat as exc:
        return Verification(Verdict.NEWER_FORMAT, exc.message, exc.hint)
    except PackageError as exc:
        return Verification(Verdict.MALFORMED, exc.message, exc.hint)
    if manifest.format != FORMAT_IDS[sink.version]:
        return Verification(
            Verdict.MALFORMED,
            f"This sealed cable says it is of the format {FORMAT_IDS[sink.version]} in its "
            f"first entry, but of {manifest.format} in its manifest.",
            DO_NOT_TRUST,
        )
    failed = _check_signature(manifest, sink.manifest, sink.signature)
    if failed is not None:
        return failed
    signed = Verification(
        Verdict.VALID,
        "",
        signer=manifest.sender,
        recipients=manifest.recipients,
        files=manifest.files,
        cable_id=manifest.cable_id,
        created=manifest.created,
        banner=manifest.banner,
        docx_included=manifest.docx_included,
        format=manifest.format,
        kind=manifest.kind,
        rollup=manifest.rollup,
    )
    if manifest.rollup not in ROLLUP_VERSIONS:
        later = NewerFormat(
            manifest.format,
            what=f"its marking follows version {manifest.rollup} of the roll-up rules, "
            f"this version knows up to {max(ROLLUP_VERSIONS)}",
        )
        return with_verdict(signed, Verdict.NEWER_FORMAT, later.message, later.hint)
    problem = consistency_problem(manifest, sink.manifest)
    if problem is not None:
        return with_verdict(
            signed, Verdict.MALFORMED, f"This sealed cable breaks its format: {problem}."
        )
    failed = _check_files(signed, manifest, sink)
    if failed is not None:
        return failed
    assert sink.cable_json is not None
    return judge(signed, manifest, sink.cable_json, sink.statements, opener)


def _check_signature(manifest: Manifest, data: bytes, signature: bytes) -> Verification | None:
    sender = manifest.sender
    try:
        key = parse_ssh_ed25519_line(sender.ssh_key)
        sig = parse_signature(signature)
    except CableDeskError as exc:
        return Verification(
            Verdict.MALFORMED, f"This sealed cable's signature cannot be checked: {exc.message}"
        )
    who = f"{sender.name} ({fingerprint(key)})"
    if sig.public_key != key.public_bytes_raw():
        return Verification(
            Verdict.SIGNED_BY_ANOTHER_KEY,
            f"The manifest names {who} as the sender, but it was signed by another key "
            f"({sig.fingerprint}).",
            "Someone re-signed this cable: do not trust it; ask the sender for a fresh copy.",
        )
    if sig.namespace != SEAL_NAMESPACE:
        return Verification(
            Verdict.MANIFEST_ALTERED,
            f"The manifest's signature by {who} was made for another purpose "
            f"({sig.namespace[:64]!r}), not to seal a cable.",
            DO_NOT_TRUST,
        )
    try:
        verify(sig, data, key, SEAL_NAMESPACE)
    except SignatureInvalid:
        return Verification(
            Verdict.MANIFEST_ALTERED,
            f"The manifest was altered after {who} signed it: its signature no longer matches.",
            DO_NOT_TRUST,
        )
    return None


def _check_files(
    signed: Verification, manifest: Manifest, sink: PackageSink
) -> Verification | None:
    name = manifest.sender.name
    cable = sink.files[0]
    if cable.sha256 != manifest.files[0].sha256:
        other_id = peek_text(sink.cable_json or b"", "id")
        if other_id is not None and other_id != manifest.cable_id:
            return with_verdict(
                signed,
                Verdict.WRONG_CABLE_ID,
                f"The cable inside has the id {other_id}, but {name} signed the cable "
                f"{manifest.cable_id}: it was replayed under a different id.",
            )
    signed_files = {f.path: f for f in manifest.files}
    read = {f.path: f for f in sink.files}
    for f in sink.files:
        if f.path not in signed_files:
            return _changed(signed, f.path, f"{name} did not sign it; it was added")
    for s in manifest.files:
        got: Observed | None = read.get(s.path)
        if got is None:
            return _changed(signed, s.path, f"{name} signed it, but it is missing")
        if got.size != s.size:
            return _changed(
                signed, s.path, f"it holds {got.size:,} bytes where {name} signed {s.size:,}"
            )
        if got.sha256 != s.sha256:
            return _changed(signed, s.path, "its content differs from what was signed")
    if [f.path for f in sink.files] != [f.path for f in manifest.files]:
        return _changed(signed, manifest.files[0].path, "the files are not in the signed order")
    return None


def _changed(signed: Verification, path: str, detail: str) -> Verification:
    result = with_verdict(
        signed,
        Verdict.FILE_CHANGED,
        f"{path}: {detail}. This sealed cable was altered after it was signed.",
    )
    return replace(result, changed_file=path)
