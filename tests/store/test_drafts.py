from __future__ import annotations

from dataclasses import replace

import pytest

from cabledesk.domain.cable import Addressee, Cable, Paragraph
from cabledesk.errors import VaultError
from cabledesk.store.drafts import DraftStore
from cabledesk.store.settings import DRAFT_HISTORY_LIMIT
from cabledesk.store.vault import Vault
from tests.vaultkit import Clock

CABLE = Cable(
    id="7d1f0c2e-0000-4000-8000-000000000001",
    scheme="us",
    precedence="ROUTINE",
    originator="AMEMBASSY PARIS",
    action=(Addressee("SECSTATE WASHDC"),),
    subject="FRANCE: DRAFT",
    subject_marking="(U)",
    paragraphs=(Paragraph("(U)", "First version."),),
)


def _edit(cable: Cable, text: str) -> Cable:
    return replace(cable, paragraphs=(Paragraph("(C)", text),))


def test_save_load_versions(vault: Vault, clock: Clock) -> None:
    drafts = vault.drafts
    assert drafts.save(CABLE, "UNCLASSIFIED", clock()) == 1
    assert drafts.save(CABLE, "UNCLASSIFIED", clock()) == 1  # unchanged: no new version
    clock.advance(seconds=5)
    second = _edit(CABLE, "Second version.")
    assert drafts.save(second, "CONFIDENTIAL", clock()) == 2
    assert drafts.load(CABLE.id) == second
    assert drafts.load_version(CABLE.id, 1) == CABLE
    assert drafts.load_version(CABLE.id, 2) == second
    with pytest.raises(VaultError, match="not kept"):
        drafts.load_version(CABLE.id, 7)
    [summary] = drafts.summaries()
    assert (summary.banner, summary.version, summary.updated) == ("CONFIDENTIAL", 2, clock())
    assert [v for v, _ in drafts.versions(CABLE.id)] == [1]
    drafts.delete(CABLE.id)
    assert drafts.summaries() == [] and drafts.versions(CABLE.id) == []
    with pytest.raises(VaultError, match="no draft"):
        drafts.load(CABLE.id)


def test_history_is_capped(vault: Vault, clock: Clock) -> None:
    vault.settings.set(DRAFT_HISTORY_LIMIT, 3)
    drafts = vault.drafts
    for i in range(10):
        clock.advance(seconds=1)
        drafts.save(_edit(CABLE, f"version {i}"), "CONFIDENTIAL", clock())
    assert [v for v, _ in drafts.versions(CABLE.id)] == [9, 8, 7]
    assert drafts.load_version(CABLE.id, 7).paragraphs[0].text == "version 6"


def test_a_failed_save_leaves_the_previous_version(vault: Vault, clock: Clock) -> None:
    drafts = DraftStore(vault.db)
    drafts.save(CABLE, "UNCLASSIFIED", clock())

    class Boom(Exception):
        pass

    with pytest.raises(Boom), vault.transaction():
        drafts.save(_edit(CABLE, "half"), "CONFIDENTIAL", clock())
        raise Boom
    assert drafts.load(CABLE.id) == CABLE and drafts.versions(CABLE.id) == []
