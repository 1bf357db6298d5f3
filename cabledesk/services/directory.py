"""The ministry directory, user side: trust anchors, import directories, report status.

A user pins a security office's anchor (:meth:`DirectoryService.trust`) after
comparing its fingerprint or safety number with the office, and says how. A
directory (``.cdir``) is then imported (:meth:`DirectoryService.import_directory`)
only when signed by a trusted anchor, newer than the last one of that anchor
(an older serial, or the same serial with other bytes, is a rollback), not
past its next-update time, and with every entry inside the anchor's scope;
re-importing the very same bytes changes nothing. Any failure refuses the
whole directory before anything is written: the vault is left as it was.

An import adds the people it attests as contacts (unverified by the user, but
verified by the anchor's attestation: see :mod:`cabledesk.store.contacts`),
replaces a stored self-signed card by a newer one of the same key, replaces
the anchor's attestations and revocations with the directory's, and audits it
(the serial, the counts, every attested attribute that changed, every
personally verified contact the directory revokes). Removing an anchor
(:meth:`DirectoryService.untrust`) removes what it said: what only it attested
reverts to self-declared, its revocations are lifted.

Errors: :class:`~cabledesk.errors.DirectoryRefused` (the checks failed: exit 1
on the command line) and :class:`~cabledesk.errors.DirectoryError` (the file
cannot be read as an anchor or a directory: exit 2).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from cabledesk.crypto.anchor import Anchor
from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.directory import DIRECTORY_FORMAT, Directory
from cabledesk.crypto.signedtext import check_signature, read_signature, split
from cabledesk.crypto.sshsig import DIRECTORY_NAMESPACE
from cabledesk.domain.attestation import Attestation
from cabledesk.domain.trust import TrustState
from cabledesk.errors import DirectoryError, DirectoryRefused, InputError
from cabledesk.phrase import Phrase
from cabledesk.store.audit import Event
from cabledesk.store.directory import DirectoryImport, TrustedAnchor
from cabledesk.store.vault import Vault

__all__ = [
    "MAX_ANCHOR_FILE_BYTES",
    "MAX_DIRECTORY_FILE_BYTES",
    "AnchorStatus",
    "AttributeChange",
    "DirectoryImportOutcome",
    "DirectoryImportStatus",
    "DirectoryService",
    "TrustedAnchor",
    "UntrustOutcome",
]

MAX_ANCHOR_FILE_BYTES = 64 * 1024
MAX_DIRECTORY_FILE_BYTES = DIRECTORY_FORMAT.max_bytes
# The attested attributes whose change an import reports and audits.
_ATTRIBUTES = ("clearance", "scheme", "nationality", "accesses", "roles", "expires")


class DirectoryImportStatus(StrEnum):
    IMPORTED = "imported"
    UNCHANGED = "unchanged"


@dataclass(frozen=True, slots=True)
class AttributeChange:
    """An attested attribute a newer directory changed (no re-verification needed)."""

    fingerprint: str
    name: str
    attribute: str
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class DirectoryImportOutcome:
    status: DirectoryImportStatus
    anchor: TrustedAnchor
    serial: int
    added: int = 0
    updated: int = 0
    attested: int = 0
    revoked: int = 0
    changes: tuple[AttributeChange, ...] = ()
    # contacts the user verified personally that the directory revokes (they are told)
    revoked_verified: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AnchorStatus:
    anchor: TrustedAnchor
    last: DirectoryImport | None
    attested: int
    revoked: int
    overdue: bool  # the last directory is past its next-update time

    def to_json(self) -> dict[str, object]:
        last = self.last
        return {
            "anchor": self.anchor.name,
            "fingerprint": self.anchor.fingerprint,
            "scope": {
                "nationalities": list(self.anchor.anchor.scope.nationalities),
                "schemes": list(self.anchor.anchor.scope.schemes),
            },
            "how": self.anchor.how,
            "trusted": self.anchor.trusted.isoformat(),
            "serial": None if last is None else last.serial,
            "issued": None if last is None else last.issued.isoformat(),
            "next_update": None if last is None else last.next_update.isoformat(),
            "imported": None if last is None else last.imported.isoformat(),
            "attested": self.attested,
            "revoked": self.revoked,
            "overdue": self.overdue,
        }


@dataclass(frozen=True, slots=True)
class UntrustOutcome:
    anchor: TrustedAnchor
    # contacts whose attestation came only from this anchor: now self-declared
    reverted: tuple[str, ...]


class DirectoryService:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    # --- anchors ----------------------------------------------------------------

    @staticmethod
    def read_anchor(data: bytes) -> Anchor:
        """An ``.anchor`` file, its self-signature checked (to show its fingerprint and
        safety number before the user trusts it). Raises DirectoryError."""
        return Anchor.parse(data)

    @staticmethod
    def read_anchor_file(path: Path) -> Anchor:
        """As :meth:`read_anchor`; InputError if the file cannot be read."""
        return Anchor.parse(_read(path, MAX_ANCHOR_FILE_BYTES))

    def trust(self, anchor: Anchor, how: str) -> TrustedAnchor:
        """Pin ``anchor``: the user compared its fingerprint or safety number, ``how``."""
        how = " ".join(how.split()) or "fingerprint compared"
        now = self._vault.now()
        with self._vault.transaction():
            self._vault.directory.trust(anchor, how, now)
            self._vault.audit.append(
                Event.ANCHOR_TRUSTED,
                {
                    "anchor": anchor.name,
                    "fingerprint": anchor.fingerprint,
                    "how": how,
                    "nationalities": ",".join(anchor.scope.nationalities),
                    "schemes": ",".join(anchor.scope.schemes),
                },
            )
        return TrustedAnchor(anchor, how, now)

    def anchors(self) -> list[TrustedAnchor]:
        return self._vault.directory.anchors()

    def find_anchor(self, text: str) -> TrustedAnchor:
        """The trusted anchor a fingerprint (or a unique prefix) or a name designates."""
        text = text.strip()
        prefix = text if text.startswith("SHA256:") else "SHA256:" + text
        found = [
            a
            for a in self.anchors()
            if a.fingerprint.startswith(prefix) or a.name.casefold() == text.casefold()
        ]
        if len(found) != 1:
            raise DirectoryError(
                Phrase.of("No trusted anchor matches {text}.", text=text)
                if not found
                else Phrase.of("Several trusted anchors match {text}.", text=text),
                hint=Phrase.of("See 'cabledesk-cli directory status'."),
            )
        return found[0]

    def untrust(self, text: str) -> UntrustOutcome:
        """Remove a trusted anchor and what it said: what only it attested reverts to
        self-declared, its revocations are lifted. Audited."""
        anchor = self.find_anchor(text)
        contacts = self._vault.contacts
        before = {c.fingerprint for c in contacts.all() if c.verified_by_anchor}
        with self._vault.transaction():
            self._vault.directory.untrust(anchor.fingerprint)
            after = {c.fingerprint: c for c in contacts.all()}
            reverted = tuple(
                sorted(after[fp].name for fp in before if fp in after and not after[fp].attestation)
            )
            self._vault.audit.append(
                Event.ANCHOR_UNTRUSTED,
                {
                    "anchor": anchor.name,
                    "fingerprint": anchor.fingerprint,
                    "reverted": len(reverted),
                },
            )
        return UntrustOutcome(anchor, reverted)

    # --- status -------------------------------------------------------------------

    def status(self) -> list[AnchorStatus]:
        """Every trusted anchor with its last directory, counts, and whether overdue."""
        now = self._vault.now()
        store = self._vault.directory
        result = []
        for anchor in store.anchors():
            last = store.last_import(anchor.fingerprint)
            attested, revoked = store.counts(anchor.fingerprint)
            overdue = last is not None and last.next_update <= now
            result.append(AnchorStatus(anchor, last, attested, revoked, overdue))
        return result

    # --- import -----------------------------------------------------------------

    def import_file(self, path: Path) -> DirectoryImportOutcome:
        """Import the ``.cdir`` file at ``path`` (InputError if it cannot be read)."""
        return self.import_directory(_read(path, MAX_DIRECTORY_FILE_BYTES))

    def import_directory(self, data: bytes) -> DirectoryImportOutcome:
        """Check a directory and apply it (see the module docstring). Raises
        DirectoryRefused (a check failed) or DirectoryError (unreadable); either way
        the vault is unchanged."""
        store = self._vault.directory
        digest = hashlib.sha256(data).digest()
        known = store.imported_digest(digest)
        if known is not None:  # these very bytes were checked and imported
            anchor = store.anchor(known)
            last = store.last_import(known)
            if anchor is not None and last is not None:
                return DirectoryImportOutcome(DirectoryImportStatus.UNCHANGED, anchor, last.serial)
        anchor, directory = self._checked(data)
        cards = directory.contact_cards()  # every card read before anything changes
        return self._apply(anchor, directory, cards, digest)

    def _checked(self, data: bytes) -> tuple[TrustedAnchor, Directory]:
        what = DIRECTORY_FORMAT.what
        body, rest = split(
            data, what=what, error=DirectoryError, max_bytes=DIRECTORY_FORMAT.max_bytes
        )
        signature = read_signature(rest, what=what, error=DirectoryError)
        anchor = self._vault.directory.anchor(signature.fingerprint)
        if anchor is None:
            raise DirectoryRefused(
                Phrase.of(
                    "This directory is signed by {fingerprint}, which is not an anchor you trust.",
                    fingerprint=signature.fingerprint,
                ),
                hint=Phrase.of(
                    "Trust the anchor of the security office that published it first "
                    "(compare its fingerprint with the office)."
                ),
            )
        try:
            check_signature(
                body,
                signature,
                anchor.anchor.key,
                namespace=DIRECTORY_NAMESPACE,
                what=what,
                error=DirectoryError,
            )
        except DirectoryError as exc:
            raise DirectoryRefused(
                exc.phrase or exc.message, hint=exc.hint_phrase or exc.hint
            ) from None
        directory = Directory.parse(data)  # malformed though signed: unreadable
        for entry in directory.entries:
            if not anchor.anchor.covers(entry.nationality, entry.scheme):
                raise DirectoryRefused(
                    Phrase.of(
                        "This directory attests {fingerprint} (nationality {nationality}, "
                        "scheme {scheme}), outside the scope of its anchor {anchor}.",
                        fingerprint=entry.fingerprint,
                        nationality=entry.nationality,
                        scheme=entry.scheme,
                        anchor=anchor.name,
                    ),
                    hint=Phrase.of(
                        "The whole directory is refused; ask the security office for a correct one."
                    ),
                )
        self._refuse_stale(anchor, directory, hashlib.sha256(data).digest())
        return anchor, directory

    def _refuse_stale(self, anchor: TrustedAnchor, directory: Directory, digest: bytes) -> None:
        last = self._vault.directory.last_import(anchor.fingerprint)
        if last is not None and directory.serial <= last.serial and digest != last.sha256:
            raise DirectoryRefused(
                Phrase.of(
                    "This directory of {anchor} has serial {serial}, not newer than the one "
                    "you imported (serial {last}): an older directory is refused.",
                    anchor=anchor.name,
                    serial=str(directory.serial),
                    last=str(last.serial),
                ),
                hint=Phrase.of("Ask the security office for its latest directory."),
            )
        now = self._vault.now()
        if directory.next_update <= now:
            raise DirectoryRefused(
                Phrase.of(
                    "This directory of {anchor} expired on {date}: it was to be replaced by then.",
                    anchor=anchor.name,
                    date=directory.next_update.date().isoformat(),
                ),
                hint=Phrase.of("Ask the security office for its latest directory."),
            )

    def _apply(
        self,
        anchor: TrustedAnchor,
        directory: Directory,
        cards: tuple[ContactCard, ...],
        digest: bytes,
    ) -> DirectoryImportOutcome:
        vault = self._vault
        now = vault.now()
        own = {i.fingerprint for i in vault.identities.all()}
        with vault.transaction():
            contacts = vault.contacts
            states = contacts.card_states()
            before = vault.directory.attestations(anchor.fingerprint)
            new_cards = [
                c for c in cards if c.fingerprint not in states and c.fingerprint not in own
            ]
            newer = [
                c
                for c in cards
                if c.fingerprint in states
                and states[c.fingerprint][1]
                and c.sequence > states[c.fingerprint][0]
            ]
            contacts.add_many(new_cards, now)
            for card in newer:
                contacts.replace_card(
                    card,
                    when=now,
                    bind_keys=True,
                    reason=f"newer card in the directory of {anchor.name}, serial "
                    f"{directory.serial}",
                )
            revoked_before = {
                fp for fp in (r.fingerprint for r in directory.revocations) if fp in states
            }
            verified_before = {
                fp: c
                for fp in revoked_before
                if (c := contacts.get(fp)) is not None
                and c.trust.state is TrustState.VERIFIED
                and not c.verified_by_anchor
            }
            vault.directory.record_import(
                DirectoryImport(
                    anchor.fingerprint,
                    directory.serial,
                    directory.issued,
                    directory.next_update,
                    digest,
                    now,
                    len(directory.entries),
                    len(directory.revocations),
                ),
                zip(directory.entries, (c.key_set() for c in cards), strict=True),
                directory.revocations,
            )
            changes = _changes(before, directory, {c.fingerprint: c.name for c in cards})
            for change in changes:
                vault.audit.append(
                    Event.ATTESTATION_CHANGED,
                    {
                        "anchor": anchor.name,
                        "serial": directory.serial,
                        "fingerprint": change.fingerprint,
                        "name": change.name,
                        f"{change.attribute}_before": change.before,
                        f"{change.attribute}_after": change.after,
                    },
                )
            for fp, contact in sorted(verified_before.items()):
                after = contacts.get(fp)
                revocation = None if after is None else after.revocation
                vault.audit.append(
                    Event.CONTACT_REVOKED,
                    {
                        "name": contact.name,
                        "post": contact.card.post,
                        "fingerprint": fp,
                        "why": "" if revocation is None else revocation.how,
                        "was": "verified by you",
                    },
                )
            vault.audit.append(
                Event.DIRECTORY_IMPORTED,
                {
                    "anchor": anchor.name,
                    "fingerprint": anchor.fingerprint,
                    "serial": directory.serial,
                    "issued": directory.issued.isoformat(),
                    "next_update": directory.next_update.isoformat(),
                    "sha256": digest.hex(),
                    "entries": len(directory.entries),
                    "revocations": len(directory.revocations),
                    "added": len(new_cards),
                    "updated": len(newer),
                    "changed_attributes": len(changes),
                },
            )
        return DirectoryImportOutcome(
            DirectoryImportStatus.IMPORTED,
            anchor,
            directory.serial,
            added=len(new_cards),
            updated=len(newer),
            attested=len(directory.entries),
            revoked=len(directory.revocations),
            changes=tuple(changes),
            revoked_verified=tuple(sorted(c.name for c in verified_before.values())),
        )


def _changes(
    before: dict[str, Attestation], directory: Directory, names: dict[str, str]
) -> list[AttributeChange]:
    """The attested attributes of people already attested that this directory changes."""
    changes = []
    for entry in directory.entries:
        old = before.get(entry.fingerprint)
        if old is None:
            continue
        for attribute in _ATTRIBUTES:
            was, now = _text(getattr(old, attribute)), _text(getattr(entry, attribute))
            if was != now:
                changes.append(
                    AttributeChange(
                        entry.fingerprint, names[entry.fingerprint], attribute, was, now
                    )
                )
    return changes


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple):
        return ",".join(value)
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)


def _read(path: Path, limit: int) -> bytes:
    try:
        with Path(path).open("rb") as f:
            return f.read(limit + 1)
    except OSError as exc:
        raise InputError(
            Phrase.of("Cannot read {path}: {reason}.", path=str(path), reason=exc.strerror or "")
        ) from exc
