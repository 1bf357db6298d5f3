"""Issue 16: the release policy uses attested attributes where a trusted security office
attests them, says which it used, and — from the ``attested-from`` level on (default:
off while no anchor is trusted, CONFIDENTIAL once one is) — refuses recipients whose
clearance and nationality are only self-declared, saying how to fix it."""

from __future__ import annotations

import pytest

from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.keys import Identity
from cabledesk.domain.policy import ReasonCode
from cabledesk.errors import MarkingError
from cabledesk.services.contacts import ContactsService
from cabledesk.services.directory import DirectoryService
from cabledesk.services.sealing import SealService
from cabledesk.services.settings import SettingsService
from cabledesk.store.vault import Vault
from tests.crypto.dirkit import ANCHOR, directory, entry
from tests.services.conftest import CABLE, SCHEMES

# Claims CONFIDENTIAL on its own card; the office attests SECRET.
ROME = Identity.generate("Bob Smith", "AMEMBASSY ROME", clearance="CONFIDENTIAL", nationality="USA")


def _decision(vault: Vault, name: str):  # type: ignore[no-untyped-def]
    service = SealService(vault, SCHEMES)
    [(_, profile, decision)] = service.check(CABLE, service.resolve([name])).decisions
    return profile, decision


def _attest(vault: Vault, *people: Identity, clearance: str = "SECRET") -> None:
    service = DirectoryService(vault)
    service.trust(ANCHOR, "handed over by the security officer")
    cards = [entry(ContactCard.for_identity(p), clearance=clearance) for p in people]
    service.import_directory(directory(cards).to_bytes())


def test_policy_uses_the_attested_clearance_and_says_which(vault: Vault) -> None:
    ContactsService(vault).import_card(ContactCard.for_identity(ROME).to_bytes())
    _, decision = _decision(vault, "Bob Smith")
    assert ReasonCode.CLEARANCE_TOO_LOW in decision.codes  # its card says CONFIDENTIAL
    _attest(vault, ROME)
    profile, decision = _decision(vault, "Bob Smith")
    assert decision.allowed and not decision.needs_confirmation, decision.messages
    basis = [p.render() for p in profile.basis()]
    assert "clearance SECRET, attested by MFA SECURITY OFFICE on 2026-12-01" in basis
    assert "nationality USA, attested by MFA SECURITY OFFICE on 2026-12-01" in basis


def test_attested_attribute_lowered_by_a_newer_directory_applies_at_once(vault: Vault) -> None:
    ContactsService(vault).import_card(ContactCard.for_identity(ROME).to_bytes())
    _attest(vault, ROME)
    lowered = directory([entry(ContactCard.for_identity(ROME), clearance="CONFIDENTIAL")], serial=2)
    DirectoryService(vault).import_directory(lowered.to_bytes())
    _, decision = _decision(vault, "Bob Smith")
    assert ReasonCode.CLEARANCE_TOO_LOW in decision.codes


def test_self_declared_attributes_are_refused_once_an_anchor_is_trusted(
    parties: tuple[Vault, Vault, Vault],
) -> None:
    jane, _, _ = parties  # Jane verified Berlin herself: its claims are its own
    _, decision = _decision(jane, "Berlin")
    assert decision.allowed  # no anchor trusted: attested-from is off
    DirectoryService(jane).trust(ANCHOR, "handed over")
    profile, decision = _decision(jane, "Berlin")
    assert ReasonCode.SELF_DECLARED in decision.codes and not decision.allowed
    [text] = [r.text for r in decision.reasons if r.code is ReasonCode.SELF_DECLARED]
    assert "only self-declared" in text and "from CONFIDENTIAL on" in text
    assert "Import the directory that attests them, or change attested-from" in text
    assert profile.basis()[0].render() == "clearance SECRET, self-declared"


def test_attested_from_off_or_above_the_cable_lets_self_declared_pass(
    parties: tuple[Vault, Vault, Vault],
) -> None:
    jane, _, _ = parties
    DirectoryService(jane).trust(ANCHOR, "handed over")
    settings = SettingsService(jane, SCHEMES)
    settings.set("attested-from", "TOP SECRET")
    assert _decision(jane, "Berlin")[1].allowed
    settings.set("attested-from", "off")
    assert _decision(jane, "Berlin")[1].allowed
    settings.set("attested-from", "default")
    assert not _decision(jane, "Berlin")[1].allowed
    assert settings.text("attested-from") == "default"


def test_attested_from_takes_a_level_of_the_users_scheme(vault: Vault) -> None:
    settings = SettingsService(vault, SCHEMES)
    assert settings.set("attested-from", "secret").value == "SECRET"
    with pytest.raises(MarkingError):
        settings.set("attested-from", "VERY SECRET")
