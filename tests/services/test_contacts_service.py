from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.keys import Identity
from cabledesk.domain.trust import TrustState
from cabledesk.errors import ContactError, InputError, KeyFormatError, VaultError
from cabledesk.services.contacts import ContactsService, ImportStatus
from cabledesk.store.vault import Vault
from tests.vaultkit import Clock


def _person(name: str, post: str = "AMEMBASSY BERLIN") -> Identity:
    return Identity.generate(name, post, nationality="DEU", clearance="SECRET")


def _events(vault: Vault) -> list[str]:
    return [e.event for e in vault.audit.entries()]


def test_import_new_unchanged_updated(vault: Vault) -> None:
    service = ContactsService(vault)
    person = _person("Klaus Weber")
    card = ContactCard.for_identity(person)
    first = service.import_card(card.to_bytes())
    assert first.status is ImportStatus.NEW
    assert first.contact.trust.state is TrustState.UNVERIFIED
    assert service.import_card(card.to_bytes()).status is ImportStatus.UNCHANGED
    service.verify(card.fingerprint, "in person")
    newer = ContactCard.for_identity(replace(person, post="USMISSION GENEVA", card_sequence=2))
    updated = service.import_card(newer.to_bytes())
    assert updated.status is ImportStatus.UPDATED
    assert updated.contact.card.post == "USMISSION GENEVA"
    assert updated.contact.trust.state is TrustState.VERIFIED  # same keys: trust kept
    assert [c.claim for c in updated.changes] == ["post"]  # … but the post awaits verifying
    assert updated.contact.policy_card.post == "AMEMBASSY BERLIN"
    unsigned = ContactCard.from_public_keys(
        name="Klaus Weber",
        age_recipient=str(person.public().encryption),
        ssh_key=person.public().ssh_line(),
    )
    with pytest.raises(ContactError, match="not signed"):
        service.import_card(unsigned.to_bytes())
    assert _events(vault)[:4] == [
        "contact card rejected", "contact imported", "contact verified", "contact imported",
    ]  # fmt: skip


def test_a_rejected_card_is_in_the_audit_log(vault: Vault) -> None:
    """Issue 19, point 13: a refused card (forged, unsigned, a rollback) leaves an entry
    saying why, and which file (its SHA-256) — and nothing else changes."""
    import hashlib

    service = ContactsService(vault)
    person = _person("Klaus Weber")
    service.import_card(ContactCard.for_identity(replace(person, card_sequence=2)).to_bytes())
    older = ContactCard.for_identity(person).to_bytes()
    with pytest.raises(ContactError):
        service.import_card(older)
    [entry] = [e for e in vault.audit.entries() if e.event == "contact card rejected"]
    assert entry.details["sha256"] == hashlib.sha256(older).hexdigest()
    assert "older" in str(entry.details["reason"]) or "rollback" in str(entry.details["reason"])
    kept = service.get(person.fingerprint)
    assert kept is not None and kept.card.sequence == 2
    assert vault.audit.check_chain().ok


def test_own_forged_and_expired_cards_are_refused(vault: Vault, clock: Clock) -> None:
    service = ContactsService(vault)
    own = ContactCard.for_identity(vault.identities.active())
    with pytest.raises(ContactError, match="your own"):
        service.import_card(own.to_bytes())
    card = ContactCard.for_identity(_person("Eve"))
    forged = card.to_bytes().replace(b"Eve", b"Bob")
    with pytest.raises(ContactError, match="self-signature"):
        service.import_card(forged)
    expiring = ContactCard.for_identity(
        replace(_person("Old"), created=clock() - timedelta(days=1), expires=clock())
    )
    with pytest.raises(ContactError, match="expired"):
        service.import_card(expiring.to_bytes())
    assert service.all() == []


def test_contacts_from_raw_keys(vault: Vault) -> None:
    service = ContactsService(vault)
    person = _person("Ana Ruiz")
    contact = service.add_from_keys(
        name="  Ana   Ruiz ",
        age_recipient=str(person.public().encryption),
        ssh_key=person.public().ssh_line("ana@laptop"),
        nationality="esp",
    )
    assert contact.name == "Ana Ruiz" and not contact.card.self_certified
    assert contact.card.nationality == "ESP"
    with pytest.raises(KeyFormatError):
        service.add_from_keys(
            name="X", age_recipient="age1nope", ssh_key=person.public().ssh_line()
        )
    assert _events(vault)[0] == "contact added"


