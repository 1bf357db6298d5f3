"""A draft's history: versions listed, compared line by line, restored as a new version."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from cabledesk.domain.cable import Cable, Paragraph
from cabledesk.domain.validation import RULES_VERSION
from cabledesk.errors import PolicyRefusal, VaultError
from cabledesk.services.draft_history import Change, DiffLine, cable_lines, diff_lines
from cabledesk.services.drafts import DraftsService
from cabledesk.store.vault import Vault
from tests.services.conftest import SCHEMES
from tests.vaultkit import Clock


def _three_versions(service: DraftsService, clock: Clock) -> Cable:
    """A draft saved three times, a minute apart: (U) → (U)+(C) → subject changed."""
    cable = service.new()  # version 1
    clock.advance(minutes=1)
    second = replace(
        cable,
        subject="FRANCE: TALKS",
        paragraphs=(Paragraph("(U)", "Opening."), Paragraph("(C)", "The minister said so.")),
    )
    service.save(second)  # version 2
    clock.advance(minutes=1)
    third = replace(second, subject="FRANCE: TALKS RESUME")
    service.save(third)  # version 3
    return third


def test_history_lists_every_version_the_current_first(vault: Vault, clock: Clock) -> None:
    service = DraftsService(vault, SCHEMES)
    start = clock.now
    cable = _three_versions(service, clock)
    history = service.history(cable.id)
    assert [(v.number, v.current) for v in history] == [(3, True), (2, False), (1, False)]
    minute = timedelta(minutes=1)
    assert [v.saved for v in history] == [start + 2 * minute, start + minute, start]
    assert [v.subject for v in history] == [
        "(U) FRANCE: TALKS RESUME", "(U) FRANCE: TALKS", "(U)",
    ]  # fmt: skip
    assert [v.banner for v in history] == ["CONFIDENTIAL", "CONFIDENTIAL", "UNCLASSIFIED"]
    assert service.version(cable.id, 1).paragraphs == (Paragraph("(U)", ""),)
    with pytest.raises(VaultError, match="not kept"):
        service.version(cable.id, 9)
    with pytest.raises(VaultError, match="no draft"):
        service.history("no-such-draft")


def test_compare_marks_what_changed_portion_marks_included(vault: Vault, clock: Clock) -> None:
    service = DraftsService(vault, SCHEMES)
    cable = _three_versions(service, clock)
    now = replace(
        cable, paragraphs=(Paragraph("(U)", "Opening."), Paragraph("(S)", "The minister said so."))
    )
    lines = service.compare(cable.id, 2, now)
    changed = [str(line) for line in lines if line.change is not Change.SAME]
    assert changed == [
        "- BANNER: CONFIDENTIAL",
        "+ BANNER: SECRET",
        "- SUBJECT: (U) FRANCE: TALKS",
        "+ SUBJECT: (U) FRANCE: TALKS RESUME",
        "- 2. (C) The minister said so.",
        "+ 2. (S) The minister said so.",
    ]
    assert "  1. (U) Opening." in [str(line) for line in lines]
    assert all(line.change is Change.SAME for line in service.compare(cable.id, 3, cable))


def test_restore_saves_the_version_as_a_new_one_and_audits_it(vault: Vault, clock: Clock) -> None:
    service = DraftsService(vault, SCHEMES)
    cable = _three_versions(service, clock)
    clock.advance(minutes=5)
    saved = service.restore(cable.id, 2)
    assert saved.version == 4 and saved.saved == clock.now
    assert saved.cable.subject == "FRANCE: TALKS" and service.load(cable.id) == saved.cable
    assert [v.number for v in service.history(cable.id)] == [4, 3, 2, 1]  # nothing lost
    assert service.version(cable.id, 3).subject == "FRANCE: TALKS RESUME"
    entry = vault.audit.entries(limit=1)[0]
    assert (entry.event, entry.details) == (
        "draft restored", {"draft": cable.id, "version": 2, "saved_as": 4},
    )  # fmt: skip
    with pytest.raises(VaultError, match="already the draft's current version"):
        service.restore(cable.id, 4)


def test_restoring_a_lower_version_needs_a_reason(vault: Vault, clock: Clock) -> None:
    service = DraftsService(vault, SCHEMES)
    cable = _three_versions(service, clock)  # CONFIDENTIAL now, UNCLASSIFIED in version 1
    before = len(vault.audit.entries())
    with pytest.raises(PolicyRefusal, match="lowers the draft's classification"):
        service.restore(cable.id, 1)
    assert service.load(cable.id) == cable and len(vault.audit.entries()) == before
    saved = service.restore(cable.id, 1, justification="the second paragraph was wrong")
    assert saved.version == 4
    events = [e.event for e in vault.audit.entries(limit=2)]
    assert events == ["draft restored", "classification lowered"]


def test_a_draft_is_found_by_the_beginning_of_its_id(vault: Vault) -> None:
    ids = iter(["0a1b2c3d-1", "0a1b2c3d-2", "99887766-1"])
    service = DraftsService(vault, SCHEMES, new_id=lambda: next(ids))
    for _ in range(3):
        service.new()
    assert service.find_id("9988") == "99887766-1"
    assert service.find_id("0A1B2C3D-2") == "0a1b2c3d-2"
    with pytest.raises(VaultError, match="2 drafts match"):
        service.find_id("0a1b")
    with pytest.raises(VaultError, match="No draft matches"):
        service.find_id("998")  # too short to be taken as a beginning
    with pytest.raises(VaultError, match="No draft matches"):
        service.find_id("ffff")


def test_cable_lines_read_as_on_paper() -> None:
    cable = Cable(
        id="c1", scheme="us", precedence="ROUTINE", originator="AMEMBASSY PARIS",
        action=(), subject="TALKS", subject_marking="(U)",
        paragraphs=(Paragraph("(S//NF)", "First line\nsecond line"), Paragraph("(U)", "Two.")),
        tags=("PREL",), signature="DOE",
    )  # fmt: skip
    assert cable_lines(cable, "SECRET//NOFORN") == [
        "BANNER: SECRET//NOFORN", "PRECEDENCE: ROUTINE", "FM: AMEMBASSY PARIS", "TAGS: PREL",
        "SUBJECT: (U) TALKS", "", "1. (S//NF) First line", "   second line", "2. (U) Two.",
        "", "DOE",
    ]  # fmt: skip


def test_diff_lines_keep_every_line_in_order() -> None:
    assert diff_lines(["a", "b", "c"], ["a", "B", "c", "d"]) == [
        DiffLine(Change.SAME, "a"),
        DiffLine(Change.REMOVED, "b"),
        DiffLine(Change.ADDED, "B"),
        DiffLine(Change.SAME, "c"),
        DiffLine(Change.ADDED, "d"),
    ]
    assert diff_lines([], []) == []


@pytest.fixture
def rules_1(monkeypatch: pytest.MonkeyPatch) -> None:
    """The vault made and the draft saved under the (real) roll-up rules of version 1, so
    that the made-up version 2 is newer whatever the current real rules are."""
    from tests import fake_rollup

    fake_rollup.install(monkeypatch, 1)


def test_a_banner_recomputed_by_newer_rules_shows_in_the_history(
    rules_1: None, vault: Vault, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The content stays; the version before the recomputation keeps its banner, and
    comparing with it shows the change of banner alone."""
    from cabledesk.store.banner_upgrade import upgrade_banners
    from tests import fake_rollup

    service = DraftsService(vault, SCHEMES)
    cable = _three_versions(service, clock)
    fake_rollup.install(monkeypatch, 2)  # CONFIDENTIAL becomes SECRET
    clock.advance(minutes=1)
    upgrade_banners(vault.db, vault.audit, SCHEMES.get_scheme, vault.now)
    history = service.history(cable.id)
    assert [(v.number, v.banner) for v in history] == [
        (4, "SECRET"),
        (3, "CONFIDENTIAL"),
        (2, "CONFIDENTIAL"),
        (1, "UNCLASSIFIED"),
    ]
    assert service.current(cable.id).cable == service.version(cable.id, 3) == cable
    changed = [
        str(line) for line in service.compare(cable.id, 3, cable) if line.change is not Change.SAME
    ]
    assert changed[0] == "- BANNER: CONFIDENTIAL"


def test_a_draft_keeps_the_drafting_rules_it_was_created_under(vault: Vault) -> None:
    from cabledesk.services import drafts as drafts_module

    service = DraftsService(vault, SCHEMES)
    old = service.new()
    assert service.rules_version(old.id) == service.current(old.id).rules_version
    assert service.rules_version(old.id) == RULES_VERSION
    later = RULES_VERSION + 1
    with pytest.MonkeyPatch.context() as newer:
        newer.setattr(drafts_module, "NEW_DRAFT_RULES", later)
        new = service.new()
        service.save(replace(old, subject="EDITED UNDER LATER RULES"))
        copy = service.duplicate(old.id)
    assert service.rules_version(new.id) == service.current(new.id).rules_version == later
    assert service.rules_version(copy.id) == later  # a new draft
    assert service.rules_version(old.id) == RULES_VERSION  # its own, whatever the edits
    with pytest.raises(VaultError, match="no draft"):
        service.rules_version("no-such-draft")
