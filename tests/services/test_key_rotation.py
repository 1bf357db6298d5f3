"""Issue 16, key rotation: a person's new card with a statement signed by their previous
key continues the contact (same contact, new keys, verification kept, audited); the
previous key stays theirs for what it signed before the rotation. Each attack the
issue names is a test named after it (docs/SECURITY.md, "Key rotation")."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from uuid import uuid4

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.directory import Revocation
from cabledesk.crypto.keys import Identity
from cabledesk.crypto.rotation import ROTATION_FORMAT, RotationStatement
from cabledesk.domain.trust import TrustState
from cabledesk.errors import ContactError, RotationRefused
from cabledesk.export.signed import DocumentSigner
from cabledesk.export.verification import Verdict as DocumentVerdict
from cabledesk.seal import Verdict
from cabledesk.services.contacts import ContactsService, ImportStatus
from cabledesk.services.directory import DirectoryService
from cabledesk.services.exporting import ExportRequest, ExportService
from cabledesk.services.identity import IdentityService
from cabledesk.services.opening import OpenService
from cabledesk.services.sealing import SealService
from cabledesk.services.vault_documents import VaultDocuments
from cabledesk.store.vault import Vault
from tests.crypto.dirkit import ANCHOR, NOW, directory, entry
from tests.export.samples import unclassified_cable
from tests.services.conftest import CABLE, SCHEMES
from tests.vaultkit import Clock


def _rotate(vault: Vault, folder: Path, name: str = "new") -> tuple[bytes, bytes]:
    """The person of ``vault`` rotates: (new card, statement) as they hand them out."""
    card, statement = folder / f"{name}.contact", folder / f"{name}.rotation"
    IdentityService(vault, SCHEMES).rotate(card, statement)
    return card.read_bytes(), statement.read_bytes()


def _seal_to_jane(berlin: Vault, out: Path) -> Path:
    service = SealService(berlin, SCHEMES)
    service.seal(CABLE, service.resolve(["Jane"]), out)
    return out


@pytest.fixture
def pair(parties: tuple[Vault, Vault, Vault]) -> tuple[Vault, Vault]:
    """Jane, who verified Berlin; Berlin, who has Jane's card, verified."""
    jane, berlin, _ = parties
    ContactsService(berlin).import_card(
        ContactCard.for_identity(jane.identities.active()).to_bytes()
    )
    ContactsService(berlin).verify("Jane", "in person")
    return jane, berlin


def test_rotation_signed_by_the_previous_key_continues_the_verified_contact(
    pair: tuple[Vault, Vault], tmp_path: Path, clock: Clock
) -> None:
    jane, berlin = pair
    contacts = ContactsService(jane)
    before = contacts.find_one("Berlin")
    contacts.create_group("Posts")
    contacts.add_to_group("Posts", [before.fingerprint])
    clock.advance(days=1)
    card, statement = _rotate(berlin, tmp_path)
    outcome = contacts.import_card(card, statement)
    after = outcome.contact
    assert outcome.status is ImportStatus.UPDATED and outcome.rotated_from == before.fingerprint
    assert after.id == before.id and after.fingerprint != before.fingerprint
    assert after.fingerprint == berlin.identities.active().fingerprint
    assert after.trust.state is TrustState.VERIFIED and not outcome.needs_verification
    assert contacts.groups()[0].members == (after.fingerprint,)
    assert contacts.get(before.fingerprint) is None and len(contacts.all()) == 2
    [history] = jane.contacts.history(after.fingerprint)
    assert history.card.fingerprint == before.fingerprint and "key rotation" in history.reason
    entry = jane.audit.entries()[0]
    assert entry.event == "contact imported"
    assert entry.details["continues"] == before.fingerprint
    assert entry.details["rotation"] == "signed by the previous key"
    # the same files again change nothing
    again = contacts.import_card(card, statement)
    assert again.status is ImportStatus.UNCHANGED and again.contact.id == before.id


def test_the_rotated_identity_keeps_its_previous_key_and_signs_with_the_new_one(
    pair: tuple[Vault, Vault], tmp_path: Path
) -> None:
    _, berlin = pair
    old = berlin.identities.active()
    card, statement = _rotate(berlin, tmp_path)
    new = berlin.identities.active()
    assert new.fingerprint != old.fingerprint and new.name == old.name
    assert {i.fingerprint for i in berlin.identities.all()} == {old.fingerprint, new.fingerprint}
    parsed = RotationStatement.parse(statement)
    assert parsed.old_fingerprint == old.fingerprint and parsed.new_fingerprint == new.fingerprint
    assert parsed.covers(ContactCard.parse(card, now=None))
    assert berlin.audit.entries()[0].event == "identity rotated"


