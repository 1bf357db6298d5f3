"""Issue 16 from the command line: ``identity rotate`` (the person rotating) and
``contact import`` with the key-rotation statement (the correspondent), with their exit
codes (0 continued, 1 refused, 2 unreadable); a directory that revokes the user's own
key (imported, said loudly by ``directory import``, ``directory status`` and ``identity
show``; ``seal`` refused, exit 1)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.directory import Revocation
from cabledesk.crypto.rotation import RotationStatement
from cabledesk.store import vault as vault_module
from tests.cli.conftest import Runner
from tests.crypto.dirkit import ANCHOR, NOW, directory
from tests.vaultkit import FAST, PASSPHRASE


@pytest.fixture
def homes(
    cli: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Jane's and Klaus's vaults; Jane verified Klaus's card."""
    monkeypatch.setattr(vault_module, "calibrate", lambda: FAST)
    pp = tmp_path / "pp"
    pp.write_text(PASSPHRASE)
    options = []
    for home, name, post in (("jane", "Jane Doe", "AMEMBASSY PARIS"),
                             ("klaus", "Klaus Weber", "AMEMBASSY BERLIN")):  # fmt: skip
        o = ("--home", str(tmp_path / home), "--passphrase-file", str(pp))
        r = cli(*o, "init", "--name", name, "--post", post, "--clearance", "SECRET",
                "--nationality", "USA")  # fmt: skip
        assert r.code == 0, r.err
        options.append(o)
    jane, klaus = options
    card = tmp_path / "klaus.contact"
    assert cli(*klaus, "identity", "export-card", "-o", str(card)).code == 0
    assert cli(*jane, "contact", "import", str(card)).code == 0
    assert cli(*jane, "contact", "verify", "Klaus", "--how", "in person").code == 0
    return jane, klaus


def audit_events(cli: Runner, options: tuple[str, ...]) -> list[dict[str, object]]:
    """The vault's audit entries, newest first."""
    r = cli(*options, "audit", "show", "--json", "--limit", "500")
    assert r.code == 0, r.err
    entries: list[dict[str, object]] = json.loads(r.out)
    return entries


def _details(entry: dict[str, object]) -> dict[str, object]:
    details = entry["details"]
    assert isinstance(details, dict)
    return details


def _contacts(cli: Runner, jane: tuple[str, ...]) -> list[dict[str, object]]:
    r = cli(*jane, "contact", "list", "--json")
    assert r.code == 0, r.err
    contacts: list[dict[str, object]] = json.loads(r.out)
    return contacts


def test_identity_rotate_then_contact_import_continues_the_contact(
    cli: Runner, homes: tuple[tuple[str, ...], tuple[str, ...]], tmp_path: Path
) -> None:
    jane, klaus = homes
    before = cli(*klaus, "identity", "show", "--json")
    old = json.loads(before.out)["fingerprint"]
    r = cli(*klaus, "identity", "rotate", "-o", str(tmp_path / "new.contact"))
    assert r.code == 0, r.err
    assert (tmp_path / "new.rotation").is_file() and old in r.out
    new = json.loads(cli(*klaus, "identity", "show", "--json").out)["fingerprint"]
    assert new != old and new in r.out
    r = cli(*jane, "contact", "import", str(tmp_path / "new.contact"))
    assert r.code == 0, r.err
    assert "KEY ROTATION" in r.out and "still verified" in r.out and old in r.out
    assert "Using the key-rotation statement" in r.err
    [klaus_contact] = [c for c in _contacts(cli, jane) if c["name"] == "Klaus Weber"]
    assert klaus_contact["fingerprint"] == new and klaus_contact["trust"] == "verified"
    [entry] = [e for e in audit_events(cli, jane) if _details(e).get("continues") == old]
    assert entry["event"] == "contact imported"
    assert audit_events(cli, klaus)[0]["event"] == "identity rotated"


