"""The identity-layer attacks, from the command line: key substitution by an unsigned
card, card rollback, keys changed under a verified name, impersonation by name in
``verify`` and ``open`` (docs/SECURITY.md, "Trust model")."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.keys import Identity
from cabledesk.store import vault as vault_module
from tests.cli.conftest import Runner
from tests.vaultkit import FAST, PASSPHRASE


@pytest.fixture
def base(cli: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, ...]:
    monkeypatch.setattr(vault_module, "calibrate", lambda: FAST)
    pp = tmp_path / "passphrase"
    pp.write_text(PASSPHRASE + "\n")
    args = ("--home", str(tmp_path / "home"), "--passphrase-file", str(pp))
    r = cli(*args, "init", "--name", "Jane Doe", "--post", "AMEMBASSY PARIS",
            "--clearance", "SECRET", "--nationality", "USA")  # fmt: skip
    assert r.code == 0, r.err
    return args


def _write(tmp_path: Path, name: str, card: ContactCard) -> str:
    path = tmp_path / name
    path.write_bytes(card.to_bytes())
    return str(path)


def test_key_substitution_by_an_unsigned_card_cli(
    cli: Runner, base: tuple[str, ...], tmp_path: Path
) -> None:
    bob = Identity.generate("Bob Smith", "AMEMBASSY ROME")
    keys = bob.public()
    r = cli(*base, "contact", "add", "--name", "Bob Smith", "--age-recipient",
            str(keys.encryption), "--ssh-key", keys.ssh_line())  # fmt: skip
    assert r.code == 0, r.err
    fp = ContactCard.for_identity(bob).fingerprint
    r = cli(*base, "contact", "verify", fp, "--how", "phone")
    assert r.code != 0 and "age recipient must be compared" in r.err
    r = cli(*base, "contact", "verify", fp, "--age-recipient", str(keys.encryption))
    assert r.code == 0, r.err
    attacker = Identity.generate("x", "y").public().encryption
    forged = ContactCard.from_public_keys(
        name="Bob Smith", age_recipient=str(attacker), ssh_key=keys.ssh_line(),
        clearance="TOP SECRET",
    )  # fmt: skip
    r = cli(*base, "contact", "import", _write(tmp_path, "forged.contact", forged))
    assert r.code != 0 and "not signed by its owner's key" in r.err
    r = cli(*base, "contact", "show", fp, "--json")
    assert str(keys.encryption) in r.out and str(attacker) not in r.out
    assert '"trust": "verified"' in r.out
    out = tmp_path / "bob.keys"
    assert cli(*base, "contact", "export", fp, "-o", str(out)).code == 0
    assert out.read_text() == f"{keys.encryption}\n{keys.ssh_line()}\n"


def test_card_rollback_cli(cli: Runner, base: tuple[str, ...], tmp_path: Path) -> None:
    tom = Identity.generate("Tom Hughes", "BRITISH EMBASSY PARIS", nationality="GBR",
                            clearance="CONFIDENTIAL", scheme="uk", card_sequence=2)  # fmt: skip
    r = cli(
        *base, "contact", "import", _write(tmp_path, "t2.contact", ContactCard.for_identity(tom))
    )
    assert r.code == 0, r.err
    fp = ContactCard.for_identity(tom).fingerprint
    assert cli(*base, "contact", "verify", fp).code == 0
    older = ContactCard.for_identity(replace(tom, nationality="USA", card_sequence=1))
    r = cli(*base, "contact", "import", _write(tmp_path, "t1.contact", older))
    assert r.code != 0 and "not newer" in r.err
    newer = ContactCard.for_identity(replace(tom, nationality="USA", card_sequence=3))
    r = cli(*base, "contact", "import", _write(tmp_path, "t3.contact", newer))
    assert r.code == 0, r.err
    assert "nationality: GBR -> USA" in r.out and "not yet verified" in r.out
    assert "contact verify" in r.err


def test_keys_changed_under_a_verified_name_cli(
    cli: Runner, base: tuple[str, ...], tmp_path: Path
) -> None:
    alice = Identity.generate("Alice Adams", "AMEMBASSY PARIS")
    r = cli(
        *base, "contact", "import", _write(tmp_path, "a.contact", ContactCard.for_identity(alice))
    )
    assert r.code == 0
    assert cli(*base, "contact", "verify", ContactCard.for_identity(alice).fingerprint).code == 0
    impostor = ContactCard.for_identity(Identity.generate("Alice Adams", "AMEMBASSY PARIS"))
    r = cli(*base, "contact", "import", _write(tmp_path, "b.contact", impostor))
    assert r.code == 0 and "KEYS CHANGED since you verified them" in r.out
    r = cli(*base, "contact", "list")
    assert "[KEYS CHANGED since you verified them]" in r.out


def test_impersonation_by_name_cli(cli: Runner, tmp_path: Path) -> None:
    from cabledesk.services.contacts import ContactsService
    from cabledesk.services.sealing import SealService
    from tests.services.conftest import CABLE, SCHEMES, party_vault
    from tests.vaultkit import Clock

    clock = Clock()
    jane = party_vault(tmp_path, clock, "Jane", "USA", "SECRET")
    mallory = party_vault(tmp_path, clock, "Mallory", "USA", "SECRET")
    contacts = ContactsService(jane)
    contacts.import_card(ContactCard.for_identity(mallory.identities.active()).to_bytes())
    contacts.verify("Mallory", "in person")
    mallory.db.execute("UPDATE identities SET name = 'Alice Adams', post = 'AMEMBASSY PARIS'")
    ContactsService(mallory).import_card(
        ContactCard.for_identity(jane.identities.active()).to_bytes()
    )
    ContactsService(mallory).verify("Jane", "in person")
    sealer = SealService(mallory, SCHEMES)
    out = tmp_path / "forged.cable"
    sealer.seal(CABLE, sealer.resolve(["Jane"]), out)
    home = jane.home.folder
    jane.lock()
    pp = tmp_path / "pp"
    pp.write_text(PASSPHRASE + "\n")
    for command in ("verify", "open"):
        r = cli("--home", str(home), "--passphrase-file", str(pp), command, str(out))
        assert r.code == 0, r.err
        first = r.out.splitlines()[0]
        assert "Mallory" in first and "Alice Adams" not in first
        assert "signed by: Mallory (AMEMBASSY MALLORY)" in r.out
        assert "signs as 'Alice Adams (AMEMBASSY PARIS)'" in r.out
