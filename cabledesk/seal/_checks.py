"""The checks that follow reading a package, in their fixed order, each to a verdict.

Once the whole package has been decrypted and its ZIP read safely, the checks
run in this order and the first failure is the verdict: the manifest's format,
its signature (by the key the manifest names as the sender), the signed
content's consistency, the cable's id and every file's size and SHA-256, then
whether the opener is among the signed recipients and how far the signer is
trusted (a revoked signer is a failure; not being addressed, an unknown or an
unverified signer are warnings, in that order).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.fingerprint import fingerprint
from cabledesk.crypto.keys import parse_ssh_ed25519_line
from cabledesk.crypto.sshsig import SEAL_NAMESPACE, parse_signature, verify
from cabledesk.domain.cable import Cable
from cabledesk.domain.canonical import SCHEMA_ID, decode_cable, encode_cable
from cabledesk.domain.trust import Trust, TrustState
from cabledesk.errors import CableDeskError, PackageError, SignatureInvalid
from cabledesk.seal._manifest import (
    ATTACHMENTS,
    Manifest,
    NewerFormat,
    consistency_problem,
)
from cabledesk.seal._package import Observed, PackageSink
from cabledesk.seal._verification import Severity, Verdict, Verification

__all__ = ["Opener", "check_package"]

CLOCK_SKEW = timedelta(minutes=5)
_DO_NOT_TRUST = "Do not trust any part of it; ask the sender for a fresh copy."


@dataclass(frozen=True, slots=True)
class Opener:
    """Who opens: their fingerprints, the age key that decrypted, the header's stanza count."""

    me: Collection[str]
    trust_of: Callable[[str], Trust | None]
    opened_with: str | None  # age1… of the key that decrypted, if known
    stanzas: int | None
    now: datetime


def check_package(sink: PackageSink, opener: Opener) -> Verification:
    """The verdict on a package read in full; content fields set only if not a failure."""
    assert sink.manifest is not None and sink.signature is not None
    try:
        manifest = Manifest.decode(sink.manifest)
    except NewerFormat as exc:
        return Verification(Verdict.NEWER_FORMAT, exc.message, exc.hint)
    except PackageError as exc:
        return Verification(Verdict.MALFORMED, exc.message, exc.hint)
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
    )
    problem = consistency_problem(manifest, sink.manifest)
    if problem is not None:
        return _with(signed, Verdict.MALFORMED, f"This sealed cable breaks its format: {problem}.")
    failed = _check_files(signed, manifest, sink)
    if failed is not None:
        return failed
    assert sink.cable_json is not None
    return _judge(signed, manifest, sink.cable_json, opener)


def _with(
    base: Verification, verdict: Verdict, message: str, hint: str | None = None
) -> Verification:
    failure = verdict.severity is Severity.FAILURE
    return replace(
        base, verdict=verdict, message=message, hint=hint or (_DO_NOT_TRUST if failure else None)
    )


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
            _DO_NOT_TRUST,
        )
    try:
        verify(sig, data, key, SEAL_NAMESPACE)
    except SignatureInvalid:
        return Verification(
            Verdict.MANIFEST_ALTERED,
            f"The manifest was altered after {who} signed it: its signature no longer matches.",
            _DO_NOT_TRUST,
        )
    return None


