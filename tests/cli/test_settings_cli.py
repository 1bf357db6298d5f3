"""``cabledesk-cli settings show|set``: every setting of the desktop's dialog, by key."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from cabledesk.domain.canonical import encode_cable
from cabledesk.services.settings import KEYS
from tests.cli.conftest import Runner, Vault, audit_events
from tests.export.samples import modern_cable
from tests.vaultkit import PASSPHRASE

LEGACY = Path(__file__).parents[1] / "data" / "legacy" / "vault-0.1"

# A value other than the default for every key (the Settings dialog has a widget named
# by each key: tests/ui/test_settings_dialog.py); a later setting adds its line here.
NEW_VALUES = {
    "auto-lock-minutes": ("off", "off"),
    "lock-on-screen-lock": ("OFF", "off"),
    "default-scheme": ("UK", "uk"),
    "paper": ("letter", "letter"),
    "export-ceiling": ("secret", "SECRET"),
    "language": ("fr", "fr"),
    "draft-history": ("12", "12"),
    "clipboard-clear-seconds": ("90", "90"),
    "post-quantum-from": ("top secret", "TOP SECRET"),
    "attested-from": ("secret", "SECRET"),  # issue 16, the directory
    "approval-required-from": ("secret", "SECRET"),  # issue 18
    "two-person-from": ("Top Secret", "TOP SECRET"),  # issue 18
}


@pytest.mark.slow
def test_every_key_is_reachable_from_the_command_line(cli: Runner, jane: Vault) -> None:
    assert set(NEW_VALUES) == set(KEYS)
    for key, (typed, shown) in NEW_VALUES.items():
        r = cli(*jane.options, "settings", "set", key, typed)
        assert r.code == 0, (key, r.err)
        assert r.err.strip() == f"{key} = {shown}"
    r = cli(*jane.options, "settings", "show", "--json")
    shown_now = {row["key"]: row["value"] for row in json.loads(r.out)}
    assert shown_now == {key: shown for key, (_, shown) in NEW_VALUES.items()}
    changes = [e for e in audit_events(cli, jane) if e["event"] == "setting changed"]
    assert {e["details"]["setting"] for e in changes} == set(KEYS)  # type: ignore[index]
    ceiling = next(e for e in changes if e["details"]["setting"] == "export-ceiling")  # type: ignore[index]
    assert ceiling["details"] == {"setting": "export-ceiling", "from": "default", "to": "SECRET"}


def test_show_lists_value_default_and_meaning(cli: Runner, jane: Vault) -> None:
    r = cli(*jane.options, "settings", "show")
    assert r.code == 0
    assert re.search(r"^auto-lock-minutes +10$", r.out, re.MULTILINE), r.out
    assert re.search(r"^export-ceiling +default$", r.out, re.MULTILINE), r.out
    assert "Lock the vault after this many minutes without use" in r.out
    cli(*jane.options, "settings", "set", "paper", "letter")
    r = cli(*jane.options, "settings", "show")
    assert re.search(r"^paper +letter  \(default: a4\)$", r.out, re.MULTILINE), r.out
    rows = json.loads(cli(*jane.options, "settings", "show", "--json").out)
    assert set(rows[0]) == {"key", "value", "default", "description"}


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [
        ("auto-lock", "5", "no setting called 'auto-lock'"),
        ("auto-lock-minutes", "5000", "auto-lock-minutes takes a number of minutes"),
        ("auto-lock-minutes", "-1", "cannot be '-1'"),
        ("lock-on-screen-lock", "yes", "on or off"),
        ("export-ceiling", "ULTRA", "not a classification level"),
        ("export-ceiling", "atlantis=SECRET", "no classification scheme called 'atlantis'"),
        ("default-scheme", "atlantis", "no classification scheme"),
        ("language", "de", "system, en or fr"),
        ("clipboard-clear-seconds", "1", "from 5 to 600"),
    ],
)
def test_values_not_accepted_are_usage_errors(
    cli: Runner, jane: Vault, key: str, value: str, words: str
) -> None:
    before = len(audit_events(cli, jane))
    r = cli(*jane.options, "settings", "set", key, value)
    assert r.code == 2 and words in r.err, r.err
    assert len(audit_events(cli, jane)) == before  # nothing stored, nothing audited


@pytest.mark.slow
def test_the_export_ceiling_setting_is_the_export_gate(
    cli: Runner, jane: Vault, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.json"  # SECRET//ORCON/NOFORN//NODIS
    secret.write_bytes(encode_cable(modern_cable()))
    out = tmp_path / "s.docx"
    r = cli(*jane.options, "export", str(secret), "--docx", str(out))
    assert r.code == 1 and "export ceiling" in r.err
    r = cli(*jane.options, "settings", "set", "export-ceiling", "secret")
    assert r.code == 0 and r.err.strip() == "export-ceiling = SECRET"
    r = cli(*jane.options, "export", str(secret), "--docx", str(out))
    assert r.code == 0, r.err
    r = cli(*jane.options, "settings", "set", "export-ceiling", "default")
    assert r.code == 0 and r.err.strip() == "export-ceiling = default"
    r = cli(*jane.options, "export", str(secret), "--docx", str(out), "--force")
    assert r.code == 1
    r = cli(*jane.options, "settings", "set", "export-ceiling", "off")
    assert r.code == 0 and r.err.strip() == "export-ceiling = off"
    r = cli(*jane.options, "export", str(secret), "--docx", str(out), "--force")
    assert r.code == 0, r.err


def test_a_vault_of_0_1_keeps_its_export_ceiling(cli: Runner, tmp_path: Path) -> None:
    home = tmp_path / "klaus"
    shutil.copytree(LEGACY, home)
    pp = tmp_path / "pp"
    pp.write_text(PASSPHRASE + "\n")
    options = ("--home", str(home), "--passphrase-file", str(pp))
    r = cli(*options, "settings", "show", "--json")
    assert r.code == 0, r.err
    values = {row["key"]: row["value"] for row in json.loads(r.out)}
    assert values["export-ceiling"] == "CONFIDENTIAL"
    assert values["auto-lock-minutes"] == "10"  # never set: the default
