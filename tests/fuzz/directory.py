"""Target: directories (``directory.Directory.parse``, also as an import reads it: the
cards handed over as soon as decoded, then ``card_facts`` in chunks; ``verify``,
``contact_cards``).

The input is a ``.cdir`` file. It is parsed and checked against the test anchor
as it is; then its line 1 is signed by the anchor's key (namespace
``cabledesk-directory-v1``) and checked again, so everything after a good
signature (the entries, their cards, the scope) sees hostile content too. A
directory that parses must serialise back to the same bytes.
"""

from __future__ import annotations

from pathlib import Path

from cabledesk.crypto.card_facts import CardFacts
from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.directory import Directory, Revocation
from cabledesk.crypto.sshsig import DIRECTORY_NAMESPACE, sign
from cabledesk.errors import DirectoryError
from tests.crypto.dirkit import (
    ANCHOR,
    ANCHOR_KEY,
    NOW,
    directory,
    entry,
    person,
    read_as_importer,
)
from tests.fuzz._harness import DATA, attempt


def _check(data: bytes) -> None:
    found = Directory.parse(data)
    assert found.to_bytes() == data and Directory.parse(data) == found
    # an importer's read (the cards read apart, then checked against their entries)
    # gives the same cards, or the same refusal
    assert _facts(data) == _facts_of(found)
    found.verify(ANCHOR)
    for card in found.contact_cards():
        assert found.entry(card.fingerprint) is not None


def _cards(found: Directory) -> tuple[ContactCard, ...] | str:
    try:
        return found.contact_cards()
    except DirectoryError as exc:
        return exc.message


def _facts(data: bytes) -> list[CardFacts] | str:
    try:
        return read_as_importer(data, chunk=3)[1]
    except DirectoryError as exc:
        return exc.message


def _facts_of(found: Directory) -> list[CardFacts] | str:
    cards = _cards(found)
    return cards if isinstance(cards, str) else [CardFacts.of(card) for card in cards]


def run(data: bytes) -> None:
    attempt(lambda: _check(data))
    body = data.partition(b"\n")[0]
    _check(body + b"\n" + sign(ANCHOR_KEY, DIRECTORY_NAMESPACE, body).encode())


def seeds() -> dict[str, bytes]:
    legacy: Path = DATA / "legacy" / "jane-v1.contact"
    v1 = ContactCard.parse(legacy.read_bytes(), now=None)
    revoked = Revocation("SHA256:" + "A" * 43, "left-service", "", NOW)
    return {
        "empty": directory([]).to_bytes(),
        "two": directory(
            [entry(person("Jean Martin", "FRA"), roles=("clearer",)), entry(v1)], [revoked]
        ).to_bytes(),
    }
