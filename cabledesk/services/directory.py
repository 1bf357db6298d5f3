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
personally verified contact the directory revokes, and the user's own key if it
revokes it: :mod:`._own_key`). Removing an anchor
(:meth:`DirectoryService.untrust`) removes what it said: what only it attested
reverts to self-declared, its revocations are lifted.

Errors: :class:`~cabledesk.errors.DirectoryRefused` (the checks failed: exit 1
on the command line) and :class:`~cabledesk.errors.DirectoryError` (the file
cannot be read as an anchor or a directory: exit 2).
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from cabledesk.crypto.anchor import Anchor
from cabledesk.crypto.directory import DIRECTORY_FORMAT
from cabledesk.domain.attestation import KeyRevocation
from cabledesk.errors import DirectoryError, InputError
from cabledesk.phrase import Phrase
from cabledesk.services._card_workers import CardWorkers
from cabledesk.services._directory_import import (
    AttributeChange,
    DirectoryImportOutcome,
    DirectoryImportStatus,
    apply,
    checked,
    read_ahead,
    read_cards,
)
from cabledesk.services._own_key import OwnKeyRevocation, active_key_revocation
from cabledesk.store.audit import Event
from cabledesk.store.directory import DirectoryImport, DirectoryStore, TrustedAnchor
from cabledesk.store.vault import Vault

__all__ = [
    "MAX_ANCHOR_FILE_BYTES",
    "MAX_DIRECTORY_FILE_BYTES",
    "AnchorStatus",
    "AttributeChange",
    "DirectoryImportOutcome",
    "DirectoryImportStatus",
    "DirectoryService",
    "OwnKeyRevocation",
    "TrustedAnchor",
    "UntrustOutcome",
]

MAX_ANCHOR_FILE_BYTES = 64 * 1024
MAX_DIRECTORY_FILE_BYTES = DIRECTORY_FORMAT.max_bytes
# While helpers still have this share of the cards to read, an import starts writing
# the people read so far, in its one transaction: writing them takes about as long
# as reading that share on two cores, so both overlap (bench_directory measures it).
# Without helpers every card is read first.
WRITE_WHILE_LEFT = 0.3


@dataclass(frozen=True, slots=True)
class AnchorStatus:
    anchor: TrustedAnchor
    last: DirectoryImport | None
    attested: int
    revoked: int
    overdue: bool  # the last directory is past its next-update time
    # this anchor's revocation of the user's own active key (sealing is refused)
    own_key_revoked: KeyRevocation | None = None

    def to_json(self) -> dict[str, object]:
        last = self.last
        own = self.own_key_revoked
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
            "own_key_revoked": None
            if own is None
            else {"reason": own.reason, "text": own.text, "revoked": own.revoked.isoformat()},
        }


@dataclass(frozen=True, slots=True)
class UntrustOutcome:
    anchor: TrustedAnchor
    # contacts whose attestation came only from this anchor: now self-declared
    reverted: tuple[str, ...]


class DirectoryService:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    @property
    def _store(self) -> DirectoryStore:
        return DirectoryStore(self._vault.db)

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
            self._store.trust(anchor, how, now)
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
        return self._store.anchors()

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
            self._store.untrust(anchor.fingerprint)
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
        store = self._store
        mine = store.revocations_of(self._vault.identities.active().fingerprint)
        result = []
        for anchor in store.anchors():
            last = store.last_import(anchor.fingerprint)
            attested, revoked = store.counts(anchor.fingerprint)
            overdue = last is not None and last.next_update <= now
            own = next((r for r in mine if r.anchor == anchor.fingerprint), None)
            result.append(AnchorStatus(anchor, last, attested, revoked, overdue, own))
        return result

    def own_key_revocation(self) -> KeyRevocation | None:
        """A trusted anchor's revocation of the user's active key, or None: while there
        is one, sealing and signing are refused (get a new key attested)."""
        return active_key_revocation(self._vault)

    # --- import -----------------------------------------------------------------

    def import_file(self, path: Path) -> DirectoryImportOutcome:
        """Import the ``.cdir`` file at ``path`` (InputError if it cannot be read)."""
        return self.import_directory(_read(path, MAX_DIRECTORY_FILE_BYTES))

    def import_directory(self, data: bytes) -> DirectoryImportOutcome:
        """Check a directory and apply it (see the module docstring). Raises
        DirectoryRefused (a check failed) or DirectoryError (unreadable); either way
        the vault is unchanged."""
        store = self._store
        digest = hashlib.sha256(data).digest()
        known = store.imported_digest(digest)
        if known is not None:  # these very bytes were checked and imported
            anchor = store.anchor(known)
            last = store.last_import(known)
            if anchor is not None and last is not None:
                return DirectoryImportOutcome(DirectoryImportStatus.UNCHANGED, anchor, last.serial)
        # helpers for a large directory's cards start first, to be ready when it is decoded
        with _collector_paused(), CardWorkers.start(len(data)) as workers:
            anchor, directory = checked(self._vault, data, digest, workers.begin)
            cards = read_cards(directory, workers.chunks())

            # most cards are read before the transaction opens (the vault stays free,
            # a bad card is found before anything is written); the helpers' last ones
            # while the first people are written
            def enough() -> bool:  # None: no helper reads, so every card is read first
                left = workers.helped_left()
                return left is not None and left <= WRITE_WHILE_LEFT

            first = read_ahead(cards, enough)
            return apply(self._vault, anchor, directory, itertools.chain(first, cards), digest)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector paused (then restored as it was): an import makes a
    few hundred thousand objects that live until it ends, none of them cyclic
    garbage, and the collector would walk them again and again (a twentieth of the
    import of 20,000 people, ``tests/bench/bench_directory.py``)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _read(path: Path, limit: int) -> bytes:
    try:
        with Path(path).open("rb") as f:
            return f.read(limit + 1)
    except OSError as exc:
        raise InputError(
            Phrase.of("Cannot read {path}: {reason}.", path=str(path), reason=exc.strerror or "")
        ) from exc
