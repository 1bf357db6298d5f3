"""The one passphrase-strength rule, wherever the command line sets a passphrase: the same
weak passphrase is refused by each command, in the same words (the desktop's are tested in
tests/ui/test_first_run.py and tests/ui/test_settings_dialog.py). Unlocking never applies it."""

from __future__ import annotations

from pathlib import Path

import pytest

from cabledesk.cli import _age
from cabledesk.cli import _io as io_module
from cabledesk.services.passwords import ADVICE, estimate
from tests.cli.conftest import Runner, Vault, audit_events

WEAK = "summer2024"
STRONG = "blue walrus orbit"
WORDS = f"This passphrase is too easy to guess. {estimate(WEAK).words.render()}"

pytestmark = pytest.mark.usefixtures("fast_scrypt")


def _refused(r: object) -> None:
    code, err = r.code, r.err  # type: ignore[attr-defined]
    assert code == 2, err
    assert f"cabledesk-cli: {WORDS}\n" in err and f"hint: {ADVICE.render()}" in err


@pytest.fixture
def typed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the terminal answers, in order (each prompt takes the next)."""
    answers: list[str] = []

    def ask(prompt: str, *, confirm: bool = False) -> str:
        return answers.pop(0)

    monkeypatch.setattr(io_module, "ask_passphrase", ask)
    monkeypatch.setattr(_age, "ask_passphrase", ask)
    return answers


def test_init(cli: Runner, tmp_path: Path) -> None:
    weak = tmp_path / "weak"
    weak.write_text(WEAK + "\n")
    r = cli("--home", str(tmp_path / "v"), "--passphrase-file", str(weak), "init",
            "--name", "A", "--post", "B")  # fmt: skip
    _refused(r)
    assert not (tmp_path / "v").exists() or not any((tmp_path / "v").iterdir())


def test_passphrase_change(cli: Runner, jane: Vault, tmp_path: Path) -> None:
    weak = tmp_path / "weak"
    weak.write_text(WEAK + "\n")
    _refused(cli(*jane.options, "passphrase", "change", "--new-passphrase-file", str(weak)))
    assert cli(*jane.options, "identity", "show").code == 0  # the old one still opens it


def test_identity_export_secret(cli: Runner, jane: Vault, tmp_path: Path, typed: list[str]) -> None:
    out = tmp_path / "me.age"
    typed.append(WEAK)
    _refused(cli(*jane.options, "identity", "export-secret", "-o", str(out)))
    assert not out.exists()
    assert not [e for e in audit_events(cli, jane) if e["event"] == "secret key exported"]
    typed.append(STRONG)
    assert cli(*jane.options, "identity", "export-secret", "-o", str(out)).code == 0
    [entry] = [e for e in audit_events(cli, jane) if e["event"] == "secret key exported"]
    assert entry["details"]["file"] == "me.age"  # type: ignore[index]


def test_backup_with_a_passphrase(
    cli: Runner, jane: Vault, tmp_path: Path, typed: list[str]
) -> None:
    out = tmp_path / "backup.age"
    typed.append(WEAK)
    _refused(cli(*jane.options, "backup", "-o", str(out)))
    assert not out.exists()
    typed.append(STRONG)
    assert cli(*jane.options, "backup", "-o", str(out)).code == 0


def test_encrypt_with_a_passphrase(cli: Runner, tmp_path: Path, typed: list[str]) -> None:
    plain = tmp_path / "p"
    plain.write_text("x")
    typed.append(WEAK)
    _refused(cli("encrypt", "-p", "-o", str(tmp_path / "p.age"), str(plain)))
    assert not (tmp_path / "p.age").exists()


def test_unlocking_never_applies_the_rule(cli: Runner, tmp_path: Path) -> None:
    """A vault whose passphrase predates the rule still opens (the legacy vault's is
    strong; a weak one is made here through the store, as an older version could)."""
    from cabledesk.store.home import VaultHome
    from cabledesk.store.vault import Vault as StoreVault
    from tests.vaultkit import FAST

    home = tmp_path / "old"
    StoreVault.create(VaultHome(home), WEAK, params=FAST).lock()
    weak = tmp_path / "weak"
    weak.write_text(WEAK + "\n")
    r = cli("--home", str(home), "--passphrase-file", str(weak), "audit", "verify")
    assert r.code == 0, r.err
