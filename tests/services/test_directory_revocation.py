"""Issue 16: a key revoked by a trusted anchor's directory is refused everywhere — sealing,
plain encryption to contacts, opening ("signed by a revoked key" is not VALID), signed
documents — and wins over the user's own verification; a signer attested by a trusted
anchor counts as verified, and the verdict says by whom. One test per attack."""

from __future__ import annotations

from pathlib import Path

import pytest

from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.directory import Revocation
from cabledesk.crypto.keys import Identity
from cabledesk.domain.policy import ReasonCode
from cabledesk.errors import PolicyRefusal
from cabledesk.export.signed import DocumentSigner
from cabledesk.export.verification import Verdict as DocumentVerdict
from cabledesk.seal import Verdict
from cabledesk.services.contacts import ContactsService
from cabledesk.services.directory import DirectoryService
from cabledesk.services.exporting import ExportRequest, ExportService
from cabledesk.services.file_crypto import FileCryptoService
from cabledesk.services.opening import OpenService
from cabledesk.services.sealing import SealService
from cabledesk.services.vault_documents import VaultDocuments
from cabledesk.store.vault import Vault
from tests.crypto.dirkit import ANCHOR, NOW, directory, entry
from tests.export.samples import unclassified_cable
from tests.services.conftest import CABLE, SCHEMES


def _revoke(vault: Vault, *fingerprints: str, entries: tuple[Identity, ...] = ()) -> None:
    service = DirectoryService(vault)
    service.trust(ANCHOR, "handed over by the security officer")
    revocations = [Revocation(fp, "key-compromise", "Laptop stolen.", NOW) for fp in fingerprints]
    cards = [entry(ContactCard.for_identity(i)) for i in entries]
    service.import_directory(directory(cards, revocations).to_bytes())


def _fingerprint(vault: Vault) -> str:
    return vault.identities.active().fingerprint


def test_sealing_to_a_key_revoked_by_the_directory_is_refused(
    parties: tuple[Vault, Vault, Vault], tmp_path: Path
) -> None:
    jane, berlin, _ = parties  # Jane verified Berlin herself
    _revoke(jane, _fingerprint(berlin))
    service = SealService(jane, SCHEMES)
    [(contact, _, decision)] = service.check(CABLE, service.resolve(["Berlin"])).decisions
    assert ReasonCode.KEY_REVOKED in decision.codes and not decision.allowed
    assert "MFA SECURITY OFFICE" in contact.trust.how  # the user is told by whom
    with pytest.raises(PolicyRefusal, match="MFA SECURITY OFFICE"):
        service.seal(CABLE, [contact], tmp_path / "out.cable")
    assert not (tmp_path / "out.cable").exists()


def test_plain_encryption_to_a_key_revoked_by_the_directory_is_refused(
    parties: tuple[Vault, Vault, Vault], tmp_path: Path
) -> None:
    jane, berlin, _ = parties
    _revoke(jane, _fingerprint(berlin))
    notes = tmp_path / "notes.txt"
    notes.write_text("Lunch on Tuesday.\n")
    files = FileCryptoService(jane, SCHEMES)
    with pytest.raises(PolicyRefusal, match="revoked"):
        target = files.target(contacts=["Berlin"])
        files.encrypt(notes, tmp_path / "n.age", target, marking="UNCLASSIFIED")
    assert not (tmp_path / "n.age").exists()


def test_cable_signed_by_a_key_revoked_by_the_directory_is_not_valid(
    parties: tuple[Vault, Vault, Vault], tmp_path: Path
) -> None:
    jane, berlin, _ = parties
    ContactsService(berlin).import_card(
        ContactCard.for_identity(jane.identities.active()).to_bytes()
    )
    ContactsService(berlin).verify("Jane", "in person")
    out = tmp_path / "from-berlin.cable"
    service = SealService(berlin, SCHEMES)
    service.seal(CABLE, service.resolve(["Jane"]), out)
    assert OpenService(jane, SCHEMES).verify(out).verdict is Verdict.VALID
    _revoke(jane, _fingerprint(berlin))
    result = OpenService(jane, SCHEMES).verify(out)
    assert result.verdict is Verdict.SIGNER_REVOKED and not result.ok
    assert "MFA SECURITY OFFICE" in result.message


def test_cable_signed_by_a_stranger_revoked_by_the_directory_is_not_valid(
    parties: tuple[Vault, Vault, Vault], tmp_path: Path
) -> None:
    jane, _, paris = parties
    ContactsService(paris).import_card(
        ContactCard.for_identity(jane.identities.active()).to_bytes()
    )
    ContactsService(paris).verify("Jane", "in person")
    out = tmp_path / "from-paris.cable"
    unclassified = unclassified_cable()
    service = SealService(paris, SCHEMES)
    service.seal(unclassified, service.resolve(["Jane"]), out)
    contacts = ContactsService(jane)
    jane.db.execute("DELETE FROM contacts WHERE name = 'Paris'")  # a stranger to Jane
    assert contacts.trust_of(_fingerprint(paris)) is None
    _revoke(jane, _fingerprint(paris))
    assert OpenService(jane, SCHEMES).verify(out).verdict is Verdict.SIGNER_REVOKED


def test_document_signed_by_a_key_revoked_by_the_directory_is_not_valid(
    vault: Vault, tmp_path: Path
) -> None:
    klaus = Identity.generate("Klaus Weber", "AMEMBASSY BERLIN", nationality="USA")
    contacts = ContactsService(vault)
    contacts.import_card(ContactCard.for_identity(klaus).to_bytes())
    contacts.verify("Klaus", "phone")
    out = tmp_path / "from-klaus.docx"
    ExportService(SCHEMES).export(
        unclassified_cable(),
        ExportRequest(output=out, signer=DocumentSigner.from_identity(klaus)),
    )
    docs = VaultDocuments(vault, SCHEMES)
    assert docs.verify(out).verdict is DocumentVerdict.VALID
    _revoke(vault, ContactCard.for_identity(klaus).fingerprint)
    check = docs.verify(out)
    assert check.verdict is DocumentVerdict.REVOKED_SIGNER and not check.ok


def test_signer_attested_by_a_trusted_anchor_counts_as_verified(
    parties: tuple[Vault, Vault, Vault], tmp_path: Path
) -> None:
    jane, _, paris = parties  # Jane has not verified Paris
    ContactsService(paris).import_card(
        ContactCard.for_identity(jane.identities.active()).to_bytes()
    )
    ContactsService(paris).verify("Jane", "in person")
    out = tmp_path / "from-paris.cable"
    service = SealService(paris, SCHEMES)
    service.seal(unclassified_cable(), service.resolve(["Jane"]), out)
    assert OpenService(jane, SCHEMES).verify(out).verdict is Verdict.SIGNER_UNVERIFIED
    _revoke(jane, entries=(paris.identities.active(),))
    result = OpenService(jane, SCHEMES).verify(out)
    assert result.verdict is Verdict.VALID
    assert "attested by MFA SECURITY OFFICE" in result.message
