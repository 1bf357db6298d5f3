"""Anchors and directories for tests, fuzz seeds, benchmarks and interop checks.

Keys are derived from fixed labels, so that a file made here is the same on every run
(a fuzz regression replays against the same anchor).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from cabledesk.crypto.age import X25519Identity
from cabledesk.crypto.anchor import Anchor, AnchorScope
from cabledesk.crypto.card_facts import CardFacts, read_facts
from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.directory import Directory, DirectoryEntry, Revocation
from cabledesk.crypto.keys import Identity

__all__ = [
    "ANCHOR",
    "ANCHOR_KEY",
    "NOW",
    "OTHER_KEY",
    "anchor",
    "directory",
    "entry",
    "key",
    "person",
    "read_as_importer",
]

NOW = datetime(2026, 12, 1, 9, tzinfo=UTC)


def key(label: str) -> Ed25519PrivateKey:
    """An Ed25519 key derived from ``label``."""
    return Ed25519PrivateKey.from_private_bytes(hashlib.sha256(label.encode()).digest())


def person(name: str, nationality: str = "USA", post: str = "AMEMBASSY PARIS") -> Identity:
    """A person whose keys are derived from ``name``."""
    seed = hashlib.sha256(f"x25519 {name}".encode()).digest()
    return Identity(
        name=name, post=post, signing_key=key(f"ed25519 {name}"),
        encryption_key=X25519Identity(X25519PrivateKey.from_private_bytes(seed)),
        nationality=nationality, clearance="SECRET", created=NOW,
        expires=NOW + timedelta(days=730),
    )  # fmt: skip


ANCHOR_KEY = key("anchor MFA SECURITY OFFICE")
OTHER_KEY = key("anchor ALLIED SECURITY OFFICE")


def anchor(
    signing_key: Ed25519PrivateKey = ANCHOR_KEY,
    *,
    name: str = "MFA SECURITY OFFICE",
    nationalities: tuple[str, ...] = ("FRA", "USA"),
    schemes: tuple[str, ...] = (),
) -> Anchor:
    return Anchor.issue(
        signing_key, name=name, created=NOW, scope=AnchorScope(nationalities, schemes)
    )


ANCHOR = anchor()


def entry(
    who: Identity | ContactCard,
    *,
    nationality: str | None = None,
    scheme: str = "us",
    clearance: str = "SECRET",
    accesses: tuple[str, ...] = (),
    roles: tuple[str, ...] = (),
    expires: datetime | None = NOW + timedelta(days=365),
) -> DirectoryEntry:
    card = who if isinstance(who, ContactCard) else ContactCard.for_identity(who)
    return DirectoryEntry.attest(
        card, clearance=clearance, scheme=scheme,
        nationality=nationality or card.nationality or "USA", attested=NOW, accesses=accesses,
        roles=roles, expires=expires,
    )  # fmt: skip


def directory(
    entries: Sequence[DirectoryEntry],
    revocations: Sequence[Revocation] = (),
    *,
    signing_key: Ed25519PrivateKey = ANCHOR_KEY,
    serial: int = 1,
) -> Directory:
    return Directory.publish(
        signing_key, serial=serial, issued=NOW, next_update=NOW + timedelta(days=30),
        entries=entries, revocations=revocations,
    )  # fmt: skip


def read_as_importer(data: bytes, chunk: int = 2) -> tuple[Directory, list[CardFacts]]:
    """``data`` read as an import reads it: the card texts handed over as soon as the
    file is decoded, read with ``read_facts`` in chunks, each chunk checked against
    its entries by ``card_facts`` (raises DirectoryError)."""
    texts: list[str] = []
    found = Directory.parse(data, cards=texts.extend)
    facts: list[CardFacts] = []
    for start in range(0, len(texts), chunk):
        facts += found.card_facts(start, read_facts(texts[start : start + chunk]))
    return found, facts
