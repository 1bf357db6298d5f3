"""The last checks of opening, once the files are known intact: the cable, its marking,
the clearance statements, the recipients and the signer's trust.

In order: ``cable.json`` must be a canonical cable of a schema this CableDesk
reads (``malformed``, or ``newer-format``) whose id is the signed one
(``wrong-cable-id``); its banner, recomputed from its portion marks with the
roll-up rules version the manifest names, must be the signed banner
(``marking-mismatch``). The clearance statements are then reported, each for
what it is worth, without changing the verdict. Last, whether the opener is
among the signed recipients and how far the signer is trusted: a revoked
signer is a failure; not being addressed is a failure from ``cabledesk.seal/2``
(a warning in ``/1``); an unknown or unverified signer a warning.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from cabledesk.crypto.contact import ContactCard
from cabledesk.domain.cable import Cable, cable_banner
from cabledesk.domain.canonical import SCHEMA_IDS, decode_cable, encode_cable
from cabledesk.domain.clearance import ClearanceLine
from cabledesk.domain.scheme import ClassificationScheme
from cabledesk.domain.trust import KnownAs, Trust, TrustState
from cabledesk.errors import CableDeskError, MarkingError
from cabledesk.phrase import Phrase
from cabledesk.seal._manifest import ATTACHMENTS, DOCX, Manifest, PackageKind
from cabledesk.seal._statement_report import cleared_block, report_statement
from cabledesk.seal._verification import (
    Severity,
    StatementReport,
    Verdict,
    Verification,
    severity_of,
)

__all__ = [
    "DO_NOT_TRUST",
    "DocumentRenderer",
    "Opener",
    "judge",
    "peek_text",
    "with_verdict",
]

CLOCK_SKEW = timedelta(minutes=5)
DO_NOT_TRUST = "Do not trust any part of it; ask the sender for a fresh copy."


def _no_record(fingerprint: str) -> KnownAs | None:
    return None


@dataclass(frozen=True, slots=True)
class DocumentRenderer:
    """How the opener renders a cable into the ``cable.docx`` a sender would include:
    the renderer's ``version`` and ``render(cable)``, which may raise CableDeskError."""

    version: int
    render: Callable[[Cable], bytes]
    # issue 18: the renderer of documents with a "Drafted / Cleared / Approved" block
    cleared_version: int | None = None
    render_cleared: Callable[[Cable, tuple[ClearanceLine, ...]], bytes] | None = None


@dataclass(frozen=True, slots=True)
class Opener:
    """Who opens: their fingerprints, the age key that decrypted, the header's stanza
    count, the time, and the classification schemes they know (by id); whether they
    accept a cable forwarded to them, when the keys of their contacts expire (by
    fingerprint, None when unknown), how they render a cable to check the document a
    package includes, and how their own contact records name a signer's key
    (``known_as``)."""

    me: Collection[str]
    trust_of: Callable[[str], Trust | None]
    opened_with: str | None  # age1… of the key that decrypted, if known
    stanzas: int | None
    now: datetime
    schemes: Mapping[str, ClassificationScheme]
    accept_forwarded: bool = False
    expiry_of: Callable[[str], datetime | None] | None = None
    renderer: DocumentRenderer | None = None
    known_as: Callable[[str], KnownAs | None] = _no_record


def with_verdict(
    base: Verification, verdict: Verdict, message: str, hint: str | None = None
) -> Verification:
    """``base`` with another verdict; a failure without a hint gets "do not trust it"."""
    failure = severity_of(verdict, base.format) is Severity.FAILURE
    return replace(
        base, verdict=verdict, message=message, hint=hint or (DO_NOT_TRUST if failure else None)
    )


