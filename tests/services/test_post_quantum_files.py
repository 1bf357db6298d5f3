"""Files encrypted to contacts follow the post-quantum rule of sealed cables (issue 17)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from cabledesk.crypto.age import HybridIdentity, X25519Identity, decrypt
from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.keys import Identity
from cabledesk.errors import InputError, PolicyRefusal
from cabledesk.services.contacts import ContactsService
from cabledesk.services.file_crypto import FileCryptoService
from cabledesk.store.vault import Vault

KLAUS = Identity.generate("Klaus Weber", "AMEMBASSY BERLIN", nationality="USA",
                          clearance="SECRET", pq_key=HybridIdentity.generate())  # fmt: skip
HANS = Identity.generate("Hans Alt", "AMEMBASSY BERN", nationality="USA", clearance="SECRET")
BOTH = {KLAUS.fingerprint, HANS.fingerprint}  # unverified: the user confirms them


@pytest.fixture
def service(vault: Vault) -> FileCryptoService:
    for person in (KLAUS, HANS):
        ContactsService(vault).import_card(ContactCard.for_identity(person).to_bytes())
    return FileCryptoService(vault)


def _types(path: Path) -> set[str]:
    head = path.read_bytes()[:100_000].split(b"\n---", 1)[0]
    return {line.split()[1].decode() for line in head.split(b"\n") if line.startswith(b"-> ")}


def _plain(tmp_path: Path) -> Path:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"r" * 1000)
    return path


def test_a_file_for_contacts_with_post_quantum_keys_is_post_quantum(
    service: FileCryptoService, vault: Vault, tmp_path: Path
) -> None:
    out = tmp_path / "out.age"
    target = service.target(contacts=["Klaus Weber"])
    plan = service.post_quantum_plan(_plain(tmp_path), target, marking="SECRET")
    assert plan is not None and plan.post_quantum
    service.encrypt(_plain(tmp_path), out, target, marking="SECRET", confirmed=BOTH)
    assert _types(out) == {"mlkem768x25519"}
    plain = io.BytesIO()
    assert KLAUS.pq_key is not None
    decrypt(io.BytesIO(out.read_bytes()), plain, [KLAUS.pq_key])
    assert plain.getvalue() == b"r" * 1000
    assert vault.audit.entries(limit=1)[0].details["post_quantum"] is True


def test_a_secret_file_for_someone_without_a_post_quantum_key_is_refused(
    service: FileCryptoService, tmp_path: Path
) -> None:
    out = tmp_path / "out.age"
    target = service.target(contacts=["Klaus Weber", "Hans Alt"])
    with pytest.raises(PolicyRefusal, match="Hans Alt"):
        service.encrypt(_plain(tmp_path), out, target, marking="SECRET", confirmed=BOTH)
    assert not out.exists()


def test_below_the_level_a_file_falls_back_to_x25519_for_everyone(
    service: FileCryptoService, tmp_path: Path
) -> None:
    out = tmp_path / "out.age"
    target = service.target(contacts=["Klaus Weber", "Hans Alt"])
    plan = service.post_quantum_plan(_plain(tmp_path), target, marking="CONFIDENTIAL")
    assert plan is not None and plan.warning is not None and "Hans Alt" in plan.warning.render()
    service.encrypt(_plain(tmp_path), out, target, marking="CONFIDENTIAL", confirmed=BOTH)
    assert _types(out) == {"X25519"}


def test_a_raw_post_quantum_key_with_contacts_lacking_one_is_never_mixed(
    service: FileCryptoService, tmp_path: Path
) -> None:
    raw = HybridIdentity.generate().recipient()
    target = service.target(contacts=["Hans Alt"], recipients=[raw])
    with pytest.raises(InputError, match="cannot be mixed"):
        service.encrypt(_plain(tmp_path), tmp_path / "o.age", target, marking="UNCLASSIFIED",
                        confirmed=BOTH)  # fmt: skip
    classic = X25519Identity.generate().recipient()
    target = service.target(contacts=["Klaus Weber"], recipients=[classic])
    service.encrypt(_plain(tmp_path), tmp_path / "c.age", target, marking="UNCLASSIFIED",
                    confirmed=BOTH)  # fmt: skip
    assert _types(tmp_path / "c.age") == {"X25519"}
