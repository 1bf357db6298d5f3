"""``cabledesk-cli export`` and the document half of ``verify``, through ``main()``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cabledesk.domain.canonical import encode_cable
from tests.cli.conftest import Runner
from tests.export.samples import modern_cable, unclassified_cable


@pytest.fixture
def cable(tmp_path: Path) -> Path:
    path = tmp_path / "cable.json"
    path.write_bytes(encode_cable(unclassified_cable()))
    return path


@pytest.fixture
def jane(cli: Runner, tmp_path: Path) -> Path:
    base = tmp_path / "keys" / "jane"
    base.parent.mkdir()
    assert cli("keygen", "-o", str(base), "--name", "Jane Doe", "--post", "PARIS").code == 0
    return base


def test_export_docx(cli: Runner, cable: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.docx"
    r = cli("export", str(cable), "--docx", str(out), "--paper", "letter")
    assert r.code == 0, r.err
    assert out.read_bytes().startswith(b"PK") and f"wrote {out} (UNCLASSIFIED)" in r.err
    assert cli("export", str(cable), "--docx", str(out)).code == 2  # exists
    assert cli("export", str(cable), "--docx", str(out), "--force").code == 0


def test_signed_bundle_and_verify(cli: Runner, cable: Path, jane: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.docx"
    r = cli("export", str(cable), "--docx", str(out), "--sign", "-k", f"{jane}.ssh", "--bundle")
    assert r.code == 0, r.err
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == [
        "cable.json",
        "out.docx",
        "out.docx.sig",
        "out.zip",
    ]
    good = cli("verify", str(out), "--signer", f"{jane}.contact")
    assert good.code == 0, good.err
    assert good.out.startswith("Valid signature: ") and "Jane Doe" in good.out
    by_key = cli("verify", str(out), "--signer", f"{jane}.ssh.pub", "--json")
    assert by_key.code == 0 and json.loads(by_key.out)["verdict"] == "valid"
    unknown = cli("verify", str(tmp_path / "out.zip"))
    assert unknown.code == 1 and unknown.out.startswith("Signed by an unknown key")
    out.write_bytes(out.read_bytes() + b"\0")
    modified = cli("verify", str(out), "--signer", f"{jane}.contact", "--json")
    assert modified.code == 1 and json.loads(modified.out)["verdict"] == "modified"


def test_verify_failures_and_unreadable_input(
    cli: Runner, cable: Path, jane: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.docx"
    assert cli("export", str(cable), "--docx", str(out)).code == 0
    r = cli("verify", str(out))
    assert r.code == 2 and "has no signature" in r.err
    (tmp_path / "out.docx.sig").write_text("-----BEGIN SSH SIGNATURE-----\nU1NIU0lH")
    r = cli("verify", str(out))
    assert r.code == 2 and "truncated" in r.err
    other = tmp_path / "other.docx"
    assert (
        cli(
            "export",
            str(cable),
            "--docx",
            str(other),
            "--sign",
            "-k",
            f"{jane}.ssh",
            "--level",
            "UNCLASSIFIED",
        ).code
        == 0
    )
    r = cli("verify", str(out), "--sig", f"{other}.sig", "--signer", f"{jane}.contact")
    assert r.code == 1 and r.out.startswith("Signature for another file")
    stranger = tmp_path / "stranger.zip"
    stranger.write_bytes(b"PK\x05\x06" + bytes(18))  # an empty ZIP
    r = cli("verify", str(stranger))
    assert r.code == 2 and "not a CableDesk document bundle" in r.err


def test_policy_refusal_is_exit_1(cli: Runner, tmp_path: Path) -> None:
    secret = tmp_path / "secret.json"
    secret.write_bytes(encode_cable(modern_cable()))
    r = cli("export", str(secret), "--docx", str(tmp_path / "s.docx"))
    assert r.code == 1 and "export ceiling" in r.err and "hint: " in r.err
    assert not (tmp_path / "s.docx").exists()
    r = cli("export", str(secret), "--docx", str(tmp_path / "s.docx"), "--level", "CONFIDENTIAL")
    assert r.code == 0 and "sanitized version" in r.err


def test_usage_errors(cli: Runner, cable: Path, jane: Path, tmp_path: Path) -> None:
    out = str(tmp_path / "o.docx")
    assert "--sign needs" in cli("export", str(cable), "--docx", out, "--sign").err
    assert "needs --sign" in cli("export", str(cable), "--docx", out, "--bundle").err
    assert "without --sign" in cli("export", str(cable), "--docx", out, "-k", f"{jane}.ssh").err
    (tmp_path / "keys" / "jane.contact").unlink()
    r = cli("export", str(cable), "--docx", out, "--sign", "-k", f"{jane}.ssh", "--bundle")
    assert r.code == 2 and "--card" in r.err
    assert cli("export", str(cable)).code == 2  # --docx or --pdf is required
    assert not (tmp_path / "o.docx").exists()


def test_a_release_to_naming_no_country_is_refused_not_ignored(
    cli: Runner, cable: Path, tmp_path: Path
) -> None:
    """``--release-to ",,,"`` used to write the whole cable, unsanitized."""
    out = tmp_path / "out.docx"
    for empty in (",,,", " "):
        r = cli("export", str(cable), "--docx", str(out), "--release-to", empty)
        assert r.code == 2 and "names no country" in r.err
        assert not out.exists()