def judge(
    signed: Verification,
    manifest: Manifest,
    cable_json: bytes,
    statements: Sequence[tuple[str, bytes]],
    opener: Opener,
) -> Verification:
    """The verdict on an intact package whose signature verified. The signer is named
    as the opener's own contact record names them; a package's own name for its
    signer, when it differs, is only a warning (it is the sender's claim)."""
    known = opener.known_as(manifest.sender.fingerprint)
    signed = replace(signed, known_as=known)
    name = known.name if known is not None else manifest.sender.name
    try:
        cable = decode_cable(cable_json)
    except CableDeskError as exc:
        schema = peek_text(cable_json, "schema")
        newer = schema is not None and schema.startswith("cabledesk.cable/")
        if newer and schema not in SCHEMA_IDS:
            return with_verdict(signed, Verdict.NEWER_FORMAT, exc.message, exc.hint)
        return with_verdict(
            signed, Verdict.MALFORMED, f"The sealed cable cannot be read: {exc.message}"
        )
    if encode_cable(cable) != cable_json:
        return with_verdict(signed, Verdict.MALFORMED, "The sealed cable is not in canonical form.")
    if cable.id != manifest.cable_id:
        return with_verdict(
            signed,
            Verdict.WRONG_CABLE_ID,
            f"{name} signed the cable {manifest.cable_id}, but the cable inside has the id "
            f"{cable.id}.",
        )
    reports = tuple(report_statement(p, d, cable) for p, d in statements)
    signed = replace(signed, statements=tuple(_as_known(r, opener) for r in reports))
    scheme = opener.schemes.get(cable.scheme)
    if scheme is not None:
        mismatch = _marking_mismatch(signed, manifest, cable, scheme, name)
        if mismatch is not None:
            return mismatch
    document = _check_document(manifest, cable, opener, signed.statements)
    if document is False:
        return with_verdict(
            signed,
            Verdict.DOCUMENT_MISMATCH,
            f"The document in this package (cable.docx) is not this cable: {name} included a "
            "document whose content differs from the cable's text.",
            "Do not use the document; read the cable's text, and ask the sender to seal it again.",
        )
    addressed = any(
        r.fingerprint in opener.me and opener.opened_with in (None, r.age_recipient)
        for r in manifest.recipients
    )
    trust = _trust(manifest.sender.fingerprint, opener)
    expires = _expiry(manifest, opener)
    verdict, message, hint = _verdict(manifest, addressed, trust, known, expires)
    if verdict is Verdict.VALID and document is None:
        verdict, message, hint = _document_not_checked(message)
    warnings = _claimed_name(manifest, known) + _warnings(manifest, cable, opener, expires)
    if document is None:
        warnings.append(
            Phrase.of(
                "The document in this package (cable.docx) was not checked against the cable: "
                "it was made by another version of CableDesk. Use the cable's text."
            )
        )
    if scheme is None:
        warnings.append(
            Phrase.of(
                "Its marking could not be checked against its text: this CableDesk does not "
                "know the classification scheme {scheme}.",
                scheme=repr(cable.scheme),
            )
        )
    result = replace(
        with_verdict(signed, verdict, message, hint).with_warnings(*warnings),
        trust=trust,
        addressed_to_you=addressed,
        forwarded_accepted=not addressed and opener.accept_forwarded,
        document_checked=None if not manifest.docx_included else document is True,
        signer_expires=expires,
    )
    if result.severity is Severity.FAILURE:
        return result
    card = manifest.sender.card.encode("utf-8")
    return replace(result, cable=cable, cable_json=cable_json, sender_card=card)


def _as_known(report: StatementReport, opener: Opener) -> StatementReport:
    """``report`` with its signer as the opener's vault knows them (issue 18)."""
    if report.fingerprint is None:
        return report
    return replace(
        report,
        known_as=opener.known_as(report.fingerprint),
        trust=_trust(report.fingerprint, opener),
    )


def _marking_mismatch(
    signed: Verification, manifest: Manifest, cable: Cable, scheme: ClassificationScheme, name: str
) -> Verification | None:
    banner = manifest.banner
    try:
        computed = cable_banner(cable, scheme, rollup=manifest.rollup).banner
    except MarkingError as exc:
        return with_verdict(
            signed,
            Verdict.MARKING_MISMATCH,
            f"The marking on the package does not match its text: {name} sealed it as "
            f"{banner}, but its portion marks cannot be read ({exc.message}).",
            "Do not rely on its marking or its content; ask the sender to check the marks "
            "and seal it again (or update CableDesk, if the sender's scheme is newer).",
        )
    if computed == banner:
        return None
    mismatch = with_verdict(
        signed,
        Verdict.MARKING_MISMATCH,
        f"The marking on the package does not match its text: {name} sealed it as {banner}, "
        f"but its portion marks add up to {computed}.",
        "Handle it as the higher of the two markings, do not rely on its content, and ask "
        "the sender to seal it again.",
    )
    return replace(mismatch, computed_banner=computed)