def test_a_cable_signed_by_the_previous_key_before_the_rotation_stays_valid(
    pair: tuple[Vault, Vault], tmp_path: Path, clock: Clock
) -> None:
    jane, berlin = pair
    out = _seal_to_jane(berlin, tmp_path / "before.cable")
    clock.advance(days=1)
    card, statement = _rotate(berlin, tmp_path)
    ContactsService(jane).import_card(card, statement)
    result = OpenService(jane, SCHEMES).verify(out)
    assert result.verdict is Verdict.VALID, result.message
    assert "previous key of Berlin" in result.message


def test_a_cable_signed_by_the_previous_key_after_the_rotation_is_not_valid(
    pair: tuple[Vault, Vault], tmp_path: Path, clock: Clock
) -> None:
    jane, berlin = pair
    old = berlin.identities.active().fingerprint
    card, statement = _rotate(berlin, tmp_path)
    ContactsService(jane).import_card(card, statement)
    clock.advance(days=1)  # whoever still holds the previous key seals with it
    berlin.db.execute("UPDATE identities SET active = (fingerprint = ?)", (old,))
    out = _seal_to_jane(berlin, tmp_path / "after.cable")
    result = OpenService(jane, SCHEMES).verify(out)
    assert result.verdict is Verdict.SIGNER_REVOKED and not result.ok
    assert "replaced with a new key" in result.message


# --- the attacks ----------------------------------------------------------------------


def test_statement_signed_by_a_key_that_is_not_the_contacts(
    pair: tuple[Vault, Vault], tmp_path: Path
) -> None:
    jane, berlin = pair
    card, _ = _rotate(berlin, tmp_path)
    stranger = Ed25519PrivateKey.generate()
    statement = RotationStatement.issue(stranger, ContactCard.parse(card, now=None), created=NOW)
    contacts = ContactsService(jane)
    with pytest.raises(RotationRefused, match="not the key of any of your contacts"):
        contacts.import_card(card, statement.to_bytes())
    assert contacts.find_one("Berlin").fingerprint != ContactCard.parse(card, now=None).fingerprint
    assert jane.audit.entries()[0].event == "contact card rejected"


def test_statement_naming_the_contacts_key_but_signed_by_another_is_refused(
    pair: tuple[Vault, Vault], tmp_path: Path
) -> None:
    jane, berlin = pair
    card, genuine = _rotate(berlin, tmp_path)
    doc = json.loads(genuine.partition(b"\n")[0])  # old_key: Berlin's; signed by Mallory
    forged = ROTATION_FORMAT.sign(doc, Ed25519PrivateKey.generate())
    with pytest.raises(RotationRefused):
        ContactsService(jane).import_card(card, forged)
    assert ContactsService(jane).find_one("Berlin").trust.state is TrustState.VERIFIED


def test_statement_for_other_card_bytes_is_refused(
    pair: tuple[Vault, Vault], tmp_path: Path
) -> None:
    jane, berlin = pair
    _, statement = _rotate(berlin, tmp_path)
    # the swap: the statement with someone else's card, then with a newer card of the
    # same new key (other bytes than the ones the previous key signed)
    mallory = ContactCard.for_identity(Identity.generate("Berlin", "AMEMBASSY BERLIN"))
    contacts = ContactsService(jane)
    with pytest.raises(RotationRefused, match="another card"):
        contacts.import_card(mallory.to_bytes(), statement)
    newer = ContactCard.for_identity(berlin.identities.advance_card(
        berlin.identities.active().fingerprint))  # fmt: skip
    with pytest.raises(RotationRefused, match="another card"):
        contacts.import_card(newer.to_bytes(), statement)
    assert (
        len(contacts.all()) == 2 and contacts.find_one("Berlin").trust.state is TrustState.VERIFIED
    )


