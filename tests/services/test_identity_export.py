from __future__ import annotations

import io
from pathlib import Path

import pytest

from cabledesk.crypto.age import ScryptIdentity, decrypt, parse_identity_file
from cabledesk.crypto.contact import ContactCard
from cabledesk.errors import InputError, WeakPassphrase
from cabledesk.services.identity import IdentityService
from cabledesk.store.vault import Vault
from tests.services.conftest import SCHEMES


@pytest.fixture(autouse=True)
def fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    """Passphrase encryption at a low work factor (the code paths are the same)."""
    from cabledesk.crypto.age import ScryptRecipient

    monkeypatch.setattr(ScryptRecipient.__init__, "__defaults__", (10,))


def test_export_the_card(vault: Vault, tmp_path: Path) -> None:
    service = IdentityService(vault, SCHEMES)
    out = tmp_path / "me.contact"
    fingerprint = service.export_card(out)
    assert ContactCard.parse(out.read_bytes(), now=vault.now()).fingerprint == fingerprint
    assert out.stat().st_mode & 0o777 == 0o644
    with pytest.raises(InputError, match="already exists"):
        service.export_card(out)
    service.export_card(out, overwrite=True)


def test_export_the_secret_key_strong_passphrase_and_audited(vault: Vault, tmp_path: Path) -> None:
    service = IdentityService(vault, SCHEMES)
    out = tmp_path / "me.age"
    with pytest.raises(WeakPassphrase):
        service.export_secret(out, "summer2024")
    assert not out.exists()
    assert "secret key exported" not in [e.event for e in vault.audit.entries()]
    service.export_secret(out, "blue walrus orbit")
    assert out.stat().st_mode & 0o777 == 0o600
    assert out.read_text().startswith("-----BEGIN AGE ENCRYPTED FILE-----")
    plain = io.BytesIO()
    decrypt(io.BytesIO(out.read_bytes()), plain, [ScryptIdentity("blue walrus orbit")])
    pq_key, key = parse_identity_file(plain.getvalue().decode())  # both keys, post-quantum first
    active = vault.identities.active()
    assert key.recipient() == active.encryption_key.recipient()
    assert active.pq_key is not None and pq_key.recipient() == active.pq_key.recipient()
    entry = vault.audit.entries(limit=1)[0]
    assert entry.event == "secret key exported"
    assert entry.details == {"fingerprint": service.info().fingerprint, "file": "me.age"}
    assert "AGE-SECRET-KEY" not in str(entry.details)
    with pytest.raises(InputError, match="already exists"):
        service.export_secret(out, "blue walrus orbit")
