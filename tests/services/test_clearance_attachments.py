"""A draft sent for clearance with attachments (docs/CLEARANCE.md, "What a clearance
covers": the attachment list, names, sizes and SHA-256, is included; sealing fills in DTG
and serial without voiding it; adding or removing an attachment voids it). The request
carries the files; at sealing, the files must be those cleared: one test per change."""

# ruff: noqa: F811  (the desk fixture, imported from the attacks module, is each test's argument)
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from cabledesk.domain.cable import Attachment
from cabledesk.domain.clearance import clearance_sha256
from cabledesk.errors import InputError, PolicyRefusal
from cabledesk.seal import Statement
from cabledesk.services.contacts import ContactsService
from cabledesk.services.opening import OpenService
from cabledesk.services.sealing import SealService
from cabledesk.store.settings import APPROVAL_REQUIRED_FROM
from tests.services.conftest import CABLE, SCHEMES
from tests.services.test_clearance_attacks import (
    ANNA,
    KLAUS,
    MARY,
    Desk,
    desk,  # noqa: F401  (the fixture)
)


def _files(desk: Desk) -> list[Path]:
    annex = desk.folder / "annex.pdf"
    annex.write_bytes(b"%PDF-1.4 the minister's letter\n")
    notes = desk.folder / "notes.txt"
    notes.write_text("Talking points.\n")
    return [annex, notes]


def _request_with(desk: Desk, files: list[Path]) -> Path:
    contacts = ContactsService(desk.vault)
    draft = desk.vault.drafts.load(CABLE.id)
    listed = replace(
        draft, attachments=(Attachment("annex.pdf", "Letter"), Attachment("notes.txt"))
    )
    out = desk.folder / "request-attached.cable"
    desk.service.request(
        listed,
        [contacts.find_one(p.name) for p in (KLAUS, MARY)],
        out,
        approvers=[contacts.find_one(ANNA.name)],
        attachments=files,
        overwrite=True,
    )
    return out


@pytest.fixture
def approved(desk: Desk) -> tuple[Desk, list[Path]]:
    """The draft sent with two attachments, cleared by Klaus, approved by Anna; approval
    required from SECRET."""
    files = _files(desk)
    _request_with(desk, files)
    desk.service.receive(desk.answer(KLAUS, "cleared", name="klaus.cable"))
    desk.service.receive(desk.answer(ANNA, "approved", name="anna.cable"))
    desk.vault.settings.set(APPROVAL_REQUIRED_FROM, "SECRET")
    return desk, files


def _seal(desk: Desk, files: list[Path]) -> Path:
    out = desk.folder / "released.cable"
    draft = desk.vault.drafts.load(CABLE.id)
    klaus = ContactsService(desk.vault).find_one(KLAUS.name)
    SealService(desk.vault, SCHEMES).seal(draft, [klaus], out, attachments=files)
    return out


def _refused(desk: Desk, files: list[Path], words: str) -> None:
    with pytest.raises(PolicyRefusal, match=words):
        _seal(desk, files)
    assert not (desk.folder / "released.cable").exists()
    assert desk.vault.drafts.exists(CABLE.id)
    (entry,) = desk.vault.audit.entries(limit=1)
    assert entry.event == "release refused" and words.split()[0] in str(entry.details["reason"])


def test_the_request_carries_the_files_and_the_clearance_covers_their_hashes(
    desk: Desk,
) -> None:
    files = _files(desk)
    request = _request_with(desk, files)
    draft = desk.vault.drafts.load(CABLE.id)
    assert [(a.name, a.size) for a in draft.attachments] == [
        ("annex.pdf", files[0].stat().st_size),
        ("notes.txt", files[1].stat().st_size),
    ]
    assert all(a.sha256 for a in draft.attachments) and draft.attachments[0].description == "Letter"
    read = OpenService(desk.vault, SCHEMES).verify(request)
    assert read.ok
    assert sorted(f.name for f in read.files if f.path.startswith("attachments/")) == [
        "annex.pdf",
        "notes.txt",
    ]
    (drafted,) = read.statements
    assert drafted.matches_cable
    assert Statement.parse(drafted.data or b"").text_sha256 == clearance_sha256(draft)


def test_a_draft_listing_attachments_without_their_files_is_refused(desk: Desk) -> None:
    with pytest.raises(InputError, match="carries their files"):
        _request_with(desk, [])


def test_sealing_the_cleared_attachments_carries_the_clearances(
    approved: tuple[Desk, list[Path]],
) -> None:
    desk, files = approved
    read = OpenService(desk.vault, SCHEMES).verify(_seal(desk, files))
    assert read.ok
    roles = sorted(str(s.role) for s in read.statements if s.matches_cable)
    assert roles == ["approved", "cleared", "drafted"]


def test_attachment_swapped_after_clearance(approved: tuple[Desk, list[Path]]) -> None:
    desk, files = approved
    files[0].write_bytes(b"%PDF-1.4 another letter\n")
    _refused(desk, files, "annex.pdf is not the file cleared")


def test_attachment_added_after_clearance(approved: tuple[Desk, list[Path]]) -> None:
    desk, files = approved
    extra = desk.folder / "map.png"
    extra.write_bytes(b"\x89PNG")
    _refused(desk, [*files, extra], "map.png was added")


def test_attachment_removed_after_clearance(approved: tuple[Desk, list[Path]]) -> None:
    desk, files = approved
    _refused(desk, files[:1], "notes.txt was removed")


def test_attachment_renamed_after_clearance(approved: tuple[Desk, list[Path]]) -> None:
    desk, files = approved
    renamed = files[0].rename(desk.folder / "letter.pdf")
    _refused(desk, [renamed, files[1]], "annex.pdf was renamed letter.pdf")


def test_without_approval_required_a_changed_attachment_drops_the_clearances(
    approved: tuple[Desk, list[Path]],
) -> None:
    desk, files = approved
    desk.vault.settings.set(APPROVAL_REQUIRED_FROM, "")  # off
    files[1].write_text("Other talking points.\n")
    read = OpenService(desk.vault, SCHEMES).verify(_seal(desk, files))
    assert read.ok and not read.statements  # none of them covers what was sealed
