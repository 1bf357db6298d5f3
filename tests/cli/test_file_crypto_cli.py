"""``encrypt --to`` and ``decrypt`` with the vault: through the file service, audited only
after the output exists."""

from __future__ import annotations

from pathlib import Path

import pytest

from cabledesk.cli import _age
from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.keys import Identity
from cabledesk.domain.canonical import encode_cable
from tests.cli.conftest import Runner, Vault, audit_events
from tests.services.conftest import CABLE

pytestmark = pytest.mark.usefixtures("fast_scrypt")
# An unmarked file, stated unclassified, to the unverified Klaus Weber.
PLAIN = ("--marking", "UNCLASSIFIED", "--confirm-unverified")


def _encrypted(cli: Runner, vault: Vault) -> list[dict[str, object]]:
    return [e for e in audit_events(cli, vault) if e["event"] == "file encrypted"]


def test_a_failed_encryption_leaves_no_audit_entry(
    cli: Runner, jane: Vault, tmp_path: Path
) -> None:
    """Regression: ``encrypt --to Jane -o out.age nonexistent.txt`` exited 2 and yet the
    audit log said "file encrypted"."""
    out = tmp_path / "out.age"
    r = cli(*jane.options, "encrypt", "--to", "Klaus Weber", *PLAIN, "-o", str(out),
            str(tmp_path / "nonexistent.txt"))  # fmt: skip
    assert r.code == 2 and "Cannot read" in r.err
    assert not out.exists()
    assert _encrypted(cli, jane) == []


def test_an_encryption_to_a_contact_is_audited_once_written(
    cli: Runner, jane: Vault, tmp_path: Path
) -> None:
    plain = tmp_path / "notes.txt"
    plain.write_text("meet at noon\n")
    out = tmp_path / "notes.txt.age"
    r = cli(*jane.options, "encrypt", "--to", "Klaus Weber", *PLAIN, "-o", str(out), str(plain))
    assert r.code == 0, r.err
    assert out.read_bytes().startswith(b"age-encryption.org/v1\n")
    [entry] = _encrypted(cli, jane)
    details = entry["details"]
    assert isinstance(details, dict)
    assert details["file"] == "notes.txt" and details["output"] == "notes.txt.age"
    assert [t.split(" (")[0] for t in details["to"]] == ["Klaus Weber"]


def test_an_existing_output_is_refused_and_not_audited(
    cli: Runner, jane: Vault, tmp_path: Path
) -> None:
    plain = tmp_path / "notes.txt"
    plain.write_text("x")
    r = cli(*jane.options, "encrypt", "--to", "Klaus Weber", *PLAIN, "-o", str(plain), str(plain))
    assert r.code == 2 and "replace the file being read" in r.err
    assert _encrypted(cli, jane) == []


def test_revoked_keys_are_refused(cli: Runner, jane: Vault, tmp_path: Path) -> None:
    r = cli(*jane.options, "contact", "revoke", "Klaus Weber", "--reason", "laptop lost")
    assert r.code == 0, r.err
    plain = tmp_path / "notes.txt"
    plain.write_text("x")
    r = cli(
        *jane.options,
        "encrypt",
        "--to",
        "Klaus Weber",
        *PLAIN,
        "-o",
        str(tmp_path / "o"),
        str(plain),
    )
    assert r.code == 1 and "revoked" in r.err
    assert not (tmp_path / "o").exists() and _encrypted(cli, jane) == []


def test_raw_recipients_with_a_vault_are_audited_by_file_name(
    cli: Runner, jane: Vault, tmp_path: Path
) -> None:
    me = cli(*jane.options, "identity", "show", "--json").out
    recipient = me.split('"age_recipient": "')[1].split('"')[0]
    plain = tmp_path / "notes.txt"
    plain.write_text("x")
    r = cli(*jane.options, "encrypt", "--to", "Klaus Weber", *PLAIN, "-r", recipient,
            "-o", str(tmp_path / "n.age"), str(plain))  # fmt: skip
    assert r.code == 0, r.err
    [entry] = _encrypted(cli, jane)
    assert entry["details"]["recipients"] == [recipient]  # type: ignore[index]
    r = cli(*jane.options, "decrypt", "-o", str(tmp_path / "back"), str(tmp_path / "n.age"))
    assert r.code == 0, r.err  # with the vault's own key
    assert (tmp_path / "back").read_text() == "x"


