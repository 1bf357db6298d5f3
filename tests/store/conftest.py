"""Fixtures for the vault tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

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


@pytest.fixture
def opened_vaults(monkeypatch: pytest.MonkeyPatch) -> list[Vault]:
    """Every Vault made from now on: a failed unlock must have locked the one it
    opened (database closed, key wiped)."""
    vaults: list[Vault] = []
    real_init = Vault.__init__

    def recording_init(self: Vault, *args: Any, **kwargs: Any) -> None:
        real_init(self, *args, **kwargs)
        vaults.append(self)

    monkeypatch.setattr(Vault, "__init__", recording_init)
    return vaults
