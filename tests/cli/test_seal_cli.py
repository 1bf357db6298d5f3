"""seal, open and verify on the command line, between two vaults."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cabledesk.store import vault as vault_module
from tests.cli.conftest import Runner
from tests.vaultkit import FAST, PASSPHRASE


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vault_module, "calibrate", lambda: FAST)


@pytest.fixture
def setup(cli: Runner, tmp_path: Path) -> tuple[Path, Path, Path, Path]:
    pp = tmp_path / "pp"
    pp.write_text(PASSPHRASE)
    jane, klaus = tmp_path / "jane", tmp_path / "klaus"
    for home, name, post in ((jane, "Jane Doe", "AMEMBASSY PARIS"),
                             (klaus, "Klaus Weber", "AMEMBASSY BERLIN")):  # fmt: skip
        r = cli("--home", str(home), "--passphrase-file", str(pp), "init", "--name", name,
                "--post", post, "--clearance", "SECRET", "--nationality", "USA")  # fmt: skip
        assert r.code == 0, r.err
    card = tmp_path / "klaus.contact"
    assert cli("--home", str(klaus), "--passphrase-file", str(pp), "identity", "export-card",
               "-o", str(card)).code == 0  # fmt: skip
    assert cli("--home", str(jane), "--passphrase-file", str(pp), "contact", "import",
               str(card)).code == 0  # fmt: skip
    body = tmp_path / "body.txt"
    body.write_text("(U) Summary.\n\n(S//NF) The minister said yes.\n")
    cable = tmp_path / "cable.json"
    r = cli("draft", "new", "--from", "AMEMBASSY PARIS", "--to", "AMEMBASSY BERLIN",
            "--subject", "(U) FRANCE: TALKS", "--tags", "PREL,FR", "--classified-by", "Jane",
            "--reason", "1.4(b)", "--declassify-on", "2036-01-01", "--body", str(body),
            "--serial", "42", "-o", str(cable))  # fmt: skip
    assert r.code == 0, r.err
    return jane, klaus, pp, cable


@pytest.mark.slow
def test_seal_open_verify(cli: Runner, setup: tuple[Path, Path, Path, Path], tmp_path: Path,
                          monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    jane, klaus, pp, cable = setup
    monkeypatch.chdir(tmp_path)
    j = ("--home", str(jane), "--passphrase-file", str(pp))
    k = ("--home", str(klaus), "--passphrase-file", str(pp))
    r = cli(*j, "seal", str(cable), "--to", "Klaus")
    assert r.code == 1 and "unverified" in r.err  # not confirmed: refused by policy
    r = cli(*j, "seal", str(cable), "--to", "Klaus", "--confirm-unverified")
    assert r.code == 0, r.err
    sealed = tmp_path / r.out.strip()
    assert sealed.name.startswith("2026-") and sealed.name.endswith(
        "_PARIS_0042_SECRET-NOFORN.cable"
    )
    r = cli(*k, "verify", str(sealed), "--json")
    doc = json.loads(r.out)
    assert r.code == 0 and doc["verdict"] == "signer-unknown" and doc["addressed_to_you"]
    r = cli(*k, "open", str(sealed), "--import-card", "--extract", str(tmp_path / "x"))
    assert r.code == 0 and "The minister said yes." in r.out and "Imported Jane Doe" in r.err
    assert (tmp_path / "x" / "cable.docx").exists()
    r = cli(*k, "search", "minister", "--json")
    assert json.loads(r.out)[0]["direction"] == "received"
    damaged = tmp_path / "damaged.cable"
    data = bytearray(sealed.read_bytes())
    data[-100] ^= 1
    damaged.write_bytes(bytes(data))
    r = cli(*k, "verify", str(damaged))
    assert r.code == 1 and "altered or damaged" in r.err


@pytest.mark.slow
def test_export_and_verify_with_the_vault(
    cli: Runner, setup: tuple[Path, Path, Path, Path], tmp_path: Path
) -> None:
    jane, klaus, pp, cable = setup
    j = ("--home", str(jane), "--passphrase-file", str(pp))
    out = tmp_path / "cable.docx"
    r = cli(*j, "export", str(cable), "--docx", str(out), "--sign")
    assert r.code == 1 and "ceiling" in r.err.lower()  # SECRET is above the default ceiling
    r = cli(*j, "export", str(cable), "--docx", str(out), "--sign", "--level", "UNCLASSIFIED")
    assert r.code == 0, r.err
    assert (tmp_path / "cable.docx.sig").exists()
    r = cli(*j, "verify", str(out))
    assert r.code == 0 and "Jane Doe (you)" in r.out
    r = cli(*j, "audit", "show", "--json")
    events = [e["event"] for e in json.loads(r.out)]
    assert events[:2] == ["document verified", "document exported"]
    k = ("--home", str(klaus), "--passphrase-file", str(pp))
    r = cli(*k, "verify", str(out))
    assert r.code == 1 and "not one of your contacts" in r.out


@pytest.mark.slow
def test_post_quantum_sealing_on_the_command_line(
    cli: Runner, setup: tuple[Path, Path, Path, Path], tmp_path: Path
) -> None:
    """Both identities made by init have post-quantum keys: the cable is sealed post-quantum
    and verify says so (text and --json); the setting is reachable from the CLI; a
    recipient without such a key is refused at SECRET, exit 1, naming them."""
    jane, klaus, pp, cable = setup
    j = ("--home", str(jane), "--passphrase-file", str(pp))
    k = ("--home", str(klaus), "--passphrase-file", str(pp))
    out = tmp_path / "pq.cable"
    r = cli(*j, "seal", str(cable), "--to", "Klaus", "--confirm-unverified", "-o", str(out))
    assert r.code == 0, r.err
    assert "(post-quantum (ML-KEM-768 + X25519))" in r.err
    r = cli(*k, "verify", str(out))
    assert "sealed post-quantum: yes" in r.out, r.out
    r = cli(*k, "verify", "--json", str(out))
    assert json.loads(r.out)["post_quantum"] is True
    r = cli(*j, "settings", "set", "post-quantum-from", "top secret")
    assert r.code == 0, r.err
    assert "TOP SECRET" in cli(*j, "settings", "show").out
    assert cli(*j, "settings", "set", "post-quantum-from", "NOPE").code == 2

    from cabledesk.crypto.contact import ContactCard
    from cabledesk.crypto.keys import Identity

    hans = Identity.generate("Hans Alt", "AMEMBASSY BERN", nationality="USA", clearance="SECRET")
    card = tmp_path / "hans.contact"
    card.write_bytes(ContactCard.for_identity(hans).to_bytes())
    assert cli(*j, "contact", "import", str(card)).code == 0
    mixed = ("seal", str(cable), "--to", "Klaus", "--to", "Hans Alt", "--confirm-unverified")
    r = cli(*j, *mixed, "-o", str(tmp_path / "x.cable"))
    assert r.code == 0, r.err  # below TOP SECRET: X25519, with a warning
    assert "warning: Not sealed post-quantum" in r.err and "(X25519)" in r.err
    assert cli(*j, "settings", "set", "post-quantum-from", "SECRET").code == 0
    r = cli(*j, *mixed, "-o", str(tmp_path / "y.cable"))
    assert r.code == 1 and "Hans Alt" in r.err and "identity upgrade" in r.err
    assert not (tmp_path / "y.cable").exists()
