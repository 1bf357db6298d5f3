"""``clearance request --approver`` and ``clearance status`` with a trusted directory: an
approver without the attested role release-authority is refused (exit 1, saying why and
how to fix it); status shows who holds it."""

# ruff: noqa: F811  (the office fixture, imported from clearance_kit, is each test's argument)
from __future__ import annotations

import pytest

from cabledesk.crypto.contact import ContactCard
from tests.cli.clearance_kit import (  # noqa: F401  (office and template: the fixtures)
    Office,
    office,
    template,
)
from tests.crypto.dirkit import ANCHOR, directory, entry

pytestmark = pytest.mark.slow


def _trust(office: Office, roles: dict[str, tuple[str, ...]]) -> None:
    """Jane trusts the ministry's anchor and imports its directory attesting ``roles``."""
    anchor = office.file("mfa.anchor")
    anchor.write_bytes(ANCHOR.to_bytes())
    assert office.run("jane", "directory", "trust", str(anchor), "--yes",
                      "--how", "handed over").code == 0  # fmt: skip
    cards = [
        ContactCard.parse(office.file(f"{who}.contact").read_bytes(), now=None) for who in roles
    ]
    listed = directory([entry(c, roles=r) for c, r in zip(cards, roles.values(), strict=True)])
    cdir = office.file("mfa.cdir")
    cdir.write_bytes(listed.to_bytes())
    r = office.run("jane", "directory", "import", str(cdir))
    assert r.code == 0, r.err
    assert office.run("jane", "settings", "set", "attested-from", "off").code == 0


def test_request_to_an_approver_without_release_authority_exits_1(office: Office) -> None:
    _trust(office, {"anna": ("clearer",)})
    out = office.file("request.cable")
    r = office.run("jane", "clearance", "request", str(office.cable_file), "--to", "Klaus",
                   "--approver", "Anna", "-o", str(out))  # fmt: skip
    assert r.code == 1, r.err
    assert "Anna Ambassador" in r.err and "no release authority" in r.err
    assert "release-authority" in r.err  # how to fix it
    assert not out.exists()
    assert "clearance request refused" in office.events("jane")


def test_status_shows_the_attested_release_authority(office: Office) -> None:
    _trust(office, {"anna": ("release-authority",)})
    office.request()
    status = office.status()
    assert status["release_authority_from"] == "directory"
    parties = status["parties"]
    assert isinstance(parties, list)
    (anna,) = [p for p in parties if p["part"] == "approver"]
    assert anna["release_authority"] == "attested"
    r = office.run("jane", "clearance", "status", office.draft)
    assert "release authority: attested by a directory you trust" in r.out
