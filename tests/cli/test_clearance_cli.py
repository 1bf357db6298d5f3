"""``clearance request|respond|approve|receive|status`` and ``seal`` of a cleared draft,
between five vaults (tests/cli/clearance_kit.py)."""

# ruff: noqa: F811  (the office fixture, imported from clearance_kit, is each test's argument)
from __future__ import annotations

import json

import pytest

from tests.cli.clearance_kit import (  # noqa: F401  (office and template: the fixtures)
    Office,
    edited_copy,
    office,
    template,
)

pytestmark = pytest.mark.slow


def test_request_marks_the_draft_in_clearance_with_the_drafted_statement(office: Office) -> None:
    request = office.request("--comment", "Please clear by noon.")
    status = office.status()
    assert status["in_clearance"] is True
    assert status["drafted_by"] == [office.fingerprints["jane"]]
    assert office.answered() == {"klaus": "no-answer", "mary": "no-answer", "anna": "no-answer"}
    r = office.run("klaus", "verify", str(request), "--json")
    doc = json.loads(r.out)
    assert r.code == 0 and doc["kind"] == "clearance-request"
    (drafted,) = doc["statements"]
    assert drafted["role"] == "drafted" and drafted["matches_cable"] and drafted["signature_valid"]
    assert drafted["comment"] == "Please clear by noon."
    assert "clearance requested" in office.events("jane")
    # The draft stays a draft: nothing archived, nothing released.
    r = office.run("jane", "draft", "list", "--json")
    assert office.draft in r.out


def test_the_whole_flow_then_seal_carries_the_record(office: Office) -> None:
    request = office.request()
    cleared = office.answer("klaus", request, "--clear", "--comment", "POL clears.")
    declined = office.answer("mary", request, "--decline", "--comment", "Para 2 overstates.")
    approved = office.answer("anna", request, "approve")
    for answer in (cleared, declined, approved):
        r = office.run("jane", "clearance", "receive", str(answer))
        assert r.code == 0, r.err
        assert r.out.startswith("Recorded: ")
    assert "Klaus Weber" in office.run("jane", "clearance", "receive", str(cleared)).out
    status = office.status()
    assert office.answered() == {"klaus": "cleared", "mary": "declined", "anna": "approved"}
    assert status["approved"] is True
    r = office.run("jane", "clearance", "status", office.draft)
    assert "comment: Para 2 overstates." in r.out and "approved: yes" in r.out
    events = office.events("jane")
    assert events.count("clearance received") == 3
    assert "clearance given" in office.events("klaus")
    assert "clearance given" in office.events("anna")
    sealed = office.file("released.cable")
    r = office.run("jane", "seal", office.draft, "--to", "Klaus", "-o", str(sealed))
    assert r.code == 0, r.err
    r = office.run("klaus", "verify", str(sealed), "--json")
    doc = json.loads(r.out)
    roles = sorted(s["role"] for s in doc["statements"])
    assert roles == ["approved", "cleared", "drafted"]  # a decline is not carried
    assert all(s["matches_cable"] and s["signature_valid"] for s in doc["statements"])
    # The document carries the block, and the reader renders it again to the same bytes.
    assert doc["verdict"] == "valid" and doc["document_checked"] is True
    # The reader names each signer by their own records: Klaus knows Jane, not Anna.
    assert (doc["drafted_by"]["name"], doc["drafted_by"]["state"]) == ("Jane Doe", "verified")
    assert [c["name"] for c in doc["cleared_by"]] == ["Klaus Weber (you)"]
    assert [(a["signs_as"], a["state"]) for a in doc["approved_by"]] == [
        ("Anna Ambassador", "unknown-key")
    ]
    r = office.run("klaus", "verify", str(sealed))
    assert any(line.startswith("  approved by: 'Anna Ambassador'") for line in r.out.splitlines())


