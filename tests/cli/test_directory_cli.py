"""``cabledesk-cli directory trust|untrust|import|status`` (issue 16, the user side): the
public interface — commands, flags, exit codes (0 imported, 1 verification failed, 2
unreadable) — and every refusal named after it."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from cabledesk.crypto.directory import Directory
from tests.cli.conftest import Runner, Vault, audit_events
from tests.crypto.dirkit import ANCHOR, ANCHOR_KEY, NOW, OTHER_KEY, anchor, directory, entry, person

JANE, JEAN = person("Jane Roe"), person("Jean Martin", "FRA")


def _write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def _trusted(cli: Runner, jane: Vault, tmp_path: Path) -> None:
    file = _write(tmp_path, "mfa.anchor", ANCHOR.to_bytes())
    r = cli(*jane.options, "directory", "trust", file, "--how", "handed over", "--yes")
    assert r.code == 0, r.err


def test_trust_shows_fingerprint_and_safety_number(
    cli: Runner, jane: Vault, tmp_path: Path
) -> None:
    file = _write(tmp_path, "mfa.anchor", ANCHOR.to_bytes())
    r = cli(*jane.options, "directory", "trust", file, "--how", "handed over", "--yes")
    assert r.code == 0, r.err
    assert ANCHOR.fingerprint in r.out and ANCHOR.safety_number in r.out
    assert "Trusted MFA SECURITY OFFICE" in r.out


def test_trust_without_confirmation_is_refused(cli: Runner, jane: Vault, tmp_path: Path) -> None:
    file = _write(tmp_path, "mfa.anchor", ANCHOR.to_bytes())
    r = cli(*jane.options, "directory", "trust", file, "--how", "handed over")
    assert r.code == 2 and "--yes" in r.err
    r = cli(*jane.options, "directory", "status", "--json")
    assert json.loads(r.out) == []


def test_trust_a_forged_anchor_is_refused(cli: Runner, jane: Vault, tmp_path: Path) -> None:
    data = ANCHOR.to_bytes().replace(b"MFA SECURITY OFFICE", b"MFA SECURITY 0FFICE")
    r = cli(
        *jane.options,
        "directory",
        "trust",
        _write(tmp_path, "x.anchor", data),
        "--how",
        "x",
        "--yes",
    )
    assert r.code == 2 and "signature" in r.err


def test_import_then_status(cli: Runner, jane: Vault, tmp_path: Path) -> None:
    _trusted(cli, jane, tmp_path)
    file = _write(tmp_path, "d.cdir", directory([entry(JANE)], serial=3).to_bytes())
    r = cli(*jane.options, "directory", "import", file)
    assert r.code == 0, r.err
    assert "serial 3" in r.out and "1 new contacts" in r.out
    r = cli(*jane.options, "directory", "import", file)
    assert r.code == 0 and "Already imported" in r.out
    r = cli(*jane.options, "directory", "status", "--json")
    [status] = json.loads(r.out)
    assert (status["serial"], status["attested"], status["overdue"]) == (3, 1, False)
    r = cli(*jane.options, "contact", "show", "Jane Roe", "--json")
    shown = json.loads(r.out)
    assert shown["trust_how"] == "attested by MFA SECURITY OFFICE on 2026-12-01"
    assert shown["attested"]["by"] == "MFA SECURITY OFFICE"
    assert shown["attested"]["clearance"] == "SECRET" and shown["revoked_by"] is None
    [imported] = [e for e in audit_events(cli, jane) if e["event"] == "directory imported"]
    assert imported["details"]["serial"] == 3  # type: ignore[index]


def test_rollback_is_refused_with_exit_1(cli: Runner, jane: Vault, tmp_path: Path) -> None:
    _trusted(cli, jane, tmp_path)
    new = _write(tmp_path, "5.cdir", directory([entry(JANE)], serial=5).to_bytes())
    old = _write(tmp_path, "4.cdir", directory([entry(JEAN)], serial=4).to_bytes())
    assert cli(*jane.options, "directory", "import", new).code == 0
    r = cli(*jane.options, "directory", "import", old)
    assert r.code == 1 and "serial 4" in r.err


def test_expired_directory_is_refused_with_its_date(
    cli: Runner, jane: Vault, tmp_path: Path
) -> None:
    _trusted(cli, jane, tmp_path)
    stale = Directory.publish(
        ANCHOR_KEY,
        serial=1,
        issued=NOW - timedelta(days=60),
        next_update=NOW - timedelta(days=30),
        entries=[entry(JANE)],
    )
    r = cli(*jane.options, "directory", "import", _write(tmp_path, "s.cdir", stale.to_bytes()))
    assert r.code == 1 and "expired on 2026-11-01" in r.err


def test_other_anchor_is_refused_with_exit_1(cli: Runner, jane: Vault, tmp_path: Path) -> None:
    _trusted(cli, jane, tmp_path)
    theirs = directory([entry(JANE)], signing_key=OTHER_KEY).to_bytes()
    r = cli(*jane.options, "directory", "import", _write(tmp_path, "o.cdir", theirs))
    assert r.code == 1 and "not an anchor you trust" in r.err


def test_bad_signature_is_refused_with_exit_1(cli: Runner, jane: Vault, tmp_path: Path) -> None:
    _trusted(cli, jane, tmp_path)
    body, _, signature = directory([entry(JANE)]).to_bytes().partition(b"\n")
    forged = body.replace(b'"clearance":"SECRET"', b'"clearance":"TOP SECRET"') + b"\n" + signature
    r = cli(*jane.options, "directory", "import", _write(tmp_path, "f.cdir", forged))
    assert r.code == 1 and "not valid" in r.err


def test_unreadable_directory_exits_2(cli: Runner, jane: Vault, tmp_path: Path) -> None:
    _trusted(cli, jane, tmp_path)
    r = cli(*jane.options, "directory", "import", _write(tmp_path, "g.cdir", b"garbage"))
    assert r.code == 2
    r = cli(*jane.options, "directory", "import", str(tmp_path / "missing.cdir"))
    assert r.code == 2


def test_untrust_reverts_to_self_declared(cli: Runner, jane: Vault, tmp_path: Path) -> None:
    _trusted(cli, jane, tmp_path)
    file = _write(tmp_path, "d.cdir", directory([entry(JANE)]).to_bytes())
    assert cli(*jane.options, "directory", "import", file).code == 0
    r = cli(*jane.options, "directory", "untrust", ANCHOR.fingerprint)
    assert r.code == 0 and "Jane Roe" in r.out
    r = cli(*jane.options, "contact", "show", "Jane Roe", "--json")
    assert json.loads(r.out)["trust"] == "unverified"


def test_status_lists_every_anchor(cli: Runner, jane: Vault, tmp_path: Path) -> None:
    _trusted(cli, jane, tmp_path)
    allied = anchor(OTHER_KEY, name="ALLIED", nationalities=("DEU",))
    r = cli(
        *jane.options,
        "directory",
        "trust",
        _write(tmp_path, "a.anchor", allied.to_bytes()),
        "--how",
        "courier",
        "--yes",
    )
    assert r.code == 0
    r = cli(*jane.options, "directory", "status")
    assert r.code == 0 and "ALLIED" in r.out and "no directory imported yet" in r.out
