"""Fixtures for the vault tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cabledesk.store.home import VaultHome
from cabledesk.store.vault import Vault
from tests.vaultkit import FAST, PASSPHRASE, Clock, MemoryKeyring


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def home(tmp_path: Path) -> VaultHome:
    return VaultHome(tmp_path / "home")


@pytest.fixture
def vault(home: VaultHome, clock: Clock) -> Iterator[Vault]:
    v = Vault.create(home, PASSPHRASE, params=FAST, now=clock)
    yield v
    v.lock()


@pytest.fixture
def memory_keyring() -> MemoryKeyring:
    return MemoryKeyring()
