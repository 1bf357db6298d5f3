from __future__ import annotations

from pathlib import Path

import pytest

from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.keys import Identity
from cabledesk.errors import MarkingError, PolicyRefusal, VaultError
from cabledesk.export.signed import DocumentSigner
from cabledesk.export.verification import Verdict
from cabledesk.services.archive import ArchiveService
from cabledesk.services.contacts import ContactsService
from cabledesk.services.exporting import ExportRequest, ExportService
from cabledesk.services.vault_documents import VaultDocuments, parse_ceiling_setting
from cabledesk.store.settings import EXPORT_CEILING
from cabledesk.store.vault import Vault
from tests.export.samples import modern_cable, unclassified_cable
from tests.services.conftest import SCHEMES


def test_ceiling_setting() -> None:
    ceiling = parse_ceiling_setting("us=secret, uk = OFFICIAL-SENSITIVE", SCHEMES)
    us = ceiling.level_for(SCHEMES["us"])
    assert us is not None and us.name == "SECRET"
    default = parse_ceiling_setting("", SCHEMES).level_for(SCHEMES["us"])
    assert default is not None and default.name == "CONFIDENTIAL"
    with pytest.raises(VaultError, match="form"):
        parse_ceiling_setting("secret", SCHEMES)
    with pytest.raises(MarkingError):
        parse_ceiling_setting("us=ULTRA", SCHEMES)


def test_export_signed_by_the_identity_and_audited(vault: Vault, tmp_path: Path) -> None:
    docs = VaultDocuments(vault, SCHEMES)
    out = tmp_path / "cable.docx"
    result = docs.export(unclassified_cable(), ExportRequest(output=out), sign=True)
    assert result.signer_fingerprint == vault.identities.active().fingerprint
    entry = vault.audit.entries()[0]
    assert entry.event == "document exported" and entry.details["file"] == "cable.docx"
    assert entry.details["signed"] is True and entry.details["sha256"] == result.sha256
    check = docs.verify(out)
    assert check.verdict is Verdict.VALID and "(you)" in (check.signer.name or "")
    assert vault.audit.entries()[0].event == "document verified"


def test_the_ceiling_comes_from_the_settings(vault: Vault, tmp_path: Path) -> None:
    docs = VaultDocuments(vault, SCHEMES)
    secret = modern_cable()  # SECRET//ORCON/NOFORN//NODIS
    with pytest.raises(PolicyRefusal):
        docs.export(secret, ExportRequest(output=tmp_path / "a.docx"))
    vault.settings.set(EXPORT_CEILING, "us=TOP SECRET")
    docs.export(secret, ExportRequest(output=tmp_path / "a.docx"))
    assert (tmp_path / "a.docx").exists()


def test_a_contacts_signature_shows_its_trust(vault: Vault, tmp_path: Path) -> None:
    klaus = Identity.generate("Klaus Weber", "AMEMBASSY BERLIN")
    contacts = ContactsService(vault)
    contacts.import_card(ContactCard.for_identity(klaus).to_bytes())
    out = tmp_path / "from-klaus.docx"
    ExportService(SCHEMES).export(
        unclassified_cable(),
        ExportRequest(output=out, signer=DocumentSigner.from_identity(klaus)),
    )
    docs = VaultDocuments(vault, SCHEMES)
    assert docs.verify(out).verdict is Verdict.VALID_UNVERIFIED
    contacts.verify("Klaus", "phone")
    assert docs.verify(out).verdict is Verdict.VALID
    contacts.revoke("Klaus", "laptop lost")
    assert docs.verify(out).verdict is Verdict.REVOKED_SIGNER


def test_cables_are_found_by_id(vault: Vault) -> None:
    docs = VaultDocuments(vault, SCHEMES)
    draft = unclassified_cable()
    vault.drafts.save(draft, "UNCLASSIFIED", vault.now())
    assert docs.find_cable(draft.id[:8]) == draft
    with pytest.raises(VaultError, match="four"):
        docs.find_cable("ab")
    with pytest.raises(VaultError, match="No draft"):
        docs.find_cable("ffffffff")
    from tests.services.test_archive_service import _sample

    [archived] = _sample(1)
    ArchiveService(vault, SCHEMES).import_cables([archived])
    assert docs.find_cable(archived.id) == archived
