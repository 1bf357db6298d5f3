"""The ministry directory, user side (issue 16): trusting anchors, importing directories,
and every hostile or stale directory refused whole, with a typed error, the vault
unchanged (each test named after the attack or refusal)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest

from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.directory import Revocation
from cabledesk.crypto.signedtext import canonical_json
from cabledesk.crypto.sshsig import ANCHOR_NAMESPACE, DIRECTORY_NAMESPACE, sign
from cabledesk.domain.trust import TrustState
from cabledesk.errors import DirectoryError, DirectoryRefused
from cabledesk.services import _directory_import as directory_module
from cabledesk.services.contacts import ContactsService
from cabledesk.services.directory import DirectoryImportStatus, DirectoryService
from cabledesk.store.audit import Event
from cabledesk.store.vault import Vault
from tests.crypto.dirkit import (
    ANCHOR,
    ANCHOR_KEY,
    NOW,
    OTHER_KEY,
    anchor,
    directory,
    entry,
    person,
)
from tests.vaultkit import Clock

JANE, JEAN, KLAUS = person("Jane Roe"), person("Jean Martin", "FRA"), person("Klaus", "DEU")
FIRST = directory([entry(JANE), entry(JEAN, nationality="FRA", scheme="fr", clearance="SECRET")])


def _service(vault: Vault, *anchors: Any) -> DirectoryService:
    service = DirectoryService(vault)
    for a in anchors or (ANCHOR,):
        service.trust(a, "handed over by the security officer")
    return service


def _state(vault: Vault) -> list[Any]:
    """Every row of every table: what 'changes nothing' compares."""
    tables = [
        r[0]
        for r in vault.db.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%' "
            "ORDER BY name"
        )
    ]
    return [(t, sorted(map(repr, vault.db.query(f"SELECT * FROM {t}")))) for t in tables]


def _refused(vault: Vault, data: bytes, error: type[DirectoryError], match: str) -> None:
    service = DirectoryService(vault)
    before = _state(vault)
    with pytest.raises(error, match=match) as raised:
        service.import_directory(data)
    assert _state(vault) == before, "a refused directory changed the vault"
    if error is DirectoryError:
        assert not isinstance(raised.value, DirectoryRefused)


def _doc(d: Any = FIRST) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(d.to_bytes().partition(b"\n")[0])
    return doc


def _signed(
    doc: dict[str, Any], key: Any = ANCHOR_KEY, namespace: str = DIRECTORY_NAMESPACE
) -> bytes:
    body = canonical_json(doc)
    return body + b"\n" + sign(key, namespace, body).encode()


# --- trusting and importing -------------------------------------------------------------


def test_import_adds_people_attested_by_the_anchor(vault: Vault) -> None:
    service = _service(vault)
    outcome = service.import_directory(FIRST.to_bytes())
    assert outcome.status is DirectoryImportStatus.IMPORTED
    assert (outcome.serial, outcome.added, outcome.attested) == (1, 2, 2)
    jane = ContactsService(vault).find_one("Jane Roe")
    assert jane.trust.state is TrustState.VERIFIED and jane.verified_by_anchor
    assert jane.trust.how == "attested by MFA SECURITY OFFICE on 2026-12-01"
    assert jane.attestation is not None and jane.attestation.clearance == "SECRET"
    [audited] = [e for e in vault.audit.entries() if e.event == Event.DIRECTORY_IMPORTED]
    assert audited.details["serial"] == 1 and audited.details["added"] == 2
    [status] = service.status()
    assert status.last is not None and status.last.serial == 1
    assert (status.attested, status.revoked, status.overdue) == (2, 0, False)


def test_reimporting_the_same_directory_changes_nothing(vault: Vault) -> None:
    service = _service(vault)
    service.import_directory(FIRST.to_bytes())
    before = _state(vault)
    again = service.import_directory(FIRST.to_bytes())
    assert again.status is DirectoryImportStatus.UNCHANGED
    assert _state(vault) == before


def test_personal_verification_stays_without_a_directory(vault: Vault) -> None:
    contacts = ContactsService(vault)
    contacts.import_card(ContactCard.for_identity(JANE).to_bytes())
    contacts.verify("Jane Roe", "phone")
    _service(vault).import_directory(FIRST.to_bytes())
    jane = contacts.find_one("Jane Roe")
    assert jane.trust.state is TrustState.VERIFIED and not jane.verified_by_anchor
    assert jane.trust.how == "phone"


def test_newer_directory_changes_attested_attributes_audited(vault: Vault) -> None:
    service = _service(vault)
    service.import_directory(FIRST.to_bytes())
    second = directory(
        [
            entry(JANE, clearance="TOP SECRET"),
            entry(JEAN, nationality="FRA", scheme="fr", clearance="SECRET"),
        ],
        serial=2,
    )
    outcome = service.import_directory(second.to_bytes())
    [change] = outcome.changes
    assert (change.name, change.attribute, change.before, change.after) == (
        "Jane Roe",
        "clearance",
        "SECRET",
        "TOP SECRET",
    )
    jane = ContactsService(vault).find_one("Jane Roe")
    assert jane.trust.state is TrustState.VERIFIED  # no re-verification needed
    assert jane.attestation is not None and jane.attestation.clearance == "TOP SECRET"
    [audited] = [e for e in vault.audit.entries() if e.event == Event.ATTESTATION_CHANGED]
    assert audited.details["clearance_after"] == "TOP SECRET"


def test_status_warns_past_next_update(vault: Vault, clock: Clock) -> None:
    service = _service(vault)
    service.import_directory(FIRST.to_bytes())
    clock.now = NOW + timedelta(days=31)
    [status] = service.status()
    assert status.overdue and status.to_json()["overdue"] is True


# --- revocation ---------------------------------------------------------------------


def test_directory_revocation_wins_over_personal_verification(vault: Vault) -> None:
    contacts = ContactsService(vault)
    contacts.import_card(ContactCard.for_identity(KLAUS).to_bytes())
    contacts.verify("Klaus", "phone")
    revocation = Revocation(
        ContactCard.for_identity(KLAUS).fingerprint, "key-compromise", "Laptop stolen.", NOW
    )
    outcome = _service(vault).import_directory(directory([entry(JANE)], [revocation]).to_bytes())
    assert outcome.revoked_verified == ("Klaus",)
    klaus = contacts.find_one("Klaus")
    assert klaus.trust.state is TrustState.REVOKED
    assert klaus.trust.how == "by MFA SECURITY OFFICE: key-compromise, Laptop stolen."
    assert any(e.event == Event.CONTACT_REVOKED for e in vault.audit.entries())


def test_untrust_reverts_what_only_it_attested_and_lifts_its_revocations(vault: Vault) -> None:
    contacts = ContactsService(vault)
    contacts.import_card(ContactCard.for_identity(KLAUS).to_bytes())
    revocation = Revocation(ContactCard.for_identity(KLAUS).fingerprint, "left-service", "", NOW)
    service = _service(vault)
    service.import_directory(directory([entry(JANE)], [revocation]).to_bytes())
    outcome = service.untrust(ANCHOR.fingerprint)
    assert outcome.reverted == ("Jane Roe",)
    jane = contacts.find_one("Jane Roe")
    assert jane.trust.state is TrustState.UNVERIFIED and jane.attestation is None
    assert contacts.find_one("Klaus").trust.state is TrustState.UNVERIFIED
    assert service.status() == []
    assert any(e.event == Event.ANCHOR_UNTRUSTED for e in vault.audit.entries())


# --- refusals: each changes nothing ---------------------------------------------------


def test_rollback_to_an_older_serial_is_refused(vault: Vault) -> None:
    service = _service(vault)
    service.import_directory(directory([entry(JANE)], serial=5).to_bytes())
    _refused(
        vault,
        directory([entry(JANE)], serial=4).to_bytes(),
        DirectoryRefused,
        "serial 4, not newer than the one you imported .serial 5.",
    )


def test_equal_serial_with_other_bytes_is_refused(vault: Vault) -> None:
    service = _service(vault)
    service.import_directory(directory([entry(JANE)], serial=5).to_bytes())
    _refused(vault, directory([entry(JEAN)], serial=5).to_bytes(), DirectoryRefused, "not newer")


def test_expired_directory_is_refused_with_its_date(vault: Vault, clock: Clock) -> None:
    _service(vault)
    clock.now = NOW + timedelta(days=40)
    _refused(vault, FIRST.to_bytes(), DirectoryRefused, "expired on 2026-12-31")


def test_directory_of_an_anchor_not_trusted_is_refused(vault: Vault) -> None:
    _service(vault)
    theirs = directory([entry(JANE)], signing_key=OTHER_KEY)
    _refused(vault, theirs.to_bytes(), DirectoryRefused, "not an anchor you trust")


def test_directory_without_any_trusted_anchor_is_refused(vault: Vault) -> None:
    _refused(vault, FIRST.to_bytes(), DirectoryRefused, "not an anchor you trust")


def test_bad_signature_is_refused(vault: Vault) -> None:
    _service(vault)
    body, _, signature = FIRST.to_bytes().partition(b"\n")
    changed = body.replace(b'"clearance":"SECRET"', b'"clearance":"TOP SECRET"', 1)
    _refused(vault, changed + b"\n" + signature, DirectoryRefused, "not valid")


def test_wrong_namespace_is_refused(vault: Vault) -> None:
    _service(vault)
    _refused(
        vault, _signed(_doc(), ANCHOR_KEY, ANCHOR_NAMESPACE), DirectoryRefused, "different purpose"
    )


def test_out_of_scope_nationals_refuse_the_whole_directory(vault: Vault) -> None:
    _service(vault)  # the anchor's scope: FRA and USA
    hostile = directory([entry(JANE), entry(KLAUS, nationality="DEU")])
    _refused(vault, hostile.to_bytes(), DirectoryRefused, "outside the scope of its anchor")
    assert ContactsService(vault).all() == []


def test_allied_anchor_attests_only_its_own_nationals(vault: Vault) -> None:
    allied = anchor(OTHER_KEY, name="ALLIED SECURITY OFFICE", nationalities=("DEU",))
    _service(vault, ANCHOR, allied)
    ours = directory([entry(KLAUS, nationality="DEU")], signing_key=OTHER_KEY)
    DirectoryService(vault).import_directory(ours.to_bytes())
    theirs = directory([entry(JANE)], signing_key=OTHER_KEY, serial=2)
    _refused(vault, theirs.to_bytes(), DirectoryRefused, "outside the scope")


def test_duplicate_fingerprints_are_refused(vault: Vault) -> None:
    _service(vault)
    doc = _doc()
    doc["entries"][1] = doc["entries"][0]
    _refused(vault, _signed(doc), DirectoryError, "twice")


def test_huge_directory_is_refused(vault: Vault, monkeypatch: pytest.MonkeyPatch) -> None:
    _service(vault)
    data = FIRST.to_bytes()
    small = replace(directory_module.DIRECTORY_FORMAT, max_bytes=len(data) - 1)  # type: ignore[attr-defined]
    monkeypatch.setattr(directory_module, "DIRECTORY_FORMAT", small)
    _refused(vault, data, DirectoryError, "too large")


def test_deeply_nested_directory_is_refused(vault: Vault) -> None:
    _service(vault)
    body = canonical_json(_doc()).replace(
        b'"revocations":[',
        ("[" * 50_000 + "]" * 50_000 + ",").join([b'"revocations":['.decode(), ""]).encode(),
    )
    _refused(vault, _signed_body(body), DirectoryError, "JSON")


def _signed_body(body: bytes) -> bytes:
    return body + b"\n" + sign(ANCHOR_KEY, DIRECTORY_NAMESPACE, body).encode()


def test_unreadable_file_is_not_a_directory(vault: Vault) -> None:
    _service(vault)
    _refused(vault, b"not a directory at all", DirectoryError, ".")


# --- key rotation -------------------------------------------------------------------


def test_key_rotation_attested_in_a_newer_directory_continues_the_contact(vault: Vault) -> None:
    contacts = ContactsService(vault)
    service = _service(vault)
    service.import_directory(directory([entry(JANE)]).to_bytes())
    contacts.create_group("Paris posts")
    contacts.add_to_group("Paris posts", ["Jane Roe"])
    old = ContactCard.for_identity(JANE).fingerprint
    rotated = _rotated("Jane Roe")
    superseded = Revocation(old, "superseded", "New laptop.", NOW)
    outcome = service.import_directory(
        directory([entry(rotated)], [superseded], serial=2).to_bytes()
    )
    new = ContactCard.for_identity(rotated).fingerprint
    assert outcome.continued == (("Jane Roe", old, new),)
    assert new in contacts.groups()[0].members  # the new key continues the old contact
    [history] = vault.contacts.history(new)
    assert history.card.fingerprint == old and "key rotation" in history.reason
    [audited] = [e for e in vault.audit.entries() if e.details.get("continues") == old]
    assert audited.details["fingerprint"] == new
    assert contacts.get(new) is not None and contacts.get(old) is not None
    assert contacts.find_one(new).trust.state is TrustState.VERIFIED


def test_a_new_key_under_a_known_name_without_rotation_is_another_contact(vault: Vault) -> None:
    service = _service(vault)
    service.import_directory(directory([entry(JANE)]).to_bytes())
    outcome = service.import_directory(
        directory([entry(JANE), entry(_rotated("Jane Roe"))], serial=2).to_bytes()
    )
    assert outcome.continued == () and outcome.added == 1


def _rotated(name: str) -> Any:
    from cabledesk.crypto.keys import Identity

    return Identity.generate(
        name, "AMEMBASSY PARIS", nationality="USA", created=NOW, expires=NOW + timedelta(days=700)
    )


def test_attestations_record_the_exact_key_set_of_each_card(vault: Vault) -> None:
    from cabledesk.crypto.contact import ContactCard as Card

    _service(vault).import_directory(FIRST.to_bytes())
    for who in (JANE, JEAN):
        card = Card.for_identity(who)
        contact = ContactsService(vault).find_one(card.fingerprint)
        assert contact.attestation is not None and contact.attestation.keys == card.key_set()
