"""``cabledesk-cli accept-rollback``, and what every vault command says about a vault
whose database was copied back from before a revocation."""

from __future__ import annotations

import pytest

from tests.cli.conftest import Runner, Vault, audit_events
from tests.vaultkit import rolled_back

HINT_WORDS = ("accept-rollback --reason", "cabledesk-cli restore")


@pytest.fixture
def rolled_back_jane(cli: Runner, jane: Vault) -> Vault:
    """Jane's vault with the database of before she revoked Klaus put back."""
    with rolled_back(jane.home / "vault.db"):
        r = cli(*jane.options, "contact", "revoke", "Klaus", "--reason", "laptop lost")
        assert r.code == 0, r.err
    return jane


def test_every_vault_command_refuses_a_rolled_back_vault_and_names_the_ways_forward(
    cli: Runner, rolled_back_jane: Vault
) -> None:
    for command in (("contact", "list"), ("audit", "verify"), ("settings", "show")):
        r = cli(*rolled_back_jane.options, *command)
        assert r.code == 2, command
        assert "older than the vault's last recorded state" in r.err
        hint = r.err.split("hint: ", 1)[1]
        assert all(words in hint for words in HINT_WORDS), hint
        assert r.out == ""


def test_accepting_the_older_vault_is_audited_with_its_reason(
    cli: Runner, rolled_back_jane: Vault
) -> None:
    jane = rolled_back_jane
    r = cli(*jane.options, "accept-rollback", "--reason", "restored Monday's copy on purpose")
    assert r.code == 0, r.err
    assert "accepted" in r.err and "audit log" in r.err
    [entry, *_] = audit_events(cli, jane)  # a second opening works normally
    assert entry["event"] == "rollback accepted"
    details = entry["details"]
    assert isinstance(details, dict)
    assert details["reason"] == "restored Monday's copy on purpose"
    assert details["recorded"] == details["found"] + 1  # the revocation's entry is lost
    r = cli(*jane.options, "contact", "list")
    assert r.code == 0 and "revoked" not in r.out.lower()  # the revocation stays undone
    assert cli(*jane.options, "audit", "verify").code == 0


def test_there_is_nothing_to_accept_in_a_vault_that_was_not_rolled_back(
    cli: Runner, jane: Vault
) -> None:
    before = audit_events(cli, jane)
    key_file = (jane.home / "vault.key").read_bytes()
    r = cli(*jane.options, "accept-rollback", "--reason", "just in case")
    assert r.code == 1
    assert "not rolled back" in r.err and "Nothing was changed" in r.err
    assert (jane.home / "vault.key").read_bytes() == key_file
    assert audit_events(cli, jane) == before


@pytest.mark.parametrize(
    "args",
    [
        ("accept-rollback",),  # no reason
        ("accept-rollback", "--reason", "  "),
        ("accept-rollback", "--reason", "on purpose\x1b[2J"),
    ],
)
def test_accept_rollback_usage_errors(
    cli: Runner, rolled_back_jane: Vault, args: tuple[str, ...]
) -> None:
    r = cli(*rolled_back_jane.options, *args)
    assert r.code == 2, r.err
    r = cli(*rolled_back_jane.options, "contact", "list")
    assert r.code == 2 and "older than" in r.err  # still refused: nothing was accepted


def test_a_wrong_passphrase_accepts_nothing(cli: Runner, rolled_back_jane: Vault) -> None:
    wrong = rolled_back_jane.home.parent / "wrong"
    wrong.write_text("not the passphrase\n")
    r = cli("--home", str(rolled_back_jane.home), "--passphrase-file", str(wrong),
            "accept-rollback", "--reason", "on purpose")  # fmt: skip
    assert r.code == 2 and "passphrase" in r.err.lower()
    assert cli(*rolled_back_jane.options, "contact", "list").code == 2
