"""Opening a cable whose id the archive already holds: no copies piling up, no cable of
another signer archived over a genuine one."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from cabledesk.crypto.contact import ContactCard
from cabledesk.domain.cable import Cable, Paragraph
from cabledesk.seal import Verdict
from cabledesk.services.contacts import ContactsService
from cabledesk.services.opening import OpenService
from cabledesk.services.sealing import SealService
from cabledesk.store.archive import Direction
from cabledesk.store.vault import Vault
from tests.services.conftest import CABLE, SCHEMES
from tests.vaultkit import Clock

UNCLASSIFIED = replace(CABLE, paragraphs=(Paragraph("(U)", "Open text."),), authority=None)


def _only_referenced_files(vault: Vault) -> list[str]:
    """The archive folder's files, asserted to be exactly those the archive refers to."""
    folder = vault.home.archive
    present = sorted(os.listdir(folder)) if folder.exists() else []
    assert present == sorted(vault.archive.sealed_files())
    return present


def _sealed(vault: Vault, out: Path, to: str, cable: Cable = CABLE) -> Path:
    service = SealService(vault, SCHEMES)
    recipients = service.resolve([to])
    service.seal(cable, recipients, out, confirmed={r.fingerprint for r in recipients})
    return out


def test_reopening_the_same_file_stores_nothing_again(
    parties: tuple[Vault, Vault, Vault], tmp_path: Path, clock: Clock
) -> None:
    jane, berlin, _ = parties
    out = _sealed(jane, tmp_path / "out.cable", "Berlin")
    opener = OpenService(berlin, SCHEMES)
    _, first = opener.open(out)
    stored = _only_referenced_files(berlin)
    clock.advance(days=2)
    again, second = opener.open(out)
    assert again.ok and second == first
    assert any("Already received on 2026-11-24 09:00 UTC" in w for w in again.warnings)
    assert _only_referenced_files(berlin) == stored and len(stored) == 1
    assert [e.event for e in berlin.audit.entries(limit=2)] == ["cable opened", "cable opened"]


def test_the_same_signers_other_file_replaces_the_entry_and_deletes_the_old_copy(
    parties: tuple[Vault, Vault, Vault], tmp_path: Path
) -> None:
    jane, berlin, _ = parties
    first = _sealed(jane, tmp_path / "first.cable", "Berlin")
    corrected = replace(CABLE, subject="FRANCE: TALKS ON THE SUMMIT (CORRECTED)")
    second = _sealed(jane, tmp_path / "second.cable", "Berlin", corrected)
    opener = OpenService(berlin, SCHEMES)
    _, archive_id = opener.open(first)
    [old_copy] = _only_referenced_files(berlin)
    result, replaced_id = opener.open(second)
    assert archive_id is not None and replaced_id == archive_id
    assert any("replaces the copy" in w for w in result.warnings)
    assert berlin.archive.cable(archive_id).subject.endswith("(CORRECTED)")
    [new_copy] = _only_referenced_files(berlin)
    assert new_copy != old_copy
    # The sender's archive, too, keeps one sent entry and one copy.
    assert jane.archive.count(Direction.SENT) == 1
    assert len(_only_referenced_files(jane)) == 1


def test_a_cable_from_another_signer_never_replaces_the_archived_one(
    parties: tuple[Vault, Vault, Vault], tmp_path: Path
) -> None:
    jane, berlin, paris = parties
    ContactsService(paris).import_card(
        ContactCard.for_identity(berlin.identities.active()).to_bytes()
    )
    genuine = _sealed(jane, tmp_path / "genuine.cable", "Berlin", UNCLASSIFIED)
    forged = replace(UNCLASSIFIED, subject="FRANCE: SEND THE FILES TO PARIS")
    forgery = _sealed(paris, tmp_path / "forgery.cable", "Berlin", forged)  # same cable id
    opener = OpenService(berlin, SCHEMES)
    _, archive_id = opener.open(genuine)
    [kept] = _only_referenced_files(berlin)

    result, none = opener.open(forgery)
    assert none is None
    assert result.verdict is Verdict.SIGNER_UNKNOWN  # still shown, as it is
    assert result.cable is not None and result.cable.subject == forged.subject
    [note] = [w for w in result.warnings if w.startswith("Not archived")]
    assert "received on 2026-11-24 09:00 UTC from Jane Doe" in note
    assert archive_id is not None
    assert berlin.archive.cable(archive_id).subject == UNCLASSIFIED.subject
    assert _only_referenced_files(berlin) == [kept]
    assert berlin.audit.entries(limit=1)[0].details["signer"] == (
        paris.identities.active().fingerprint
    )