def _check_files(
    signed: Verification, manifest: Manifest, sink: PackageSink
) -> Verification | None:
    name = manifest.sender.name
    cable = sink.files[0]
    if cable.sha256 != manifest.files[0].sha256:
        other_id = _cable_id(sink.cable_json or b"")
        if other_id is not None and other_id != manifest.cable_id:
            return _with(
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
    result = _with(
        signed,
        Verdict.FILE_CHANGED,
        f"{path}: {detail}. This sealed cable was altered after it was signed.",
    )
    return replace(result, changed_file=path)


def _cable_id(data: bytes) -> str | None:
    try:
        value = json.loads(data)
    except (ValueError, RecursionError):
        return None
    ident = value.get("id") if isinstance(value, dict) else None
    return ident if isinstance(ident, str) else None


def _judge(
    signed: Verification, manifest: Manifest, cable_json: bytes, opener: Opener
) -> Verification:
    name = manifest.sender.name
    try:
        cable = decode_cable(cable_json)
    except CableDeskError as exc:
        schema = _schema(cable_json)
        if schema is not None and schema.startswith("cabledesk.cable/") and schema != SCHEMA_ID:
            return _with(signed, Verdict.NEWER_FORMAT, exc.message, exc.hint)
        return _with(signed, Verdict.MALFORMED, f"The sealed cable cannot be read: {exc.message}")
    if encode_cable(cable) != cable_json:
        return _with(signed, Verdict.MALFORMED, "The sealed cable is not in canonical form.")
    if cable.id != manifest.cable_id:
        return _with(
            signed,
            Verdict.WRONG_CABLE_ID,
            f"{name} signed the cable {manifest.cable_id}, but the cable inside has the id "
            f"{cable.id}.",
        )
    addressed = any(
        r.fingerprint in opener.me and opener.opened_with in (None, r.age_recipient)
        for r in manifest.recipients
    )
    trust = _trust(manifest.sender.fingerprint, opener)
    verdict, message, hint = _verdict(manifest, addressed, trust)
    result = replace(
        _with(signed, verdict, message, hint),
        trust=trust,
        addressed_to_you=addressed,
        warnings=tuple(_warnings(manifest, cable, opener)),
    )
    if verdict.severity is Severity.FAILURE:
        return result
    card = manifest.sender.card.encode("utf-8")
    return replace(result, cable=cable, cable_json=cable_json, sender_card=card)


def _schema(data: bytes) -> str | None:
    try:
        value = json.loads(data)
    except (ValueError, RecursionError):
        return None
    schema = value.get("schema") if isinstance(value, dict) else None
    return schema if isinstance(schema, str) else None


def _trust(signer: str, opener: Opener) -> Trust:
    trust = opener.trust_of(signer)
    if trust is not None:
        return trust
    if signer in opener.me:
        return Trust(TrustState.VERIFIED, how="your own key")
    return Trust(TrustState.UNKNOWN)


def _verdict(manifest: Manifest, addressed: bool, trust: Trust) -> tuple[Verdict, str, str | None]:
    sender = manifest.sender
    who = f"{sender.name} ({sender.post})" if sender.post else sender.name
    if trust.state is TrustState.REVOKED:
        since = f" on {trust.since:%Y-%m-%d}" if trust.since else ""
        why = f" ({trust.how})" if trust.how else ""
        return (
            Verdict.SIGNER_REVOKED,
            f"This cable is signed with the key of {who}, which was revoked{since}{why}.",
            "Do not trust it, even though it is intact: whoever holds that key may not be "
            f"{sender.name}.",
        )
    if not addressed:
        names = ", ".join(r.name for r in manifest.recipients)
        return (
            Verdict.NOT_ADDRESSED_TO_YOU,
            f"This cable was re-encrypted to you by someone other than the signer: {who} "
            f"sealed it for {names}, not for you.",
            f"It is intact, but ask {sender.name} whether you were meant to receive it.",
        )
    if trust.state is TrustState.UNKNOWN:
        return (
            Verdict.SIGNER_UNKNOWN,
            f"Intact and signed by {who}, who is not among your contacts "
            f"(key {sender.fingerprint}).",
            "Import the sender's contact card from this cable and compare its safety number "
            "with them through another channel before trusting it.",
        )
    if trust.state is TrustState.UNVERIFIED:
        return (
            Verdict.SIGNER_UNVERIFIED,
            f"Intact and signed by {who}, whose key you have not verified yet.",
            f"Compare the safety number with {sender.name} through another channel, then "
            "mark the contact verified.",
        )
    return Verdict.VALID, f"Intact and signed by {who}, a verified contact, for you.", None


def _warnings(manifest: Manifest, cable: Cable, opener: Opener) -> list[str]:
    found: list[str] = []
    keys = {r.age_recipient for r in manifest.recipients}
    if opener.stanzas is not None and opener.stanzas != len(keys):
        found.append(
            f"This copy was encrypted to {opener.stanzas} keys, while the sender sealed it "
            f"for {len(keys)}: it was re-encrypted after sealing."
        )
    if manifest.created > opener.now + CLOCK_SKEW:
        found.append(
            f"It claims to have been sealed in the future ({manifest.created:%Y-%m-%d %H:%M} "
            "UTC): the sender's clock may be wrong."
        )
    card = ContactCard.parse(manifest.sender.card.encode("utf-8"), now=manifest.created)
    if card.expires is not None and card.expires <= opener.now:
        found.append(f"The sender's key has expired since ({card.expires:%Y-%m-%d}).")
    listed = sorted(a.name for a in cable.attachments)
    packed = sorted(f.name for f in manifest.files if f.path.startswith(ATTACHMENTS))
    if listed and listed != packed:
        found.append("The cable's list of attachments differs from the files sealed with it.")
    return found