def test_replay_of_an_old_rotation_statement(
    pair: tuple[Vault, Vault], tmp_path: Path, clock: Clock
) -> None:
    jane, berlin = pair
    old_card = ContactCard.for_identity(berlin.identities.active()).to_bytes()
    card_b, statement_ab = _rotate(berlin, tmp_path, "b")
    contacts = ContactsService(jane)
    contacts.import_card(card_b, statement_ab)
    clock.advance(days=30)
    card_c, statement_bc = _rotate(berlin, tmp_path, "c")
    contacts.import_card(card_c, statement_bc)
    current = contacts.find_one("Berlin").fingerprint
    with pytest.raises(RotationRefused, match="replaced already"):
        contacts.import_card(card_b, statement_ab)  # back to B
    with pytest.raises(RotationRefused, match="previous key of Berlin"):
        contacts.import_card(card_b)  # card B alone
    with pytest.raises(RotationRefused, match="previous key of Berlin"):
        contacts.import_card(old_card)  # the very first card
    assert contacts.find_one("Berlin").fingerprint == current and len(contacts.all()) == 2


def test_rotation_of_a_contact_revoked_by_a_directory(
    pair: tuple[Vault, Vault], tmp_path: Path
) -> None:
    jane, berlin = pair
    old = berlin.identities.active().fingerprint
    service = DirectoryService(jane)
    service.trust(ANCHOR, "handed over by the security officer")
    revocation = Revocation(old, "key-compromise", "Laptop stolen.", NOW)
    service.import_directory(directory([], [revocation]).to_bytes())
    card, statement = _rotate(berlin, tmp_path)  # the thief of the laptop rotates
    contacts = ContactsService(jane)
    with pytest.raises(RotationRefused, match="revoked"):
        contacts.import_card(card, statement)
    assert contacts.find_one("Berlin").fingerprint == old


def test_rotation_of_a_contact_the_user_revoked(pair: tuple[Vault, Vault], tmp_path: Path) -> None:
    jane, berlin = pair
    ContactsService(jane).revoke("Berlin", "left the service")
    card, statement = _rotate(berlin, tmp_path)
    with pytest.raises(RotationRefused, match="left the service"):
        ContactsService(jane).import_card(card, statement)


def test_rotation_chained_a_b_c(pair: tuple[Vault, Vault], tmp_path: Path, clock: Clock) -> None:
    jane, berlin = pair
    contacts = ContactsService(jane)
    a = contacts.find_one("Berlin")
    signed_by_a = _seal_to_jane(berlin, tmp_path / "a.cable")
    clock.advance(days=1)
    contacts.import_card(*_rotate(berlin, tmp_path, "b"))
    signed_by_b = _seal_to_jane(berlin, tmp_path / "b.cable")
    clock.advance(days=1)
    card_c, statement_bc = _rotate(berlin, tmp_path, "c")
    outcome = contacts.import_card(card_c, statement_bc)
    c = outcome.contact
    assert c.id == a.id and c.trust.state is TrustState.VERIFIED
    assert c.fingerprint == berlin.identities.active().fingerprint
    history = [h.card.fingerprint for h in jane.contacts.history(c.fingerprint)]
    assert history[:1] == [a.fingerprint] and len(history) == 2
    opener = OpenService(jane, SCHEMES)
    for out in (signed_by_a, signed_by_b):
        result = opener.verify(out)
        assert result.verdict is Verdict.VALID and "previous key of Berlin" in result.message
    assert opener.verify(_seal_to_jane(berlin, tmp_path / "c.cable")).verdict is Verdict.VALID


def test_a_statement_skipping_a_step_is_refused(pair: tuple[Vault, Vault], tmp_path: Path) -> None:
    jane, berlin = pair
    _rotate(berlin, tmp_path, "b")
    card_c, statement_bc = _rotate(berlin, tmp_path, "c")  # Jane never got B
    with pytest.raises(RotationRefused, match="not the key of any of your contacts"):
        ContactsService(jane).import_card(card_c, statement_bc)


def test_a_name_only_match_still_starts_an_unverified_keys_changed_contact(
    pair: tuple[Vault, Vault], tmp_path: Path
) -> None:
    jane, berlin = pair
    card, _ = _rotate(berlin, tmp_path)
    outcome = ContactsService(jane).import_card(card)  # no statement
    assert outcome.status is ImportStatus.NEW and outcome.rotated_from is None
    assert outcome.replaced is not None and outcome.contact.keys_changed
    assert outcome.contact.trust.state is TrustState.UNVERIFIED
    assert len(ContactsService(jane).all()) == 3


