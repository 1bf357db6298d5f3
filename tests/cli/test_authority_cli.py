"""``cabledesk-cli authority …`` exactly as issue 16 spells it, with its exit codes:
0 done, 1 refused (a forged card, outside the office's scope), 2 usage or input error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cabledesk.cli import _authority
from cabledesk.crypto.anchor import Anchor
from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.directory import Directory
from cabledesk.services.authority import REASONS, ROLES
from tests.cli.conftest import Runner, Vault, audit_events
from tests.crypto.dirkit import person

KLAUS = ContactCard.for_identity(person("Klaus Weber", "DEU", "AMEMBASSY BERLIN"))


@pytest.fixture
def office(cli: Runner, jane: Vault) -> Vault:
    r = cli(*jane.options, "authority", "init", "--name", "MFA SECURITY OFFICE",
            "--nationality", "DEU,USA", "--scheme", "us")  # fmt: skip
    assert r.code == 0, r.err
    assert "MFA SECURITY OFFICE" in r.out and "Safety number" in r.out
    return jane


@pytest.fixture
def klaus_card(tmp_path: Path) -> Path:
    path = tmp_path / "klaus-weber.contact"
    path.write_bytes(KLAUS.to_bytes())
    return path


def test_the_help_lists_the_formats_reasons_and_roles() -> None:
    assert set(_authority._REASONS) == set(REASONS)
    assert set(_authority._ROLES) == set(ROLES)


def test_authority_round_trip(cli: Runner, office: Vault, klaus_card: Path, tmp_path: Path) -> None:
    o = office.options
    r = cli(*o, "authority", "export-anchor", "-o", str(tmp_path / "mfa.anchor"))
    assert r.code == 0, r.err
    r = cli(*o, "authority", "attest", str(klaus_card), "--clearance", "SECRET",
            "--scheme", "us", "--nationality", "DEU", "--access", "ATOMAL,CRYPTO",
            "--role", "release-authority", "--role", "clearer", "--expires", "2027-12-31")  # fmt: skip
    assert r.code == 0, r.err
    assert KLAUS.fingerprint in r.out and "recorded" in r.out
    lost = "SHA256:" + "C" * 43
    r = cli(*o, "authority", "revoke", lost, "--reason", "key-compromise", "--text", "stolen")
    assert r.code == 0, r.err
    r = cli(*o, "authority", "publish", "-o", str(tmp_path / "mfa.cdir"), "--valid-days", "14")
    assert r.code == 0, r.err
    assert "serial 1" in r.out

    anchor = Anchor.parse((tmp_path / "mfa.anchor").read_bytes())
    directory = Directory.read((tmp_path / "mfa.cdir").read_bytes(), anchor)
    (entry,) = directory.entries
    assert (entry.fingerprint, entry.clearance, entry.nationality) == (
        KLAUS.fingerprint, "SECRET", "DEU",
    )  # fmt: skip
    assert entry.accesses == ("ATOMAL", "CRYPTO")
    assert entry.roles == ("clearer", "release-authority")
    assert f"{entry.expires:%Y-%m-%d %H:%M}" == "2027-12-31 00:00"
    assert [(v.fingerprint, v.reason, v.text) for v in directory.revocations] == [
        (lost, "key-compromise", "stolen")
    ]
    assert (directory.next_update - directory.issued).days == 14

    r = cli(*o, "authority", "status", "--json")
    assert r.code == 0, r.err
    status = json.loads(r.out)
    assert status["fingerprint"] == anchor.fingerprint
    assert (status["attested"], status["revoked"], status["last_serial"]) == (1, 1, 1)
    assert status["scope"] == {"nationalities": ["DEU", "USA"], "schemes": ["us"]}
    events = [e["event"] for e in audit_events(cli, office)]
    for event in ("authority key created", "anchor exported", "key attested",
                  "attested key revoked", "directory published"):  # fmt: skip
        assert event in events


def test_serial_strictly_increases_and_an_existing_file_needs_force(
    cli: Runner, office: Vault, tmp_path: Path
) -> None:
    out = tmp_path / "mfa.cdir"
    anchor = Anchor.parse(_anchor(cli, office, tmp_path))
    assert cli(*office.options, "authority", "publish", "-o", str(out)).code == 0
    first = Directory.read(out.read_bytes(), anchor).serial
    r = cli(*office.options, "authority", "publish", "-o", str(out))
    assert r.code == 2 and "already exists" in r.err
    assert cli(*office.options, "authority", "publish", "-o", str(out), "--force").code == 0
    assert Directory.read(out.read_bytes(), anchor).serial == first + 1 == 2


def _anchor(cli: Runner, vault: Vault, tmp_path: Path) -> bytes:
    path = tmp_path / "office.anchor"
    assert cli(*vault.options, "authority", "export-anchor", "-o", str(path)).code == 0
    return path.read_bytes()


def test_authority_commands_refuse_without_an_authority_key(
    cli: Runner, jane: Vault, klaus_card: Path, tmp_path: Path
) -> None:
    fp = KLAUS.fingerprint
    for args in (
        ("status",),
        ("export-anchor", "-o", str(tmp_path / "a.anchor")),
        ("attest", str(klaus_card), "--clearance", "SECRET", "--nationality", "DEU"),
        ("revoke", fp, "--reason", "left-service"),
        ("publish", "-o", str(tmp_path / "d.cdir")),
    ):
        r = cli(*jane.options, "authority", *args)
        assert r.code == 2, (args, r.err)
        assert "holds no authority key" in r.err and "authority init" in r.err
    assert not (tmp_path / "a.anchor").exists() and not (tmp_path / "d.cdir").exists()


def test_attest_refuses_a_forged_card_with_exit_1(
    cli: Runner, office: Vault, tmp_path: Path
) -> None:
    forged = tmp_path / "forged.contact"
    forged.write_bytes(KLAUS.to_bytes().replace(b"Klaus Weber", b"Klaus Wever"))
    r = cli(*office.options, "authority", "attest", str(forged), "--clearance", "SECRET",
            "--nationality", "DEU")  # fmt: skip
    assert r.code == 1 and "forged or altered" in r.err


def test_attest_refuses_an_unsigned_card_with_exit_1(
    cli: Runner, office: Vault, tmp_path: Path
) -> None:
    raw = ContactCard.from_public_keys(
        name="Klaus Weber", age_recipient=str(KLAUS.keys.encryption), ssh_key=KLAUS.keys.ssh_line()
    )
    path = tmp_path / "raw.contact"
    path.write_bytes(raw.to_bytes())
    r = cli(*office.options, "authority", "attest", str(path), "--clearance", "SECRET",
            "--nationality", "DEU")  # fmt: skip
    assert r.code == 1 and "no self-signature" in r.err


def test_attest_refuses_an_out_of_scope_nationality_with_exit_1(
    cli: Runner, office: Vault, klaus_card: Path
) -> None:
    r = cli(*office.options, "authority", "attest", str(klaus_card), "--clearance", "SECRET",
            "--nationality", "FRA")  # fmt: skip
    assert r.code == 1 and "outside its scope" in r.err


@pytest.mark.parametrize(
    ("extra", "problem"),
    [
        (("--clearance", "BOGUS", "--nationality", "DEU"), "BOGUS"),
        (("--clearance", "SECRET", "--nationality", "DEU", "--expires", "31/12/2027"), "date"),
        (("--clearance", "SECRET", "--nationality", "DEU", "--role", "consul"), "invalid choice"),
        (("--clearance", "SECRET"), "--nationality"),
    ],
    ids=["unknown-level", "bad-date", "unknown-role", "no-nationality"],
)
def test_attest_usage_errors_exit_2(
    cli: Runner, office: Vault, klaus_card: Path, extra: tuple[str, ...], problem: str
) -> None:
    r = cli(*office.options, "authority", "attest", str(klaus_card), *extra)
    assert r.code == 2 and problem in r.err


def test_revoke_takes_the_formats_reasons_and_refuses_others(cli: Runner, office: Vault) -> None:
    fp = KLAUS.fingerprint
    r = cli(*office.options, "authority", "revoke", fp, "--reason", "bored")
    assert r.code == 2 and "key-compromise" in r.err
    r = cli(*office.options, "authority", "revoke", fp, "--reason", "left the service")
    assert r.code == 0 and "left-service" in r.out


def test_init_twice_is_refused(cli: Runner, office: Vault) -> None:
    r = cli(*office.options, "authority", "init", "--name", "OTHER")
    assert r.code == 2 and "already holds an authority key" in r.err
