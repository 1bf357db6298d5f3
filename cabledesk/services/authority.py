"""A security office's side of the ministry directory: its key, attestations, revocations.

A vault may hold one authority key (:meth:`AuthorityService.init`): an Ed25519 key
made inside the vault, kept in its encrypted database, never written out, usable
only while the vault is unlocked; with it an anchor (``cabledesk.anchor/1``, the
office's name, public key and scope) that users pin. The office then

- attests people's cards (:meth:`AuthorityService.attest`): the card's
  self-signature is checked, the attestation is for the card's exact keys, the
  clearance must be a level of the scheme, and the nationality and scheme inside
  the office's scope; attesting a key again replaces the earlier attestation;
- revokes keys (:meth:`AuthorityService.revoke`) for one of the format's reasons
  (:data:`REASONS`: ``key-compromise``, ``left-service``,
  ``clearance-withdrawn``, ``superseded``), which also withdraws the key's
  attestation; a revoked key is not attested again;
- publishes a signed directory (:meth:`AuthorityService.publish`,
  ``cabledesk.directory/1``) of every attestation and revocation, under a serial
  one higher than the last, stored before the file is written.

Every success writes an entry in the audit log. Files are written atomically and
never replace an existing file unless told to.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from cabledesk.atomic import write_atomic
from cabledesk.crypto._directory_lists import FINGERPRINT
from cabledesk.crypto.anchor import Anchor, AnchorScope
from cabledesk.crypto.directory import REASONS, ROLES, Directory, DirectoryEntry, Revocation
from cabledesk.crypto.signedtext import LONG_TEXT_CHARS, plain_text_problem
from cabledesk.domain.scheme import SchemeRegistry
from cabledesk.errors import (
    FieldError,
    InputError,
    PolicyRefusal,
)
from cabledesk.phrase import Phrase
from cabledesk.services import _authority_values as values
from cabledesk.store.audit import Event
from cabledesk.store.authority import AuthorityStore
from cabledesk.store.vault import Vault

__all__ = [
    "DEFAULT_VALID_DAYS",
    "MAX_VALID_DAYS",
    "REASONS",
    "ROLES",
    "AttestRequest",
    "Attested",
    "AuthorityService",
    "AuthorityStatus",
    "CardToAttest",
    "Published",
    "Revoked",
]

PUBLIC_MODE = 0o644  # an anchor and a directory are public
DEFAULT_VALID_DAYS = 30  # a published directory's next update, in days
MAX_VALID_DAYS = 366


@dataclass(frozen=True, slots=True)
class AttestRequest:
    """What the office attests about a card's owner. ``scheme``: the card's if None."""

    clearance: str
    nationality: str
    scheme: str | None = None
    accesses: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    expires: datetime | None = None


@dataclass(frozen=True, slots=True)
class CardToAttest:
    """A card about to be attested, as the office checks it: its self-signature is
    valid; the claims are the person's own (the office decides what it attests)."""

    name: str
    post: str
    fingerprint: str
    safety_number: str
    scheme: str
    clearance: str
    nationality: str
    accesses: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Attested:
    """An attestation recorded: whose card, and what was attested."""

    fingerprint: str
    name: str  # the name the card gives
    entry: DirectoryEntry
    replaced: bool  # an earlier attestation of the same key was replaced


@dataclass(frozen=True, slots=True)
class Revoked:
    fingerprint: str
    reason: str
    was_attested: bool


@dataclass(frozen=True, slots=True)
class Published:
    serial: int
    issued: datetime
    next_update: datetime
    entries: int
    revocations: int


@dataclass(frozen=True, slots=True)
class AuthorityStatus:
    """The office as people compare it (never its private key) and what it recorded."""

    name: str
    fingerprint: str
    safety_number: str
    ssh_key: str
    nationalities: tuple[str, ...]
    schemes: tuple[str, ...]
    created: datetime
    attested: int
    revoked: int
    serial: int  # of the last directory published; 0: none yet
    published: datetime | None

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "fingerprint": self.fingerprint,
            "safety_number": self.safety_number,
            "ssh_key": self.ssh_key,
            "scope": {"nationalities": list(self.nationalities), "schemes": list(self.schemes)},
            "created": self.created.isoformat(),
            "attested": self.attested,
            "revoked": self.revoked,
            "last_serial": self.serial,
            "last_published": self.published.isoformat() if self.published else None,
        }


