"""FileCryptoService: encryption to contacts, recipients or a passphrase, audited only once
the output is complete; decryption with the vault's keys and a passphrase when asked."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from cabledesk.crypto.age import X25519Identity, decrypt
from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.keys import Identity
from cabledesk.errors import (
    Cancelled,
    InputError,
    NoIdentityMatch,
    PolicyRefusal,
    VaultError,
    WeakPassphrase,
)
from cabledesk.services.contacts import ContactsService
from cabledesk.services.file_crypto import FileCryptoService, PassphraseNeeded
from cabledesk.store.vault import Vault

KLAUS = Identity.generate("Klaus Weber", "AMEMBASSY BERLIN")
OK = {KLAUS.fingerprint}  # Klaus is not verified: the user confirms him


@pytest.fixture(autouse=True)
def fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    """Passphrase encryption at a low work factor (the code paths are the same)."""
    from cabledesk.crypto.age import ScryptRecipient

    monkeypatch.setattr(ScryptRecipient.__init__, "__defaults__", (10,))


@pytest.fixture
def service(vault: Vault) -> FileCryptoService:
    ContactsService(vault).import_card(ContactCard.for_identity(KLAUS).to_bytes())
    return FileCryptoService(vault)


def _plain(tmp_path: Path, size: int = 200_000) -> Path:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"r" * size)
    return path


def _events(vault: Vault) -> list[str]:
    return [e.event for e in vault.audit.entries()]


def test_to_a_contact_then_audited(
    service: FileCryptoService, vault: Vault, tmp_path: Path
) -> None:
    src, out = _plain(tmp_path), tmp_path / "report.pdf.age"
    seen: list[tuple[int, int | None]] = []
    target = service.target(contacts=["Klaus Weber"])
    assert target.names == ("Klaus Weber",) and not target.passphrase
    service.encrypt(
        src, out, target, marking="UNCLASSIFIED", confirmed={KLAUS.fingerprint},
        progress=lambda n, size: seen.append((n, size)),
    )  # fmt: skip
    assert seen[-1] == (200_000, 200_000)
    plain = io.BytesIO()
    decrypt(io.BytesIO(out.read_bytes()), plain, [KLAUS.encryption_key])
    assert plain.getvalue() == src.read_bytes()
    entry = vault.audit.entries(limit=1)[0]
    assert entry.event == "file encrypted"
    assert entry.details == {
        "file": "report.pdf", "output": "report.pdf.age",
        "to": [f"Klaus Weber ({KLAUS.fingerprint})"], "to me": True,
        "marking": ["UNCLASSIFIED"], "post_quantum": False,
    }  # fmt: skip


@pytest.mark.parametrize("failure", ["missing input", "cancelled", "existing output"])
def test_nothing_is_audited_when_the_encryption_fails(
    service: FileCryptoService, vault: Vault, tmp_path: Path, failure: str
) -> None:
    src, out = _plain(tmp_path), tmp_path / "out.age"
    target = service.target(contacts=["Klaus Weber"])
    before = _events(vault)
    if failure == "missing input":
        with pytest.raises(InputError, match="Cannot read"):
            service.encrypt(tmp_path / "nonexistent.txt", out, target)
    elif failure == "cancelled":
        with pytest.raises(Cancelled):
            service.encrypt(src, out, target, marking="U", confirmed=OK, cancel=lambda: True)
    else:
        out.write_bytes(b"keep me")
        with pytest.raises(InputError, match="already exists"):
            service.encrypt(src, out, target, marking="U", confirmed=OK)
        assert out.read_bytes() == b"keep me"
    assert _events(vault) == before
    assert failure == "existing output" or not out.exists()


def test_a_stream_whose_reader_went_away_is_not_audited(
    service: FileCryptoService, vault: Vault, tmp_path: Path
) -> None:
    class GoneReader(io.BytesIO):
        def write(self, data: object) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    before = _events(vault)
    with pytest.raises(BrokenPipeError):
        service.encrypt(
            _plain(tmp_path),
            GoneReader(),
            service.target(contacts=["Klaus"]),
            marking="U",
            confirmed=OK,
        )
    assert _events(vault) == before


def test_recipients_and_passphrases(service: FileCryptoService, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="No recipient"):
        service.target()
    with pytest.raises(InputError, match="cannot be combined"):
        service.target(contacts=["Klaus"], passphrase="blue walrus orbit")
    with pytest.raises(WeakPassphrase):
        service.target(passphrase="summer2024")
    with pytest.raises(VaultError, match="No contact"):
        service.target(contacts=["Nobody"])
    with pytest.raises(InputError, match="needs the vault"):
        FileCryptoService().target(contacts=["Klaus"])
    raw = X25519Identity.generate()
    target = FileCryptoService().target(recipients=[raw.recipient()])
    assert target.names == (str(raw.recipient()),)


def test_revoked_keys_are_refused(service: FileCryptoService, vault: Vault) -> None:
    ContactsService(vault).revoke("Klaus", "laptop lost")
    with pytest.raises(PolicyRefusal, match="revoked"):
        service.target(contacts=["Klaus"])


def test_output_replacing_the_input_is_refused(service: FileCryptoService, tmp_path: Path) -> None:
    src = _plain(tmp_path)
    with pytest.raises(InputError, match="replace the file being read"):
        service.encrypt(src, src, service.target(contacts=["Klaus"]), overwrite=True)


def test_decrypt_with_the_vaults_keys_and_a_passphrase_when_asked(
    service: FileCryptoService, vault: Vault, tmp_path: Path
) -> None:
    src = _plain(tmp_path, 1000)
    me = FileCryptoService().target(
        recipients=[vault.identities.active().encryption_key.recipient()]
    )
    service.encrypt(src, tmp_path / "mine.age", me)
    service.decrypt(tmp_path / "mine.age", tmp_path / "mine")
    assert (tmp_path / "mine").read_bytes() == src.read_bytes()
    assert (tmp_path / "mine").stat().st_mode & 0o777 == 0o600
    locked = service.target(passphrase="blue walrus orbit")
    service.encrypt(src, tmp_path / "p.age", locked)
    with pytest.raises(PassphraseNeeded):
        service.decrypt(tmp_path / "p.age", tmp_path / "p")
    assert not (tmp_path / "p").exists()
    with pytest.raises(NoIdentityMatch):
        service.decrypt(tmp_path / "p.age", tmp_path / "p", passphrase="wrong words here")
    asked: list[str] = []

    def ask() -> str:
        asked.append("asked")
        return "blue walrus orbit"

    def never() -> str:
        raise AssertionError("a file for the vault's key asks no passphrase")

    service.decrypt(tmp_path / "p.age", tmp_path / "p", passphrase=ask)
    assert asked == ["asked"] and (tmp_path / "p").read_bytes() == src.read_bytes()
    service.decrypt(tmp_path / "mine.age", tmp_path / "again", passphrase=never)
