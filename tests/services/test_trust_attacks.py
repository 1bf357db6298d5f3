"""The identity-layer attacks of the security review, each a regression test named
after it: key substitution by an unsigned card, card updates and rollbacks, and
impersonation by name (docs/SECURITY.md, "Trust model")."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.keys import Identity
from cabledesk.domain.policy import ReasonCode
from cabledesk.domain.trust import TrustState
from cabledesk.errors import ContactError
from cabledesk.seal import Verdict, Verification
from cabledesk.services.contacts import ContactsService, ImportStatus
from cabledesk.services.opening import OpenService
from cabledesk.services.sealing import SealService
from cabledesk.store.vault import Vault
from tests.services.conftest import CABLE, SCHEMES, party_vault
from tests.vaultkit import Clock


def _raw_contact(vault: Vault, person: Identity) -> ContactsService:
    contacts = ContactsService(vault)
    contacts.add_from_keys(
        name=person.name,
        age_recipient=str(person.public().encryption),
        ssh_key=person.public().ssh_line(),
        clearance="SECRET",
        nationality="USA",
    )
    return contacts


def _decision(vault: Vault, name: str):  # type: ignore[no-untyped-def]
    service = SealService(vault, SCHEMES)
    check = service.check(CABLE, service.resolve([name]))
    [(_, profile, decision)] = check.decisions
    return profile, decision


# --- 1. key substitution by an unsigned card ------------------------------------------


def test_key_substitution_by_an_unsigned_card(vault: Vault) -> None:
    person = Identity.generate("Bob Smith", "AMEMBASSY ROME", nationality="USA")
    contacts = _raw_contact(vault, person)
    contacts.verify("Bob Smith", "phone", age_recipient=str(person.public().encryption))
    attacker = Identity.generate("x", "y").public().encryption
    forged = ContactCard.from_public_keys(
        name="Bob Smith",
        age_recipient=str(attacker),
        ssh_key=person.public().ssh_line(),
        clearance="TOP SECRET",
        nationality="USA",
    )
    with pytest.raises(ContactError, match="not signed by its owner's key"):
        contacts.import_card(forged.to_bytes())
    bob = contacts.find_one("Bob Smith")
    assert bob.card.keys.encryption == person.public().encryption
    assert bob.trust.state is TrustState.VERIFIED and bob.card.clearance == "SECRET"


def test_a_card_without_self_signature_is_refused_even_for_a_stranger(vault: Vault) -> None:
    person = Identity.generate("Carol", "AMEMBASSY OSLO")
    unsigned = ContactCard.from_public_keys(
        name="Carol", age_recipient=str(person.public().encryption),
        ssh_key=person.public().ssh_line(),
    )  # fmt: skip
    with pytest.raises(ContactError, match="not signed"):
        ContactsService(vault).import_card(unsigned.to_bytes())
    assert ContactsService(vault).all() == []


def test_raw_key_verification_covers_both_keys(vault: Vault) -> None:
    person = Identity.generate("Bob Smith", "AMEMBASSY ROME")
    contacts = _raw_contact(vault, person)
    bob = contacts.find_one("Bob")
    # the number shown covers both keys: not the signing key's alone
    assert bob.card.safety_number != ContactCard.for_identity(person).safety_number
    with pytest.raises(ContactError, match="age recipient must be compared"):
        contacts.verify("Bob", "phone")
    other = str(Identity.generate("x", "y").public().encryption)
    with pytest.raises(ContactError, match="not the one stored"):
        contacts.verify("Bob", "phone", age_recipient=other)
    with pytest.raises(ContactError, match="safety number you compared"):
        contacts.verify("Bob", "phone", safety_number="00000 " * 12)
    assert contacts.find_one("Bob").trust.state is TrustState.UNVERIFIED
    done = contacts.verify("Bob", "phone", safety_number=bob.card.safety_number)
    assert done.trust.state is TrustState.VERIFIED and done.keys_verified


def test_a_raw_key_contact_changes_keys_only_by_a_card_its_own_key_signs(vault: Vault) -> None:
    person = Identity.generate("Bob Smith", "AMEMBASSY ROME", nationality="USA")
    contacts = _raw_contact(vault, person)
    contacts.verify("Bob", "phone", age_recipient=str(person.public().encryption))
    new_key = Identity.generate("x", "y").encryption_key
    card = ContactCard.for_identity(replace(person, encryption_key=new_key, clearance="SECRET"))
    outcome = contacts.import_card(card.to_bytes())
    assert outcome.status is ImportStatus.UPDATED and outcome.keys_before is not None
    assert outcome.contact.trust.state is TrustState.VERIFIED and outcome.contact.keys_verified
    assert outcome.contact.card.keys.encryption == new_key.recipient()


def test_a_card_of_another_identity_key_under_a_verified_name_is_another_person(
    vault: Vault,
) -> None:
    alice = Identity.generate("Alice Adams", "AMEMBASSY PARIS", nationality="USA")
    contacts = ContactsService(vault)
    contacts.import_card(ContactCard.for_identity(alice).to_bytes())
    contacts.verify("Alice", "in person")
    impostor = Identity.generate("Alice  Adams", "AMEMBASSY PARIS", nationality="USA")
    outcome = contacts.import_card(ContactCard.for_identity(impostor).to_bytes())
    assert outcome.status is ImportStatus.NEW and outcome.replaced is not None
    new = outcome.contact
    assert new.trust.state is TrustState.UNVERIFIED and new.keys_changed
    assert new.fingerprint != alice.fingerprint
    [earlier] = vault.contacts.history(new.fingerprint)  # the old keys, in its history
    assert earlier.card.fingerprint == alice.fingerprint
    assert "keys changed since you verified them" in earlier.reason
    original = contacts.get(alice.fingerprint)
    assert original is not None and original.trust.state is TrustState.VERIFIED
    assert contacts.known_as(new.fingerprint).keys_changed  # type: ignore[union-attr]
    entry = vault.audit.entries()[0]
    assert entry.details["keys_changed_from"] == alice.fingerprint


def test_export_of_a_raw_key_contact_writes_its_public_keys(vault: Vault, tmp_path: Path) -> None:
    person = Identity.generate("Bob Smith", "AMEMBASSY ROME")
    contacts = _raw_contact(vault, person)
    out = tmp_path / "bob.txt"
    contacts.export_card("Bob", out)
    keys = person.public()
    assert out.read_text() == f"{keys.encryption}\n{keys.ssh_line()}\n"


# --- 2. card updates and rollbacks ----------------------------------------------------


def _gbr(vault: Vault, clock: Clock) -> tuple[ContactsService, Identity]:
    person = Identity.generate(
        "Tom Hughes", "BRITISH EMBASSY PARIS", nationality="GBR", clearance="CONFIDENTIAL",
        scheme="uk", created=clock(),
    )  # fmt: skip
    person = replace(person, card_sequence=2)
    contacts = ContactsService(vault)
    contacts.import_card(ContactCard.for_identity(person).to_bytes())
    contacts.verify("Tom", "in person")
    return contacts, person


def test_card_rollback_with_upgraded_claims_is_refused(vault: Vault, clock: Clock) -> None:
    contacts, tom = _gbr(vault, clock)
    upgraded = replace(tom, nationality="USA", clearance="SECRET", scheme="us")
    for sequence in (1, 2):  # older, then equal
        card = ContactCard.for_identity(replace(upgraded, card_sequence=sequence))
        with pytest.raises(ContactError, match="not newer"):
            contacts.import_card(card.to_bytes())
    held = contacts.find_one("Tom")
    assert (held.card.nationality, held.card.clearance, held.card.sequence) == (
        "GBR", "CONFIDENTIAL", 2,
    )  # fmt: skip
    _, decision = _decision(vault, "Tom")
    assert not decision.allowed


def test_upgraded_claims_wait_for_reverification(vault: Vault, clock: Clock) -> None:
    contacts, tom = _gbr(vault, clock)
    upgraded = replace(tom, nationality="USA", clearance="SECRET", scheme="us", card_sequence=3)
    outcome = contacts.import_card(ContactCard.for_identity(upgraded).to_bytes())
    assert outcome.status is ImportStatus.UPDATED and outcome.needs_verification
    changes = {c.claim: (c.before, c.after) for c in outcome.changes}
    assert changes == {
        "clearance": ("CONFIDENTIAL", "SECRET"), "nationality": ("GBR", "USA"),
        "scheme": ("uk", "us"),
    }  # fmt: skip
    tom_now = outcome.contact
    assert tom_now.trust.state is TrustState.VERIFIED  # same keys
    assert set(tom_now.claims_changed) == {"clearance", "nationality", "scheme"}
    profile, decision = _decision(vault, "Tom")  # the last verified claims
    assert (profile.nationality, profile.clearance) == ("GBR", "CONFIDENTIAL")
    assert not decision.allowed and ReasonCode.NOT_A_NATIONAL in decision.codes
    audit = vault.audit.entries()[0].details
    assert (audit["nationality_before"], audit["nationality_after"]) == ("GBR", "USA")
    contacts.verify("Tom", "phone: he moved to the US service")
    profile, decision = _decision(vault, "Tom")
    assert (profile.nationality, profile.clearance) == ("USA", "SECRET") and decision.allowed
    assert vault.audit.entries()[0].details["clearance_before"] == "CONFIDENTIAL"


def test_newer_card_may_change_encryption_keys_and_stay_verified(
    vault: Vault, clock: Clock
) -> None:
    contacts, tom = _gbr(vault, clock)
    new_key = Identity.generate("x", "y").encryption_key
    newer = ContactCard.for_identity(replace(tom, encryption_key=new_key, card_sequence=3))
    outcome = contacts.import_card(newer.to_bytes())
    assert outcome.keys_before == ContactCard.for_identity(tom).key_set()
    assert outcome.contact.trust.state is TrustState.VERIFIED and outcome.contact.keys_verified
    assert outcome.changes == () and not outcome.contact.claims_changed
    audit = vault.audit.entries()[0].details
    after = newer.key_set().replace("\n", "; ")  # one line in the log
    assert audit["keys_after"] == after and audit["keys_before"] != after


def test_card_rollback_inside_a_sealed_cable_is_refused(vault: Vault, clock: Clock) -> None:
    _, tom = _gbr(vault, clock)
    older = ContactCard.for_identity(replace(tom, nationality="USA", card_sequence=1))
    received = Verification(Verdict.VALID, "", sender_card=older.to_bytes())
    with pytest.raises(ContactError, match="not newer"):
        OpenService(vault, SCHEMES).import_sender_card(received)
    assert ContactsService(vault).find_one("Tom").card.nationality == "GBR"


# --- 3. impersonation by name ---------------------------------------------------------


def test_impersonation_by_name(vault: Vault, tmp_path: Path, clock: Clock) -> None:
    mallory = party_vault(tmp_path, clock, "Mallory", "USA", "SECRET")
    contacts = ContactsService(vault)
    contacts.import_card(ContactCard.for_identity(mallory.identities.active()).to_bytes())
    contacts.verify("Mallory", "in person")
    # Mallory now calls herself Alice Adams, AMEMBASSY PARIS, and seals a cable to Jane
    mallory.db.execute("UPDATE identities SET name = 'Alice Adams', post = 'AMEMBASSY PARIS'")
    jane = ContactCard.for_identity(vault.identities.active())
    ContactsService(mallory).import_card(jane.to_bytes())
    ContactsService(mallory).verify("Jane", "in person")
    sealer = SealService(mallory, SCHEMES)
    out = tmp_path / "forged.cable"
    sealer.seal(CABLE, sealer.resolve(["Jane"]), out)
    result = OpenService(vault, SCHEMES).verify(out)
    assert result.verdict is Verdict.VALID
    assert "Alice Adams" not in result.message
    assert result.message.startswith("Intact and signed by Mallory (AMEMBASSY MALLORY)")
    assert result.known_as is not None and result.known_as.name == "Mallory"
    assert any("signs as 'Alice Adams (AMEMBASSY PARIS)'" in w for w in result.warnings)
    assert result.to_dict()["known_as"]["name"] == "Mallory"
