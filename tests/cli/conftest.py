from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from cabledesk.cli.main import main
from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.keys import Identity
from cabledesk.store import vault as vault_module
from tests.vaultkit import FAST, PASSPHRASE


@dataclass
class Result:
    code: int
    out: str
    err: str


Runner = Callable[..., Result]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Runner:
    """Run ``cabledesk-cli ARGS`` in process; usage errors (SystemExit) give their code."""

    def run(*args: str) -> Result:
        try:
            code = main(list(args))
        except SystemExit as exc:
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


@dataclass
class Vault:
    """A vault made by ``cabledesk-cli init`` (fast key derivation) and how to reach it."""

    home: Path
    passphrase_file: Path

    @property
    def options(self) -> tuple[str, ...]:
        return ("--home", str(self.home), "--passphrase-file", str(self.passphrase_file))


@pytest.fixture
def jane(cli: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Vault:
    """Jane Doe's vault (AMEMBASSY PARIS, SECRET, USA), with Klaus Weber as a contact."""
    monkeypatch.setattr(vault_module, "calibrate", lambda: FAST)
    passphrase_file = tmp_path / "passphrase"
    passphrase_file.write_text(PASSPHRASE + "\n")
    vault = Vault(tmp_path / "jane", passphrase_file)
    r = cli(*vault.options, "init", "--name", "Jane Doe", "--post", "AMEMBASSY PARIS",
            "--clearance", "SECRET", "--nationality", "USA")  # fmt: skip
    assert r.code == 0, r.err
    klaus = Identity.generate("Klaus Weber", "AMEMBASSY BERLIN", nationality="DEU")
    card = tmp_path / "klaus.contact"
    card.write_bytes(ContactCard.for_identity(klaus).to_bytes())
    r = cli(*vault.options, "contact", "import", str(card))
    assert r.code == 0, r.err
    return vault


def audit_events(cli: Runner, vault: Vault) -> list[dict[str, object]]:
    """The vault's audit entries, newest first."""
    r = cli(*vault.options, "audit", "show", "--json", "--limit", "500")
    assert r.code == 0, r.err
    entries: list[dict[str, object]] = json.loads(r.out)
    return entries


FAST_SCRYPT = 10  # log2(N): a passphrase-encrypted file in milliseconds, for tests


@pytest.fixture
def fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    """Passphrase encryption at a low work factor (age's default costs a second or more
    on a busy machine); the code paths are the same."""
    from cabledesk.crypto.age import ScryptRecipient

    monkeypatch.setattr(ScryptRecipient.__init__, "__defaults__", (FAST_SCRYPT,))