def test_a_statement_file_beside_the_card_is_used(
    pair: tuple[Vault, Vault], tmp_path: Path
) -> None:
    jane, berlin = pair
    _rotate(berlin, tmp_path, "berlin")
    outcome = ContactsService(jane).import_card_file(tmp_path / "berlin.contact")
    assert outcome.rotated_from is not None


def test_a_malformed_statement_is_unreadable_not_a_refusal(
    pair: tuple[Vault, Vault], tmp_path: Path
) -> None:
    jane, berlin = pair
    card, statement = _rotate(berlin, tmp_path)
    with pytest.raises(ContactError) as caught:
        ContactsService(jane).import_card(card, statement.replace(b"card_sha256", b"card_sha512"))
    assert not isinstance(caught.value, RotationRefused)


def test_a_directory_attesting_a_previous_key_does_not_bring_it_back(
    pair: tuple[Vault, Vault], tmp_path: Path
) -> None:
    jane, berlin = pair
    old_card = ContactCard.for_identity(berlin.identities.active())
    ContactsService(jane).import_card(*_rotate(berlin, tmp_path))
    service = DirectoryService(jane)
    service.trust(ANCHOR, "handed over by the security officer")
    service.import_directory(directory([entry(old_card)]).to_bytes())
    assert jane.contacts.get(old_card.fingerprint) is None
    assert len(ContactsService(jane).all()) == 2


def test_a_document_signed_by_the_previous_key_is_at_best_unverified(
    pair: tuple[Vault, Vault], tmp_path: Path
) -> None:
    jane, berlin = pair
    out = tmp_path / "from-berlin.docx"
    signer = DocumentSigner.from_identity(berlin.identities.active())
    ExportService(SCHEMES).export(unclassified_cable(), ExportRequest(output=out, signer=signer))
    docs = VaultDocuments(jane, SCHEMES)
    assert docs.verify(out).verdict is DocumentVerdict.VALID
    ContactsService(jane).import_card(*_rotate(berlin, tmp_path))
    check = docs.verify(out)  # a document signature has no time: it may be later
    assert check.verdict is DocumentVerdict.VALID_UNVERIFIED
    assert "Berlin, a previous key replaced on" in check.message


def test_the_card_imported_alone_first_gives_way_when_its_statement_follows(
    pair: tuple[Vault, Vault], tmp_path: Path
) -> None:
    jane, berlin = pair
    card, statement = _rotate(berlin, tmp_path)
    contacts = ContactsService(jane)
    copy = contacts.import_card(card).contact  # the statement was not noticed
    assert copy.keys_changed and len(contacts.all()) == 3
    outcome = contacts.import_card(card, statement)
    assert outcome.rotated_from is not None and outcome.contact.id != copy.id
    assert outcome.contact.trust.state is TrustState.VERIFIED and len(contacts.all()) == 2
    assert jane.audit.entries()[0].details["replaces_unverified_copy"] is True


def test_a_verified_contact_of_the_new_key_is_never_overwritten(
    pair: tuple[Vault, Vault], tmp_path: Path
) -> None:
    jane, berlin = pair
    card, statement = _rotate(berlin, tmp_path)
    contacts = ContactsService(jane)
    copy = contacts.import_card(card).contact
    contacts.verify(copy.fingerprint, "phone")
    with pytest.raises(RotationRefused, match="already the key of your contact"):
        contacts.import_card(card, statement)


def test_a_thiefs_rotation_is_undone_by_the_offices_later_revocation_of_the_old_key(
    pair: tuple[Vault, Vault], tmp_path: Path, clock: Clock
) -> None:
    """A thief holding Berlin's key rotates it to a key of their own; Jane imports that
    first. The office then revokes the stolen key as compromised (on a date before the
    statement's own, which its signer chose): the contact it continued is revoked too, and
    a cable the thief's new key signs is not VALID."""
    jane, berlin = pair
    stolen = berlin.identities.active().fingerprint
    clock.advance(days=1)
    card, statement = _rotate(berlin, tmp_path)
    ContactsService(jane).import_card(card, statement)
    assert ContactsService(jane).find_one("Berlin").trust.state is TrustState.VERIFIED
    office = DirectoryService(jane)
    office.trust(ANCHOR, "handed over by the security officer")
    compromised = Revocation(stolen, "key-compromise", "Laptop stolen.", NOW)
    office.import_directory(directory([], [compromised]).to_bytes())
    contact = ContactsService(jane).find_one("Berlin")
    assert contact.trust.state is TrustState.REVOKED and contact.revocation is not None
    opened = OpenService(jane, SCHEMES).verify(_seal_to_jane(berlin, tmp_path / "x.cable"))
    assert opened.verdict is Verdict.SIGNER_REVOKED


