"""Stored banners follow the roll-up rules: an opening recomputes those of older rules,
keeps what it replaces, reports what it cannot read, audits once, and survives a crash.

The newer rules are the made-up ones of tests/fake_rollup.py (CONFIDENTIAL becomes
SECRET, ORCON no longer reads; at version 3 SECRET becomes TOP SECRET), so that these
tests do not depend on what the real rules of the day say.
"""

from __future__ import annotations

import os
import signal
import sys
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest

from cabledesk.domain import rollup
from cabledesk.domain.cable import Addressee, Cable, Paragraph, cable_banner
from cabledesk.domain.scheme import SchemeRegistry
from cabledesk.errors import MarkingError, VaultError
from cabledesk.services.drafts import DraftsService
from cabledesk.store import banner_upgrade
from cabledesk.store.archive import Direction
from cabledesk.store.audit import Event
from cabledesk.store.home import VaultHome
from cabledesk.store.search import SearchFilters, search
from cabledesk.store.vault import Vault
from tests import fake_rollup
from tests.vaultkit import FAST, PASSPHRASE, Clock

SCHEMES = SchemeRegistry.load()
US = SCHEMES["us"]
VERIFIED = {"banner": "CONFIDENTIAL", "rollup": 1, "verdict": "valid"}


def _cable(n: int, *marks: str, subject: str = "FRANCE: UPGRADE") -> Cable:
    return Cable(
        id=f"00000000-0000-4000-8000-{n:012d}",
        scheme="us",
        precedence="ROUTINE",
        originator="AMEMBASSY PARIS",
        action=(Addressee("SECSTATE WASHDC"),),
        subject=subject,
        subject_marking="(U)",
        paragraphs=tuple(Paragraph(m, f"Paragraph {i}.") for i, m in enumerate(marks)),
        dtg=datetime(2024, 3, n % 28 + 1, 12, tzinfo=UTC),
        tags=("PREL",),
    )


def _banner(cable: Cable) -> str:
    try:
        return cable_banner(cable, US).banner
    except MarkingError:  # a draft being written: no banner yet
        return ""


def _save_draft(vault: Vault, cable: Cable) -> None:
    vault.drafts.save(cable, _banner(cable), vault.now())


def _archive(vault: Vault, cable: Cable, direction: Direction = Direction.IMPORTED) -> int:
    verification = dict(VERIFIED) if direction is Direction.RECEIVED else None
    return vault.archive.add(
        cable, direction, cable_banner(cable, US), vault.now(), verification=verification
    )


CONFIDENTIAL_DRAFT = _cable(1, "(C)", "(U)")
SECRET_DRAFT = _cable(2, "(S//NF)")
UNFINISHED_DRAFT = _cable(3, "(C)", "(QQ)")  # never parsed: no banner
ORCON_DRAFT = _cable(4, "(S//OC)")
CONFIDENTIAL_CABLE = _cable(11, "(C)")
SECRET_CABLE = _cable(12, "(S)")
ORCON_CABLE = _cable(13, "(S//OC)")


@pytest.fixture(autouse=True)
def rules_of_version_1(monkeypatch: pytest.MonkeyPatch) -> None:
    """Vaults are made and stocked under the (real) rules of version 1, so that the made-up
    versions 2 and 3 are newer whatever the current real rules are."""
    fake_rollup.install(monkeypatch, 1)


@pytest.fixture
def stocked(home: VaultHome, vault: Vault) -> VaultHome:
    """A vault of drafts and archived cables, saved under roll-up rules 1, then locked."""
    for draft in (CONFIDENTIAL_DRAFT, SECRET_DRAFT, UNFINISHED_DRAFT, ORCON_DRAFT):
        _save_draft(vault, draft)
    _archive(vault, CONFIDENTIAL_CABLE, Direction.RECEIVED)
    _archive(vault, SECRET_CABLE)
    _archive(vault, ORCON_CABLE)
    vault.lock()
    return home


def _events(vault: Vault, event: Event) -> list[dict[str, object]]:
    return [e.details for e in vault.audit.entries() if e.event == event]


def _rollup_versions(vault: Vault) -> dict[str, int]:
    drafts = vault.db.query("SELECT subject || ' ' || id, rollup_version FROM drafts")
    entries = vault.db.query("SELECT cable_id, rollup_version FROM archive")
    return {str(k)[-12:]: int(v) for k, v in [*drafts, *entries]}


def test_at_the_current_rules_an_opening_does_nothing(stocked: VaultHome, clock: Clock) -> None:
    with Vault.unlock(stocked, PASSPHRASE, now=clock) as vault:
        assert vault.banner_upgrade is None
        assert not _events(vault, Event.BANNERS_RECOMPUTED)
        assert set(_rollup_versions(vault).values()) == {rollup.ROLLUP_VERSION}


