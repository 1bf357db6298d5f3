"""``open`` and ``verify`` list a sealed cable's clearance statements (text and JSON), and
print no text from the file raw: controls and bidi characters come out as escapes."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path

import pytest

from cabledesk.crypto.age import encrypt
from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.keys import Identity
from cabledesk.crypto.sshsig import CLEARANCE_NAMESPACE, sign
from cabledesk.domain.cable import Paragraph, cable_banner
from cabledesk.domain.canonical import encode_cable
from cabledesk.domain.clearance import clearance_sha256
from cabledesk.seal import SealRecipient, Statement, seal
from tests.cli.conftest import Runner, Vault
from tests.seal.kit import CABLE, MALLORY, NOW, PEOPLE, SCHEMES, Package, make_cable, recipient

CAROL, DAVE, BOB = PEOPLE["carol"], PEOPLE["dave"], PEOPLE["bob"]
# A cable whose text tries to clear the screen and reverse what follows it.
HOSTILE = replace(
    CABLE,
    subject="FRANCE: \x1b[2J\u202eTALKS",
    paragraphs=(Paragraph("(S//NF)", "Red \x1b[31mtext\x1b[0m\nand a second line."),),
)
TEXT = clearance_sha256(HOSTILE)


def _statement(role: str, signer: Identity, text: str = TEXT, comment: str = "") -> bytes:
    made = Statement.sign(
        signer.signing_key, role=role, cable_id=HOSTILE.id, text_sha256=text,
        name=signer.name, made=NOW, office="POL", comment=comment,
    )  # fmt: skip
    return made.to_bytes()


@pytest.fixture
def sealed(cli: Runner, jane: Vault, tmp_path: Path) -> Path:
    """Carol's cable for Jane (the vault) and Bob, with four statements: Carol's own
    (drafted), Dave's on another text, one forged in Dave's name, one unreadable."""
    card_file = tmp_path / "jane.contact"
    r = cli(*jane.options, "identity", "export-card", "-o", str(card_file))
    assert r.code == 0, r.err
    card = ContactCard.parse(card_file.read_bytes(), now=None)
    out = io.BytesIO()
    seal(
        encode_cable(HOSTILE), cable_id=HOSTILE.id, sender=CAROL,
        banner=cable_banner(HOSTILE, SCHEMES["us"]).banner,
        recipients=[SealRecipient.from_card(card), recipient(BOB)], output=out, now=NOW,
        statements=[
            _statement("drafted", CAROL, comment="Drafted at post; see para 2."),
            _statement("cleared", DAVE, clearance_sha256(make_cable(1))),
        ],
    )  # fmt: skip
    package = Package.of(out.getvalue(), BOB)
    body = _statement("approved", DAVE).partition(b"\n")[0]
    forged = body + b"\n" + sign(MALLORY.signing_key, CLEARANCE_NAMESPACE, body).encode()
    at = [n for n, _ in package.entries].index("manifest.json")
    package.entries[at:at] = [
        ("statements/3.statement", forged), ("statements/4.statement", b"not a statement"),
    ]  # fmt: skip
    package.set_manifest(package.rehash_with_statements(), signer=CAROL)
    encrypted = io.BytesIO()
    keys = [card.keys.encryption, BOB.public().encryption, CAROL.public().encryption]
    encrypt(io.BytesIO(package.zip()), encrypted, keys)
    path = tmp_path / "from-carol.cable"
    path.write_bytes(encrypted.getvalue())
    return path


@pytest.mark.parametrize("command", ["open", "verify"])
def test_the_statements_are_listed_in_text(
    cli: Runner, jane: Vault, sealed: Path, command: str
) -> None:
    r = cli(*jane.options, command, str(sealed))
    assert r.code == 0, r.err  # a warning (Carol is not a contact): statements do not fail it
    assert r.out.startswith("VALID, WITH A WARNING: Intact and signed by a key that is not")
    assert "which signs as 'Carol Poe" in r.out.splitlines()[0]
    lines = r.out.splitlines()
    at = lines.index(
        "  statement statements/1.statement: drafted by Carol Poe (as the statement names "
        "the signer), office POL, 2026-11-23 14:05 UTC"
    )
    assert lines[at + 1 : at + 4] == [
        f"    key: {CAROL.fingerprint}",
        "    signature holds: yes; on this cable's text: yes",
        "    comment: Drafted at post; see para 2.",
    ]
    at = lines.index(
        "  statement statements/2.statement: cleared by Dave Moe (as the statement names "
        "the signer), office POL, 2026-11-23 14:05 UTC"
    )
    assert lines[at + 2] == "    signature holds: yes; on this cable's text: NO"
    assert lines[at + 3].startswith("    problem: This statement is about another text")
    at = lines.index(
        "  statement statements/3.statement: approved by Dave Moe (as the statement names "
        "the signer), office POL, 2026-11-23 14:05 UTC"
    )
    assert lines[at + 2] == "    signature holds: NO; on this cable's text: yes"
    assert "made by" in lines[at + 3]  # signed by another key than the one it names
    assert any(
        line.startswith("  statement statements/4.statement: cannot be read: ") for line in lines
    )


def test_open_escapes_text_from_the_file(cli: Runner, jane: Vault, sealed: Path) -> None:
    r = cli(*jane.options, "open", str(sealed))
    assert r.code == 0, r.err
    assert "\x1b" not in r.out and "\u202e" not in r.out
    assert "SUBJECT: (U) FRANCE: \\u001b[2J\\u202eTALKS" in r.out
    # The cable's own line breaks stay line breaks; the escapes inside the line show.
    assert "1. (S//NF) Red \\u001b[31mtext\\u001b[0m\nand a second line." in r.out


@pytest.mark.parametrize("command", ["open", "verify"])
def test_the_statements_are_listed_in_json(
    cli: Runner, jane: Vault, sealed: Path, command: str
) -> None:
    r = cli(*jane.options, command, str(sealed), "--json")
    assert r.code == 0, r.err
    assert "\x1b" not in r.out and "\u202e" not in r.out  # escaped, as JSON allows
    doc = json.loads(r.out)
    assert [
        (s["path"], s["role"], s["signer_name"], s["signature_valid"], s["matches_cable"])
        for s in doc["statements"]
    ] == [
        ("statements/1.statement", "drafted", "Carol Poe", True, True),
        ("statements/2.statement", "cleared", "Dave Moe", True, False),
        ("statements/3.statement", "approved", "Dave Moe", False, True),
        ("statements/4.statement", None, None, False, False),
    ]
    first = doc["statements"][0]
    assert first["fingerprint"] == CAROL.fingerprint and first["problem"] is None
    assert first["comment"] == "Drafted at post; see para 2."
    assert doc["statements"][3]["problem"]
    if command == "open":  # the JSON escapes read back exactly
        assert doc["cable"]["subject"] == HOSTILE.subject


# --- issue 18: drafted_by, cleared_by, approved_by ---------------------------------------


@pytest.mark.parametrize("command", ["open", "verify"])
def test_the_chain_names_each_signer_with_its_state(
    cli: Runner, jane: Vault, sealed: Path, command: str
) -> None:
    r = cli(*jane.options, command, str(sealed), "--json")
    doc = json.loads(r.out)
    drafted = doc["drafted_by"]
    assert (drafted["name"], drafted["signs_as"], drafted["fingerprint"], drafted["state"]) == (
        None, "Carol Poe", CAROL.fingerprint, "unknown-key",  # Carol is not Jane's contact
    )  # fmt: skip
    assert [(c["signs_as"], c["state"]) for c in doc["cleared_by"]] == [("Dave Moe", "other-text")]
    assert [(a["signs_as"], a["state"]) for a in doc["approved_by"]] == [("Dave Moe", "forged")]
    r = cli(*jane.options, command, str(sealed))
    lines = r.out.splitlines()
    assert (
        f"  drafted by: 'Carol Poe' (as the statement names the signer) (POL), "
        f"{CAROL.fingerprint}, by a key not among your contacts"
    ) in lines
    assert any(
        line.startswith("  cleared by: 'Dave Moe'") and line.endswith("ABOUT ANOTHER TEXT: "
                                                                      "does not count for this one")
        for line in lines
    )  # fmt: skip
    assert any(
        line.startswith("  approved by: ") and line.endswith("SIGNATURE DOES NOT HOLD")
        for line in lines
    )


def test_the_chain_names_a_contact_by_the_readers_own_record(
    cli: Runner, jane: Vault, sealed: Path, tmp_path: Path
) -> None:
    card = tmp_path / "carol.contact"
    card.write_bytes(ContactCard.for_identity(CAROL).to_bytes())
    assert cli(*jane.options, "contact", "import", str(card)).code == 0
    doc = json.loads(cli(*jane.options, "verify", str(sealed), "--json").out)
    assert doc["drafted_by"]["name"] == "Carol Poe"
    assert doc["drafted_by"]["state"] == "unverified"
    assert cli(*jane.options, "contact", "verify", CAROL.fingerprint, "--how", "phone").code == 0
    doc = json.loads(cli(*jane.options, "verify", str(sealed), "--json").out)
    assert doc["drafted_by"]["state"] == "verified"