def test_contact_import_with_a_statement_of_a_stranger_exits_1(
    cli: Runner, homes: tuple[tuple[str, ...], tuple[str, ...]], tmp_path: Path
) -> None:
    jane, klaus = homes
    assert cli(*klaus, "identity", "rotate", "-o", str(tmp_path / "new.contact"),
               "--statement", str(tmp_path / "elsewhere.rotation")).code == 0  # fmt: skip
    card = ContactCard.parse((tmp_path / "new.contact").read_bytes(), now=None)
    stranger = RotationStatement.issue(Ed25519PrivateKey.generate(), card, created=NOW)
    (tmp_path / "stranger.rotation").write_bytes(stranger.to_bytes())
    r = cli(*jane, "contact", "import", str(tmp_path / "new.contact"),
            "--rotation", str(tmp_path / "stranger.rotation"))  # fmt: skip
    assert r.code == 1 and "not the key of any of your contacts" in r.err
    (tmp_path / "bad.rotation").write_bytes(b"not a statement\n")
    r = cli(*jane, "contact", "import", str(tmp_path / "new.contact"),
            "--rotation", str(tmp_path / "bad.rotation"))  # fmt: skip
    assert r.code == 2
    # without a statement: an unverified contact, keys changed, as before
    r = cli(*jane, "contact", "import", str(tmp_path / "new.contact"))
    assert r.code == 0 and "KEYS CHANGED" in r.out


def test_identity_rotate_refuses_to_overwrite_and_changes_nothing(
    cli: Runner, homes: tuple[tuple[str, ...], tuple[str, ...]], tmp_path: Path
) -> None:
    _, klaus = homes
    (tmp_path / "new.rotation").write_text("mine")
    before = json.loads(cli(*klaus, "identity", "show", "--json").out)["fingerprint"]
    r = cli(*klaus, "identity", "rotate", "-o", str(tmp_path / "new.contact"))
    assert r.code == 2 and "nothing was changed" in r.err
    assert json.loads(cli(*klaus, "identity", "show", "--json").out)["fingerprint"] == before


def test_a_directory_revoking_your_own_key_is_imported_and_said_loudly(
    cli: Runner, homes: tuple[tuple[str, ...], tuple[str, ...]], tmp_path: Path
) -> None:
    jane, _ = homes
    mine = json.loads(cli(*jane, "identity", "show", "--json").out)["fingerprint"]
    anchor = tmp_path / "mfa.anchor"
    anchor.write_bytes(ANCHOR.to_bytes())
    assert cli(*jane, "directory", "trust", str(anchor), "--how", "handed", "--yes").code == 0
    cdir = tmp_path / "mfa.cdir"
    revocation = Revocation(mine, "key-compromise", "Laptop stolen.", NOW)
    cdir.write_bytes(directory([], [revocation]).to_bytes())
    r = cli(*jane, "directory", "import", str(cdir))
    assert r.code == 0, r.err
    assert "REVOKES YOUR OWN KEY" in r.err and "identity rotate" in r.err
    r = cli(*jane, "directory", "status")
    assert r.code == 0 and "REVOKED YOUR OWN KEY" in r.err
    [status] = json.loads(cli(*jane, "directory", "status", "--json").out)
    assert status["own_key_revoked"]["reason"] == "key-compromise"
    r = cli(*jane, "identity", "show")
    assert r.code == 0 and "YOUR KEY WAS REVOKED" in r.err
    assert audit_events(cli, jane)[1]["event"] == "own key revoked"
    body = tmp_path / "body.txt"
    body.write_text("(U) Lunch.\n")
    cable = tmp_path / "cable.json"
    r = cli("draft", "new", "--from", "AMEMBASSY PARIS", "--to", "AMEMBASSY BERLIN",
            "--subject", "(U) LUNCH", "--tags", "PREL", "--body", str(body), "-o", str(cable))  # fmt: skip
    assert r.code == 0, r.err
    r = cli(*jane, "seal", str(cable), "--to", "Klaus", "-o", str(tmp_path / "out.cable"))
    assert r.code == 1 and "Your own key was revoked" in r.err and "attested" in r.err
    assert not (tmp_path / "out.cable").exists()
