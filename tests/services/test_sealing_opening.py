"""Sealing for contacts and opening in another vault, through the services."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from cabledesk.crypto.contact import ContactCard
from cabledesk.domain.cable import Addressee, Authority, Cable, Paragraph
from cabledesk.domain.policy import ReasonCode
from cabledesk.errors import InputError, PolicyRefusal, ValidationError
from cabledesk.seal import Verdict
from cabledesk.services.contacts import ContactsService
from cabledesk.services.identity import IdentityRequest, IdentityService
from cabledesk.services.opening import OpenService
from cabledesk.services.sealing import SealService
from cabledesk.services.vault_access import VaultAccess
from cabledesk.store.archive import Direction
from cabledesk.store.home import VaultHome
from cabledesk.store.keychain import SystemKeychain
from cabledesk.store.vault import Vault
from tests.services.conftest import SCHEMES
from tests.vaultkit import FAST, PASSPHRASE, Clock, MemoryKeyring

CABLE = Cable(
    id="5f0c1e2d-0000-4000-8000-00000000c0de",
    scheme="us",
    precedence="IMMEDIATE",
    originator="AMEMBASSY PARIS",
    action=(Addressee("AMEMBASSY BERLIN"),),
    subject="FRANCE: TALKS ON THE SUMMIT",
    subject_marking="(U)",
    paragraphs=(Paragraph("(U)", "Summary."), Paragraph("(S//NF)", "The minister agreed.")),
    tags=("PREL", "FR"),
    authority=Authority("Jane Doe", ("1.4(b)",), None, "2036-01-01"),
    signature="DOE",
)


def _vault(tmp_path: Path, clock: Clock, name: str, nationality: str, clearance: str) -> Vault:
    access = VaultAccess(
        VaultHome(tmp_path / name), SystemKeychain(MemoryKeyring()), now=clock, kdf=FAST
    )
    vault = access.create(PASSPHRASE)
    IdentityService(vault, SCHEMES).create(
        IdentityRequest(
            name, f"AMEMBASSY {name.upper()}", clearance=clearance, nationality=nationality
        )
    )
    return vault


@pytest.fixture
def parties(vault: Vault, tmp_path: Path, clock: Clock) -> tuple[Vault, Vault, Vault]:
    berlin = _vault(tmp_path, clock, "Berlin", "USA", "SECRET")
    paris = _vault(tmp_path, clock, "Paris", "FRA", "SECRET")
    contacts = ContactsService(vault)
    for other in (berlin, paris):
        card = ContactCard.for_identity(other.identities.active())
        contacts.import_card(card.to_bytes())
    contacts.verify("Berlin", "phone")
    return vault, berlin, paris


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
