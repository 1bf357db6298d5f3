"""Checking and applying a directory, for :mod:`cabledesk.services.directory`.

:func:`checked` refuses a directory (DirectoryRefused: not signed by a trusted anchor,
a bad signature, an entry outside the anchor's scope, an older serial, expired;
DirectoryError: unreadable) before anything changes; :func:`apply` writes it in one
transaction, with its audit entries.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from cabledesk.crypto.card_facts import CardFacts
from cabledesk.crypto.directory import DIRECTORY_FORMAT, Directory, DirectoryEntry
from cabledesk.crypto.signedtext import check_signature, read_signature, split
from cabledesk.crypto.sshsig import DIRECTORY_NAMESPACE
from cabledesk.domain.attestation import Attestation
from cabledesk.domain.trust import TrustState
from cabledesk.errors import DirectoryError, DirectoryRefused
from cabledesk.phrase import Phrase
from cabledesk.services._own_key import OwnKeyRevocation, own_revocations_in
from cabledesk.store.audit import Event
from cabledesk.store.directory import DirectoryImport, DirectoryStore, TrustedAnchor
from cabledesk.store.rotations import RotationStore
from cabledesk.store.vault import Vault

__all__ = [
    "AttributeChange",
    "DirectoryImportOutcome",
    "DirectoryImportStatus",
    "apply",
    "checked",
    "read_ahead",
    "read_cards",
]

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
    # key rotations: (name, old fingerprint, new fingerprint) of contacts continued
    continued: tuple[tuple[str, str, str], ...] = ()
    # the user's own keys this directory revokes (the active one: sealing is refused)
    own_revoked: tuple[OwnKeyRevocation, ...] = ()


def checked(
    vault: Vault, data: bytes, digest: bytes, cards: Callable[[list[str]], None]
) -> tuple[TrustedAnchor, Directory]:
    """The trusted anchor that signed ``data`` and the directory read from it, every
    check passed but those of its cards, which :func:`apply` reads: ``cards`` gets
    their texts as soon as the file is decoded (see :mod:`._card_workers`).
    ``digest``: the SHA-256 of ``data``."""
    what = DIRECTORY_FORMAT.what
    body, rest = split(data, what=what, error=DirectoryError, max_bytes=DIRECTORY_FORMAT.max_bytes)
    signature = read_signature(rest, what=what, error=DirectoryError)
    anchor = DirectoryStore(vault.db).anchor(signature.fingerprint)
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
    directory = Directory.parse(data, cards=cards)  # malformed though signed: unreadable
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
    _refuse_stale(vault, anchor, directory, digest)
    return anchor, directory


def _refuse_stale(vault: Vault, anchor: TrustedAnchor, directory: Directory, digest: bytes) -> None:
    last = DirectoryStore(vault.db).last_import(anchor.fingerprint)
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
    now = vault.now()
    if directory.next_update <= now:
        raise DirectoryRefused(
            Phrase.of(
                "This directory of {anchor} expired on {date}: it was to be replaced by then.",
                anchor=anchor.name,
                date=directory.next_update.date().isoformat(),
            ),
            hint=Phrase.of("Ask the security office for its latest directory."),
        )


def read_cards(
    directory: Directory, chunks: Iterable[tuple[int, list[CardFacts | None]]]
) -> Iterator[tuple[int, list[CardFacts]]]:
    """The cards of ``directory`` read in full, from ``chunks`` (the first entry's
    index and the facts of each card, in any order, each card once: see
    :mod:`._card_workers`), each checked to be of its entry's key. Raises
    DirectoryError for a card that fails."""
    for start, facts in chunks:
        yield start, directory.card_facts(start, facts)


def read_ahead(
    chunks: Iterator[tuple[int, list[CardFacts]]], enough: Callable[[], bool]
) -> list[tuple[int, list[CardFacts]]]:
    """The chunks read before ``enough()`` (or all of them): read while no
    transaction is open, so that the vault stays free for other work meanwhile and
    a card that fails is found before anything is written."""
    read = []
    for chunk in chunks:
        read.append(chunk)
        if enough():
            break
    return read


def apply(
    vault: Vault,
    anchor: TrustedAnchor,
    directory: Directory,
    chunks: Iterable[tuple[int, list[CardFacts]]],
    digest: bytes,
) -> DirectoryImportOutcome:
    """Write ``directory`` (checked) in one transaction. Its cards come from
    ``chunks`` (:func:`read_cards`: the first entry's index and the facts of each
    card, each card once, in any order); each chunk's people are written as it
    comes, and a card that fails refuses the whole directory: the transaction is
    rolled back."""
    now = vault.now()
    # never a new contact: the user's own keys, and contacts' previous keys (retired)
    excluded = {i.fingerprint for i in vault.identities.all()}
    excluded |= RotationStore(vault.db).all_superseded()
    with vault.transaction():
        contacts = vault.contacts
        store = DirectoryStore(vault.db)
        states = contacts.card_states()
        before = store.attestations(anchor.fingerprint)
        # what the vault says before this directory: the user's own keys and the
        # personally verified contacts it revokes (told and audited as news)
        own_revoked = own_revocations_in(vault, tuple(directory.revocations))
        own_before = {
            r.fingerprint
            for r in own_revoked
            if any(x.anchor == anchor.fingerprint for x in store.revocations_of(r.fingerprint))
        }
        verified_before = {
            fp: c
            for fp in (r.fingerprint for r in directory.revocations)
            if fp in states
            and (c := contacts.get(fp)) is not None
            and c.trust.state is TrustState.VERIFIED
            and not c.verified_by_anchor
        }
        store.record_import(
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
            directory.revocations,
        )
        new: list[tuple[str, str]] = []  # (name, fingerprint) of each new contact
        newer: list[DirectoryEntry] = []  # people whose newer card replaces the stored one
        names: dict[str, str] = {}
        read = 0
        for start, cards in chunks:
            pairs = list(zip(directory.entries[start : start + len(cards)], cards, strict=True))
            fresh = [
                c for e, c in pairs if e.fingerprint not in states and e.fingerprint not in excluded
            ]
            contacts.add_many(fresh, now)
            store.add_attestations(anchor.fingerprint, [(e, c.key_set) for e, c in pairs])
            new += [(c.name, c.fingerprint) for c in fresh]
            newer += [
                e
                for e, c in pairs
                if e.fingerprint in states
                and states[e.fingerprint][1]
                and c.sequence > states[e.fingerprint][0]
            ]
            names.update((e.fingerprint, c.name) for e, c in pairs)
            read += len(cards)
        if read != len(directory.entries):  # each chunk is stored once: so one was missed
            raise RuntimeError("not every card of the directory was read")
        continued = _rotations(vault, directory, new, before)
        for name, old_fp, new_fp in continued:
            store.continue_contact(
                old_fp,
                new_fp,
                when=now,
                reason=f"key rotation attested by {anchor.name}, serial {directory.serial}",
            )
            vault.audit.append(
                Event.CONTACT_IMPORTED,
                {
                    "name": name,
                    "fingerprint": new_fp,
                    "continues": old_fp,
                    "rotation": f"attested by {anchor.name}, serial {directory.serial}",
                },
            )
        for entry in newer:
            contacts.replace_card(
                entry.contact_card(),
                when=now,
                bind_keys=True,
                reason=f"newer card in the directory of {anchor.name}, serial {directory.serial}",
            )
        changes = _changes(before, directory, names)
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
        for mine in own_revoked:
            if mine.fingerprint not in own_before:  # news: audited once per anchor
                vault.audit.append(
                    Event.OWN_KEY_REVOKED,
                    {
                        "anchor": anchor.name,
                        "serial": directory.serial,
                        "fingerprint": mine.fingerprint,
                        "reason": mine.reason,
                        "text": mine.text,
                        "active": mine.active,
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
                "added": len(new),
                "updated": len(newer),
                "changed_attributes": len(changes),
            },
        )
    return DirectoryImportOutcome(
        DirectoryImportStatus.IMPORTED,
        anchor,
        directory.serial,
        added=len(new),
        updated=len(newer),
        attested=len(directory.entries),
        revoked=len(directory.revocations),
        changes=tuple(changes),
        revoked_verified=tuple(sorted(c.name for c in verified_before.values())),
        continued=tuple(continued),
        own_revoked=own_revoked,
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


def _rotations(
    vault: Vault,
    directory: Directory,
    new: list[tuple[str, str]],
    before: dict[str, Attestation],
) -> list[tuple[str, str, str]]:
    """Key rotations this directory attests: a key the anchor attested before, now
    revoked as ``superseded``, and exactly one new contact (``new``: name and
    fingerprint) under the same name (compared in NFKC, any case, spaces
    collapsed). Each continues the old contact."""

    def same(text: str) -> str:
        return " ".join(unicodedata.normalize("NFKC", text).split()).casefold()

    superseded = [
        r for r in directory.revocations if r.reason == "superseded" and r.fingerprint in before
    ]
    if not superseded:  # the names of 20,000 new people are not compared for nothing
        return []
    by_name: dict[str, list[str]] = {}
    for name, fingerprint in new:
        by_name.setdefault(same(name), []).append(fingerprint)
    found = []
    for revocation in superseded:
        old = vault.contacts.get(revocation.fingerprint)
        if old is None:
            continue
        successors = by_name.get(same(old.name), [])
        if len(successors) == 1:
            found.append((old.name, old.fingerprint, successors[0]))
    return found
