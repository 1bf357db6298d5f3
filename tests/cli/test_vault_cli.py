"""The vault commands of cabledesk-cli, run in process against a vault in a temp folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cabledesk.cli import _age as age_module
from cabledesk.cli import _io as io_module
from cabledesk.store import vault as vault_module
from tests.cli.conftest import Runner
from tests.vaultkit import FAST, PASSPHRASE


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vault_module, "calibrate", lambda: FAST)


@pytest.fixture
def pp(tmp_path: Path) -> Path:
    path = tmp_path / "passphrase"
    path.write_text(PASSPHRASE + "\n")
    return path


def _init(cli: Runner, home: Path, pp: Path, name: str, post: str, nat: str) -> None:
    r = cli("--home", str(home), "--passphrase-file", str(pp), "init", "--name", name,
            "--post", post, "--clearance", "SECRET", "--nationality", nat)  # fmt: skip
    assert r.code == 0, r.err
    assert "fingerprint:" in r.out and "Vault created" in r.err


@pytest.fixture
def homes(cli: Runner, tmp_path: Path, pp: Path) -> tuple[Path, Path]:
    jane, klaus = tmp_path / "jane", tmp_path / "klaus"
    _init(cli, jane, pp, "Jane Doe", "AMEMBASSY PARIS", "USA")
    _init(cli, klaus, pp, "Klaus Weber", "AMEMBASSY BERLIN", "DEU")
    return jane, klaus


@pytest.mark.slow
def test_identity_card_contacts_groups_and_files(
    cli: Runner, homes: tuple[Path, Path], pp: Path, tmp_path: Path
) -> None:
    jane, klaus = homes

    def at(home: Path, *args: str) -> tuple[int, str, str]:
        r = cli(*args, "--home", str(home), "--passphrase-file", str(pp))  # options after too
        return r.code, r.out, r.err

    code, out, _ = at(jane, "identity", "show", "--json")
    me = json.loads(out)
    assert code == 0 and me["name"] == "Jane Doe" and me["age_recipient"].startswith("age1")
    card = tmp_path / "klaus.contact"
    assert at(klaus, "identity", "export-card", "-o", str(card))[0] == 0
    code, out, err = at(jane, "contact", "import", str(card))
    assert code == 0 and "Imported Klaus Weber" in out and "contact verify" in err
    code, out, _ = at(jane, "contact", "list", "--json")
    [contact] = json.loads(out)
    assert contact["trust"] == "unverified" and contact["self_certified"]
    assert at(jane, "contact", "verify", contact["fingerprint"][7:20], "--how", "phone")[0] == 0
    assert at(jane, "group", "create", "EU posts", "--description", "embassies")[0] == 0
    assert at(jane, "group", "add", "EU posts", "klaus")[0] == 0
    code, out, _ = at(jane, "group", "list", "--json")
    assert json.loads(out)[0]["members"][0]["name"] == "Klaus Weber"
    plain = tmp_path / "memo.txt"
    plain.write_text("the minister said yes\n")
    sealed = tmp_path / "memo.age"
    to = ("--marking", "UNCLASSIFIED", "--confirm-unverified", "--not-me")
    assert at(jane, "encrypt", "--to", "EU posts", *to, "-o", str(sealed), str(plain))[0] == 0
    out_file = tmp_path / "memo.out"
    assert at(klaus, "decrypt", "-o", str(out_file), str(sealed))[0] == 0  # vault identity
    assert out_file.read_text() == "the minister said yes\n"
    code, _, err = at(jane, "decrypt", str(sealed))
    assert code == 1 and "not encrypted for you" in err
    code, out, _ = at(jane, "contact", "show", "Klaus", "--json")
    assert json.loads(out)["trust"] == "verified"
    assert at(jane, "contact", "revoke", "Klaus", "--reason", "laptop lost")[0] == 0
    code, _, err = at(jane, "encrypt", "--to", "Klaus", str(plain))
    assert code == 1 and "revoked" in err
    code, out, _ = at(jane, "audit", "verify")
    assert code == 0 and "intact" in out
    code, out, _ = at(jane, "audit", "show", "--json")
    events = [e["event"] for e in json.loads(out)]
    assert events[:3] == ["contact revoked", "file encrypted", "group changed"]


@pytest.mark.slow
def test_archive_import_and_search(
    cli: Runner, homes: tuple[Path, Path], pp: Path, tmp_path: Path
) -> None:
    jane, _ = homes
    cables = tmp_path / "cables"
    frus = Path(__file__).parents[1] / "data" / "frus" / "frus-telegrams.jsonl"
    assert cli("draft", "import-frus", str(frus), "-o", str(cables), "--limit", "60").code == 0
    base = ("--home", str(jane), "--passphrase-file", str(pp))
    r = cli(*base, "import-cable", str(cables))
    assert r.code == 0 and "Archived 60 cables" in r.err
    r = cli(*base, "search", "the", "--json", "--limit", "5")
    hits = json.loads(r.out)
    assert r.code == 0 and len(hits) == 5
    start, end = hits[0]["highlights"][0]
    assert hits[0]["snippet"][start:end].lower() == "the"
    r = cli(*base, "search", "--direction", "imported", "--limit", "3")
    assert r.code == 0 and r.out.count("[imported]") == 3
    r = cli(*base, "search", "summit AND")
    assert r.code == 2 and "could not be understood" in r.err
    r = cli(*base, "search", "x", "--from", "last week")
    assert r.code == 2


@pytest.mark.slow
def test_passphrase_change_backup_restore_and_keychain(
    cli: Runner,
    homes: tuple[Path, Path],
    pp: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    jane, _ = homes
    base = ("--home", str(jane), "--passphrase-file", str(pp))
    new = tmp_path / "new"
    new.write_text("a brand new passphrase\n")
    r = cli(*base, "passphrase", "change", "--new-passphrase-file", str(new))
    assert r.code == 0, r.err
    r = cli(*base, "identity", "show")
    assert r.code == 2 and "wrong" in r.err
    base = ("--home", str(jane), "--passphrase-file", str(new))
    r = cli(*base, "keychain", "status")
    assert r.code == 0 and "no usable keychain" in r.out
    r = cli(*base, "keychain", "enable")
    assert r.code == 2 and "no usable keychain" in r.err
    backup = tmp_path / "jane.backup.age"
    r = cli(*base, "backup", "-o", str(backup), "--to-self")
    assert r.code == 0 and backup.exists()
    secret = tmp_path / "jane.key.age"
    me = json.loads(cli(*base, "identity", "show", "--json").out)
    monkeypatch.setattr(io_module, "ask_passphrase", lambda *a, **k: "key file words")
    monkeypatch.setattr(age_module, "ask_passphrase", lambda *a, **k: "key file words")
    r = cli(*base, "identity", "export-secret", "-o", str(secret))
    assert r.code == 0 and secret.stat().st_mode & 0o777 == 0o600
    assert secret.read_text().startswith("-----BEGIN AGE ENCRYPTED FILE-----")
    restored = tmp_path / "restored"
    r = cli("--home", str(restored), "--passphrase-file", str(new), "restore", "-i", str(secret),
            str(backup))  # fmt: skip
    assert r.code == 0, r.err
    again = json.loads(cli("--home", str(restored), "--passphrase-file", str(new), "identity",
                           "show", "--json").out)  # fmt: skip
    assert again["fingerprint"] == me["fingerprint"]


def test_errors_without_a_vault(cli: Runner, tmp_path: Path, pp: Path) -> None:
    r = cli("--home", str(tmp_path / "none"), "--passphrase-file", str(pp), "contact", "list")
    assert r.code == 2 and "no vault" in r.err and "init" in r.err
    _init(cli, tmp_path / "v", pp, "A", "B", "USA")
    r = cli("--home", str(tmp_path / "v"), "--passphrase-file", str(pp), "init", "--name", "A",
            "--post", "B")  # fmt: skip
    assert r.code == 2 and "already a vault" in r.err
    short = tmp_path / "short"
    short.write_text("short\n")
    r = cli("--home", str(tmp_path / "w"), "--passphrase-file", str(short), "init", "--name",
            "A", "--post", "B")  # fmt: skip
    assert r.code == 2 and "too easy to guess" in r.err
