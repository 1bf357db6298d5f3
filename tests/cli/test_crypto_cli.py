from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.conftest import Runner
from tests.interop._tools import require_tool, run_with_terminal

CLI = [f"{sys.prefix}/bin/cabledesk-cli"]


@pytest.fixture
def keys(cli: Runner, tmp_path: Path) -> Path:
    base = tmp_path / "jane"
    r = cli("keygen", "-o", str(base), "--name", "Jane Doe", "--post", "AMEMBASSY PARIS",
            "--clearance", "secret", "--nationality", "usa")  # fmt: skip
    assert r.code == 0, r.err
    assert "fingerprint: SHA256:" in r.err and "safety number:" in r.err
    return base


def test_keygen_writes_five_files(keys: Path) -> None:
    names = {p.name: p.stat().st_mode & 0o777 for p in keys.parent.iterdir()}
    assert names == {"jane": 0o600, "jane.pub": 0o644, "jane.ssh": 0o600, "jane.ssh.pub": 0o644,
                     "jane.contact": 0o644}  # fmt: skip
    assert (keys.parent / "jane").read_text().splitlines()[-1].startswith("AGE-SECRET-KEY-1")
    assert (keys.parent / "jane.pub").read_text().startswith("age1")
    assert (keys.parent / "jane.ssh.pub").read_text().startswith("ssh-ed25519 ")
    assert b"BEGIN OPENSSH PRIVATE KEY" in (keys.parent / "jane.ssh").read_bytes()


def test_keygen_never_overwrites(cli: Runner, keys: Path) -> None:
    before = (keys.parent / "jane").read_bytes()
    r = cli("keygen", "-o", str(keys))
    assert r.code == 2 and "already exists" in r.err
    assert (keys.parent / "jane").read_bytes() == before


def test_keygen_without_card(cli: Runner, tmp_path: Path) -> None:
    assert cli("keygen", "-o", str(tmp_path / "k")).code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["k", "k.pub", "k.ssh", "k.ssh.pub"]
    assert cli("keygen", "-o", str(tmp_path / "x"), "--name", "A").code == 2


