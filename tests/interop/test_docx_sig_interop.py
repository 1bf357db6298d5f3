"""Signed exports checked with OpenSSH alone, as README.md tells a recipient to."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from cabledesk.crypto.keys import Identity
from cabledesk.domain.scheme import SchemeRegistry
from cabledesk.export.signed import DocumentSigner
from cabledesk.services.exporting import ExportRequest, ExportService
from tests.export.samples import unclassified_cable
from tests.interop._tools import require_tool

pytestmark = pytest.mark.interop
NOW = datetime.now(UTC)
JANE = Identity.generate("Jane Doe", "AMEMBASSY PARIS", expires=NOW + timedelta(days=30))


@pytest.fixture
def exported(tmp_path: Path) -> Path:
    out = tmp_path / "cable.docx"
    request = ExportRequest(out, signer=DocumentSigner.from_identity(JANE), bundle=True)
    ExportService(SchemeRegistry.load()).export(unclassified_cable(), request)
    (tmp_path / "allowed_signers").write_text(f"jane {JANE.public().ssh_line()}\n")
    return out


def _verify(folder: Path, document: Path, signature: Path, namespace: str) -> int:
    with document.open("rb") as f:
        return subprocess.run(
            [
                require_tool("ssh-keygen"),
                "-Y",
                "verify",
                "-f",
                str(folder / "allowed_signers"),
                "-I",
                "jane",
                "-n",
                namespace,
                "-s",
                str(signature),
            ],
            stdin=f,
            capture_output=True,
            check=False,
        ).returncode


def test_ssh_keygen_verifies_the_exported_signature(exported: Path) -> None:
    sig = exported.with_name("cable.docx.sig")
    assert _verify(exported.parent, exported, sig, "cabledesk-document-v1") == 0
    assert _verify(exported.parent, exported, sig, "cabledesk-seal-v1") != 0
    exported.write_bytes(exported.read_bytes() + b"\0")
    assert _verify(exported.parent, exported, sig, "cabledesk-document-v1") != 0


def test_the_bundle_unzips_and_verifies_with_standard_tools(exported: Path) -> None:
    unzip = require_tool("unzip")
    folder = exported.parent / "unzipped"
    subprocess.run(
        [unzip, "-q", str(exported.with_name("cable.zip")), "-d", str(folder)], check=True
    )
    readme = (folder / "VERIFY.txt").read_text()
    assert JANE.fingerprint in readme and JANE.public().ssh_line() in readme
    assert (folder / "cable.docx").read_bytes() == exported.read_bytes()
    assert (
        _verify(
            exported.parent,
            folder / "cable.docx",
            folder / "cable.docx.sig",
            "cabledesk-document-v1",
        )
        == 0
    )


def test_unzip_finds_the_docx_sound(exported: Path) -> None:
    done = subprocess.run(
        [require_tool("unzip"), "-t", str(exported)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and "No errors detected" in done.stdout