def test_receive_an_edit_shows_the_diff_and_accepts_it_only_when_asked(office: Office) -> None:
    request = office.request()
    cleared = office.answer("mary", request, "--clear")
    assert office.run("jane", "clearance", "receive", str(cleared)).code == 0
    edited = edited_copy(office, request, "klaus", "The minister said perhaps.")
    returned = office.answer("klaus", request, "--edit", str(edited))
    r = office.run("jane", "clearance", "receive", str(returned))
    assert r.code == 0, r.err
    assert "- 2. (S//NF) The minister said yes." in r.out
    assert "+ 2. (S//NF) The minister said perhaps." in r.out
    assert "Not accepted" in r.out
    assert office.answered()["mary"] == "cleared"  # the draft did not change
    r = office.run("jane", "clearance", "receive", str(returned), "--accept-edit")
    assert r.code == 0, r.err and "Accepted" in r.out
    answered = office.answered()
    assert answered["mary"] == "cleared-earlier-version"
    assert answered["klaus"] == "returned"  # their version is the text now
    r = office.run("jane", "clearance", "status", office.draft)
    assert "Mary Smith" in r.out and "cleared an earlier version" in r.out
    assert office.status()["drafted_by"] == [office.fingerprints["jane"]]  # re-drafted
    assert "clearance edit accepted" in office.events("jane")


def test_approval_required_refuses_an_unapproved_seal_saying_what_is_missing(
    office: Office,
) -> None:
    r = office.run("jane", "settings", "set", "approval-required-from", "SECRET")
    assert r.code == 0, r.err
    r = office.run("jane", "settings", "show")
    assert any(line.split() == ["approval-required-from", "SECRET", "(default:", "off)"]
               for line in r.out.splitlines())  # fmt: skip
    office.request()
    out = office.file("out.cable")
    r = office.run("jane", "seal", office.draft, "--to", "Klaus", "-o", str(out))
    assert r.code == 1 and "lacks an approval" in r.err
    assert not out.exists()


def test_two_person_needs_two_different_approvers(office: Office) -> None:
    assert office.run("jane", "settings", "set", "two-person-from", "SECRET").code == 0
    out = office.file("request.cable")
    r = office.run("jane", "clearance", "request", str(office.cable_file), "--approver", "Anna",
                   "--approver", "Omar", "-o", str(out))  # fmt: skip
    assert r.code == 0, r.err
    first = office.answer("anna", out, "approve")
    again = office.answer("anna", out, "approve", "--comment", "Once more.", name="again.cable")
    for answer in (first, again):
        assert office.run("jane", "clearance", "receive", str(answer)).code == 0
    sealed = office.file("sealed.cable")
    r = office.run("jane", "seal", office.draft, "--to", "Klaus", "-o", str(sealed))
    assert r.code == 1 and "1 more approval" in r.err  # the same approver twice counts once
    second = office.answer("omar", out, "approve")
    assert office.run("jane", "clearance", "receive", str(second)).code == 0
    r = office.run("jane", "seal", office.draft, "--to", "Klaus", "-o", str(sealed))
    assert r.code == 0, r.err


def test_settings_take_off_or_a_level(office: Office) -> None:
    r = office.run("jane", "settings", "set", "two-person-from", "NOT A LEVEL")
    assert r.code == 2
    assert office.run("jane", "settings", "set", "two-person-from", "top secret").code == 0
    r = office.run("jane", "settings", "show", "--json")
    values = {v["key"]: v["value"] for v in json.loads(r.out)}
    assert values["two-person-from"] == "TOP SECRET" and values["approval-required-from"] == "off"
    assert office.run("jane", "settings", "set", "two-person-from", "off").code == 0


def test_receive_exit_codes_and_the_drafter_never_approves(office: Office) -> None:
    request = office.request()
    garbage = office.file("garbage.cable")
    garbage.write_bytes(b"not a sealed cable at all")
    assert office.run("jane", "clearance", "receive", str(garbage)).code == 2  # unreadable
    r = office.run("jane", "clearance", "receive", str(request))
    assert r.code == 1 and "not an answer" in r.err  # a request, not an answer
    answer = office.answer("klaus", request, "--clear")
    r = office.run("mary", "clearance", "receive", str(answer))
    assert r.code == 1  # not for Mary: none of her keys opens it
    r = office.run("jane", "clearance", "approve", str(request), "-o", str(office.file("x")))
    assert r.code == 1 and "cannot clear or approve it yourself" in r.err
    assert "clearance answer refused" in office.events("jane")
