"""Issue 16: a trusted anchor's directory that revokes the user's OWN identity key. As in
Kleopatra or Signal, the import succeeds and says so loudly (the outcome, the status),
the audit log records it once, and sealing or signing with the revoked key is refused
with the way out: a new key, attested (docs/SECURITY.md, "Your own key revoked")."""

from __future__ import annotations

from pathlib import Path

import pytest

from cabledesk.crypto.directory import Revocation
from cabledesk.crypto.keys import Identity
from cabledesk.errors import PolicyRefusal
from cabledesk.services.directory import DirectoryService
from cabledesk.services.exporting import ExportRequest
from cabledesk.services.identity import IdentityService
from cabledesk.services.sealing import SealService
from cabledesk.services.vault_documents import VaultDocuments
from cabledesk.store.vault import Vault
from tests.crypto.dirkit import ANCHOR, NOW, directory
from tests.export.samples import unclassified_cable
from tests.services.conftest import CABLE, SCHEMES


def _import(vault: Vault, *revocations: Revocation, serial: int = 1):  # type: ignore[no-untyped-def]
    service = DirectoryService(vault)
    if not service.anchors():
        service.trust(ANCHOR, "handed over by the security officer")
    return service.import_directory(directory([], revocations, serial=serial).to_bytes())


def _stolen(vault: Vault) -> Revocation:
    return Revocation(
        vault.identities.active().fingerprint, "key-compromise", "Laptop stolen.", NOW
    )


def _events(vault: Vault, event: str) -> list[dict[str, object]]:
    return [e.details for e in vault.audit.entries() if e.event == event]


def test_a_directory_revoking_the_users_own_key_imports_and_says_so(
    parties: tuple[Vault, Vault, Vault],
) -> None:
    jane, _, _ = parties
    mine = jane.identities.active().fingerprint
    outcome = _import(jane, _stolen(jane))
    assert outcome.status == "imported"
    [own] = outcome.own_revoked
    assert own.fingerprint == mine and own.active and own.reason == "key-compromise"
    [audited] = _events(jane, "own key revoked")
    assert audited["fingerprint"] == mine and audited["anchor"] == "MFA SECURITY OFFICE"
    # a newer directory that still says so is not news for the audit log
    _import(jane, _stolen(jane), serial=2)
    assert len(_events(jane, "own key revoked")) == 1


def test_the_status_shows_the_own_key_revocation(parties: tuple[Vault, Vault, Vault]) -> None:
    jane, _, _ = parties
    _import(jane, _stolen(jane))
    [status] = DirectoryService(jane).status()
    assert status.own_key_revoked is not None
    assert status.to_json()["own_key_revoked"] == {
        "reason": "key-compromise",
        "text": "Laptop stolen.",
        "revoked": NOW.isoformat(),
    }
    assert DirectoryService(jane).own_key_revocation() is not None


def test_sealing_with_a_revoked_own_key_is_refused(
    parties: tuple[Vault, Vault, Vault], tmp_path: Path
) -> None:
    jane, _, _ = parties
    _import(jane, _stolen(jane))
    service = SealService(jane, SCHEMES)
    with pytest.raises(PolicyRefusal, match="Your own key was revoked") as caught:
        service.seal(CABLE, service.resolve(["Berlin"]), tmp_path / "out.cable")
    assert caught.value.hint is not None and "identity rotate" in caught.value.hint
    assert "attested" in caught.value.hint
    assert not (tmp_path / "out.cable").exists()


def test_signing_an_export_with_a_revoked_own_key_is_refused(vault: Vault, tmp_path: Path) -> None:
    _import(vault, _stolen(vault))
    docs = VaultDocuments(vault, SCHEMES)
    out = tmp_path / "signed.docx"
    with pytest.raises(PolicyRefusal, match="Your own key was revoked"):
        docs.export(unclassified_cable(), ExportRequest(output=out), sign=True)
    assert not out.exists()


def test_a_new_key_seals_again_once_the_old_one_is_revoked(
    parties: tuple[Vault, Vault, Vault], tmp_path: Path
) -> None:
    jane, _, _ = parties
    _import(jane, _stolen(jane))
    IdentityService(jane, SCHEMES).rotate(tmp_path / "new.contact", tmp_path / "new.rotation")
    service = SealService(jane, SCHEMES)  # unclassified: attested-from asks nothing
    service.seal(unclassified_cable(), service.resolve(["Berlin"]), tmp_path / "out.cable")
    assert (tmp_path / "out.cable").exists()
    assert DirectoryService(jane).own_key_revocation() is None


def test_a_previous_key_marked_superseded_is_not_news(
    parties: tuple[Vault, Vault, Vault], tmp_path: Path
) -> None:
    jane, _, _ = parties
    old = jane.identities.active().fingerprint
    IdentityService(jane, SCHEMES).rotate(tmp_path / "new.contact", tmp_path / "new.rotation")
    outcome = _import(jane, Revocation(old, "superseded", "", NOW))
    assert outcome.own_revoked == () and _events(jane, "own key revoked") == []
    service = SealService(jane, SCHEMES)
    service.seal(unclassified_cable(), service.resolve(["Berlin"]), tmp_path / "out.cable")


def test_a_previous_key_revoked_for_compromise_is_reported(
    parties: tuple[Vault, Vault, Vault], tmp_path: Path
) -> None:
    jane, _, _ = parties
    old = jane.identities.active().fingerprint
    IdentityService(jane, SCHEMES).rotate(tmp_path / "new.contact", tmp_path / "new.rotation")
    outcome = _import(jane, Revocation(old, "key-compromise", "", NOW))
    [own] = outcome.own_revoked
    assert own.fingerprint == old and not own.active


def test_another_persons_revocation_is_not_the_users(
    parties: tuple[Vault, Vault, Vault],
) -> None:
    jane, _, _ = parties
    stranger = Identity.generate("X", "Y").fingerprint
    outcome = _import(jane, Revocation(stranger, "left-service", "", NOW))
    assert outcome.own_revoked == () and DirectoryService(jane).own_key_revocation() is None
