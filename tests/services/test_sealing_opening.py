"""Sealing for contacts and opening in another vault, through the services."""

from __future__ import annotations

import hashlib
import os
import stat
import threading
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from cabledesk.domain.cable import Paragraph
from cabledesk.domain.policy import ReasonCode
from cabledesk.errors import (
    CableDeskError,
    Cancelled,
    InputError,
    PolicyRefusal,
    ValidationError,
)
from cabledesk.seal import Verdict, open_sealed
from cabledesk.services import opening
from cabledesk.services.contacts import ContactsService
from cabledesk.services.opening import OpenService
from cabledesk.services.sealing import SealService
from cabledesk.store import sealed_files
from cabledesk.store.archive import Direction
from cabledesk.store.vault import Vault
from tests.services.conftest import CABLE, SCHEMES


def test_policy_check_before_sealing(parties: tuple[Vault, Vault, Vault]) -> None:
    jane, _, _ = parties
    service = SealService(jane, SCHEMES)
    check = service.check(CABLE, service.resolve(["Berlin", "Paris"]))
    assert check.banner is not None and check.banner.banner == "SECRET//NOFORN"
    decisions = {c.name: d for c, _, d in check.decisions}
    assert decisions["Berlin"].allowed and not decisions["Berlin"].needs_confirmation
    assert ReasonCode.NOT_A_NATIONAL in decisions["Paris"].codes  # NOFORN, French national
    assert not check.ready()


def test_seal_then_open_in_the_recipients_vault(
    parties: tuple[Vault, Vault, Vault], tmp_path: Path
) -> None:
    jane, berlin, paris = parties
    service = SealService(jane, SCHEMES)
    annex = tmp_path / "annex.txt"
    annex.write_text("the annex\n")
    out = tmp_path / "out.cable"
    with pytest.raises(PolicyRefusal, match="Paris"):
        service.seal(CABLE, service.resolve(["Berlin", "Paris"]), out)
    assert not out.exists() and jane.archive.count() == 0
    outcome = service.seal(CABLE, service.resolve(["Berlin"]), out, attachments=[annex])
    assert out.exists() and len(outcome.recipients) == 2  # Berlin and Jane herself
    [sent] = jane.archive.entries(Direction.SENT)
    assert sent.sealed_file and (jane.home.archive / sent.sealed_file).exists()
    assert jane.archive.cable(sent.id).dtg is not None  # sealing released it
    assert jane.audit.entries()[0].event == "cable sealed"
    assert "Berlin" in str(jane.audit.entries()[0].details["to"])

    opener = OpenService(berlin, SCHEMES)
    extracted = tmp_path / "extracted"
    extracted.mkdir()
    result, archive_id = opener.open(out, extract_to=extracted)
    assert result.verdict is Verdict.SIGNER_UNKNOWN and result.ok
    assert archive_id is not None and berlin.archive.count(Direction.RECEIVED) == 1
    assert (extracted / "annex.txt").read_text() == "the annex\n"
    with pytest.raises(InputError, match="already exists"):  # never overwritten
        opener.open(out, extract_to=extracted)
    opener.import_sender_card(result)
    ContactsService(berlin).verify("Jane", "in person")
    assert opener.verify(out).verdict is Verdict.VALID
    assert [e.event for e in berlin.audit.entries()][:1] == ["contact verified"]

    paris_result = OpenService(paris, SCHEMES).verify(out)
    assert paris_result.verdict is Verdict.NOT_DECRYPTABLE and not paris_result.ok


def test_the_sent_copy_reopens_for_the_sender(
    parties: tuple[Vault, Vault, Vault], tmp_path: Path
) -> None:
    jane, _, _ = parties
    service = SealService(jane, SCHEMES)
    out = tmp_path / "x.cable"
    service.seal(CABLE, service.resolve(["Berlin"]), out)
    result, _ = OpenService(jane, SCHEMES).open(out)
    assert result.verdict is Verdict.VALID and jane.archive.count() == 1


def test_errors_block_sealing(parties: tuple[Vault, Vault, Vault], tmp_path: Path) -> None:
    jane, _, _ = parties
    service = SealService(jane, SCHEMES)
    broken = replace(CABLE, paragraphs=(Paragraph("(Q)", "x"),))
    with pytest.raises(ValidationError):
        service.seal(broken, service.resolve(["Berlin"]), tmp_path / "y.cable")
    with pytest.raises(ValidationError, match="recipient"):
        service.seal(CABLE, [], tmp_path / "y.cable")
    assert not (tmp_path / "y.cable").exists()


def test_unverified_contacts_need_confirmation(
    parties: tuple[Vault, Vault, Vault], tmp_path: Path
) -> None:
    jane, _, _ = parties
    service = SealService(jane, SCHEMES)
    unclassified = replace(CABLE, paragraphs=(Paragraph("(U)", "Open text."),), authority=None)
    paris = service.resolve(["Paris"])
    with pytest.raises(PolicyRefusal, match="unverified"):
        service.seal(unclassified, paris, tmp_path / "z.cable")
    service.seal(unclassified, paris, tmp_path / "z.cable", confirmed={paris[0].fingerprint})
    assert (tmp_path / "z.cable").exists()
    assert service.suggested_name(unclassified).startswith("2026-11-24_PARIS_")


# --- the archive keeps exactly the bytes it sealed or verified -----------------------


def _archive_folder(vault: Vault) -> list[str]:
    """Every name in the vault's archive folder, hidden temporary files included."""
    folder = vault.home.archive
    return sorted(os.listdir(folder)) if folder.exists() else []


