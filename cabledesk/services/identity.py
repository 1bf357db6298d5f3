"""The user's own identity: create it, show it, hand out its contact card, export its key.

A new identity has an X25519 and a post-quantum hybrid (ML-KEM-768 + X25519)
encryption key; :meth:`IdentityService.upgrade` adds the hybrid key to an
identity made before, and gives it a newer card naming it.
:meth:`IdentityService.export_card` writes the public card (for
correspondents); :meth:`IdentityService.rotate` replaces the keys, the previous
key signing a key-rotation statement for the new card;
:meth:`IdentityService.export_secret` writes the age secret
keys (both), encrypted with a passphrase that follows the strength rule, and records
the export in the audit log (every export of secret material is audited).
Both write atomically and never replace an existing file unless told to.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cabledesk.atomic import write_atomic
from cabledesk.crypto.age import HybridIdentity, ScryptRecipient, encrypt
from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.keys import Identity
from cabledesk.crypto.rotation import RotationStatement
from cabledesk.domain.countries import is_country_code
from cabledesk.domain.scheme import SchemeRegistry
from cabledesk.errors import FieldError, InputError
from cabledesk.export.signed import DocumentSigner
from cabledesk.services.passwords import require_strong
from cabledesk.store.audit import Event
from cabledesk.store.vault import Vault

__all__ = ["IdentityInfo", "IdentityRequest", "IdentityRotation", "IdentityService"]

CARD_MODE = 0o644  # a card is public
SECRET_MODE = 0o600  # encrypted, but the owner's alone


@dataclass(frozen=True, slots=True)
class IdentityRequest:
    """Who the user is, as typed in the first-run assistant or on ``init``."""

    name: str
    post: str
    role: str = ""
    email: str | None = None
    scheme: str = "us"
    clearance: str = ""
    nationality: str = ""
    expires: datetime | None = None


@dataclass(frozen=True, slots=True)
class IdentityInfo:
    """What people compare and use: never a private key."""

    name: str
    post: str
    role: str
    email: str | None
    scheme: str
    clearance: str
    nationality: str
    created: datetime
    expires: datetime | None
    fingerprint: str
    safety_number: str
    age_recipient: str
    ssh_key: str
    pq_recipient: str | None = None  # age1pq1…, None for an identity not yet upgraded

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "post": self.post,
            "role": self.role,
            "email": self.email,
            "scheme": self.scheme,
            "clearance": self.clearance,
            "nationality": self.nationality,
            "created": self.created.isoformat(),
            "expires": self.expires.isoformat() if self.expires else None,
            "fingerprint": self.fingerprint,
            "safety_number": self.safety_number,
            "age_recipient": self.age_recipient,
            "ssh_key": self.ssh_key,
            "pq_recipient": self.pq_recipient,
        }


@dataclass(frozen=True, slots=True)
class IdentityRotation:
    """What :meth:`IdentityService.rotate` did: the key replaced, the new one, when."""

    previous: str
    fingerprint: str
    safety_number: str
    rotated: datetime


class IdentityService:
    def __init__(self, vault: Vault, schemes: SchemeRegistry) -> None:
        self._vault = vault
        self._schemes = schemes

    def create(self, request: IdentityRequest) -> Identity:
        """New keys for the user, stored as the active identity (and audited).

        Raises SchemeError for an unknown scheme, MarkingError for a clearance that
        is not a level of it, FieldError for a malformed nationality or no name.
        """
        scheme = self._schemes.get_scheme(request.scheme)
        clearance = request.clearance.strip()
        if clearance:
            clearance = scheme.level_named(clearance).name
        nationality = request.nationality.strip().upper()
        if nationality and not is_country_code(nationality):
            raise FieldError(
                f"{request.nationality!r} is not an ISO 3166 three-letter country code.",
                hint="For example USA, FRA, DEU, GBR.",
            )
        if not request.name.strip():
            raise FieldError("Your identity needs a name.")
        identity = Identity.generate(
            " ".join(request.name.split()),
            " ".join(request.post.split()),
            role=request.role.strip(),
            email=request.email.strip() if request.email else None,
            scheme=scheme.id,
            clearance=clearance,
            nationality=nationality,
            created=self._vault.now().replace(microsecond=0),
            expires=request.expires,
            pq_key=HybridIdentity.generate(),
        )
        with self._vault.transaction():
            self._vault.identities.add(identity)
            self._vault.audit.append(
                Event.IDENTITY_CREATED,
                {"name": identity.name, "post": identity.post, "fingerprint": identity.fingerprint},
            )
        return identity

    def active(self) -> Identity:
        return self._vault.identities.active()

    def info(self) -> IdentityInfo:
        identity = self.active()
        public = identity.public()
        return IdentityInfo(
            name=identity.name,
            post=identity.post,
            role=identity.role,
            email=identity.email,
            scheme=identity.scheme,
            clearance=identity.clearance,
            nationality=identity.nationality,
            created=identity.created,
            expires=identity.expires,
            fingerprint=public.fingerprint,
            safety_number=public.safety_number,
            age_recipient=str(public.encryption),
            ssh_key=public.ssh_line(identity.name),
            pq_recipient=identity.pq_recipient,
        )

    def upgrade(self) -> Identity:
        """Add a post-quantum hybrid encryption key to the active identity, which gets
        a newer self-signed card naming it (:meth:`card`: its sequence number is one
        higher than every card it gave before); audited. Returns the identity.

        Raises VaultError if the identity has a post-quantum key already.
        """
        current = self.active()
        with self._vault.transaction():
            upgraded = self._vault.identities.add_pq_key(
                current.fingerprint, HybridIdentity.generate()
            )
            self._vault.audit.append(
                Event.IDENTITY_UPGRADED,
                {
                    "fingerprint": upgraded.fingerprint,
                    "card_sequence": upgraded.card_sequence,
                    "post_quantum": True,
                },
            )
        return upgraded

    def rotate(
        self, card_path: Path, statement_path: Path, *, overwrite: bool = False
    ) -> IdentityRotation:
        """Replace the active identity's keys: a new identity with the same details and
        new keys becomes the active one; the previous one stays in the vault (it opens
        what was sealed to it) and signs a key-rotation statement naming the new card
        (:mod:`cabledesk.crypto.rotation`). Writes the new card to ``card_path`` and the
        statement to ``statement_path`` (correspondents import both: their contact
        continues, verified if it was); audited.

        Raises InputError if an output file exists (without ``overwrite``; nothing
        changed) or cannot be written, ContactError if a detail cannot be written in
        a card.
        """
        for path in (card_path, statement_path):
            if not overwrite and Path(path).exists():
                raise InputError(
                    f"{path} exists already; nothing was changed.",
                    hint="Choose another file name, or remove that file first.",
                )
        old = self.active()
        now = self._vault.now().replace(microsecond=0)
        expires = old.expires if old.expires is not None and old.expires > now else None
        new = Identity.generate(
            old.name, old.post, role=old.role, email=old.email, scheme=old.scheme,
            clearance=old.clearance, nationality=old.nationality, created=now,
            expires=expires, accesses=old.accesses, pq_key=HybridIdentity.generate(),
        )  # fmt: skip
        card = ContactCard.for_identity(new)
        statement = RotationStatement.issue(old.signing_key, card, created=now)
        with self._vault.transaction():
            self._vault.identities.add(new)
            self._vault.audit.append(
                Event.IDENTITY_ROTATED,
                {
                    "name": new.name,
                    "fingerprint": new.fingerprint,
                    "previous": old.fingerprint,
                    "card": Path(card_path).name,
                    "statement": Path(statement_path).name,
                },
            )
        _write(card_path, card.to_bytes(), overwrite=overwrite, mode=CARD_MODE)
        _write(statement_path, statement.to_bytes(), overwrite=overwrite, mode=CARD_MODE)
        return IdentityRotation(old.fingerprint, new.fingerprint, card.safety_number, now)

    def card(self) -> ContactCard:
        """The user's self-signed contact card, to give to correspondents."""
        return ContactCard.for_identity(self.active())

    def document_signer(self) -> DocumentSigner:
        """The user's identity as the signer of an exported document (with their card,
        for a bundle)."""
        return DocumentSigner.from_identity(self.active())

    def export_card(self, path: Path, *, overwrite: bool = False) -> str:
        """Write the user's contact card to ``path``; returns its fingerprint.

        Raises InputError if ``path`` exists (without ``overwrite``) or cannot be written.
        """
        card = self.card()
        _write(path, card.to_bytes(), overwrite=overwrite, mode=CARD_MODE)
        return card.fingerprint

    def export_secret(self, path: Path, passphrase: str, *, overwrite: bool = False) -> None:
        """Write the user's age secret keys to ``path`` (the post-quantum one first, if
        any, then the X25519 one), as an armored age file encrypted with ``passphrase``
        (what ``age -d`` and ``restore -i`` read); audited.

        Raises WeakPassphrase (nothing written), InputError if ``path`` exists
        (without ``overwrite``) or cannot be written.
        """
        require_strong(passphrase)
        identity = self.active()
        text = f"# CableDesk identity of {identity.name} ({identity.fingerprint})\n" + "".join(
            f"{key}\n" for key in identity.age_identities()
        )
        encrypted = io.BytesIO()
        encrypt(io.BytesIO(text.encode()), encrypted, [ScryptRecipient(passphrase)], armor=True)
        _write(path, encrypted.getvalue(), overwrite=overwrite, mode=SECRET_MODE)
        self._vault.audit.append(
            Event.SECRET_KEY_EXPORTED,
            {"fingerprint": identity.fingerprint, "file": path.name},
        )


def _write(path: Path, data: bytes, *, overwrite: bool, mode: int) -> None:
    write_atomic(path, data, overwrite=overwrite, mode=mode)  # raises InputError
