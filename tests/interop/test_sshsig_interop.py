"""SSHSIG and contact cards against the real ``ssh-keygen``, both directions."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.keys import Identity
from cabledesk.crypto.sshsig import DOCUMENT_NAMESPACE, SEAL_NAMESPACE, sign, verify
from cabledesk.errors import SignatureInvalid
from tests.interop._tools import require_tool

pytestmark = pytest.mark.interop
DATA = b"(S//NF) The minister said the communique would pass.\n" * 100


@pytest.fixture(scope="module")
def ssh_keygen() -> str:
    return require_tool("ssh-keygen")


@pytest.fixture
def jane(tmp_path: Path) -> tuple[Identity, Path]:
    identity = Identity.generate("Jane Doe", "AMEMBASSY PARIS")
    key = tmp_path / "jane.ssh"
    key.write_bytes(identity.openssh_private_key())
    key.chmod(0o600)
    (tmp_path / "jane.ssh.pub").write_text(identity.public().ssh_line("jane") + "\n")
    (tmp_path / "signers").write_text(f"jane {identity.public().ssh_line()}\n")
    return identity, key


def _verify(ssh_keygen: str, folder: Path, sig: Path, data: bytes, ns: str) -> int:
    return subprocess.run(
        [ssh_keygen, "-Y", "verify", "-f", str(folder / "signers"), "-I", "jane", "-n", ns,
         "-s", str(sig)],
        input=data, capture_output=True, check=False,
    ).returncode  # fmt: skip


def test_ssh_keygen_verifies_ours(
    ssh_keygen: str, jane: tuple[Identity, Path], tmp_path: Path
) -> None:
    identity, _ = jane
    sig = tmp_path / "doc.sig"
    sig.write_text(sign(identity.signing_key, DOCUMENT_NAMESPACE, DATA))
    assert _verify(ssh_keygen, tmp_path, sig, DATA, DOCUMENT_NAMESPACE) == 0
    assert _verify(ssh_keygen, tmp_path, sig, DATA, SEAL_NAMESPACE) != 0
    assert _verify(ssh_keygen, tmp_path, sig, DATA + b"x", DOCUMENT_NAMESPACE) != 0


def test_we_verify_ssh_keygens_and_bytes_match(
    ssh_keygen: str, jane: tuple[Identity, Path], tmp_path: Path
) -> None:
    identity, key = jane
    doc = tmp_path / "doc"
    doc.write_bytes(DATA)
    subprocess.run([ssh_keygen, "-Y", "sign", "-f", str(key), "-n", DOCUMENT_NAMESPACE, str(doc)],
                   check=True, capture_output=True)  # fmt: skip
    theirs = (tmp_path / "doc.sig").read_text()
    assert theirs == sign(identity.signing_key, DOCUMENT_NAMESPACE, DATA)  # byte-identical
    public = identity.public().ed25519()
    assert verify(theirs, DATA, public, DOCUMENT_NAMESPACE).namespace == DOCUMENT_NAMESPACE
    with pytest.raises(SignatureInvalid, match="different purpose"):
        verify(theirs, DATA, public, SEAL_NAMESPACE)
    with pytest.raises(SignatureInvalid, match="changed"):
        verify(theirs, DATA[:-1], public, DOCUMENT_NAMESPACE)
    other = Identity.generate("Mallory", "X").public().ed25519()
    with pytest.raises(SignatureInvalid, match="expected signer"):
        verify(theirs, DATA, other, DOCUMENT_NAMESPACE)


def test_sha256_signatures_from_ssh_keygen(
    ssh_keygen: str, jane: tuple[Identity, Path], tmp_path: Path
) -> None:
    identity, key = jane
    doc = tmp_path / "doc"
    doc.write_bytes(DATA)
    subprocess.run([ssh_keygen, "-Y", "sign", "-O", "hashalg=sha256", "-f", str(key), "-n",
                    SEAL_NAMESPACE, str(doc)], check=True, capture_output=True)  # fmt: skip
    result = verify(
        (tmp_path / "doc.sig").read_text(), DATA, identity.public().ed25519(), SEAL_NAMESPACE
    )
    assert result.hash_algorithm == "sha256"


def test_fingerprint_matches_ssh_keygen(
    ssh_keygen: str, jane: tuple[Identity, Path], tmp_path: Path
) -> None:
    identity, _ = jane
    out = subprocess.run([ssh_keygen, "-lf", str(tmp_path / "jane.ssh.pub")], capture_output=True,
                         text=True, check=True).stdout  # fmt: skip
    assert out.split()[1] == identity.fingerprint


def test_contact_card_verifies_with_standard_tools(
    ssh_keygen: str, jane: tuple[Identity, Path], tmp_path: Path
) -> None:
    identity, _ = jane
    card = ContactCard.for_identity(identity)
    path = tmp_path / "jane.contact"
    path.write_bytes(card.to_bytes())
    # the procedure of contact.py's docstring, with Python standing in for jq
    script = (
        "head -n 1 jane.contact | tr -d '\\n' > card.json && tail -n +2 jane.contact > card.sig && "
        'echo "card $(python3 -c \'import json,sys; print(json.load(sys.stdin)["ssh_key"])\' < card.json)" > s && '
        f"{ssh_keygen} -Y verify -f s -I card -n cabledesk-contact-v1 -s card.sig < card.json"
    )
    done = subprocess.run(["sh", "-c", script], cwd=tmp_path, capture_output=True, check=False)
    assert done.returncode == 0, done.stderr
    assert ContactCard.parse(path.read_bytes(), now=datetime.now(UTC)).name == "Jane Doe"
