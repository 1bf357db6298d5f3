"""Exit codes: 3 for a bug (with how to report it), and readers of the output that go away."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cabledesk.cli.main import EXIT_BUG, EXIT_OK, EXIT_USAGE
from cabledesk.crypto.age import X25519Identity
from cabledesk.services.settings import SettingsService
from tests.cli.conftest import Runner, Vault, audit_events

CLI = [f"{sys.prefix}/bin/cabledesk-cli"]


def _broken(*args: object, **kwargs: object) -> object:
    raise RuntimeError("a bug in a service: key 0123 must never be printed")


def test_a_bug_exits_3_and_says_how_to_report_it(
    cli: Runner, jane: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(SettingsService, "show", _broken)
    r = cli(*jane.options, "settings", "show")
    assert r.code == EXIT_BUG == 3
    assert "internal error (RuntimeError) in 'settings'" in r.err
    assert "this is a bug in CableDesk" in r.err and "report" in r.err
    assert "CABLEDESK_DEBUG=1" in r.err
    assert "0123" not in r.err and "Traceback" not in r.err  # the error's text is not shown


def test_cabledesk_debug_shows_the_traceback(
    cli: Runner, jane: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(SettingsService, "show", _broken)
    monkeypatch.setenv("CABLEDESK_DEBUG", "1")
    with pytest.raises(RuntimeError, match="a bug in a service"):
        cli(*jane.options, "settings", "show")


def test_the_exit_codes_are_in_the_help(cli: Runner) -> None:
    r = cli("--help")
    assert r.code == 0
    text = " ".join(r.out.split())
    assert "3 internal error" in text and "1 verification failed or refused by policy" in text


def _closed_reader(argv: list[str], stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    """Run the CLI with a standard output whose reader has already gone away."""
    read, write = os.pipe()
    os.close(read)
    try:
        return subprocess.run(
            [*CLI, *argv], input=stdin, stdout=write, stderr=subprocess.PIPE, timeout=120
        )
    finally:
        os.close(write)


@pytest.mark.slow
def test_encrypted_output_cut_short_is_a_failure(tmp_path: Path) -> None:
    """``cabledesk-cli encrypt … | head -c 10``: the output is incomplete, not a success."""
    recipient = str(X25519Identity.generate().recipient())
    done = _closed_reader(["encrypt", "-r", recipient], stdin=b"x" * 300_000)
    assert done.returncode == EXIT_USAGE, done.stderr
    assert b"stopped before the end: the output is incomplete" in done.stderr
    assert b"Exception ignored" not in done.stderr and b"Traceback" not in done.stderr


@pytest.mark.slow
def test_encryption_to_a_contact_cut_short_is_not_audited(
    cli: Runner, jane: Vault, tmp_path: Path
) -> None:
    plain = tmp_path / "notes.txt"
    plain.write_bytes(b"x" * 300_000)
    done = _closed_reader([*jane.options, "encrypt", "--to", "Klaus Weber", "--marking", "U",
                           "--confirm-unverified", str(plain)])  # fmt: skip
    assert done.returncode == EXIT_USAGE, done.stderr
    assert b"the output is incomplete" in done.stderr
    assert [e for e in audit_events(cli, jane) if e["event"] == "file encrypted"] == []


@pytest.mark.slow
def test_decrypted_output_cut_short_is_a_failure(tmp_path: Path) -> None:
    identity = X25519Identity.generate()
    key = tmp_path / "key"
    key.write_text(f"{identity}\n")
    sealed = subprocess.run(
        [*CLI, "encrypt", "-r", str(identity.recipient())],
        input=b"y" * 300_000, capture_output=True, check=True,
    ).stdout  # fmt: skip
    done = _closed_reader(["decrypt", "-i", str(key)], stdin=sealed)
    assert done.returncode == EXIT_USAGE, done.stderr
    assert b"the output is incomplete" in done.stderr


@pytest.mark.slow
def test_text_output_cut_short_is_not_an_error(jane: Vault) -> None:
    """``cabledesk-cli settings show | head -1``: the reader took what it wanted."""
    done = _closed_reader([*jane.options, "settings", "show"])
    assert done.returncode == EXIT_OK, done.stderr
    assert done.stderr == b""