def test_encrypt_decrypt_files(cli: Runner, keys: Path, tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    plain.write_bytes(os.urandom(200_000))
    rec = tmp_path / "team.txt"
    rec.write_text(f"# the team\n{(keys.parent / 'jane.pub').read_text()}\n")
    assert cli("encrypt", "-R", str(rec), "-o", str(tmp_path / "s.age"), str(plain)).code == 0
    assert cli("encrypt", "-a", "-r", (keys.parent / "jane.pub").read_text().strip(),
               "-o", str(tmp_path / "s.asc"), str(plain)).code == 0  # fmt: skip
    assert (tmp_path / "s.asc").read_text().startswith("-----BEGIN AGE ENCRYPTED FILE-----")
    for sealed in ("s.age", "s.asc"):
        out = tmp_path / f"out-{sealed}"
        r = cli("decrypt", "-i", str(keys), "-o", str(out), str(tmp_path / sealed))
        assert r.code == 0, r.err
        assert out.read_bytes() == plain.read_bytes()
        assert out.stat().st_mode & 0o777 == 0o600


def test_decrypt_failures(cli: Runner, keys: Path, tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    plain.write_bytes(b"x" * 100_000)
    sealed = tmp_path / "s.age"
    cli("encrypt", "-R", str(keys.parent / "jane.pub"), "-o", str(sealed), str(plain))
    data = bytearray(sealed.read_bytes())
    data[-20] ^= 1
    damaged = tmp_path / "d.age"
    damaged.write_bytes(bytes(data))
    r = cli("decrypt", "-i", str(keys), "-o", str(tmp_path / "out"), str(damaged))
    assert r.code == 1 and "altered" in r.err and not (tmp_path / "out").exists()
    cli("keygen", "-o", str(tmp_path / "other"))
    r = cli("decrypt", "-i", str(tmp_path / "other"), "-o", str(tmp_path / "out"), str(sealed))
    assert r.code == 1 and "not encrypted for you" in r.err
    r = cli("decrypt", "-i", str(keys), str(plain))
    assert r.code == 2 and "not a valid age-encrypted file" in r.err
    assert cli("decrypt", "-i", str(tmp_path / "missing"), str(sealed)).code == 2
    assert cli("encrypt", "-r", "age1nope", str(plain)).code == 2
    assert cli("encrypt", str(plain)).code == 2
    assert not (tmp_path / "out").exists()


def test_stdin_stdout_pipeline(keys: Path, tmp_path: Path) -> None:
    plain = os.urandom(70_000)
    rec = (keys.parent / "jane.pub").read_text().strip()
    sealed = subprocess.run(
        [*CLI, "encrypt", "-r", rec], input=plain, capture_output=True, check=True
    )
    opened = subprocess.run([*CLI, "decrypt", "-i", str(keys), "-"], input=sealed.stdout,
                            capture_output=True, check=True)  # fmt: skip
    assert opened.stdout == plain


def test_sign_and_verify(cli: Runner, keys: Path, tmp_path: Path) -> None:
    doc = tmp_path / "doc.docx"
    doc.write_bytes(b"document" * 1000)
    ns = "cabledesk-document-v1"
    assert cli("sign", "-k", f"{keys}.ssh", "-n", ns, str(doc)).code == 0
    sig = tmp_path / "doc.docx.sig"
    assert sig.read_text().startswith("-----BEGIN SSH SIGNATURE-----")
    for signer in (f"{keys}.ssh.pub", f"{keys}.contact"):
        r = cli("verify-signature", "-s", str(sig), "--signer", signer, "-n", ns, str(doc))
        assert r.code == 0 and r.out.startswith("Good signature by "), r.err
    r = cli(
        "verify-signature", "-s", str(sig), "--signer", f"{keys}.ssh.pub", "-n", "file", str(doc)
    )
    assert r.code == 1 and "different purpose" in r.err
    doc.write_bytes(b"changed")
    r = cli("verify-signature", "-s", str(sig), "--signer", f"{keys}.ssh.pub", "-n", ns, str(doc))
    assert r.code == 1 and "changed after it was signed" in r.err
    sig.write_text("not a signature")
    r = cli("verify-signature", "-s", str(sig), "--signer", f"{keys}.ssh.pub", "-n", ns, str(doc))
    assert r.code == 2 and "not a valid SSH signature" in r.err
    r = cli("sign", "-k", f"{keys}.pub", "-n", ns, str(doc))
    assert r.code == 2 and "not an unencrypted OpenSSH private key" in r.err


@pytest.mark.interop
def test_keygen_files_work_with_age_and_ssh_keygen(keys: Path, tmp_path: Path) -> None:
    age = require_tool("age")
    ssh_keygen = require_tool("ssh-keygen")
    plain = tmp_path / "p"
    plain.write_bytes(b"hello" * 50_000)
    sealed = subprocess.run([age, "-R", f"{keys}.pub", str(plain)], capture_output=True, check=True)
    back = subprocess.run([*CLI, "decrypt", "-i", str(keys)], input=sealed.stdout,
                          capture_output=True, check=True)  # fmt: skip
    assert back.stdout == plain.read_bytes()
    subprocess.run([ssh_keygen, "-Y", "sign", "-f", f"{keys}.ssh", "-n", "file", str(plain)],
                   check=True, capture_output=True)  # fmt: skip
    done = subprocess.run([*CLI, "verify-signature", "-s", f"{plain}.sig", "--signer",
                           f"{keys}.ssh.pub", "-n", "file", str(plain)], capture_output=True)  # fmt: skip
    assert done.returncode == 0


@pytest.mark.slow
@pytest.mark.interop
def test_passphrase_through_the_terminal(tmp_path: Path) -> None:
    age = require_tool("age")
    plain = tmp_path / "p"
    plain.write_bytes(b"for the ambassador only")
    sealed = tmp_path / "p.age"
    pw = b"correct horse battery staple"
    assert run_with_terminal([*CLI, "encrypt", "-p", "-o", str(sealed), str(plain)], [pw, pw]) == 0
    out = tmp_path / "out"
    assert run_with_terminal([age, "-d", "-o", str(out), str(sealed)], [pw]) == 0
    assert out.read_bytes() == plain.read_bytes()
    theirs = tmp_path / "t.age"
    assert run_with_terminal([age, "-p", "-o", str(theirs), str(plain)], [pw, pw]) == 0
    out2 = tmp_path / "out2"
    assert run_with_terminal([*CLI, "decrypt", "-o", str(out2), str(theirs)], [pw]) == 0
    assert out2.read_bytes() == plain.read_bytes()


def test_decrypt_without_identity_does_not_ask_for_a_key_file_passphrase(
    cli: Runner, keys: Path, tmp_path: Path
) -> None:
    plain = tmp_path / "p"
    plain.write_bytes(b"x")
    cli("encrypt", "-R", f"{keys}.pub", "-o", str(tmp_path / "s.age"), str(plain))
    r = cli("decrypt", str(tmp_path / "s.age"))
    assert r.code == 1 and "not encrypted for you" in r.err and "X25519" in r.err