def test_a_previous_key_revoked_as_superseded_leaves_the_contact_it_continued(
    pair: tuple[Vault, Vault], tmp_path: Path, clock: Clock
) -> None:
    jane, berlin = pair
    old = berlin.identities.active().fingerprint
    clock.advance(days=1)
    card, statement = _rotate(berlin, tmp_path)
    ContactsService(jane).import_card(card, statement)
    office = DirectoryService(jane)
    office.trust(ANCHOR, "handed over by the security officer")
    superseded = Revocation(old, "superseded", "New key.", NOW)
    office.import_directory(directory([], [superseded]).to_bytes())
    assert ContactsService(jane).find_one("Berlin").trust.state is TrustState.VERIFIED


def test_a_cable_signed_by_your_own_previous_key_after_you_rotated_is_not_valid(
    pair: tuple[Vault, Vault], tmp_path: Path, clock: Clock
) -> None:
    """Your retired key stays in the vault (it opens what was sealed to it); whoever holds a
    copy of it cannot sign cables you would see as VALID after you replaced it."""
    jane, _ = pair
    before = SealService(jane, SCHEMES)
    earlier = tmp_path / "earlier.cable"
    before.seal(CABLE, before.resolve(["Berlin"]), earlier)
    clock.advance(days=1)
    _rotate(jane, tmp_path, "jane")
    new = jane.identities.active().fingerprint
    clock.advance(days=1)
    jane.db.execute("UPDATE identities SET active = (fingerprint <> ?)", (new,))  # the old key
    later = tmp_path / "later.cable"
    before.seal(replace(CABLE, id=str(uuid4())), before.resolve(["Berlin"]), later)
    jane.db.execute("UPDATE identities SET active = (fingerprint = ?)", (new,))
    opening = OpenService(jane, SCHEMES)
    assert opening.verify(later).verdict is Verdict.SIGNER_REVOKED
    assert opening.verify(earlier).verdict is Verdict.VALID  # sealed before the rotation


def test_a_cable_signed_by_your_own_key_that_a_directory_revokes_is_not_valid(
    pair: tuple[Vault, Vault], tmp_path: Path
) -> None:
    jane, _ = pair
    sealing = SealService(jane, SCHEMES)
    out = tmp_path / "own.cable"
    sealing.seal(CABLE, sealing.resolve(["Berlin"]), out)
    office = DirectoryService(jane)
    office.trust(ANCHOR, "handed over by the security officer")
    stolen = Revocation(jane.identities.active().fingerprint, "key-compromise", "Stolen.", NOW)
    office.import_directory(directory([], [stolen]).to_bytes())
    assert OpenService(jane, SCHEMES).verify(out).verdict is Verdict.SIGNER_REVOKED


def test_a_rotation_signed_by_an_expired_key_is_refused(
    pair: tuple[Vault, Vault], tmp_path: Path, clock: Clock
) -> None:
    """An expired key may be in other hands: it cannot vouch for a new one."""
    jane, berlin = pair
    expires = jane.now() + timedelta(days=5)
    berlin.db.execute("UPDATE identities SET expires = ?", (expires.isoformat(),))
    expiring = ContactCard.for_identity(berlin.identities.active())
    contact = ContactsService(jane).find_one("Berlin")
    jane.db.execute(  # Jane holds Berlin's card that expires (as if she had imported it)
        "UPDATE contacts SET card = ?, expires = ? WHERE id = ?",
        (expiring.to_bytes(), expires.isoformat(), contact.id),
    )
    clock.advance(days=60)
    card, statement = _rotate(berlin, tmp_path)
    with pytest.raises(RotationRefused, match="expired on"):
        ContactsService(jane).import_card(card, statement)
    assert ContactsService(jane).find_one("Berlin").fingerprint == contact.fingerprint
