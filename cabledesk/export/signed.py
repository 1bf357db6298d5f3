"""Signed documents: ``NAME.docx`` + ``NAME.docx.sig``, bundles, and checking received ones.

Signing — :func:`sign_document` returns the armored SSHSIG signature
(namespace ``cabledesk-document-v1``) of a document's bytes, exactly what
``ssh-keygen -Y sign`` would write, so anyone can check it with
``ssh-keygen -Y verify``; :func:`make_bundle` packs document, signature and
the signer's contact card into one ``.zip`` (format in ``_bundle``). A
:class:`DocumentSigner` is a signing key and, for bundles, its card.

Verifying — :func:`verify_received` takes what a person received: a document
with its ``.sig`` beside it (or named), or a bundle. It returns a
:class:`~cabledesk.export.verification.DocumentVerification` whose verdict
comes first (valid, unverified or unknown signer, revoked, someone else,
made for something else, for another file, modified). The document is read
once, in 1 MiB blocks: constant memory for any size. Who signed is looked up
through the caller's ``lookup`` (fingerprint → contact name and trust); the
card in a bundle only ever supplies an unverified claim.

Raised instead of a verdict, each with its own message: SignatureMissing (no
signature beside the document), SignatureFormatError (the signature file is
truncated or garbled), InputError (a bundle that is not one of ours or is
damaged, a file that cannot be read, a signature given in place of the
document).
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.fingerprint import fingerprint
from cabledesk.crypto.keys import Identity
from cabledesk.crypto.sshsig import (
    BEGIN,
    DOCUMENT_NAMESPACE,
    END,
    MAX_ARMOR_CHARS,
    Signature,
    parse_signature,
    sign,
    verify_digest,
)
from cabledesk.domain.trust import Trust, TrustState
from cabledesk.errors import (
    ContactError,
    InputError,
    SignatureFormatError,
    SignatureInvalid,
    SignatureMissing,
)
from cabledesk.export._bundle import is_bundle, make_bundle, open_bundle
from cabledesk.export.verification import (
    DocumentVerification,
    SignerInfo,
    SignerLookup,
    SignerSource,
    Verdict,
    no_contacts,
)

__all__ = [
    "SIGNATURE_SUFFIX",
    "DocumentSigner",
    "ExpectedSigner",
    "make_bundle",
    "sign_document",
    "signature_path",
    "verify_received",
]

SIGNATURE_SUFFIX = ".sig"
READ_SIZE = 1024 * 1024
_UNKNOWN = Trust(TrustState.UNKNOWN)


@dataclass(frozen=True, slots=True)
class DocumentSigner:
    """A signing key and, to bundle with the document, the signer's card.

    ValueError if the card is not the key's.
    """

    key: Ed25519PrivateKey = field(repr=False)
    card: ContactCard | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.key, Ed25519PrivateKey):
            raise TypeError("a document signer needs an Ed25519 private key")
        if self.card is not None and self.card.keys.signing != self.public_key:
            raise ValueError("the contact card is not the signing key's")

    @classmethod
    def from_identity(cls, identity: Identity) -> DocumentSigner:
        return cls(identity.signing_key, ContactCard.for_identity(identity))

    @property
    def public_key(self) -> bytes:
        return self.key.public_key().public_bytes_raw()

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)


@dataclass(frozen=True, slots=True)
class ExpectedSigner:
    """The signer the user says a document must come from (a card or a public key)."""

    public_key: bytes
    name: str

    @classmethod
    def from_card(cls, card: ContactCard) -> ExpectedSigner:
        return cls(card.keys.signing, card.name)

    @classmethod
    def from_key(cls, key: Ed25519PublicKey, name: str) -> ExpectedSigner:
        return cls(key.public_bytes_raw(), name)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)


def signature_path(document: Path) -> Path:
    """Where the signature of ``document`` goes: ``NAME.docx`` → ``NAME.docx.sig``."""
    return document.with_name(document.name + SIGNATURE_SUFFIX)


def sign_document(document: bytes, signer: DocumentSigner) -> str:
    """The armored SSHSIG signature of ``document`` for ``cabledesk-document-v1``."""
    return sign(signer.key, DOCUMENT_NAMESPACE, document)


# --- verification ----------------------------------------------------------


def verify_received(
    path: Path,
    *,
    now: datetime,
    signature: Path | None = None,
    lookup: SignerLookup = no_contacts,
    expected: ExpectedSigner | None = None,
) -> DocumentVerification:
    """Check a received document (with ``signature``, or the ``.sig`` beside it) or bundle.

    ``now`` decides whether a card in a bundle has expired. Raises
    SignatureMissing, SignatureFormatError or InputError (see the module
    docstring); a signature that does not hold is a verdict, not an error.
    """
    path = Path(path)
    if signature is None and is_bundle(path):
        return _verify_bundle(path, now=now, lookup=lookup, expected=expected)
    if signature is None and path.suffix.lower() == ".zip":
        with open_bundle(path):  # raises the precise reason it is not a bundle
            pass
    _refuse_signature_as_document(path)
    sig_path = signature if signature is not None else signature_path(path)
    sig = _parse(_read_signature(sig_path, path, given=signature is not None), sig_path.name)
    with _open_document(path) as stream:
        digest, sha256, size = _digest(stream, sig.hash_algorithm, path.name)
    # A signature file named for another document (other.docx.sig) that does not match
    # was most likely made for that other file: say so rather than "modified".
    named_for = sig_path.name.removesuffix(SIGNATURE_SUFFIX)
    other = sig_path.name.endswith(SIGNATURE_SUFFIX) and named_for != path.name
    return _judge(
        sig,
        digest,
        document=str(path),
        signature_label=str(sig_path),
        signature_for=named_for if other else None,
        sha256=sha256,
        size=size,
        lookup=lookup,
        expected=expected,
        card=None,
        notes=(),
    )


def _verify_bundle(
    path: Path, *, now: datetime, lookup: SignerLookup, expected: ExpectedSigner | None
) -> DocumentVerification:
    with open_bundle(path) as bundle:
        label = f"{path.name}:{bundle.signature}"
        sig = _parse(bundle.signature_text, label)
        with bundle.document_stream() as stream:
            digest, sha256, size = _digest(stream, sig.hash_algorithm, bundle.document)
        card, notes = _bundle_card(bundle.card_bytes, sig, now)
        return _judge(
            sig,
            digest,
            document=f"{path.name}:{bundle.document}",
            signature_label=label,
            signature_for=None,
            sha256=sha256,
            size=size,
            lookup=lookup,
            expected=expected,
            card=card,
            notes=notes,
            bundle=str(path),
        )


def _bundle_card(
    data: bytes | None, sig: Signature, now: datetime
) -> tuple[ContactCard | None, tuple[str, ...]]:
    if data is None:
        return None, ()
    try:
        card = ContactCard.parse(data, now=now)
    except ContactError as exc:
        return None, (f"The contact card in the bundle cannot be used: {exc.message}",)
    if card.keys.signing != sig.public_key:
        return None, (
            f"The contact card in the bundle is for another key ({card.fingerprint}) than "
            "the signature's; it is ignored.",
        )
    return card, ()


def _refuse_signature_as_document(path: Path) -> None:
    with contextlib.suppress(OSError), path.open("rb") as f:
        if f.read(len(BEGIN)) == BEGIN.encode("ascii"):
            raise InputError(
                f"{path.name} is a signature, not a document.",
                hint=f"Give the document it signs: {path.name.removesuffix(SIGNATURE_SUFFIX)}.",
            )


def _read_signature(sig_path: Path, document: Path, *, given: bool) -> bytes:
    try:
        with sig_path.open("rb") as f:
            data = f.read(MAX_ARMOR_CHARS + 1)
    except FileNotFoundError:
        if given:
            raise InputError(
                f"Cannot read the signature {sig_path}: there is no such file."
            ) from None
        raise SignatureMissing(
            f"{document.name} has no signature: there is no {sig_path.name} beside it.",
            hint="Ask the sender for the .sig file or the .zip bundle; an unsigned document "
            "cannot be checked.",
        ) from None
    except OSError as exc:
        raise InputError(f"Cannot read the signature {sig_path}: {exc.strerror}.") from exc
    return data


def _parse(data: bytes, label: str) -> Signature:
    if not data.strip():
        raise SignatureFormatError(
            f"The signature file {label} is empty.", hint="Ask the sender for it again."
        )
    try:
        return parse_signature(data)
    except SignatureFormatError as exc:
        text = data.decode("ascii", "replace")
        if text.startswith(BEGIN) and END not in text:
            raise SignatureFormatError(
                f"The signature file {label} is cut short (truncated): it stops before its "
                "last line.",
                hint="Copy or download it again, completely.",
            ) from None
        raise SignatureFormatError(
            f"The signature file {label} is damaged or is not a signature. {exc.message}",
            hint=exc.hint,
        ) from None


@contextlib.contextmanager
def _open_document(path: Path) -> Iterator[BinaryIO]:
    try:
        f = path.open("rb")
    except FileNotFoundError:
        raise InputError(f"Cannot read {path}: there is no such file.") from None
    except OSError as exc:
        raise InputError(f"Cannot read {path}: {exc.strerror}.") from exc
    with f:
        yield f


def _digest(stream: BinaryIO, hash_algorithm: str, name: str) -> tuple[bytes, str, int]:
    """Read to the end once: the signature's digest, the SHA-256 hex and the size."""
    signed = hashlib.new(hash_algorithm)
    sha256 = hashlib.sha256()
    size = 0
    try:
        while chunk := stream.read(READ_SIZE):
            signed.update(chunk)
            sha256.update(chunk)
            size += len(chunk)
    except OSError as exc:
        raise InputError(f"{name} could not be read to the end: {exc}.") from exc
    return signed.digest(), sha256.hexdigest(), size