def test_decrypt_with_the_vault_asks_a_passphrase_only_when_needed(
    cli: Runner, jane: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def ask(prompt: str, *, confirm: bool = False) -> str:
        asked.append(prompt)
        return "blue walrus orbit"

    monkeypatch.setattr(_age, "ask_passphrase", ask)
    plain = tmp_path / "p"
    plain.write_text("for the ambassador only")
    r = cli("encrypt", "-p", "-o", str(tmp_path / "p.age"), str(plain))
    assert r.code == 0, r.err
    r = cli(*jane.options, "decrypt", "-o", str(tmp_path / "back"), str(tmp_path / "p.age"))
    assert r.code == 0, r.err
    assert (tmp_path / "back").read_text() == "for the ambassador only"
    assert asked == ["Enter a passphrase", "Enter the passphrase"]


def _nigel(cli: Runner, vault: Vault, tmp_path: Path) -> Identity:
    """A GBR contact cleared CONFIDENTIAL (unverified: the commands confirm him)."""
    nigel = Identity.generate(
        "Nigel Hart", "BRITISH EMBASSY PARIS", clearance="CONFIDENTIAL", nationality="GBR"
    )
    card = tmp_path / "nigel.contact"
    card.write_bytes(ContactCard.for_identity(nigel).to_bytes())
    assert cli(*vault.options, "contact", "import", str(card)).code == 0
    return nigel


def test_encrypt_to_contact_applies_the_release_policy_to_a_noforn_cable_cli(
    cli: Runner, jane: Vault, tmp_path: Path
) -> None:
    """Issue 15, point 7: exit 1 with the policy's reasons; no file, no audit entry."""
    _nigel(cli, jane, tmp_path)
    cable = tmp_path / "cable.json"
    cable.write_bytes(encode_cable(CABLE))
    out = tmp_path / "cable.json.age"
    r = cli(*jane.options, "encrypt", "--to", "Nigel Hart", "--confirm-unverified",
            "-o", str(out), str(cable))  # fmt: skip
    assert r.code == 1, r.err
    assert "Nigel Hart (GBR) may not receive this NOFORN cable" in r.err
    assert not out.exists() and _encrypted(cli, jane) == []


def test_other_files_need_marking_on_the_command_line(
    cli: Runner, jane: Vault, tmp_path: Path
) -> None:
    nigel = _nigel(cli, jane, tmp_path)
    notes = tmp_path / "notes.txt"
    notes.write_text("Lunch on Tuesday.\n")
    out = tmp_path / "notes.txt.age"
    to = ("encrypt", "--to", "Nigel Hart", "--confirm-unverified", "-o", str(out))
    r = cli(*jane.options, *to, str(notes))
    assert r.code == 1 and "--marking" in r.err and not out.exists()
    r = cli(*jane.options, *to, "--marking", "SECRET", str(notes))
    assert r.code == 1 and "may not receive" in r.err
    r = cli(*jane.options, *to, "--marking", "C//REL TO USA, GBR", "--not-me", str(notes))
    assert r.code == 0, r.err
    back = tmp_path / "back"
    identity = tmp_path / "nigel.key"
    identity.write_text(nigel.age_identity() + "\n")
    assert cli("decrypt", "-i", str(identity), "-o", str(back), str(out)).code == 0
    assert back.read_text() == "Lunch on Tuesday.\n"
    [entry] = _encrypted(cli, jane)
    assert entry["details"]["marking"] == ["CONFIDENTIAL//REL TO USA, GBR"]  # type: ignore[index]


def test_raw_recipients_stay_age_compatible_without_policy(
    cli: Runner, jane: Vault, tmp_path: Path
) -> None:
    cable = tmp_path / "cable.json"
    cable.write_bytes(encode_cable(CABLE))
    key = Identity.generate("Anyone", "X").encryption_key
    r = cli("encrypt", "-r", str(key.recipient()), "-o", str(tmp_path / "c.age"), str(cable))
    assert r.code == 0, r.err
    r = cli("encrypt", "-r", str(key.recipient()), "--marking", "SECRET", str(cable))
    assert r.code == 2 and "apply to encryption to contacts" in r.err


def test_encrypt_to_an_unverified_contact_asks_on_a_terminal(
    cli: Runner, jane: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``encrypt --to`` an unverified contact asks, per contact, as ``seal`` does; "no"
    (the default) refuses and writes nothing."""
    plain = tmp_path / "notes.txt"
    plain.write_text("meet at noon\n")
    out = tmp_path / "notes.txt.age"
    questions: list[str] = []
    answers = iter(["", "y"])

    def answer(question: str) -> str:
        questions.append(question)
        return next(answers)

    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", answer)
    to = ("encrypt", "--to", "Klaus Weber", "--marking", "UNCLASSIFIED", "-o", str(out))
    r = cli(*jane.options, *to, str(plain))
    assert r.code == 1 and not out.exists() and _encrypted(cli, jane) == []
    assert "Klaus Weber" in questions[0] and "Encrypt to them anyway? [y/N]" in questions[0]
    r = cli(*jane.options, *to, str(plain))
    assert r.code == 0, r.err
    assert out.exists() and len(_encrypted(cli, jane)) == 1
