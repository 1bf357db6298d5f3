"""docs/FORMAT.md's checks of a contact card, an anchor and a directory with ssh-keygen and
jq (Parts II and III), run exactly as written on files CableDesk made: they pass, and fail
on a changed file, a signature made for another purpose or a key that is not the one given."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.sshsig import ANCHOR_NAMESPACE, DIRECTORY_NAMESPACE, sign
from tests.crypto.dirkit import ANCHOR, ANCHOR_KEY, OTHER_KEY, anchor, directory, entry, person
from tests.interop._tools import require_tool

# each test runs bash, jq and ssh-keygen several times
pytestmark = [pytest.mark.interop, pytest.mark.slow]
FORMAT_MD = Path(__file__).parents[2] / "docs" / "FORMAT.md"
JANE, KLAUS = person("Jane Doe"), person("Klaus Weber", "DEU")


@pytest.fixture(scope="module")
def tools() -> None:
    for name in ("bash", "ssh-keygen", "jq"):
        require_tool(name)


def _block(name: str) -> str:
    text = FORMAT_MD.read_text(encoding="utf-8")
    match = re.search(rf"<!-- test: {re.escape(name)} -->\n```sh\n(.*?)\n```", text, re.S)
    assert match, f"FORMAT.md has no block marked {name!r}"
    return match.group(1) + "\n"


def _run(folder: Path, *blocks: str, **env: str) -> subprocess.CompletedProcess[str]:
    script = "".join(_block(name) for name in blocks)
    return subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script], cwd=folder, env={**os.environ, **env},
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip


def test_a_card_checks_with_ssh_keygen(tools: None, tmp_path: Path) -> None:
    card = ContactCard.for_identity(JANE)
    (tmp_path / "jane.contact").write_bytes(card.to_bytes())
    done = _run(tmp_path, "check-card", CARD="jane.contact", FP=card.fingerprint)
    assert done.returncode == 0, done.stderr
    assert "Jane Doe, AMEMBASSY PARIS: sequence 1" in done.stdout
    assert card.fingerprint in done.stdout

    (tmp_path / "forged.contact").write_bytes(card.to_bytes().replace(b"Jane Doe", b"Jane Roe"))
    assert _run(tmp_path, "check-card", CARD="forged.contact", FP=card.fingerprint).returncode
    other = ContactCard.for_identity(KLAUS).fingerprint
    assert _run(tmp_path, "check-card", CARD="jane.contact", FP=other).returncode


def test_an_anchor_and_its_directory_check_with_ssh_keygen(tools: None, tmp_path: Path) -> None:
    (tmp_path / "mfa.anchor").write_bytes(ANCHOR.to_bytes())
    (tmp_path / "mfa.cdir").write_bytes(directory([entry(JANE)]).to_bytes())
    env = {"ANCHOR": "mfa.anchor", "ANCHOR_FP": ANCHOR.fingerprint, "DIRECTORY": "mfa.cdir"}
    done = _run(tmp_path, "check-anchor", "check-directory", **env)
    assert done.returncode == 0, done.stderr
    assert "MFA SECURITY OFFICE" in done.stdout and "serial 1" in done.stdout
    assert f"{JANE.fingerprint}  USA  us SECRET" in done.stdout


def test_the_checks_fail_where_they_must(tools: None, tmp_path: Path) -> None:
    env = {"ANCHOR": "mfa.anchor", "ANCHOR_FP": ANCHOR.fingerprint, "DIRECTORY": "mfa.cdir"}

    def passes(anchor_file: bytes, cdir: bytes, *blocks: str) -> bool:
        (tmp_path / "mfa.anchor").write_bytes(anchor_file)
        (tmp_path / "mfa.cdir").write_bytes(cdir)
        return _run(tmp_path, *blocks, **env).returncode == 0

    both = ("check-anchor", "check-directory")
    good = directory([entry(JANE)]).to_bytes()
    assert passes(ANCHOR.to_bytes(), good, *both)
    # a directory's signature presented as the anchor's, and the reverse
    anchor_body = ANCHOR.to_bytes().partition(b"\n")[0]
    resigned = anchor_body + b"\n" + sign(ANCHOR_KEY, DIRECTORY_NAMESPACE, anchor_body).encode()
    assert not passes(resigned, good, "check-anchor")
    body = good.partition(b"\n")[0]
    as_anchor = body + b"\n" + sign(ANCHOR_KEY, ANCHOR_NAMESPACE, body).encode()
    assert not passes(ANCHOR.to_bytes(), as_anchor, *both)
    # another office's key, a changed entry, an entry outside the scope
    theirs = directory([entry(JANE)], signing_key=OTHER_KEY).to_bytes()
    assert not passes(ANCHOR.to_bytes(), theirs, *both)
    changed = good.replace(b'"clearance":"SECRET"', b'"clearance":"TOP SECRET"')
    assert not passes(ANCHOR.to_bytes(), changed, *both)
    outside = directory([entry(JANE), entry(KLAUS)]).to_bytes()
    assert not passes(ANCHOR.to_bytes(), outside, *both)
    unlimited = anchor(nationalities=())
    env["ANCHOR_FP"] = unlimited.fingerprint
    assert passes(unlimited.to_bytes(), outside, *both)
