"""Fixtures for the services: an unlocked vault with an identity, the schemes; a
cable to seal, and two more vaults (Berlin, verified; Paris, not) to seal it for."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cabledesk.crypto.contact import ContactCard
from cabledesk.domain.cable import Addressee, Authority, Cable, Paragraph
from cabledesk.domain.scheme import SchemeRegistry
from cabledesk.services.contacts import ContactsService
from cabledesk.services.identity import IdentityRequest, IdentityService
from cabledesk.services.vault_access import VaultAccess
from cabledesk.store.home import VaultHome
from cabledesk.store.keychain import SystemKeychain
from cabledesk.store.vault import Vault
from tests.vaultkit import FAST, PASSPHRASE, Clock, MemoryKeyring

SCHEMES = SchemeRegistry.load()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def keyring_backend() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def vault_access(tmp_path: Path, clock: Clock, keyring_backend: MemoryKeyring) -> VaultAccess:
    return VaultAccess(
        VaultHome(tmp_path / "home"), SystemKeychain(keyring_backend), now=clock, kdf=FAST
    )


@pytest.fixture
def vault(vault_access: VaultAccess) -> Iterator[Vault]:
    v = vault_access.create(PASSPHRASE)
    IdentityService(v, SCHEMES).create(
        IdentityRequest(
            name="Jane Doe",
            post="AMEMBASSY PARIS",
            clearance="SECRET",
            nationality="USA",
        )
    )
    yield v
    v.lock()


CABLE = Cable(
    id="5f0c1e2d-0000-4000-8000-00000000c0de",
    scheme="us",
    precedence="IMMEDIATE",
    originator="AMEMBASSY PARIS",
    action=(Addressee("AMEMBASSY BERLIN"),),
    subject="FRANCE: TALKS ON THE SUMMIT",
    subject_marking="(U)",
    paragraphs=(Paragraph("(U)", "Summary."), Paragraph("(S//NF)", "The minister agreed.")),
    tags=("PREL", "FR"),
    authority=Authority("Jane Doe", ("1.4(b)",), None, "2036-01-01"),
    signature="DOE",
)


def party_vault(tmp_path: Path, clock: Clock, name: str, nationality: str, clearance: str) -> Vault:
    access = VaultAccess(
        VaultHome(tmp_path / name), SystemKeychain(MemoryKeyring()), now=clock, kdf=FAST
    )
    vault = access.create(PASSPHRASE)
    IdentityService(vault, SCHEMES).create(
        IdentityRequest(
            name, f"AMEMBASSY {name.upper()}", clearance=clearance, nationality=nationality
        )
    )
    return vault


@pytest.fixture
def parties(vault: Vault, tmp_path: Path, clock: Clock) -> tuple[Vault, Vault, Vault]:
    berlin = party_vault(tmp_path, clock, "Berlin", "USA", "SECRET")
    paris = party_vault(tmp_path, clock, "Paris", "FRA", "SECRET")
    contacts = ContactsService(vault)
    for other in (berlin, paris):
        card = ContactCard.for_identity(other.identities.active())
        contacts.import_card(card.to_bytes())
    contacts.verify("Berlin", "phone")
    return vault, berlin, paris