def test_opening_ones_own_sent_cable_keeps_the_copy_as_sealed(
    parties: tuple[Vault, Vault, Vault], tmp_path: Path
) -> None:
    jane, _, _ = parties
    out = _sealed(jane, tmp_path / "out.cable", "Berlin")
    [sealed] = _only_referenced_files(jane)
    result, archive_id = OpenService(jane, SCHEMES).open(out)
    assert result.verdict is Verdict.VALID
    assert archive_id == jane.archive.entries(Direction.SENT)[0].id
    assert any("as you sealed it" in w for w in result.warnings)
    assert _only_referenced_files(jane) == [sealed]


@pytest.mark.parametrize("store", [True, False])
def test_a_first_opening_says_nothing_of_the_archive(
    parties: tuple[Vault, Vault, Vault], tmp_path: Path, store: bool
) -> None:
    jane, berlin, _ = parties
    out = _sealed(jane, tmp_path / "out.cable", "Berlin")
    result, archive_id = OpenService(berlin, SCHEMES).open(out, store=store)
    assert not result.warnings and (archive_id is not None) is store
    assert len(_only_referenced_files(berlin)) == int(store)


def test_a_file_that_does_not_open_is_in_the_audit_log(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 19, point 13: a file that cannot be opened at all leaves an entry with its
    name and why; a cancelled opening does not."""
    from cabledesk.errors import CableDeskError, Cancelled

    junk = tmp_path / "junk.cable"
    junk.write_bytes(b"age-encryption.org/v1\n-> X25519 nonsense\n")
    opening = OpenService(vault, SCHEMES)
    with pytest.raises(CableDeskError) as refused:
        opening.open(junk)
    [entry] = [e for e in vault.audit.entries() if e.event == "cable open failed"]
    assert entry.details == {"file": "junk.cable", "reason": refused.value.message}

    def cancelled(*_args: object, **_kwargs: object) -> None:
        raise Cancelled("Cancelled.")

    monkeypatch.setattr(opening, "_open", cancelled)
    with pytest.raises(Cancelled):
        opening.open(junk)
    assert len([e for e in vault.audit.entries() if e.event == "cable open failed"]) == 1


def test_opening_notes_the_version_the_archive_held_before(
    parties: tuple[Vault, Vault, Vault], tmp_path: Path
) -> None:
    """Issue 18's clearer's view: what changed since the version last received."""
    jane, berlin, paris = parties
    ContactsService(paris).import_card(
        ContactCard.for_identity(berlin.identities.active()).to_bytes()
    )
    first = _sealed(jane, tmp_path / "first.cable", "Berlin", UNCLASSIFIED)
    corrected = replace(UNCLASSIFIED, subject="FRANCE: TALKS ON THE SUMMIT (CORRECTED)")
    second = _sealed(jane, tmp_path / "second.cable", "Berlin", corrected)
    other = _sealed(paris, tmp_path / "other.cable", "Berlin", UNCLASSIFIED)  # same id
    opener = OpenService(berlin, SCHEMES)
    _, _, none = opener.open_noting_previous(first)
    assert none is None  # the first version received
    _, _, before = opener.open_noting_previous(second)
    assert before is not None and before.cable.subject == UNCLASSIFIED.subject
    _, _, same = opener.open_noting_previous(second)
    assert same is not None and same.cable.subject == corrected.subject
    _, _, not_theirs = opener.open_noting_previous(other)  # another signer's: not compared
    assert not_theirs is None
    _, _, unstored = opener.open_noting_previous(second, store=False)
    assert unstored is None
