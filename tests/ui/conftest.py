"""Fixtures for the screens: a real vault in a temp folder (fast key derivation),
a session over it, synchronous workers, and correspondents to import."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.keys import Identity
from cabledesk.domain.scheme import SchemeRegistry
from cabledesk.services.identity import IdentityRequest, IdentityService
from cabledesk.services.session import Session
from cabledesk.services.vault_access import VaultAccess
from cabledesk.store.home import VaultHome
from cabledesk.store.keychain import SystemKeychain
from cabledesk.store.vault import Vault
from cabledesk.ui.workers import Workers
from tests.vaultkit import FAST, PASSPHRASE, Clock, MemoryKeyring

SCHEMES = SchemeRegistry.load()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def keyring_backend() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def keychain(keyring_backend: MemoryKeyring) -> SystemKeychain:
    return SystemKeychain(keyring_backend)


@pytest.fixture
def vault_access(tmp_path: Path, clock: Clock, keychain: SystemKeychain) -> VaultAccess:
    return VaultAccess(VaultHome(tmp_path / "home"), keychain, now=clock, kdf=FAST)


@pytest.fixture
def vault(vault_access: VaultAccess) -> Iterator[Vault]:
    v = vault_access.create(PASSPHRASE)
    IdentityService(v, SCHEMES).create(
        IdentityRequest(
            name="Jane Doe", post="AMEMBASSY PARIS", clearance="SECRET", nationality="USA"
        )
    )
    yield v
    v.lock()


@pytest.fixture
def session(vault: Vault) -> Session:
    return Session(vault, SCHEMES)


@pytest.fixture
def workers() -> Workers:
    return Workers(synchronous=True)


def person(name: str, post: str = "AMEMBASSY BERLIN", **details: object) -> Identity:
    """A correspondent with keys of their own (the test holds their private half)."""
    details.setdefault("nationality", "DEU")
    details.setdefault("clearance", "SECRET")
    return Identity.generate(name, post, **details)


def card_file(folder: Path, who: Identity) -> Path:
    """``who``'s self-signed ``.contact`` file in ``folder``."""
    path = folder / f"{who.name.split()[0].lower()}.contact"
    path.write_bytes(ContactCard.for_identity(who).to_bytes())
    return path
