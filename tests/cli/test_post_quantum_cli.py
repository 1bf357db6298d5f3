"""``keygen --pq``, ``encrypt -r/-R age1pq1…`` and ``decrypt -i`` with post-quantum keys."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cabledesk.crypto.age import HybridIdentity, X25519Identity
from cabledesk.crypto.contact import ContactCard
from tests.cli.conftest import Runner, Vault


@pytest.fixture
def pq_keys(cli: Runner, tmp_path: Path) -> Path:
    base = tmp_path / "jane"
    r = cli("keygen", "--pq", "-o", str(base), "--name", "Jane Doe", "--post", "AMEMBASSY PARIS")
    assert r.code == 0, r.err
    return base


def _key_line(path: Path) -> str:
    return next(line for line in path.read_text().splitlines() if not line.startswith("#"))


def test_keygen_pq_writes_a_hybrid_only_identity_and_its_recipient(pq_keys: Path) -> None:
    folder = pq_keys.parent
    modes = {p.name: p.stat().st_mode & 0o777 for p in folder.iterdir()}
    assert modes == {"jane": 0o600, "jane.pub": 0o644, "jane.ssh": 0o600, "jane.ssh.pub": 0o644,
                     "jane.contact": 0o644, "jane.x25519": 0o600}  # fmt: skip
    secret = _key_line(pq_keys)
    assert secret.startswith("AGE-SECRET-KEY-PQ-1")
    assert len((folder / "jane").read_text().splitlines()) == 3  # two comments, one key
    public = (folder / "jane.pub").read_text().strip()
    assert public.startswith("age1pq1") and len(public) == 1959
    assert str(HybridIdentity.parse(secret).recipient()) == public
    card = ContactCard.parse((folder / "jane.contact").read_bytes(), now=None)
    assert card.pq_recipient == public
    classic = X25519Identity.parse(_key_line(folder / "jane.x25519"))
    assert classic.recipient() == card.keys.encryption


def test_keygen_pq_without_card(cli: Runner, tmp_path: Path) -> None:
    assert cli("keygen", "--pq", "-o", str(tmp_path / "k")).code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["k", "k.pub", "k.ssh", "k.ssh.pub"]
    assert (tmp_path / "k.pub").read_text().startswith("age1pq1")


def test_encrypt_to_hybrid_recipients_and_decrypt(
    cli: Runner, pq_keys: Path, tmp_path: Path
) -> None:
    cli("keygen", "--pq", "-o", str(tmp_path / "klaus"))
    plain = tmp_path / "plain"
    plain.write_bytes(os.urandom(100_000))
    team = tmp_path / "team.txt"
    team.write_text(f"# team\n{(tmp_path / 'klaus.pub').read_text()}")
    jane_pub = (pq_keys.parent / "jane.pub").read_text().strip()
    r = cli("encrypt", "-r", jane_pub, "-R", str(team), "-o", str(tmp_path / "s.age"), str(plain))
    assert r.code == 0, r.err
    assert (tmp_path / "s.age").read_bytes().count(b"-> mlkem768x25519 ") == 2
    for who in (pq_keys, tmp_path / "klaus"):
        out = tmp_path / f"out-{who.name}"
        r = cli("decrypt", "-i", str(who), "-o", str(out), str(tmp_path / "s.age"))
        assert r.code == 0, r.err
        assert out.read_bytes() == plain.read_bytes()
    r = cli("decrypt", "-i", str(pq_keys.parent / "jane.x25519"), str(tmp_path / "s.age"))
    assert r.code == 1 and "not encrypted for you" in r.err


def test_encrypt_refuses_to_mix_post_quantum_and_classic_recipients(
    cli: Runner, pq_keys: Path, tmp_path: Path
) -> None:
    plain = tmp_path / "plain"
    plain.write_bytes(b"secret")
    pq = (pq_keys.parent / "jane.pub").read_text().strip()
    classic = str(X25519Identity.generate().recipient())
    for extra in (
        ["-r", pq, "-r", classic],
        ["-r", classic, "-R", str(pq_keys.parent / "jane.pub")],
    ):
        r = cli("encrypt", *extra, "-o", str(tmp_path / "mixed.age"), str(plain))
        assert r.code == 2
        assert "cannot be mixed" in r.err and "keygen --pq" in r.err
        assert not (tmp_path / "mixed.age").exists()


def test_decrypt_reads_an_identity_file_of_both_kinds(
    cli: Runner, pq_keys: Path, tmp_path: Path
) -> None:
    both = tmp_path / "both"
    both.write_text(pq_keys.read_text() + (pq_keys.parent / "jane.x25519").read_text())
    card = ContactCard.parse((pq_keys.parent / "jane.contact").read_bytes(), now=None)
    plain = tmp_path / "plain"
    plain.write_bytes(b"either key opens it")
    for recipient in (str(card.keys.encryption), str(card.pq_recipient)):
        assert cli("encrypt", "-r", recipient, "-o", str(tmp_path / "s.age"), str(plain)).code == 0
        r = cli("decrypt", "-i", str(both), str(tmp_path / "s.age"))
        assert r.code == 0 and r.out == "either key opens it"
        (tmp_path / "s.age").unlink()


def test_a_damaged_post_quantum_recipient_is_a_usage_error(cli: Runner, tmp_path: Path) -> None:
    (tmp_path / "plain").write_bytes(b"x")
    r = cli("encrypt", "-r", "age1pq1" + "q" * 1952, str(tmp_path / "plain"))
    assert r.code == 2 and "post-quantum age recipient" in r.err


# --- one's own identity ---------------------------------------------------------------


def test_init_gives_the_identity_a_post_quantum_key(cli: Runner, jane: Vault) -> None:
    import json

    r = cli(*jane.options, "identity", "show", "--json")
    assert r.code == 0, r.err
    assert json.loads(r.out)["pq_recipient"].startswith("age1pq1")
    assert "pq recipient:  age1pq1" in cli(*jane.options, "identity", "show").out


def test_identity_upgrade_of_an_older_identity(cli: Runner, jane: Vault, tmp_path: Path) -> None:
    """An identity made before post-quantum keys (its key removed from the vault here, as
    such a vault has none) gets one and a newer card; a second upgrade is refused."""
    from cabledesk.services.vault_access import VaultAccess

    vault = VaultAccess.for_home(str(jane.home)).unlock(jane.passphrase_file.read_text().strip())
    vault.db.execute("UPDATE identities SET pq_key = NULL")
    vault.lock()
    before = tmp_path / "before.contact"
    assert cli(*jane.options, "identity", "export-card", "-o", str(before)).code == 0
    card = tmp_path / "after.contact"
    r = cli(*jane.options, "identity", "upgrade", "-o", str(card))
    assert r.code == 0, r.err
    old = ContactCard.parse(before.read_bytes(), now=None)
    new = ContactCard.parse(card.read_bytes(), now=None)
    assert (old.pq_recipient, old.sequence) == (None, 1)
    assert new.pq_recipient is not None and r.out.strip().endswith(new.pq_recipient)
    assert new.sequence == 2 and new.fingerprint == old.fingerprint
    r = cli(*jane.options, "identity", "upgrade")
    assert r.code != 0 and "post-quantum key already" in r.err
