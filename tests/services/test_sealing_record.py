"""A sealed cable is recorded before it is published: a file exists under its name only
if the vault archived and audited it."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from cabledesk.errors import InputError, VaultError, VaultLocked
from cabledesk.services.drafts import DraftsService
from cabledesk.services.sealing import SealService
from cabledesk.store.archive import ArchiveStore, Direction
from cabledesk.store.vault import Vault
from tests.services.conftest import CABLE, SCHEMES
from tests.vaultkit import PASSPHRASE


def _draft(vault: Vault) -> str:
    """A saved draft with the test cable's content; its id."""
    drafts = DraftsService(vault, SCHEMES)
    draft_id = drafts.new().id
    drafts.save(replace(CABLE, id=draft_id))
    return draft_id


def _nothing_sealed(vault: Vault, out: Path, draft_id: str) -> None:
    folder = vault.home.archive
    assert not out.exists()
    assert not [n for n in os.listdir(out.parent) if n.startswith(f".{out.name}.")]
    assert not (folder.exists() and os.listdir(folder))
    assert vault.archive.count() == 0
    assert all(e.event != "cable sealed" for e in vault.audit.entries())
    assert vault.drafts.exists(draft_id)


def test_a_seal_whose_record_fails_publishes_nothing_and_keeps_the_draft(
    parties: tuple[Vault, Vault, Vault], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    jane, _, _ = parties
    draft_id = _draft(jane)
    cable = jane.drafts.load(draft_id)

    def busy(*args: Any, **kwargs: Any) -> int:
        raise VaultError("The vault is busy in another CableDesk window or command.")

    monkeypatch.setattr(ArchiveStore, "add", busy)
    service = SealService(jane, SCHEMES)
    out = tmp_path / "out.cable"
    with pytest.raises(VaultError, match="busy"):
        service.seal(cable, service.resolve(["Berlin"]), out)
    _nothing_sealed(jane, out, draft_id)


def test_a_vault_locked_during_a_long_seal_publishes_nothing(
    parties: tuple[Vault, Vault, Vault], tmp_path: Path
) -> None:
    jane, _, _ = parties
    draft_id = _draft(jane)
    cable = jane.drafts.load(draft_id)
    annex = tmp_path / "annex.bin"
    annex.write_bytes(os.urandom(100_000))
    service = SealService(jane, SCHEMES)
    berlin = service.resolve(["Berlin"])
    out = tmp_path / "out.cable"

    def auto_lock(done: int) -> None:  # the idle timer fires while the cable is sealed
        jane.lock()

    with pytest.raises(VaultLocked, match="nothing was sealed or recorded"):
        service.seal(cable, berlin, out, attachments=[annex], progress=auto_lock)
    with Vault.unlock(jane.home, PASSPHRASE) as again:
        _nothing_sealed(again, out, draft_id)


def test_a_failed_commit_removes_the_file_it_had_published(
    parties: tuple[Vault, Vault, Vault], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    jane, _, _ = parties
    draft_id = _draft(jane)
    cable = jane.drafts.load(draft_id)
    service = SealService(jane, SCHEMES)
    berlin = service.resolve(["Berlin"])
    real = jane.transaction
    out = tmp_path / "out.cable"
    published: list[bool] = []

    @contextlib.contextmanager
    def failing_commit() -> Iterator[None]:
        with real():
            yield
            published.append(out.exists())
            raise VaultError("The vault could not be written: disk I/O error.")

    monkeypatch.setattr(jane, "transaction", failing_commit)
    with pytest.raises(VaultError, match="disk I/O error"):
        service.seal(cable, berlin, out)
    monkeypatch.undo()
    assert published == [True]  # the file had its name just before the commit
    _nothing_sealed(jane, out, draft_id)


def test_a_file_that_appears_under_the_name_meanwhile_is_kept_and_nothing_recorded(
    parties: tuple[Vault, Vault, Vault], tmp_path: Path
) -> None:
    jane, _, _ = parties
    draft_id = _draft(jane)
    cable = jane.drafts.load(draft_id)
    service = SealService(jane, SCHEMES)
    out = tmp_path / "out.cable"

    def someone_else_writes(done: int) -> None:
        if not out.exists():
            out.write_bytes(b"theirs")

    with pytest.raises(InputError, match="already exists"):
        service.seal(cable, service.resolve(["Berlin"]), out, progress=someone_else_writes)
    assert out.read_bytes() == b"theirs"
    out.unlink()
    _nothing_sealed(jane, out, draft_id)


def test_a_sealed_cable_is_recorded_and_its_draft_dropped(
    parties: tuple[Vault, Vault, Vault], tmp_path: Path
) -> None:
    jane, _, _ = parties
    draft_id = _draft(jane)
    service = SealService(jane, SCHEMES)
    out = tmp_path / "out.cable"
    outcome = service.seal(jane.drafts.load(draft_id), service.resolve(["Berlin"]), out)
    assert out.exists() and not jane.drafts.exists(draft_id)
    [sent] = jane.archive.entries(Direction.SENT)
    assert sent.id == outcome.archive_id
    assert jane.audit.entries()[0].event == "cable sealed"