def test_newer_rules_recompute_drafts_and_archive_entries(
    stocked: VaultHome, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_rollup.install(monkeypatch, 2)
    clock.advance(days=1)
    with Vault.unlock(stocked, PASSPHRASE, now=clock) as vault:
        report = vault.banner_upgrade
        assert report is not None
        assert (report.drafts_checked, report.drafts_changed) == (4, 1)
        assert (report.archive_checked, report.archive_changed) == (3, 1)
        assert report.unreadable == [f"draft {ORCON_DRAFT.id}", f"imported cable {ORCON_CABLE.id}"]
        # drafts: the new banner, the old one kept as the version before
        summaries = {d.id: d for d in vault.drafts.summaries()}
        changed = summaries[CONFIDENTIAL_DRAFT.id]
        assert (changed.banner, changed.version, changed.updated) == ("SECRET", 2, clock())
        history = DraftsService(vault, SCHEMES).history(CONFIDENTIAL_DRAFT.id)
        assert [(v.number, v.banner) for v in history] == [(2, "SECRET"), (1, "CONFIDENTIAL")]
        assert vault.drafts.load_version(CONFIDENTIAL_DRAFT.id, 1) == CONFIDENTIAL_DRAFT
        assert summaries[SECRET_DRAFT.id].version == 1  # unchanged: no new version
        assert summaries[UNFINISHED_DRAFT.id].banner == ""
        assert summaries[ORCON_DRAFT.id].banner == "SECRET//ORCON"  # kept, reported
        # archive: banner, level and the level facet; the seal's banner as verified
        entry = vault.archive.find(CONFIDENTIAL_CABLE.id)[0]
        assert (entry.banner, entry.level) == ("SECRET", "SECRET")
        assert entry.verification == VERIFIED
        [before] = vault.archive.banner_history(entry.id)
        assert (before.banner, before.level, before.rollup_version) == (
            "CONFIDENTIAL",
            "CONFIDENTIAL",
            1,
        )
        assert before.replaced == clock()
        secret = search(vault.db, "", SearchFilters(levels=("SECRET",)))
        assert CONFIDENTIAL_CABLE.id in {h.cable_id for h in secret}
        assert not search(vault.db, "", SearchFilters(levels=("CONFIDENTIAL",)))
        assert not search(vault.db, "paragraph", SearchFilters(levels=("CONFIDENTIAL",)))
        assert vault.archive.banner_history(vault.archive.find(SECRET_CABLE.id)[0].id) == []
        assert vault.archive.find(ORCON_CABLE.id)[0].banner == "SECRET//ORCON"
        # versions: recomputed ones at 2; what could not be recomputed stays at 1
        versions = _rollup_versions(vault)
        assert versions.pop(ORCON_DRAFT.id[-12:]) == versions.pop(ORCON_CABLE.id[-12:]) == 1
        assert set(versions.values()) == {2}
        # one audit entry says it all
        [details] = _events(vault, Event.BANNERS_RECOMPUTED)
        assert details == {
            "rollup": 2,
            "drafts": 1,
            "archive": 1,
            "drafts_checked": 4,
            "archive_checked": 3,
            "unreadable": report.unreadable,
            "unreadable_count": 2,
        }
        assert vault.audit.check_chain().ok
        assert vault.db.integrity_check() == "ok"
    with Vault.unlock(stocked, PASSPHRASE, now=clock) as again:  # done once
        assert again.banner_upgrade is None
        assert len(_events(again, Event.BANNERS_RECOMPUTED)) == 1


def test_a_later_version_of_the_rules_recomputes_again(
    stocked: VaultHome, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_rollup.install(monkeypatch, 2)
    Vault.unlock(stocked, PASSPHRASE, now=clock).lock()
    fake_rollup.install(monkeypatch, 3)  # no new code: only the version and its rules
    with Vault.unlock(stocked, PASSPHRASE, now=clock) as vault:
        recomputed = _events(vault, Event.BANNERS_RECOMPUTED)
        assert [(d["rollup"], d["drafts"], d["archive"]) for d in recomputed] == [
            (3, 2, 2),  # the newest first
            (2, 1, 1),
        ]
        entry = vault.archive.find(CONFIDENTIAL_CABLE.id)[0]
        assert (entry.banner, entry.level) == ("TOP SECRET", "TOP SECRET")
        history = vault.archive.banner_history(entry.id)
        assert [(h.banner, h.rollup_version) for h in history] == [
            ("SECRET", 2),
            ("CONFIDENTIAL", 1),
        ]
        banners = [v.banner for v in DraftsService(vault, SCHEMES).history(SECRET_DRAFT.id)]
        assert banners == ["TOP SECRET//NOFORN", "SECRET//NOFORN"]
        # ORCON still does not read: tried again, still reported, still at version 1
        assert recomputed[0]["unreadable_count"] == 2
        assert _rollup_versions(vault)[ORCON_CABLE.id[-12:]] == 1


def test_a_damaged_stored_cable_keeps_its_banner(
    stocked: VaultHome, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Vault.unlock(stocked, PASSPHRASE, now=clock) as vault:
        vault.db.execute(
            "UPDATE archive_cable SET cable = x'00' WHERE id = ?",
            (vault.archive.find(SECRET_CABLE.id)[0].id,),
        )
    fake_rollup.install(monkeypatch, 2)
    with Vault.unlock(stocked, PASSPHRASE, now=clock) as vault:
        assert vault.banner_upgrade is not None
        assert f"imported cable {SECRET_CABLE.id}" in vault.banner_upgrade.unreadable
        assert vault.archive.find(SECRET_CABLE.id)[0].banner == "SECRET"


def test_a_new_vault_has_nothing_to_recompute(home: VaultHome, clock: Clock) -> None:
    Vault.create(home, PASSPHRASE, now=clock, params=FAST).lock()
    with Vault.unlock(home, PASSPHRASE, now=clock) as vault:
        assert not banner_upgrade.needs_upgrade(vault.db)
        assert [e.event for e in vault.audit.entries()] == [Event.VAULT_CREATED]


def test_a_busy_vault_is_upgraded_at_a_later_opening(
    stocked: VaultHome, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_rollup.install(monkeypatch, 2)
    with monkeypatch.context() as busy:

        def refuse(*_: Any, **__: Any) -> None:
            raise VaultError("The vault is busy in another CableDesk window or command.")

        busy.setattr(banner_upgrade, "_finish", refuse)
        with Vault.unlock(stocked, PASSPHRASE, now=clock) as vault:  # opens all the same
            assert vault.banner_upgrade is None
    with Vault.unlock(stocked, PASSPHRASE, now=clock) as vault:
        assert vault.banner_upgrade is not None
        assert len(_events(vault, Event.BANNERS_RECOMPUTED)) == 1
        assert vault.banner_upgrade.archive_changed == 1


# --- a crash in the middle ---------------------------------------------------------

BIG_DRAFTS = 7
BIG_CABLES = 11


@pytest.mark.skipif(sys.platform == "win32", reason="fork and SIGKILL")
@pytest.mark.parametrize("kill_at", [1, 3, 5, 9, 12, 16])
def test_a_crash_in_the_middle_goes_on_at_the_next_opening(
    home: VaultHome, vault: Vault, clock: Clock, monkeypatch: pytest.MonkeyPatch, kill_at: int
) -> None:
    """Killed (SIGKILL) after ``kill_at`` rows of batches of 3: drafts are rows 1–7,
    archive entries 8–18. The next opening finishes, and the audit entry counts
    every change once, the ones committed before the kill included."""
    for n in range(BIG_DRAFTS):
        _save_draft(vault, _cable(100 + n, "(C)" if n % 2 else "(S)"))
    for n in range(BIG_CABLES):
        _archive(vault, _cable(200 + n, "(C)" if n % 3 else "(S)"))
    vault.lock()
    fake_rollup.install(monkeypatch, 2)
    monkeypatch.setattr(banner_upgrade, "BATCH", 3)
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        try:
            rows = 0
            for name in ("_upgrade_draft", "_upgrade_entry"):
                real = getattr(banner_upgrade, name)

                def counting(*args: Any, _real: Any = real, **kwargs: Any) -> None:
                    nonlocal rows
                    rows += 1
                    if rows == kill_at:
                        os.kill(os.getpid(), signal.SIGKILL)
                    _real(*args, **kwargs)

                setattr(banner_upgrade, name, counting)
            Vault.unlock(home, PASSPHRASE, now=clock)
        finally:
            os._exit(1)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    with Vault.unlock(home, PASSPHRASE, now=clock) as vault:
        assert vault.db.integrity_check() == "ok" and vault.audit.check_chain().ok
        [details] = _events(vault, Event.BANNERS_RECOMPUTED)
        changed_drafts = BIG_DRAFTS // 2
        changed_cables = BIG_CABLES - len(range(0, BIG_CABLES, 3))
        assert (details["drafts"], details["archive"]) == (changed_drafts, changed_cables)
        assert (details["drafts_checked"], details["archive_checked"]) == (BIG_DRAFTS, BIG_CABLES)
        assert set(_rollup_versions(vault).values()) == {2}
        # each change kept the old banner exactly once
        kept = vault.db.query("SELECT count(*) FROM draft_versions")[0][0]
        assert kept == changed_drafts
        history = vault.db.query("SELECT count(*) FROM archive_banner_history")[0][0]
        assert history == changed_cables
        assert {d.banner for d in vault.drafts.summaries()} == {"SECRET"}
        assert not vault.db.query("SELECT 1 FROM meta WHERE key = 'banner_upgrade'")


def test_the_draft_records_its_drafting_rules(vault: Vault) -> None:
    _save_draft(vault, SECRET_DRAFT)
    vault.drafts.save(CONFIDENTIAL_DRAFT, "CONFIDENTIAL", vault.now(), rules_version=2)
    assert vault.drafts.rules_version(SECRET_DRAFT.id) == 1
    assert vault.drafts.rules_version(CONFIDENTIAL_DRAFT.id) == 2
    edited = replace(CONFIDENTIAL_DRAFT, subject="FRANCE: EDITED")
    vault.drafts.save(edited, "CONFIDENTIAL", vault.now(), rules_version=3)
    assert vault.drafts.rules_version(CONFIDENTIAL_DRAFT.id) == 2  # kept from its creation