class AuthorityService:
    """The authority key of one unlocked vault; see the module docstring."""

    def __init__(self, vault: Vault, schemes: SchemeRegistry) -> None:
        self._vault = vault
        self._schemes = schemes

    @property
    def _store(self) -> AuthorityStore:
        return AuthorityStore(self._vault.db)  # raises VaultLocked once locked

    # --- the key ------------------------------------------------------------------

    def exists(self) -> bool:
        """Whether this vault holds an authority key (the desktop's authority mode)."""
        return self._store.exists()

    def init(
        self, name: str, *, nationalities: tuple[str, ...] = (), schemes: tuple[str, ...] = ()
    ) -> AuthorityStatus:
        """Make the office's key and anchor inside the vault (audited).

        Raises FieldError for an empty name or a malformed nationality, SchemeError
        for an unknown scheme, DirectoryError for a name the anchor format refuses,
        VaultError if the vault already holds an authority key.
        """
        name = " ".join(name.split())
        if not name:
            raise FieldError(Phrase.of("The security office needs a name."))
        scope = AnchorScope(
            tuple(sorted({values.nationality(n) for n in nationalities})),
            tuple(sorted({self._schemes.get_scheme(s.strip().lower()).id for s in schemes})),
        )
        created = self._vault.now().replace(microsecond=0)
        key = Ed25519PrivateKey.generate()
        anchor = Anchor.issue(key, name=name, created=created, scope=scope)
        with self._vault.transaction():
            self._store.create(name, key, scope, created, anchor.to_bytes())
            self._vault.audit.append(
                Event.AUTHORITY_CREATED,
                {
                    "name": name,
                    "fingerprint": anchor.fingerprint,
                    "nationalities": list(scope.nationalities),
                    "schemes": list(scope.schemes),
                },
            )
        return self.status()

    def anchor(self) -> Anchor:
        """The office's anchor; raises VaultError if the vault holds no authority key."""
        return Anchor.parse(self._store.get().anchor)

    def status(self) -> AuthorityStatus:
        """Name, fingerprint, safety number, scope and counts; VaultError if no key."""
        key = self._store.get()
        anchor = Anchor.parse(key.anchor)
        attested, revoked = self._store.counts()
        return AuthorityStatus(
            name=key.name,
            fingerprint=anchor.fingerprint,
            safety_number=anchor.safety_number,
            ssh_key=anchor.ssh_key,
            nationalities=key.scope.nationalities,
            schemes=key.scope.schemes,
            created=key.created,
            attested=attested,
            revoked=revoked,
            serial=key.serial,
            published=key.published,
        )

    def export_anchor(self, path: Path, *, overwrite: bool = False) -> str:
        """Write the office's anchor to ``path`` (audited); returns its fingerprint.

        Raises VaultError without an authority key, InputError if ``path`` exists
        (without ``overwrite``) or cannot be written.
        """
        anchor = self.anchor()
        write_atomic(path, anchor.to_bytes(), overwrite=overwrite, mode=PUBLIC_MODE)
        self._vault.audit.append(
            Event.ANCHOR_EXPORTED, {"fingerprint": anchor.fingerprint, "file": path.name}
        )
        return anchor.fingerprint

    # --- attesting ----------------------------------------------------------------

    def card_to_attest(self, path: Path) -> CardToAttest:
        """The card in the file ``path``, checked as :meth:`attest` checks it (InputError,
        ContactError, SignatureInvalid), for the office to see before attesting it."""
        card = values.self_signed_card(values.read_card_file(path), self._vault.now())
        return CardToAttest(
            card.name, card.post, card.fingerprint, card.safety_number, card.scheme,
            card.clearance, card.nationality, card.accesses,
        )  # fmt: skip

    def attest_file(self, path: Path, request: AttestRequest) -> Attested:
        """:meth:`attest` of the card in the file ``path`` (InputError if unreadable)."""
        return self.attest(values.read_card_file(path), request)

    def attest(self, card_data: bytes, request: AttestRequest) -> Attested:
        """Record an attestation of the card ``card_data`` (audited).

        Refuses (nothing recorded): a card that cannot be read (ContactError) or has
        expired (ContactError); a card without a valid self-signature
        (SignatureInvalid); an unknown scheme (SchemeError) or a clearance that is not
        one of its levels (MarkingError); a malformed nationality, access, role or
        expiry (FieldError); a nationality or scheme outside the office's scope, or a
        key the office revoked (PolicyRefusal); VaultError without an authority key.
        """
        key = self._store.get()
        now = self._vault.now().replace(microsecond=0)
        card = values.self_signed_card(card_data, now)
        scheme = self._schemes.get_scheme((request.scheme or card.scheme).strip().lower())
        clearance = scheme.level_named(request.clearance).name
        nationality = values.nationality(request.nationality)
        if not key.scope.covers(nationality, scheme.id):
            raise PolicyRefusal(
                Phrase.of(
                    "{office} may not attest a person of nationality {nationality} under the "
                    "scheme {scheme}: that is outside its scope (nationalities: {nationalities}; "
                    "schemes: {schemes}).",
                    office=key.name,
                    nationality=nationality,
                    scheme=scheme.id,
                    nationalities=list(key.scope.nationalities) or [Phrase.of("any")],
                    schemes=list(key.scope.schemes) or [Phrase.of("any")],
                ),
                hint=Phrase.of("The security office of that nationality attests its own people."),
            )
        revoked = self._store.revocation(card.fingerprint)
        if revoked is not None:
            raise PolicyRefusal(
                Phrase.of(
                    "The key {fingerprint} was revoked on {date} ({reason}); a revoked key is "
                    "not attested again.",
                    fingerprint=card.fingerprint,
                    date=f"{revoked.revoked:%Y-%m-%d}",
                    reason=revoked.reason,
                ),
                hint=Phrase.of("Ask the person for a card with new keys, and attest that one."),
            )
        if request.expires is not None and request.expires <= now:
            raise FieldError(
                Phrase.of(
                    "An attestation cannot expire on {date}, which is not in the future.",
                    date=f"{request.expires:%Y-%m-%d}",
                )
            )
        entry = DirectoryEntry.attest(
            card,
            clearance=clearance,
            scheme=scheme.id,
            nationality=nationality,
            attested=now,
            accesses=values.accesses(request.accesses),
            roles=values.roles(request.roles),
            expires=request.expires,
        )
        with self._vault.transaction():
            replaced = self._store.attest(entry)
            self._vault.audit.append(
                Event.KEY_ATTESTED,
                {
                    "fingerprint": card.fingerprint,
                    "name": card.name,
                    "clearance": clearance,
                    "scheme": scheme.id,
                    "nationality": nationality,
                    "accesses": list(entry.accesses),
                    "roles": list(entry.roles),
                    "replaced": replaced,
                },
            )
        return Attested(card.fingerprint, card.name, entry, replaced)

    def attestations(self) -> list[DirectoryEntry]:
        """Every attestation recorded, by fingerprint; VaultError without an authority key."""
        self._store.get()
        return self._store.attestations()

    # --- revoking -----------------------------------------------------------------

    def revoke(self, fingerprint: str, reason: str, text: str = "") -> Revoked:
        """Record that ``fingerprint`` is revoked for ``reason`` (one of REASONS, or the
        words "key compromise", "left the service", "clearance withdrawn"), with an
        optional explanation ``text``; its attestation is withdrawn. Audited.

        Raises FieldError for a malformed fingerprint, an unknown reason or a text
        the format refuses; VaultError without an authority key.
        """
        self._store.get()
        fingerprint = fingerprint.strip()
        if not FINGERPRINT.fullmatch(fingerprint):
            raise FieldError(
                Phrase.of("{value} is not a key fingerprint.", value=fingerprint),
                hint=Phrase.of("A fingerprint is SHA256: followed by 43 characters."),
            )
        code = values.reason(reason)
        text = " ".join(text.split())
        if plain_text_problem(text, max_chars=LONG_TEXT_CHARS) is not None:
            raise FieldError(
                Phrase.of(
                    "The explanation of a revocation must be plain text of at most {limit} "
                    "characters.",
                    limit=f"{LONG_TEXT_CHARS:,}",
                )
            )
        now = self._vault.now().replace(microsecond=0)
        with self._vault.transaction():
            had = self._store.revoke(Revocation(fingerprint, code, text, now))
            self._vault.audit.append(
                Event.ATTESTED_KEY_REVOKED,
                {"fingerprint": fingerprint, "reason": code, "was_attested": had},
            )
        return Revoked(fingerprint, code, had)

    # --- publishing ---------------------------------------------------------------

    def publish(
        self, path: Path, *, valid_days: int = DEFAULT_VALID_DAYS, overwrite: bool = False
    ) -> Published:
        """Write the signed directory of every attestation and revocation to ``path``,
        under the next serial (audited with it). ``valid_days``: until its next update.

        Raises FieldError for ``valid_days`` out of 1..366, InputError if ``path``
        exists (without ``overwrite``) or cannot be written, VaultError without an
        authority key. A file that could not be written leaves a gap in the serials.
        """
        if not 1 <= valid_days <= MAX_VALID_DAYS:
            raise FieldError(
                Phrase.of(
                    "A directory is valid for 1 to {limit} days, not {days}.",
                    limit=str(MAX_VALID_DAYS),
                    days=str(valid_days),
                )
            )
        if path.exists() and not overwrite:
            raise InputError(
                Phrase.of("{file} already exists.", file=str(path)),
                hint=Phrase.of("Choose another file name, or allow replacing it."),
            )
        store = self._store
        key = store.get()
        entries, revocations = store.attestations(), store.revocations()
        issued = self._vault.now().replace(microsecond=0)
        serial = store.next_serial(issued)
        directory = Directory.publish(
            key.signing_key,
            serial=serial,
            issued=issued,
            next_update=issued + timedelta(days=valid_days),
            entries=entries,
            revocations=revocations,
        )
        data = directory.to_bytes()
        Directory.read(data, Anchor.parse(key.anchor))  # what every user's import checks
        write_atomic(path, data, overwrite=overwrite, mode=PUBLIC_MODE)
        self._vault.audit.append(
            Event.DIRECTORY_PUBLISHED,
            {
                "serial": serial,
                "entries": len(entries),
                "revocations": len(revocations),
                "file": path.name,
            },
        )
        return Published(serial, issued, directory.next_update, len(entries), len(revocations))