def peek_text(data: bytes, name: str) -> str | None:
    """The top-level text field ``name`` of JSON ``data`` that may be anything at all,
    to say more about a failure (None when there is no such field)."""
    try:
        value = json.loads(data)
    except (ValueError, RecursionError):
        return None
    text = value.get(name) if isinstance(value, dict) else None
    return text if isinstance(text, str) else None


def _trust(signer: str, opener: Opener) -> Trust:
    trust = opener.trust_of(signer)
    if trust is not None:
        return trust
    if signer in opener.me:
        return Trust(TrustState.VERIFIED, how="your own key")
    return Trust(TrustState.UNKNOWN)


def _check_document(
    manifest: Manifest,
    cable: Cable,
    opener: Opener,
    statements: Sequence[StatementReport] = (),
) -> bool | None:
    """Whether the package's cable.docx is the cable rendered again: True (same bytes),
    False (the same renderer gives other bytes), None (no document: True; not
    checked: a renderer of another version, or none). A document of the cleared
    renderer (issue 18) is rendered with the block of the statements that hold and
    are on this text, in package order."""
    if not manifest.docx_included:
        return True
    renderer = opener.renderer
    if renderer is None:
        return None
    cleared = renderer.render_cleared is not None and (
        manifest.docx_renderer == renderer.cleared_version
    )
    if manifest.docx_renderer != renderer.version and not cleared:
        return None
    try:
        if cleared and renderer.render_cleared is not None:
            rendered = renderer.render_cleared(cable, cleared_block(statements))
        else:
            rendered = renderer.render(cable)
    except CableDeskError:
        return None
    signed = next(f for f in manifest.files if f.path == DOCX)
    return len(rendered) == signed.size and hashlib.sha256(rendered).hexdigest() == signed.sha256


def _document_not_checked(message: str) -> tuple[Verdict, str, str | None]:
    return (
        Verdict.DOCUMENT_NOT_CHECKED,
        f"{message} Its document (cable.docx) was not checked against the cable.",
        "Use the cable's text; the document was made by another version of CableDesk, "
        "and may not say the same.",
    )


def _expiry(manifest: Manifest, opener: Opener) -> datetime | None:
    """When the sender's key expires: the earlier of its card in the package and the
    opener's own record of that contact (a card can be made again with a later date)."""
    card = ContactCard.parse(manifest.sender.card.encode("utf-8"), now=manifest.created)
    known = opener.expiry_of(manifest.sender.fingerprint) if opener.expiry_of else None
    dates = [d for d in (card.expires, known) if d is not None]
    return min(dates) if dates else None


def _claimed(manifest: Manifest) -> str:
    sender = manifest.sender
    return f"{sender.name} ({sender.post})" if sender.post else sender.name


def _claimed_name(manifest: Manifest, known: KnownAs | None) -> list[Phrase]:
    """A warning when the package names its signer otherwise than the user's record."""
    if known is None or known.label == _claimed(manifest):
        return []
    return [
        Phrase.of(
            "It signs as '{claimed}'; your contact record names this key {label}. The name "
            "in a cable is only its sender's claim.",
            claimed=_claimed(manifest),
            label=known.label,
        )
    ]


