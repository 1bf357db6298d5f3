"""``clearance request --attach``: the clearers receive the files, their answers cover the
attachment list, and ``seal`` carries the clearances only with the very files cleared."""

# ruff: noqa: F811  (the office fixture, imported from clearance_kit, is each test's argument)
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.clearance_kit import (  # noqa: F401  (office and template: the fixtures)
    Office,
    edited_copy,
    office,
    template,
)

pytestmark = pytest.mark.slow


def _cleared(office: Office) -> Path:
    """Jane's draft sent with annex.pdf, cleared by Klaus and Mary (Mary with an edit,
    accepted), approved by Anna; approval required from SECRET. The annex's path."""
    annex = office.file("annex.pdf")
    annex.write_bytes(b"%PDF-1.4 the minister's letter\n")
    request = office.request("--attach", str(annex))
    extracted = office.file("klaus-files")
    r = office.run("klaus", "open", str(request), "--extract", str(extracted))
    assert r.code == 0, r.err
    assert (extracted / "annex.pdf").read_bytes() == annex.read_bytes()  # read what they clear
    edited = edited_copy(office, request, "mary", "The minister said yes, with conditions.")
    answers = [
        office.answer("klaus", request, "--clear"),
        office.answer("mary", request, "--edit", str(edited)),
        office.answer("anna", request, "approve"),
    ]
    r = office.run("jane", "clearance", "receive", str(answers[1]), "--accept-edit")
    assert r.code == 0, r.err
    request = office.request("--attach", str(annex), name="again.cable")
    answers = [office.answer("klaus", request, "--clear", name="k2.cable"),
               office.answer("anna", request, "approve", name="a2.cable")]  # fmt: skip
    for answer in answers:
        r = office.run("jane", "clearance", "receive", str(answer))
        assert r.code == 0, r.err
    assert office.status()["approved"] is True
    r = office.run("jane", "settings", "set", "approval-required-from", "SECRET")
    assert r.code == 0, r.err
    return annex


def test_cleared_attachments_seal_with_their_clearances(office: Office) -> None:
    annex = _cleared(office)
    sealed = office.file("released.cable")
    r = office.run("jane", "seal", office.draft, "--to", "Klaus", "--attach", str(annex),
                   "-o", str(sealed))  # fmt: skip
    assert r.code == 0, r.err
    doc = json.loads(office.run("klaus", "verify", str(sealed), "--json").out)
    assert doc["verdict"] == "valid"
    roles = sorted(s["role"] for s in doc["statements"])
    assert roles == ["approved", "cleared", "drafted", "drafted", "returned"]
    assert all(s["matches_cable"] and s["signature_valid"] for s in doc["statements"])
    assert [a["name"] for a in doc["cable"]["attachments"]] == ["annex.pdf"]


def test_seal_with_an_attachment_swapped_after_clearance_exits_1(office: Office) -> None:
    annex = _cleared(office)
    annex.write_bytes(b"%PDF-1.4 another letter\n")
    sealed = office.file("released.cable")
    r = office.run("jane", "seal", office.draft, "--to", "Klaus", "--attach", str(annex),
                   "-o", str(sealed))  # fmt: skip
    assert r.code == 1, r.err
    assert "annex.pdf is not the file cleared" in r.err and not sealed.exists()
    assert "release refused" in office.events("jane")