def test_find_resolve_and_groups(vault: Vault) -> None:
    service = ContactsService(vault)
    anna = service.import_card(ContactCard.for_identity(_person("Anna Schmidt")).to_bytes())
    anne = service.import_card(ContactCard.for_identity(_person("Anne Dubois")).to_bytes())
    assert service.find_one("schmidt") == anna.contact
    with pytest.raises(VaultError, match="2 contacts match"):
        service.find_one("ann")
    with pytest.raises(VaultError, match="No contact"):
        service.find_one("zed")
    service.create_group("EU posts")
    with pytest.raises(VaultError, match="no members"):
        service.resolve(["EU posts"])
    service.add_to_group("EU posts", ["Anna Schmidt", anne.contact.fingerprint])
    resolved = service.resolve(["EU posts", "Anna Schmidt"])
    assert [c.name for c in resolved] == ["Anna Schmidt", "Anne Dubois"]
    service.remove_from_group("EU posts", ["Anna Schmidt"])
    assert service.groups()[0].members == (anne.contact.fingerprint,)


def test_verify_and_revoke(vault: Vault, clock: Clock) -> None:
    service = ContactsService(vault)
    card = ContactCard.for_identity(_person("Klaus Weber"))
    service.import_card(card.to_bytes())
    assert service.trust_of("SHA256:unknown") is None
    verified = service.verify(card.fingerprint, "  safety number   read on the phone ")
    assert verified.trust.how == "safety number read on the phone"
    assert verified.trust.since == clock()
    revoked = service.revoke(card.fingerprint, "laptop lost")
    assert revoked.trust.state is TrustState.REVOKED and not revoked.trust.usable
    with pytest.raises(VaultError, match="revoked"):
        service.verify(card.fingerprint, "again")
    assert _events(vault)[:2] == ["contact revoked", "contact verified"]


def test_the_address_book_resolves_without_the_vault(vault: Vault) -> None:
    service = ContactsService(vault)
    klaus, paolo = _person("Klaus Weber"), _person("Paolo Rossi", "AMEMBASSY ROME")
    for who in (klaus, paolo):
        service.import_card(ContactCard.for_identity(who).to_bytes())
    service.create_group("EU posts")
    service.add_to_group("EU posts", ["Klaus", "Paolo"])
    service.create_group("Empty")
    book = service.book()
    vault.lock()  # the book is a snapshot: ticking recipients reads no database
    fp = {c.name: c.fingerprint for c in book.contacts}
    assert [c.name for c in book.resolve(["EU posts", fp["Klaus Weber"]])] == [
        "Klaus Weber", "Paolo Rossi",
    ]  # fmt: skip
    assert [c.name for c in book.resolve([fp["Paolo Rossi"]])] == ["Paolo Rossi"]
    with pytest.raises(VaultError, match="no members"):
        book.resolve(["Empty"])
    with pytest.raises(VaultError, match="No contact or group"):
        book.resolve(["Klaus"])  # names are for people; the book takes exact keys


def test_records_carry_safety_numbers_expiry_and_groups(vault: Vault, clock: Clock) -> None:
    service = ContactsService(vault)
    person = _person("Klaus Weber")
    soon = replace(person, created=clock.now, expires=clock.now + timedelta(days=1))
    service.import_card(ContactCard.for_identity(soon).to_bytes())
    service.create_group("EU posts")
    service.add_to_group("EU posts", ["Klaus"])
    [record], groups = service.records()
    assert record.safety_number == record.contact.card.safety_number and not record.expired
    assert record.groups == ("EU posts",) and [g.name for g in groups] == ["EU posts"]
    clock.advance(days=2)
    assert service.records()[0][0].expired


def test_card_files_are_imported_and_exported(vault: Vault, tmp_path: Path) -> None:
    service = ContactsService(vault)
    card = tmp_path / "klaus.contact"
    card.write_bytes(ContactCard.for_identity(_person("Klaus Weber")).to_bytes())
    outcome = service.import_card_file(card)
    assert outcome.status is ImportStatus.NEW
    with pytest.raises(InputError, match="Cannot read"):
        service.import_card_file(tmp_path / "missing.contact")
    out = tmp_path / "out.contact"
    assert service.export_card("Klaus", out).fingerprint == outcome.contact.fingerprint
    assert out.read_bytes() == card.read_bytes()
    assert out.stat().st_mode & 0o777 == 0o644  # public keys only: others may read it
    with pytest.raises(InputError, match="already exists"):
        service.export_card("Klaus", out)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no partial file
