"""A directory published by ``authority publish`` checks with ssh-keygen alone (namespace
``cabledesk-directory-v1``, against the key of the exported anchor), and with
docs/FORMAT.md's own check-anchor and check-directory blocks (Part III); ssh-keygen
refuses it for another namespace or once changed."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from cabledesk.crypto.contact import ContactCard
from cabledesk.domain.scheme import SchemeRegistry
from cabledesk.services.authority import AttestRequest, AuthorityService
from cabledesk.services.identity import IdentityRequest, IdentityService
from cabledesk.store.home import VaultHome
from cabledesk.store.vault import Vault
from tests.crypto.dirkit import person
from tests.interop._tools import require_tool
from tests.interop.test_signed_text_standard_tools import _run
from tests.vaultkit import FAST, PASSPHRASE

pytestmark = [pytest.mark.interop, pytest.mark.slow]
SCHEMES = SchemeRegistry.load()


@pytest.fixture
def published(tmp_path: Path) -> Iterator[tuple[Path, Path, str]]:
    """An office's vault that attested one person and revoked another: (anchor file,
    directory file, anchor fingerprint)."""
    vault = Vault.create(VaultHome(tmp_path / "home"), PASSPHRASE, params=FAST)
    try:
        IdentityService(vault, SCHEMES).create(IdentityRequest("Officer", "MFA"))
        office = AuthorityService(vault, SCHEMES)
        office.init("MFA SECURITY OFFICE", nationalities=("FRA", "USA"))
        jane = ContactCard.for_identity(person("Jane Doe"))
        office.attest(jane.to_bytes(), AttestRequest("SECRET", "USA", roles=("clearer",)))
        office.revoke("SHA256:" + "D" * 43, "left-service")
        fingerprint = office.export_anchor(tmp_path / "mfa.anchor")
        office.publish(tmp_path / "mfa.cdir")
    finally:
        vault.lock()
    yield tmp_path / "mfa.anchor", tmp_path / "mfa.cdir", fingerprint


def _verify(folder: Path, cdir: bytes, namespace: str) -> subprocess.CompletedProcess[bytes]:
    body, _, signature = cdir.partition(b"\n")
    (folder / "directory.sig").write_bytes(signature)
    return subprocess.run(
        ["ssh-keygen", "-Y", "verify", "-f", "signers", "-I", "anchor", "-n", namespace,
         "-s", "directory.sig"],
        input=body, cwd=folder, capture_output=True, timeout=60, check=False,
    )  # fmt: skip


def test_ssh_keygen_verifies_a_published_directory(
    published: tuple[Path, Path, str], tmp_path: Path
) -> None:
    require_tool("ssh-keygen")
    anchor_file, cdir_file, _ = published
    ssh_key = json.loads(anchor_file.read_bytes().partition(b"\n")[0])["ssh_key"]
    (tmp_path / "signers").write_text(f"anchor {ssh_key}\n")
    cdir = cdir_file.read_bytes()
    done = _verify(tmp_path, cdir, "cabledesk-directory-v1")
    assert done.returncode == 0, done.stderr
    assert _verify(tmp_path, cdir, "cabledesk-anchor-v1").returncode != 0
    changed = cdir.replace(b'"clearance":"SECRET"', b'"clearance":"TOP SECRET"')
    assert changed != cdir
    assert _verify(tmp_path, changed, "cabledesk-directory-v1").returncode != 0


def test_format_md_checks_pass_on_a_published_directory(
    published: tuple[Path, Path, str],
) -> None:
    for name in ("bash", "ssh-keygen", "jq"):
        require_tool(name)
    anchor_file, cdir_file, fingerprint = published
    env = {"ANCHOR": anchor_file.name, "ANCHOR_FP": fingerprint, "DIRECTORY": cdir_file.name}
    done = _run(anchor_file.parent, "check-anchor", "check-directory", **env)
    assert done.returncode == 0, done.stderr
    assert "MFA SECURITY OFFICE" in done.stdout and "serial 1" in done.stdout
    assert "USA  us SECRET" in done.stdout
