"""Fixtures for the services: an unlocked vault with an identity, the schemes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cabledesk.domain.scheme import SchemeRegistry
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