def _sent_copy(vault: Vault) -> Path:
    [sent] = vault.archive.entries(Direction.SENT)
    assert sent.sealed_file
    return vault.home.archive / sent.sealed_file


def test_sealing_to_dev_null_archives_the_bytes_sealed(
    parties: tuple[Vault, Vault, Vault],
) -> None:
    jane, _, _ = parties
    service = SealService(jane, SCHEMES)
    service.seal(CABLE, service.resolve(["Berlin"]), Path(os.devnull), overwrite=True)
    copy = _sent_copy(jane)
    assert copy.stat().st_size > 1000  # not the 0 bytes /dev/null gives back
    assert OpenService(jane, SCHEMES).verify(copy).verdict is Verdict.VALID


def test_the_sent_copy_is_the_file_written_owner_only(
    parties: tuple[Vault, Vault, Vault], tmp_path: Path
) -> None:
    jane, _, _ = parties
    service = SealService(jane, SCHEMES)
    out = tmp_path / "out.cable"
    service.seal(CABLE, service.resolve(["Berlin"]), out, armor=True)
    copy = _sent_copy(jane)
    assert copy.read_bytes() == out.read_bytes()
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert _archive_folder(jane) == [copy.name]


def test_opening_archives_the_bytes_verified_not_a_file_swapped_since(
    parties: tuple[Vault, Vault, Vault], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    jane, berlin, _ = parties
    service = SealService(jane, SCHEMES)
    verified, other = tmp_path / "a.cable", tmp_path / "b.cable"
    service.seal(CABLE, service.resolve(["Berlin"]), verified)
    second = replace(CABLE, id="5f0c1e2d-0000-4000-8000-00000000beef", subject="OTHER")
    service.seal(second, service.resolve(["Berlin"]), other)
    original = verified.read_bytes()
    real = open_sealed

    def then_swapped(*args: Any, **kwargs: Any) -> Any:
        result = real(*args, **kwargs)
        verified.write_bytes(other.read_bytes())  # replaced on disk after verification
        return result

    monkeypatch.setattr(opening, "open_sealed", then_swapped)
    result, archive_id = OpenService(berlin, SCHEMES).open(verified)
    assert result.ok and archive_id is not None
    [received] = berlin.archive.entries(Direction.RECEIVED)
    assert received.sealed_file is not None
    copy = berlin.home.archive / received.sealed_file
    assert hashlib.sha256(copy.read_bytes()).digest() == hashlib.sha256(original).digest()
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert _archive_folder(berlin) == [copy.name]


def test_no_copy_is_left_after_a_failed_or_cancelled_seal(
    parties: tuple[Vault, Vault, Vault], tmp_path: Path
) -> None:
    jane, _, _ = parties
    service = SealService(jane, SCHEMES)
    berlin = service.resolve(["Berlin"])
    annex = tmp_path / "annex.bin"
    annex.write_bytes(os.urandom(3_000_000))
    out = tmp_path / "out.cable"
    with pytest.raises(Cancelled):
        service.seal(CABLE, berlin, out, attachments=[annex], cancel=lambda: True)

    def broken_disk(done: int) -> None:  # fails once the first bytes went out
        raise InputError("The disk is full.")

    with pytest.raises(InputError, match="disk is full"):
        service.seal(CABLE, berlin, out, attachments=[annex], progress=broken_disk)
    assert not out.exists() and _archive_folder(jane) == [] and jane.archive.count() == 0


def test_no_copy_is_left_after_a_failed_cancelled_or_unstored_opening(
    parties: tuple[Vault, Vault, Vault], tmp_path: Path
) -> None:
    jane, berlin, paris = parties
    sealer = SealService(jane, SCHEMES)
    out = tmp_path / "out.cable"
    sealer.seal(CABLE, sealer.resolve(["Berlin"]), out)
    opener = OpenService(berlin, SCHEMES)
    with pytest.raises(Cancelled):
        opener.open(out, cancel=lambda: True)
    assert opener.open(out, store=False)[1] is None
    result, archive_id = OpenService(paris, SCHEMES).open(out)
    assert result.verdict is Verdict.NOT_DECRYPTABLE and archive_id is None
    tampered = tmp_path / "tampered.cable"
    data = bytearray(out.read_bytes())
    data[-100] ^= 1
    tampered.write_bytes(bytes(data))
    with pytest.raises(CableDeskError):  # the payload's tag fails: not a sealed cable any more
        opener.open(tampered)
    assert _archive_folder(berlin) == [] and _archive_folder(paris) == []
    assert berlin.archive.count() == 0


def test_the_vault_is_not_held_while_the_copy_is_written(
    parties: tuple[Vault, Vault, Vault], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    jane, berlin, _ = parties
    copying = [jane]  # the vault whose copy is being written
    held: list[bool] = []
    write = sealed_files.ArchiveCopy.write

    def empty_transaction() -> None:
        with copying[-1].transaction():
            pass

    def probing(copy: sealed_files.ArchiveCopy, data: bytes | bytearray | memoryview) -> None:
        if len(held) < len(copying):  # once per copy: can another thread write the vault?
            other = threading.Thread(target=empty_transaction, daemon=True)
            other.start()
            other.join(timeout=5)
            held.append(other.is_alive())
        write(copy, data)

    monkeypatch.setattr(sealed_files.ArchiveCopy, "write", probing)
    service = SealService(jane, SCHEMES)
    out = tmp_path / "out.cable"
    service.seal(CABLE, service.resolve(["Berlin"]), out)
    copying.append(berlin)
    OpenService(berlin, SCHEMES).open(out)
    assert held == [False, False]
