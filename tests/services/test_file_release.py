"""Issue 15, point 7: encryption to contacts applies the release policy to what is encrypted.

The attack: ``encrypt --to`` a GBR CONFIDENTIAL contact sent a SECRET//NOFORN cable's
JSON, and its exported .docx, as if they were any file. Now a cable is judged by its
banner, a CableDesk document by its label, a backup as the top of the user's scheme,
a sealed cable and any other file by the marking the user states; raw ``age1…``
recipients get no policy (the user chose the keys)."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest

from cabledesk.crypto.age import decrypt
from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.keys import Identity
from cabledesk.domain.canonical import encode_cable
from cabledesk.errors import InputError, NoIdentityMatch, PolicyRefusal
from cabledesk.services.backup import BackupService
from cabledesk.services.contacts import ContactsService
from cabledesk.services.exporting import DocumentFormat, ExportService
from cabledesk.services.file_crypto import FileCryptoService
from cabledesk.services.sealing import SealService
from cabledesk.store.vault import Vault
from tests.interop._tools import require_tool
from tests.services.conftest import CABLE, SCHEMES

NIGEL = Identity.generate(
    "Nigel Hart", "BRITISH EMBASSY PARIS", clearance="CONFIDENTIAL", nationality="GBR"
)
NOFORN = CABLE  # (U) subject, (S//NF) paragraph: SECRET//NOFORN
RELEASABLE = replace(
    CABLE,
    paragraphs=(CABLE.paragraphs[0], replace(CABLE.paragraphs[1], marking="(C//REL TO USA, GBR)")),
)
UNCLASSIFIED = replace(CABLE, paragraphs=(CABLE.paragraphs[0],), authority=None)


@pytest.fixture
def files(vault: Vault) -> FileCryptoService:
    contacts = ContactsService(vault)
    contacts.import_card(ContactCard.for_identity(NIGEL).to_bytes())
    contacts.verify("Nigel Hart", "in person")
    return FileCryptoService(vault, SCHEMES)


def _encrypted_events(vault: Vault) -> list[dict[str, object]]:
    return [e.details for e in vault.audit.entries() if e.event == "file encrypted"]


def _refused(files: FileCryptoService, vault: Vault, src: Path, marking: str | None = None) -> str:
    out = src.with_name(src.name + ".age")
    before = _encrypted_events(vault)
    with pytest.raises(PolicyRefusal) as caught:
        files.encrypt(src, out, files.target(contacts=["Nigel Hart"]), marking=marking)
    assert not out.exists() and _encrypted_events(vault) == before
    return caught.value.message


def _allowed(files: FileCryptoService, src: Path, marking: str | None = None) -> Path:
    out = src.with_name(src.name + ".age")
    files.encrypt(src, out, files.target(contacts=["Nigel Hart"]), marking=marking)
    plain = io.BytesIO()
    decrypt(io.BytesIO(out.read_bytes()), plain, [NIGEL.encryption_key])
    assert plain.getvalue() == src.read_bytes()
    return out


def test_encrypt_to_contact_applies_the_release_policy_to_a_noforn_cable(
    files: FileCryptoService, vault: Vault, tmp_path: Path
) -> None:
    src = tmp_path / "cable.json"
    src.write_bytes(encode_cable(NOFORN))
    message = _refused(files, vault, src)
    assert message.startswith("The release policy does not allow cable.json (SECRET//NOFORN)")
    assert "Nigel Hart (GBR) may not receive this NOFORN cable" in message
    # Stating a lower marking never lowers what the cable says of itself.
    assert "may not receive" in _refused(files, vault, src, marking="UNCLASSIFIED")


def test_encrypt_to_contact_applies_the_release_policy_to_a_noforn_docx(
    files: FileCryptoService, vault: Vault, tmp_path: Path
) -> None:
    src = tmp_path / "cable.docx"
    src.write_bytes(ExportService(SCHEMES).render(NOFORN, format=DocumentFormat.DOCX).data)
    message = _refused(files, vault, src)
    assert "(SECRET//NOFORN)" in message and "Nigel Hart (GBR)" in message


def test_encrypt_to_contact_applies_the_release_policy_to_a_noforn_pdf(
    files: FileCryptoService, vault: Vault, tmp_path: Path
) -> None:
    require_tool("soffice")
    src = tmp_path / "cable.pdf"
    src.write_bytes(ExportService(SCHEMES).render(NOFORN, format=DocumentFormat.PDF).data)
    assert "(SECRET//NOFORN)" in _refused(files, vault, src)


def test_documents_and_cables_releasable_to_the_contact_are_encrypted(
    files: FileCryptoService, vault: Vault, tmp_path: Path
) -> None:
    as_json = tmp_path / "releasable.json"
    as_json.write_bytes(encode_cable(RELEASABLE))
    as_docx = tmp_path / "releasable.docx"
    as_docx.write_bytes(ExportService(SCHEMES).render(RELEASABLE, format=DocumentFormat.DOCX).data)
    for src in (as_json, as_docx):
        _allowed(files, src)
    assert _encrypted_events(vault)[0]["marking"] == ["CONFIDENTIAL//REL TO USA, GBR"]


def test_other_files_need_a_stated_marking(
    files: FileCryptoService, vault: Vault, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Lunch with the minister on Tuesday.\n")
    assert "is not a CableDesk cable or document" in _refused(files, vault, notes)
    assert "may not receive" in _refused(files, vault, notes, marking="SECRET")
    _allowed(files, notes, marking="UNCLASSIFIED")
    assert _encrypted_events(vault)[0]["marking"] == ["UNCLASSIFIED"]


def test_a_file_carrying_a_banner_looks_classified_and_keeps_it(
    files: FileCryptoService, vault: Vault, tmp_path: Path
) -> None:
    memo = tmp_path / "memo.txt"
    memo.write_text("SECRET//NOFORN\n\n(S//NF) The minister agreed.\n")
    assert "memo.txt looks classified (SECRET//NOFORN" in _refused(files, vault, memo)
    assert "NOFORN" in _refused(files, vault, memo, marking="UNCLASSIFIED")


def test_a_backup_is_judged_as_the_top_of_the_users_scheme(
    files: FileCryptoService, vault: Vault, tmp_path: Path
) -> None:
    backup = tmp_path / "vault-backup.age"
    BackupService(vault).create(backup, to_self=True)
    message = _refused(files, vault, backup, marking="UNCLASSIFIED")
    assert "(TOP SECRET" in message and "Nigel Hart (GBR)" in message


def test_a_sealed_cable_needs_a_stated_marking(
    files: FileCryptoService, vault: Vault, tmp_path: Path
) -> None:
    sealed = tmp_path / "unclassified.cable"
    nigel = ContactsService(vault).resolve(["Nigel Hart"])
    SealService(vault, SCHEMES).seal(UNCLASSIFIED, nigel, sealed)
    assert "a sealed cable keeps it inside its encryption" in _refused(files, vault, sealed)
    check = files.check_release(sealed, files.target(contacts=["Nigel Hart"]))
    assert check.label.kind.value == "sealed cable" and check.needs_marking
    _allowed(files, sealed, marking="UNCLASSIFIED")


def test_the_user_is_a_recipient_unless_not_me(
    files: FileCryptoService, vault: Vault, tmp_path: Path
) -> None:
    src = tmp_path / "notes.txt"
    src.write_text("x")
    mine = [vault.identities.active().encryption_key]
    for include_me in (True, False):
        out = tmp_path / f"{include_me}.age"
        target = files.target(contacts=["Nigel Hart"], include_me=include_me)
        files.encrypt(src, out, target, marking="U")
        if include_me:
            decrypt(io.BytesIO(out.read_bytes()), io.BytesIO(), mine)
        else:
            with pytest.raises(NoIdentityMatch):
                decrypt(io.BytesIO(out.read_bytes()), io.BytesIO(), mine)


def test_contacts_need_a_file_not_a_stream(files: FileCryptoService) -> None:
    target = files.target(contacts=["Nigel Hart"])
    with pytest.raises(InputError, match="needs a file"):
        files.encrypt(io.BytesIO(b"x"), io.BytesIO(), target, marking="U")


def test_raw_recipients_get_no_policy_and_are_audited_by_file_name(
    files: FileCryptoService, vault: Vault, tmp_path: Path
) -> None:
    src = tmp_path / "cable.json"
    src.write_bytes(encode_cable(NOFORN))
    out = tmp_path / "cable.json.age"
    files.encrypt(src, out, files.target(recipients=[NIGEL.encryption_key.recipient()]))
    decrypt(io.BytesIO(out.read_bytes()), io.BytesIO(), [NIGEL.encryption_key])
    entry = _encrypted_events(vault)[0]
    assert entry["file"] == "cable.json" and "marking" not in entry
