"""What the verification of a received document established, verdict first.

:class:`DocumentVerification` is the value the GUI shows, the CLI prints and
the audit log records: the :class:`Verdict` (one word a person acts on), who
signed (:class:`SignerInfo`: a contact and its trust, the key named by the
user, a claim made by the card that came in the bundle, or an unknown key),
whether the document is intact, and whether the signature was made for a
document at all (its SSHSIG namespace). :attr:`DocumentVerification.message`
says it in one sentence that starts with the verdict.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.sshsig import CONTACT_NAMESPACE, DOCUMENT_NAMESPACE, SEAL_NAMESPACE
from cabledesk.domain.trust import Trust, TrustState

__all__ = [
    "DocumentVerification",
    "KnownSigner",
    "SignerInfo",
    "SignerLookup",
    "SignerSource",
    "Verdict",
    "no_contacts",
]

_PURPOSES = {
    SEAL_NAMESPACE: "a sealed cable",
    CONTACT_NAMESPACE: "a contact card",
    "file": "a file (ssh-keygen's example namespace)",
}


class Verdict(StrEnum):
    """The outcome, best first; only VALID and VALID_UNVERIFIED are good signatures."""

    VALID = "valid"
    VALID_UNVERIFIED = "valid-unverified-signer"
    UNKNOWN_SIGNER = "unknown-signer"
    REVOKED_SIGNER = "revoked-signer"
    WRONG_SIGNER = "wrong-signer"
    WRONG_PURPOSE = "wrong-purpose"
    OTHER_FILE = "signature-for-another-file"
    MODIFIED = "modified"


class SignerSource(StrEnum):
    """How CableDesk knows who the signer is."""

    CONTACT = "contact"  # one of the user's contacts, with its trust state
    GIVEN = "given"  # the key the user named for this check (--signer)
    BUNDLE_CARD = "bundle-card"  # only the card that came with the document says so
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class KnownSigner:
    """What the user's contacts say about a fingerprint: a name and a trust state."""

    name: str
    trust: Trust


SignerLookup = Callable[[str], KnownSigner | None]


def no_contacts(fingerprint: str) -> KnownSigner | None:
    """A lookup that knows nobody (the command line without a vault)."""
    return None


@dataclass(frozen=True, slots=True)
class SignerInfo:
    """Who made the signature: always the key's fingerprint; a name when known."""

    fingerprint: str
    name: str | None
    trust: Trust
    source: SignerSource

    def describe(self) -> str:
        if self.name is None:
            return f"an unknown key ({self.fingerprint})"
        if self.source is SignerSource.BUNDLE_CARD:
            return f"a key whose own card says it is {self.name} ({self.fingerprint})"
        return f"{self.name} ({self.fingerprint})"


@dataclass(frozen=True, slots=True)
class DocumentVerification:
    """The verdict on a received document, and the facts behind it.

    ``document`` and ``signature`` name what was checked (a path, or
    ``bundle.zip:NAME``); ``sha256`` and ``size`` describe the document as
    read; ``expected`` is the signer the user named, if any; ``notes`` hold
    remarks that do not change the verdict (a card in the bundle that could
    not be used, for instance).
    """

    verdict: Verdict
    signer: SignerInfo
    intact: bool
    namespace: str
    document: str
    signature: str
    sha256: str
    size: int
    hash_algorithm: str
    bundle: str | None = None
    card: ContactCard | None = None
    expected: SignerInfo | None = None
    signature_for: str | None = None
    notes: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether this is a good signature of the document by a known, usable key."""
        return self.verdict in (Verdict.VALID, Verdict.VALID_UNVERIFIED)

    @property
    def for_document(self) -> bool:
        return self.namespace == DOCUMENT_NAMESPACE

    @property
    def message(self) -> str:
        """One sentence, verdict first, for a person."""
        doc, who = self.document, self.signer.describe()
        match self.verdict:
            case Verdict.VALID:
                how = " (the signer you named)" if self.signer.source is SignerSource.GIVEN else ""
                if self.signer.trust.by_anchor and not how:
                    how = f", attested by {self.signer.trust.by_anchor}"
                return f"Valid signature: {doc} is intact and was signed by {who}{how}."
            case Verdict.VALID_UNVERIFIED:
                return (
                    f"Valid signature by an unverified contact: {doc} is intact and was signed "
                    f"by {who}. Compare their safety number with them before relying on it."
                )
            case Verdict.UNKNOWN_SIGNER:
                return (
                    f"Signed by an unknown key: {doc} is intact, but it was signed by {who}, "
                    "who is not one of your contacts. Do not rely on it until you have checked "
                    "the fingerprint with the sender."
                )
            case Verdict.REVOKED_SIGNER:
                return (
                    f"Signed with a revoked key: {doc} was signed by {who}, whose keys are "
                    "revoked. Do not trust this document."
                )
            case Verdict.WRONG_SIGNER:
                expected = self.expected.describe() if self.expected else "the expected signer"
                return f"Signed by someone else: {doc} was signed by {who}, not by {expected}."
            case Verdict.WRONG_PURPOSE:
                purpose = _PURPOSES.get(self.namespace, f"namespace {self.namespace!r}")
                state = "it matches the file" if self.intact else "it does not even match"
                return (
                    f"Signature made for something else: this signature was made for "
                    f"{purpose}, not for a document ({state}). Do not accept it as the "
                    "signature of a document."
                )
            case Verdict.OTHER_FILE:
                return (
                    f"Signature for another file: {self.signature} was made for "
                    f"{self.signature_for}, not for {doc}, and does not match it."
                )
            case Verdict.MODIFIED:
                return (
                    f"Modified: {doc} does not match its signature. It was changed after it "
                    "was signed, or the signature is forged. Do not trust it; ask the sender "
                    "for a fresh copy."
                )

    def as_dict(self) -> dict[str, Any]:
        """Plain data for JSON output and the audit log."""
        return {
            "verdict": str(self.verdict),
            "ok": self.ok,
            "message": self.message,
            "document": self.document,
            "signature": self.signature,
            "bundle": self.bundle,
            "sha256": self.sha256,
            "size": self.size,
            "intact": self.intact,
            "namespace": self.namespace,
            "for_document": self.for_document,
            "hash_algorithm": self.hash_algorithm,
            "signer": _signer_dict(self.signer),
            "expected_signer": None if self.expected is None else _signer_dict(self.expected),
            "notes": list(self.notes),
        }


def _signer_dict(signer: SignerInfo) -> dict[str, Any]:
    return {
        "fingerprint": signer.fingerprint,
        "name": signer.name,
        "source": str(signer.source),
        "trust": str(signer.trust.state),
        "trust_since": None if signer.trust.since is None else signer.trust.since.isoformat(),
    }


UNKNOWN_TRUST = Trust(TrustState.UNKNOWN)
