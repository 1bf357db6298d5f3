from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import replace

import pytest

from cabledesk.domain.cable import Cable, Paragraph
from cabledesk.errors import PolicyRefusal
from cabledesk.services.drafts import DraftsService
from cabledesk.services.vault_access import VaultAccess
from cabledesk.store.vault import Vault
from tests.services.conftest import SCHEMES
from tests.vaultkit import PASSPHRASE


def _with(cable: Cable, *marks: str) -> Cable:
    return replace(cable, paragraphs=tuple(Paragraph(m, f"text {i}") for i, m in enumerate(marks)))


def test_new_draft_from_the_identity(vault: Vault) -> None:
    service = DraftsService(vault, SCHEMES, new_id=lambda: "draft-0001")
    cable = service.new()
    assert cable.id == "draft-0001" and cable.originator == "AMEMBASSY PARIS"
    assert cable.subject_marking == "(U)" and cable.signature == "DOE"
    assert [d.id for d in service.summaries()] == ["draft-0001"]
    assert vault.audit.entries()[0].event == "draft created"


def test_raising_is_free_lowering_needs_a_reason(vault: Vault) -> None:
    service = DraftsService(vault, SCHEMES)
    cable = service.new()
    secret = _with(cable, "(U)", "(S//NF)")
    assert service.save(secret).banner == "SECRET//NOFORN"
    for lower in (
        _with(cable, "(C//NF)"),
        _with(cable, "(S)"),
        _with(cable, "(S//REL TO USA, GBR)"),
    ):
        assert service.lowering(lower) is not None
        with pytest.raises(PolicyRefusal, match="lowers the draft's classification"):
            service.save(lower)
        assert service.load(cable.id) == secret
    result = service.save(_with(cable, "(C//NF)"), justification="portion 2 was over-classified")
    assert result.banner == "CONFIDENTIAL//NOFORN"
    entry = vault.audit.entries()[0]
    assert entry.event == "classification lowered"
    assert entry.details == {
        "draft": cable.id,
        "from": "SECRET//NOFORN",
        "to": "CONFIDENTIAL//NOFORN",
        "justification": "portion 2 was over-classified",
    }


def test_unparsable_marks_save_without_banner(vault: Vault) -> None:
    service = DraftsService(vault, SCHEMES)
    cable = service.new()
    assert service.save(_with(cable, "(S//NF", "(U)")).banner == ""
    assert service.lowering(_with(cable, "(U)")) is None  # nothing to compare with


def test_delete_and_duplicate(vault: Vault) -> None:
    service = DraftsService(vault, SCHEMES)
    cable = service.new()
    copy = service.duplicate(cable.id)
    assert copy.id != cable.id and len(service.summaries()) == 2
    service.delete(cable.id)
    assert [d.id for d in service.summaries()] == [copy.id]
    assert vault.audit.entries()[0].event == "draft deleted"


def test_a_lowering_saved_just_after_another_windows_save_still_needs_a_reason(
    vault: Vault, vault_access: VaultAccess, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = DraftsService(vault, SCHEMES)
    cable = mine.new()
    mine.save(_with(cable, "(C)"))
    other_window = vault_access.unlock(PASSPHRASE)  # a second session on the same vault
    theirs = DraftsService(other_window, SCHEMES)
    real = vault.transaction

    def after_their_save() -> AbstractContextManager[None]:
        # The other window saves SECRET between this window's check and its write.
        monkeypatch.setattr(vault, "transaction", real)
        theirs.save(_with(cable, "(S)"))
        return real()

    monkeypatch.setattr(vault, "transaction", after_their_save)
    with pytest.raises(PolicyRefusal, match="from SECRET to CONFIDENTIAL"):
        mine.save(_with(cable, "(C)"))  # no reason given
    assert theirs.load(cable.id) == _with(cable, "(S)")
    mine.save(_with(cable, "(C)"), justification="the other window over-classified it")
    assert [e.event for e in other_window.audit.entries(limit=1)] == ["classification lowered"]
    other_window.lock()


def test_a_release_list_is_wider_when_it_admits_more_nationalities(vault: Vault) -> None:
    service = DraftsService(vault, SCHEMES)
    cable = service.new()
    five = _with(cable, "(S//REL TO USA, AUS, CAN, GBR, NZL)")
    assert service.save(five).banner == "SECRET//REL TO USA, AUS, CAN, GBR, NZL"
    assert service.lowering(_with(cable, "(S//REL TO USA, FVEY)")) is None  # the same people
    assert service.lowering(_with(cable, "(S//REL TO USA, GBR)")) is None  # fewer
    assert service.lowering(_with(cable, "(S//REL TO USA, NATO)")) is not None  # more
    assert service.lowering(_with(cable, "(S//NF)")) is None