def _signer(
    sig: Signature,
    lookup: SignerLookup,
    expected: ExpectedSigner | None,
    card: ContactCard | None,
) -> SignerInfo:
    fp = sig.fingerprint
    known = lookup(fp)
    if known is not None:
        return SignerInfo(fp, known.name, known.trust, SignerSource.CONTACT)
    if expected is not None and expected.public_key == sig.public_key:
        return SignerInfo(fp, expected.name, _UNKNOWN, SignerSource.GIVEN)
    if card is not None:
        return SignerInfo(fp, card.name, _UNKNOWN, SignerSource.BUNDLE_CARD)
    return SignerInfo(fp, None, _UNKNOWN, SignerSource.UNKNOWN)


def _judge(
    sig: Signature,
    digest: bytes,
    *,
    document: str,
    signature_label: str,
    signature_for: str | None,
    sha256: str,
    size: int,
    lookup: SignerLookup,
    expected: ExpectedSigner | None,
    card: ContactCard | None,
    notes: tuple[str, ...],
    bundle: str | None = None,
) -> DocumentVerification:
    # Integrity is checked under the signature's own key and namespace, so that a
    # signature made for another purpose still tells whether the file matches it.
    try:
        verify_digest(sig, digest, Ed25519PublicKey.from_public_bytes(sig.public_key),
                      sig.namespace)  # fmt: skip
        intact = True
    except SignatureInvalid:
        intact = False
    signer = _signer(sig, lookup, expected, card)
    expected_info = None
    if expected is not None:
        known = lookup(expected.fingerprint)
        expected_info = SignerInfo(
            expected.fingerprint,
            known.name if known else expected.name,
            known.trust if known else _UNKNOWN,
            SignerSource.CONTACT if known else SignerSource.GIVEN,
        )
    if not intact:
        verdict = Verdict.OTHER_FILE if signature_for is not None else Verdict.MODIFIED
    elif sig.namespace != DOCUMENT_NAMESPACE:
        verdict = Verdict.WRONG_PURPOSE
    elif expected is not None and expected.public_key != sig.public_key:
        verdict = Verdict.WRONG_SIGNER
    elif signer.trust.state is TrustState.REVOKED:
        verdict = Verdict.REVOKED_SIGNER
    elif signer.source is SignerSource.GIVEN or signer.trust.state is TrustState.VERIFIED:
        verdict = Verdict.VALID
    elif signer.source is SignerSource.CONTACT and signer.trust.state is TrustState.UNVERIFIED:
        verdict = Verdict.VALID_UNVERIFIED
    else:
        verdict = Verdict.UNKNOWN_SIGNER
    return DocumentVerification(
        verdict=verdict,
        signer=signer,
        intact=intact,
        namespace=sig.namespace,
        document=document,
        signature=signature_label,
        sha256=sha256,
        size=size,
        hash_algorithm=sig.hash_algorithm,
        bundle=bundle,
        card=card,
        expected=expected_info,
        signature_for=signature_for,
        notes=notes,
    )