def _verdict(
    manifest: Manifest,
    addressed: bool,
    trust: Trust,
    known: KnownAs | None,
    expires: datetime | None,
) -> tuple[Verdict, str, str | None]:
    sender = manifest.sender
    who = known.label if known is not None else _claimed(manifest)
    name = known.name if known is not None else sender.name
    key_of = f"the key of {who}"
    if known is not None and known.previous_key:
        who = key_of = f"the previous key of {who}"
    if trust.superseded is not None and manifest.created >= trust.superseded:
        return (  # a key its owner replaced: what it signs after that is not theirs
            Verdict.SIGNER_REVOKED,
            f"This cable is signed with {key_of}, which {name} replaced with a new key on "
            f"{trust.superseded:%Y-%m-%d}, before the cable says it was sealed "
            f"({manifest.created:%Y-%m-%d}).",
            f"Do not trust it, even though it is intact: {name} no longer signs with that "
            f"key, and whoever holds it may not be {name}. Ask {name} for a copy sealed "
            "with their new key.",
        )
    if trust.state is TrustState.REVOKED:
        since = f" on {trust.since:%Y-%m-%d}" if trust.since else ""
        why = f" ({trust.how})" if trust.how else ""
        return (
            Verdict.SIGNER_REVOKED,
            f"This cable is signed with {key_of}, which was revoked{since}{why}.",
            f"Do not trust it, even though it is intact: whoever holds that key may not be {name}.",
        )
    if expires is not None and expires <= manifest.created:
        return (
            Verdict.SIGNER_EXPIRED,
            f"This cable is signed with {key_of}, which expired on {expires:%Y-%m-%d}, "
            f"before the cable says it was sealed ({manifest.created:%Y-%m-%d}).",
            "Do not trust it, even though it is intact: an expired key may be in other hands. "
            f"Ask {name} for a fresh copy sealed with their current key.",
        )
    if not addressed:
        names = ", ".join(r.name for r in manifest.recipients)
        if manifest.version == 1:  # a warning: /1 allowed a recipient to pass it on
            return (
                Verdict.NOT_ADDRESSED_TO_YOU,
                f"This cable was re-encrypted to you by someone other than the signer: {who} "
                f"sealed it for {names}, not for you.",
                f"It is intact, but ask {name} whether you were meant to receive it.",
            )
        return (
            Verdict.NOT_ADDRESSED_TO_YOU,
            f"This cable was not sealed for you: {who} sealed it for {names}, and someone "
            "re-encrypted it to you.",
            f"Do not rely on it. Ask {name} to seal it for you if you are meant to receive it.",
        )
    if trust.state is TrustState.UNKNOWN:
        return (
            Verdict.SIGNER_UNKNOWN,
            f"Intact and signed by a key that is not among your contacts "
            f"({sender.fingerprint}), which signs as '{who}'.",
            "Import the sender's contact card from this cable and compare its safety number "
            "with them through another channel before trusting it.",
        )
    if trust.state is TrustState.UNVERIFIED and known is not None and known.keys_changed:
        return (
            Verdict.SIGNER_UNVERIFIED,
            f"Intact and signed by {who}, whose keys changed since you verified them.",
            f"Do not trust it yet: whoever holds these keys may not be the {name} you "
            "verified. Compare the safety number with them through another channel.",
        )
    if trust.state is TrustState.UNVERIFIED:
        return (
            Verdict.SIGNER_UNVERIFIED,
            f"Intact and signed by {who}, whose key you have not verified yet.",
            f"Compare the safety number with {name} through another channel, then "
            "mark the contact verified.",
        )
    if trust.by_anchor:  # the anchor's attestation is the verification
        return (
            Verdict.VALID,
            f"Intact and signed by {who}, attested by {trust.by_anchor}, for you.",
            None,
        )
    return Verdict.VALID, f"Intact and signed by {who}, a verified contact, for you.", None


def _warnings(
    manifest: Manifest, cable: Cable, opener: Opener, expires: datetime | None
) -> list[Phrase]:
    found: list[Phrase] = []
    keys = {r.age_recipient for r in manifest.recipients}
    if opener.stanzas is not None and opener.stanzas != len(keys):
        found.append(
            Phrase.of(
                "This copy was encrypted to {copies} keys, while the sender sealed it for "
                "{sealed}: it was re-encrypted after sealing.",
                copies=str(opener.stanzas),
                sealed=str(len(keys)),
            )
        )
    if manifest.created > opener.now + CLOCK_SKEW:
        found.append(
            Phrase.of(
                "It claims to have been sealed in the future ({when} UTC): the sender's clock "
                "may be wrong.",
                when=f"{manifest.created:%Y-%m-%d %H:%M}",
            )
        )
    if expires is not None and expires <= opener.now:
        found.append(
            Phrase.of("The sender's key has expired since ({date}).", date=f"{expires:%Y-%m-%d}")
        )
    listed = sorted(a.name for a in cable.attachments)
    packed = sorted(f.name for f in manifest.files if f.path.startswith(ATTACHMENTS))
    # A clearance response lists the attachments of the text it answers, not carried.
    answer = manifest.kind is PackageKind.CLEARANCE_RESPONSE and not packed
    if listed and listed != packed and not answer:
        found.append(
            Phrase.of("The cable's list of attachments differs from the files sealed with it.")
        )
    return found
